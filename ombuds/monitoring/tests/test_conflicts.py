"""Stale edits on the monitoring pages and API: a finding's correction and a visit's plan are
redrawn with 409; PATCH of a place, a visit's plan and a finding need If-Match (428, 412, 200)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ombuds.accounts.tokens import create_api_token
from ombuds.monitoring import services
from ombuds.monitoring.models import Finding, Place, Visit
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db


def _client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, user, 'test')}")
    return client


def _finding(actor):
    visit = services.record_arrival(actor, services.prepare_visit(actor, make_visit(actor), ""))
    return services.add_finding(
        actor, visit, area="treatment", text="Cold cells.", severity="concern", sources=["observation"]
    )


def test_a_stale_finding_correction_is_redrawn_with_the_input(staff_client, persona):
    member = persona("npm_member")
    finding = _finding(member)
    services.edit_finding(member, finding, version=1, text="Cold cells, no blankets.")
    response = staff_client(member).post(
        reverse("monitoring:finding_edit", args=[finding.public_id]),
        {"version": "1", "area": "treatment", "text": "Warm cells.", "sources": ["observation"], "severity": "concern"},
    )
    assert response.status_code == 409
    assert "Warm cells." in response.content.decode()
    assert Finding.objects.get(pk=finding.pk).text == "Cold cells, no blankets."


def test_a_stale_plan_change_on_the_visit_page_is_redrawn(staff_client, persona):
    member = persona("npm_member")
    visit = make_visit(member)
    client = staff_client(member)
    assert 'name="plan-version" value="1"' in client.get(visit.get_absolute_url()).content.decode()
    services.update_visit_plan(member, visit, version=1, objectives="Kitchen and yard.")
    url = reverse("monitoring:visit_action", args=[visit.public_id, "plan"])
    data = {
        "plan-version": "1",
        "plan-planned_date": "2025-10-20",
        "plan-objectives": "Medical unit.",
        "plan-trigger": "x",
    }
    response = client.post(url, data)
    assert response.status_code == 409
    assert "Medical unit." in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).objectives == "Kitchen and yard."
    assert client.post(url, {**data, "plan-version": "2"}).status_code == 302
    assert Visit.objects.get(pk=visit.pk).objectives == "Medical unit."


@pytest.mark.parametrize("kind", ["place", "visit", "finding"])
def test_api_patch_needs_the_current_etag(persona, kind):
    member = persona("npm_member")
    if kind == "place":
        record, url, change = make_place(None), "/api/v1/places/{}/", {"capacity": 900}
    elif kind == "visit":
        record, url, change = make_visit(member), "/api/v1/visits/{}/", {"objectives": "Kitchen."}
    else:
        record, url, change = _finding(member), "/api/v1/findings/{}/", {"text": "Cold cells, no blankets."}
    url = url.format(record.public_id)
    client = _client(member)
    got = client.get(url)
    assert got.status_code == 200, got.content
    tag = got["ETag"]
    assert client.patch(url, change, format="json").status_code == 428
    fresh = client.patch(url, change, format="json", HTTP_IF_MATCH=tag)
    assert fresh.status_code == 200, fresh.content
    assert fresh["ETag"] != tag
    stale = client.patch(url, change, format="json", HTTP_IF_MATCH=tag)
    assert stale.status_code == 412 and stale.json()["current_version"] == int(fresh["ETag"].strip('"'))


def test_api_put_of_a_finding_needs_if_match_too(persona):
    member = persona("npm_member")
    finding = _finding(member)
    body = {"area": "treatment", "text": "Cold.", "sources": ["observation"], "severity": "concern"}
    client = _client(member)
    assert client.put(f"/api/v1/findings/{finding.public_id}/", body, format="json").status_code == 428


def test_api_patch_of_a_place_needs_the_managers_permission(persona):
    place = make_place(None)
    reader = persona("complaints_officer")
    response = _client(reader).patch(f"/api/v1/places/{place.public_id}/", {}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 403
    assert Place.objects.get(pk=place.pk).version == 1
