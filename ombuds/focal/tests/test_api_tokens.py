"""The portal's "API tokens" page: a focal point makes tokens for its body's system (shown once)
and revokes its own; nobody else reaches the page."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from ombuds.accounts.models import ApiToken
from ombuds.core.models import AuditEvent
from ombuds.core.once import new_token
from ombuds.focal.services import tokens
from ombuds.focal.testing import make_focal_point

pytestmark = pytest.mark.django_db

PAGE = "/authority/api-tokens/"


def test_a_token_is_shown_once_opens_the_authority_api_and_is_revoked(staff_client):
    fp = make_focal_point(authority="mia")
    http = staff_client(fp.user)
    assert http.get(PAGE).status_code == 200
    response = http.post(PAGE, {"name": "Ministry case system", "once": new_token()})
    assert response.status_code == 200
    token = response.context["new_token"]["value"]
    assert token in response.content.decode()
    record = ApiToken.objects.get(user=fp.user)
    assert (record.name, record.scope, record.prefix) == ("Ministry case system", "api", token[:8])
    assert token not in http.get(PAGE).content.decode()  # never shown again
    api = APIClient(headers={"Authorization": f"Token {token}"})
    assert api.get("/api/v1/authority/info-requests/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.apitoken.created", actor_id=fp.user.pk).exists()

    revoked = http.post(reverse("focal:api_token_revoke", args=[record.pk]))
    assert revoked.status_code == 302
    assert api.get("/api/v1/authority/info-requests/").status_code in (401, 403)
    assert AuditEvent.objects.filter(action="accounts.apitoken.revoked", actor_id=fp.user.pk).exists()
    assert http.post(reverse("focal:api_token_revoke", args=[record.pk])).status_code == 404  # once


def test_a_focal_point_cannot_revoke_anothers_token_nor_see_it(staff_client):
    mine, theirs = make_focal_point(authority="mia"), make_focal_point(authority="mia")
    record, _token = tokens.create_token(theirs.user, "Their system")
    http = staff_client(mine.user)
    assert "Their system" not in http.get(PAGE).content.decode()
    assert http.post(reverse("focal:api_token_revoke", args=[record.pk])).status_code == 404
    assert ApiToken.objects.get(pk=record.pk).revoked_at is None


def test_a_name_is_required_and_the_number_of_live_tokens_is_capped(staff_client):
    fp = make_focal_point(authority="mia")
    http = staff_client(fp.user)
    refused = http.post(PAGE, {"name": "  "})
    assert refused.status_code == 400
    assert not ApiToken.objects.filter(user=fp.user).exists()
    for number in range(tokens.MAX_LIVE_TOKENS):
        tokens.create_token(fp.user, f"System {number}")
    with pytest.raises(ValidationError):
        tokens.create_token(fp.user, "One too many")
    assert http.post(PAGE, {"name": "One too many"}).status_code == 400
    assert ApiToken.objects.filter(user=fp.user).count() == tokens.MAX_LIVE_TOKENS


def test_a_double_submit_makes_one_token(staff_client):
    fp = make_focal_point(authority="mia")
    http = staff_client(fp.user)
    form = {"name": "Ministry case system", "once": new_token()}
    assert http.post(PAGE, form).status_code == 200
    assert http.post(PAGE, form).status_code == 302
    assert ApiToken.objects.filter(user=fp.user).count() == 1


def test_staff_neither_reach_the_page_nor_make_focal_tokens(persona, staff_client):
    boss = persona("commissioner")
    http = staff_client(boss)
    assert http.get(PAGE).status_code == 404
    assert http.post(PAGE, {"name": "x"}).status_code == 404
    with pytest.raises(PermissionDenied):
        tokens.create_token(boss, "x")
