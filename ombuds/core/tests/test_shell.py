"""The UI shell: language choice, home page, organisation page, security headers."""

import pytest
from django.core.management import call_command

from ombuds.accounts.models import User
from ombuds.accounts.testing import make_persona, make_user

pytestmark = pytest.mark.django_db


def test_azerbaijani_is_the_default_whatever_the_browser_says(client):
    response = client.get("/auth/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "az"
    assert b'<html lang="az">' in response.content
    assert b"Daxil ol" in response.content


@pytest.mark.parametrize(("language", "phrase"), [("en", "Sign in"), ("ru", "Войти"), ("az", "Daxil ol")])
def test_language_switcher_sets_the_language(client, language, phrase):
    response = client.post("/i18n/setlang/", {"language": language, "next": "/auth/login/"})
    assert response.status_code == 302 and response["Location"] == "/auth/login/"
    page = client.get("/auth/login/")
    assert page["Content-Language"] == language
    assert f'<html lang="{language}">'.encode() in page.content
    assert phrase.encode() in page.content


def test_language_switch_refuses_an_offsite_next(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_home_shows_my_unit_and_roles(staff_client):
    user = make_persona("regional_officer")
    response = staff_client(user).get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Qərb regional mərkəzi (Gəncə)" in body
    assert "Regional mərkəzin əməkdaşı" in body
    assert "13" in body  # districts served by the Western Regional Centre


def test_home_page_has_landmarks_and_skip_link(staff_client):
    body = staff_client(make_user()).get("/").content.decode()
    assert 'href="#main"' in body and '<main id="main"' in body and "<nav" in body and "<footer" in body


def test_unit_list_query_count_does_not_grow_with_staff(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = staff_client(make_user(username="viewer"))
    client.get("/accounts/units/")
    with CaptureQueriesContext(connection) as before:
        client.get("/accounts/units/")
    for i in range(10):
        make_user(username=f"extra{i}", unit="rc_south")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/accounts/units/")
    assert len(after.captured_queries) == len(before.captured_queries) <= 20
    assert "Cənub regional mərkəzi (Cəlilabad / Masallı)" in response.content.decode()


def test_security_headers(client):
    response = client.get("/auth/login/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_reference_data_admin_is_for_the_sysadmin_only(staff_client):
    client = staff_client(make_persona("sysadmin"))
    assert client.get("/admin/core/district/").status_code == 200
    assert client.get("/admin/").status_code == 200
    assert b"accounts/user" not in client.get("/admin/").content  # staff are not edited there


def test_seed_demo_is_idempotent_and_accounts_log_in(client, settings):
    settings.DEMO = True
    from ombuds.complaints.models import Application

    call_command("seed_demo", applications=25, stdout=open("/dev/null", "w"))  # noqa: SIM115
    count, apps = User.objects.count(), Application.objects.count()
    call_command("seed_demo", applications=25, stdout=open("/dev/null", "w"))  # noqa: SIM115
    # 14 staff accounts and the focal points of the MIA, the Penitentiary Service and one isolator.
    assert User.objects.count() == count == 17
    assert User.objects.filter(kind="focal_point").count() == 3
    from ombuds.focal import demo as focal_demo

    # The 25 asked for, and the cases behind the information requests of the two demo bodies.
    assert Application.objects.count() == apps == 25 + 2 * len(focal_demo.REQUEST_STATES)
    assert len(set(Application.objects.values_list("status", flat=True))) >= 3
    from ombuds.accounts.demo import DEMO_PASSWORD

    client.post("/auth/login/", {"login": "officer.ganja", "password": DEMO_PASSWORD})
    assert client.get("/").status_code == 200
    client.logout()
    client.post("/authority/login/", {"login": "mia.focal", "password": DEMO_PASSWORD})
    assert client.get("/authority/").status_code == 200
    # The demo data went through the services: a real, verifiable audit trail.
    from ombuds.core.audit import verify_chain
    from ombuds.core.models import AuditEvent

    assert AuditEvent.objects.filter(action="accounts.user.created").count() == 14
    assert verify_chain().ok
