"""The load balancer's probe (ombuds/core/health.py)."""

from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.urls import reverse


@pytest.mark.django_db
def test_health_answers_ok_with_one_query_and_no_cookie(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert not response.cookies  # neither a session nor a CSRF cookie
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_of_a_signed_in_browser_writes_no_session(client, persona):
    client.force_login(persona("regional_officer"))
    before = Session.objects.get().expire_date
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert not response.cookies
    assert Session.objects.get().expire_date == before


@pytest.mark.django_db
def test_health_is_503_when_the_database_does_not_answer(client):
    with mock.patch("ombuds.core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


@pytest.mark.django_db
def test_health_answers_a_probe_by_address_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["ombuds.example.org"]
    response = client.get(reverse("health"), HTTP_HOST="10.0.0.7:8001")
    assert response.status_code == 200


@pytest.mark.django_db
def test_health_accepts_only_reads(client):
    assert client.post(reverse("health")).status_code == 405
    assert client.head(reverse("health")).status_code == 200
