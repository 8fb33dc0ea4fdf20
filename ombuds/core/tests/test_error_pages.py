"""Error pages in the site's layout and language; the demo runs with DEBUG off and still serves static files."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

ROOT = Path(__file__).resolve().parents[3]


def _in_russian(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return client


@pytest.mark.django_db
def test_not_found_is_the_sites_page_in_the_users_language_not_a_list_of_url_patterns(persona, staff_client):
    http = _in_russian(staff_client(persona("complaints_officer")))
    response = http.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'data-testid="error-page"' in body
    assert "Страница не найдена" in body
    assert 'class="navbar-brand' in body and "URLconf" not in body


@pytest.mark.django_db
def test_a_section_without_a_role_is_the_sites_403_page(persona, staff_client):
    response = staff_client(persona("npm_member")).get(reverse("core:audit_list"))
    assert response.status_code == 403
    body = response.content.decode()
    assert 'data-testid="error-page"' in body and "Sizin bu səhifəyə girişiniz yoxdur" in body


@pytest.mark.django_db
def test_a_bad_request_is_the_sites_400_page(client):
    response = client.get("/", headers={"host": "not-an-allowed-host.example"})
    assert response.status_code == 400
    assert 'data-testid="error-page"' in response.content.decode()


@pytest.mark.django_db
def test_a_refused_form_explains_itself_in_the_users_language():
    client = _in_russian(Client(enforce_csrf_checks=True))
    response = client.post(reverse("account_login"), {"login": "x", "password": "y"})
    assert response.status_code == 403
    body = response.content.decode()
    assert 'data-testid="error-page"' in body and "Форма устарела" in body


def test_the_server_error_page_needs_neither_the_database_nor_a_request_context():
    # No django_db mark: any query would fail the test.
    with translation.override("ru"):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert 'data-testid="error-page"' in body and "Ошибка 500" in body and "bootstrap.min.css" in body


def test_the_demo_runs_without_debug_and_serves_static_files_from_a_fresh_clone(tmp_path):
    script = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup();"
        "from django.conf import settings; from django.test import Client;"
        f"settings.STATIC_ROOT = {str(tmp_path / 'never-collected')!r};"
        "print(settings.DEBUG, Client().get('/static/ombuds/ombuds.css').status_code)"
    )
    env = {"PATH": "/usr/bin:/bin", "OMBUDS_DEMO": "1"}
    result = subprocess.run(  # noqa: S603 - fixed argv, our own settings
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split() == ["False", "200"], result.stderr
