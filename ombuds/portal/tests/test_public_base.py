"""What every public page shares: language prefix, hreflang, the 916 block, cache headers."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_home_in_each_language(client, language):
    with translation.override(language):
        url = reverse("portal:home")
    assert url == f"/{language}/"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    for code in ("az", "en", "ru"):
        assert f'hreflang="{code}" href="http://testserver/{code}/"' in html
    assert 'data-testid="hotline"' in html and "012 916" in html


def test_public_page_may_be_shared_by_caches(client):
    response = client.get("/en/")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "cookie" not in response.get("Vary", "").lower()
    assert not response.cookies
    again = client.get("/en/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_signed_in_visitor_gets_the_same_public_page(client, persona, staff_client):
    anonymous = client.get("/ru/")
    response = staff_client(persona("complaints_officer")).get("/ru/")
    assert response.status_code == 200
    # Nothing of the signed-in user is on a public page, so a cache could share it...
    assert response.content == anonymous.content
    # ...but an answer that refreshes the session cookie is never shared.
    if response.cookies:
        assert "public" not in response["Cache-Control"]


def test_the_root_sends_the_public_to_the_portal(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/az/"


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_a_missing_public_page_is_a_public_404(client, language):
    response = client.get(f"/{language}/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}">' in html and 'data-testid="hotline"' in html
    assert "public" not in response.get("Cache-Control", "")


def test_a_missing_staff_page_keeps_the_staff_404(client, persona, staff_client):
    response = staff_client(persona("complaints_officer")).get("/complaints/no-such-page/")
    assert response.status_code == 404
    assert 'data-testid="hotline"' not in response.content.decode()
