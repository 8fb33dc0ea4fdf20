"""The REST API: same services, same scoping, same audit; token and session authentication."""

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from ombuds.accounts.tokens import create_api_token, revoke_api_token
from ombuds.complaints.models import Application, Call
from ombuds.complaints.testing import make_application
from ombuds.core.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW = {
    "channel": "email",
    "received_at": "2025-10-06T10:00:00+04:00",
    "applicant_kind": "person",
    "applicant": {"surname": "Məmmədli", "given_name": "Aqil", "phone": "+994 55 000 00 00"},
    "summary": "Access to information: the municipality did not answer in 7 working days.",
    "district": "sumgayit",
    "respondents": ["municipality"],
    "rights": ["access_to_information"],
    "violation_date": "2025-09-20",
}


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, user, 'test')}")
    return client


def test_schema_is_valid_and_documented(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    schema = (tmp_path / "schema.yml").read_text()
    for path in ("/api/v1/applications/", "/api/v1/calls/", "/api/v1/info-requests/", "/api/v1/authorities/"):
        assert path in schema


def test_register_through_the_api_with_a_token(persona):
    operator = persona("intake_operator")
    client = token_client(operator)
    response = client.post("/api/v1/applications/", NEW, format="json")
    assert response.status_code == 201, response.content
    app = Application.objects.get(public_id=response.json()["id"])
    assert app.number == response.json()["number"] and app.unit == operator.org_unit
    assert app.applicant.phone == "+994 55 000 00 00"
    assert "phone" not in response.json() and "applicant" not in response.json()
    assert AuditEvent.objects.filter(action="complaints.application.registered", actor_id=operator.pk).exists()


def test_bad_input_is_a_400_and_writes_nothing(persona):
    client = token_client(persona("intake_operator"))
    for broken in ({**NEW, "district": "atlantis"}, {**NEW, "channel": "pigeon"}, {**NEW, "summary": ""}):
        response = client.post("/api/v1/applications/", broken, format="json")
        assert response.status_code == 400
    assert not Application.objects.exists()


def test_scoping_applies_to_the_api(persona):
    officer = persona("regional_officer")
    own = make_application(officer, unit="rc_west", district="ganja")
    other = make_application(None, unit="rc_north", district="guba")  # received in the North
    client = token_client(officer)
    ids = [row["id"] for row in client.get("/api/v1/applications/").json()["results"]]
    assert ids == [str(own.public_id)]
    assert client.get(f"/api/v1/applications/{other.public_id}/").status_code == 404
    assert client.get(f"/api/v1/applications/{own.public_id}/").status_code == 200
    assert token_client(persona("analyst")).get("/api/v1/applications/").status_code == 403


def test_secret_tier_needs_a_purpose(persona):
    boss = persona("commissioner")
    app = make_application(boss, sensitivity="highly_sensitive")
    client = token_client(boss)
    assert client.get(f"/api/v1/applications/{app.public_id}/").status_code == 403
    assert client.get(f"/api/v1/applications/{app.public_id}/?purpose=referral").status_code == 200


def test_decision_through_the_api(persona):
    head = persona("department_head")
    app = make_application(head)
    client = token_client(head)
    bad = client.post(f"/api/v1/applications/{app.public_id}/decision/", {"decision": "refuse"}, format="json")
    assert bad.status_code == 400
    ok = client.post(f"/api/v1/applications/{app.public_id}/decision/", {"decision": "accept"}, format="json")
    assert ok.status_code == 200 and ok.json()["status"] == "under_consideration"
    operator = token_client(persona("intake_operator"))
    assert (
        operator.post(
            f"/api/v1/applications/{app.public_id}/decision/", {"decision": "accept"}, format="json"
        ).status_code
        == 404
    )


def test_calls_and_info_requests(persona):
    operator, head = persona("intake_operator"), persona("department_head")
    response = token_client(operator).post(
        "/api/v1/calls/",
        {
            "received_at": "2025-10-06T02:00:00+04:00",
            "topic": "child_rights",
            "urgent": True,
            "caller_phone": "+994 70 111 22 33",
        },
        format="json",
    )
    assert response.status_code == 201 and "caller_phone" not in response.json()
    assert Call.objects.get().caller_phone == "+994 70 111 22 33"

    app = make_application(head)
    client = token_client(head)
    client.post(f"/api/v1/applications/{app.public_id}/decision/", {"decision": "accept"}, format="json")
    created = client.post(
        "/api/v1/info-requests/",
        {"application": str(app.public_id), "addressee": "mia", "basis": "general", "questions": "Why?"},
        format="json",
    )
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    replied = client.post(f"/api/v1/info-requests/{request_id}/reply/", {"reply": "Because."}, format="json")
    assert replied.status_code == 200 and replied.json()["status"] == "answered"
    assert [r["id"] for r in client.get("/api/v1/info-requests/").json()["results"]] == [request_id]


def test_authorities_reference_list(persona):
    client = token_client(persona("analyst"))
    body = client.get("/api/v1/authorities/mia/").json()
    assert body["name_en"] == "Ministry of Internal Affairs" and body["excluded_from_mandate"] is False


def test_revoked_or_wrong_tokens_are_refused(persona):
    from ombuds.accounts.models import ApiToken

    user = persona("department_head")
    client = token_client(user)
    assert client.get("/api/v1/authorities/").status_code == 200
    revoke_api_token(None, ApiToken.objects.get(user=user))
    assert client.get("/api/v1/authorities/").status_code in (401, 403)
    anonymous = APIClient()
    anonymous.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert anonymous.get("/api/v1/authorities/").status_code in (401, 403)


def test_scenario_02_standard_complaint_through_the_api(persona):
    """domain.md §9 scenario 2 end to end over HTTP: register, accept, ask the police, record the
    reply, find a violation with a letter to the MIA, notify the applicant, close."""
    officer = persona("department_head")
    client = token_client(officer)
    created = client.post(
        "/api/v1/applications/",
        {
            **NEW,
            "respondents": ["mia"],
            "rights": ["police"],
            "summary": "The district police refused to register my complaint.",
        },
        format="json",
    ).json()
    base = f"/api/v1/applications/{created['id']}/"
    assert (
        client.post(base + "decision/", {"decision": "accept"}, format="json").json()["status"] == "under_consideration"
    )
    request = client.post(
        "/api/v1/info-requests/",
        {"application": created["id"], "addressee": "mia", "basis": "general", "questions": "Why?"},
        format="json",
    ).json()
    client.post(f"/api/v1/info-requests/{request['id']}/reply/", {"reply": "Registered now."}, format="json")
    early = client.post(base + "conclusion/", {"outcome": "violation_found"}, format="json")
    assert early.status_code == 400  # a violation needs a measure first
    client.post(
        base + "measures/", {"kind": "letter", "addressee": "mia", "text": "Register complaints."}, format="json"
    )
    assert (
        client.post(base + "conclusion/", {"outcome": "violation_found"}, format="json").json()["outcome"]
        == "violation_found"
    )
    assert client.post(base + "applicant-notified/", {}, format="json").json()["status"] == "applicant_notified"
    assert client.post(base + "closure/", {}, format="json").json()["status"] == "closed"
    assert client.post(base + "closure/", {}, format="json").status_code == 400  # illegal twice
