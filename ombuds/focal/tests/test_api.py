"""The authority API: a focal point reads its own body's items (and nothing else of them, nor of
anyone else's) with its own token or its portal session; to staff it does not exist."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from config.api import router
from ombuds.accounts.testing import PERSONAS
from ombuds.accounts.tokens import create_api_token
from ombuds.core.models import Authority
from ombuds.focal.models import Opening
from ombuds.focal.testing import info_request_to, make_focal_point
from ombuds.monitoring.testing import make_place
from ombuds.recommendations import services as recs
from ombuds.recommendations.testing import make_recommendation, visit_with_finding

pytestmark = pytest.mark.django_db

IR_URL = "/api/v1/authority/info-requests/"
REC_URL = "/api/v1/authority/recommendations/"
IR_FIELDS = {
    "id",
    "application_number",
    "basis",
    "questions",
    "sent_at",
    "due_at",
    "status",
    "reply",
    "reply_at",
    "receipt",
}
REC_FIELDS = {
    "id",
    "number",
    "kind",
    "status",
    "issued_on",
    "response_due",
    "due_date",
    "text",
    "text_az",
    "text_en",
    "text_ru",
    "places",
    "responses",
}


def token_client(user, **headers) -> APIClient:
    return APIClient(headers={"Authorization": f"Token {create_api_token(None, user, 'their system')}", **headers})


def rec_with_canaries(authority="mia", place=None):
    """An issued recommendation whose rationale and finding must never reach the authority."""
    visit, finding = visit_with_finding(None, place=place)
    rec = make_recommendation(
        None,
        visit=visit,
        findings=[finding],
        addressee=Authority.objects.get(code=authority),
        rationale="CANARY-RATIONALE: the deputy head beat detainee A-7.",
        text_ru="Отремонтировать душевую в течение месяца.",
    )
    return recs.issue_recommendation(None, rec)


def test_a_focal_point_lists_only_its_bodys_information_requests_and_nothing_else_of_the_case():
    fp = make_focal_point(authority="mia")
    own, other = info_request_to("mia"), info_request_to("moj")
    response = token_client(fp.user).get(IR_URL)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [str(own.public_id)]
    assert set(rows[0]) == IR_FIELDS
    assert rows[0]["application_number"] == own.application.number
    assert rows[0]["receipt"] is None
    body = response.content.decode()
    for canary in ["Həsənov", "Rauf", "+994 50 555 12 34", "stolen car", str(other.public_id)]:
        assert canary not in body


def test_the_detail_of_its_own_request_is_read_and_another_bodys_is_not_found():
    fp = make_focal_point(authority="mia")
    own, other = info_request_to("mia"), info_request_to("moj")
    client = token_client(fp.user)
    response = client.get(f"{IR_URL}{own.public_id}/")
    assert response.status_code == 200
    assert response["ETag"] == f'"{own.version}"'
    assert set(response.json()) == IR_FIELDS
    opening = Opening.objects.get(focal_point=fp, info_request=own)  # the staff see it was read
    assert opening.times == 1
    for missing in [other.public_id, uuid.uuid4(), "not-a-uuid"]:
        assert client.get(f"{IR_URL}{missing}/").status_code == 404, missing
    assert not Opening.objects.filter(info_request=other).exists()


def test_information_requests_filter_by_status_and_open():
    from ombuds.complaints import services as complaints

    fp = make_focal_point(authority="mia")
    waiting, answered = info_request_to("mia"), info_request_to("mia")
    complaints.record_reply(None, answered, "Registered by Lt. Məmmədov.")
    client = token_client(fp.user)

    def ids(query):
        return {row["id"] for row in client.get(IR_URL, query).json()["results"]}

    assert ids({"open": "true"}) == {str(waiting.public_id)}
    assert ids({"open": "false"}) == {str(answered.public_id)}
    assert ids({"status": "answered"}) == {str(answered.public_id)}
    assert client.get(IR_URL, {"status": "bogus"}).status_code == 400


def test_a_place_only_focal_point_sees_no_requests_and_only_its_places_recommendations():
    place = make_place(None, name_en="Gobustan prison")
    fp = make_focal_point(authority="mia", place=place)
    info_request_to("mia")
    mine, elsewhere = rec_with_canaries(place=place), rec_with_canaries()
    client = token_client(fp.user)
    assert client.get(IR_URL).json()["results"] == []
    assert [row["id"] for row in client.get(REC_URL).json()["results"]] == [str(mine.public_id)]
    assert client.get(f"{REC_URL}{elsewhere.public_id}/").status_code == 404


def test_recommendations_in_the_requests_language_with_the_places_and_the_response_clock():
    fp = make_focal_point(authority="mia")
    rec = rec_with_canaries()
    draft = make_recommendation(None, addressee=Authority.objects.get(code="mia"))
    other = rec_with_canaries("moj")
    response = token_client(fp.user, **{"Accept-Language": "ru"}).get(REC_URL)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [str(rec.public_id)]  # never a draft, never another body's
    row = rows[0]
    assert set(row) == REC_FIELDS
    assert row["text"] == "Отремонтировать душевую в течение месяца." == row["text_ru"]
    assert row["text_az"] == rec.text_az
    assert row["places"] == [place.name_ru or place.name_az for place in rec.places.all()] != []
    assert row["response_due"] is not None and row["due_date"] == rec.due_date.isoformat()
    assert response["Content-Language"] == "ru"
    body = response.content.decode()
    for canary in ["CANARY-RATIONALE", "shower block is broken", str(draft.public_id), str(other.public_id)]:
        assert canary not in body
    az = token_client(fp.user).get(f"{REC_URL}{rec.public_id}/").json()
    assert az["text"] == rec.text_az  # no Accept-Language, no cookie: Azerbaijani
    assert token_client(fp.user).get(f"{REC_URL}{draft.public_id}/").status_code == 404


def test_the_bodys_responses_are_shown_without_who_recorded_them():
    fp = make_focal_point(authority="mia")
    rec = rec_with_canaries()
    recs.record_response(
        None, rec, received_on=timezone.localdate(), stance="accepts", text="We accept.", reference="MIA-12/7"
    )
    response = token_client(fp.user).get(f"{REC_URL}{rec.public_id}/")
    answers = response.json()["responses"]
    assert [(a["stance"], a["text"], a["reference"], a["receipt"]) for a in answers] == [
        ("accepts", "We accept.", "MIA-12/7", None)
    ]
    assert set(answers[0]) == {"id", "received_on", "stance", "text", "channel", "reference", "receipt"}
    assert response.json()["status"] == "accepted"


def test_recommendations_filter_by_status():
    fp = make_focal_point(authority="mia")
    waiting, accepted = rec_with_canaries(), rec_with_canaries()
    recs.record_response(None, accepted, received_on=timezone.localdate(), stance="accepts", text="Yes.")
    client = token_client(fp.user)
    listed = {row["id"] for row in client.get(REC_URL, {"status": "issued"}).json()["results"]}
    assert listed == {str(waiting.public_id)}
    assert len(client.get(REC_URL, {"status": "open"}).json()["results"]) == 2
    assert client.get(REC_URL, {"status": "draft"}).status_code == 400


def test_staff_of_any_role_and_a_revoked_focal_point_find_no_authority_api(persona, staff_client):
    rec, ir = rec_with_canaries(), info_request_to("mia")
    urls = [IR_URL, f"{IR_URL}{ir.public_id}/", REC_URL, f"{REC_URL}{rec.public_id}/", "/api/v1/authority/"]
    for name in PERSONAS:
        client = token_client(persona(name))
        for url in urls:
            assert client.get(url).status_code == 404, (name, url)
    session = staff_client(persona("commissioner"))
    assert all(session.get(url).status_code == 404 for url in urls)
    assert APIClient().get(IR_URL).status_code == 403  # anonymous: not signed in
    fp = make_focal_point(authority="mia")
    client = token_client(fp.user)
    fp.revoked_at = timezone.now()
    fp.save(update_fields=["revoked_at"])
    assert all(client.get(url).status_code == 404 for url in urls)


def test_a_focal_points_token_finds_no_staff_endpoint():
    fp = make_focal_point(authority="mia")
    client = token_client(fp.user)
    staff = [prefix for prefix, _viewset, _basename in router.registry if not prefix.startswith("authority/")]
    assert len(staff) >= 15
    for prefix in staff:
        assert client.get(f"/api/v1/{prefix}/").status_code == 404, prefix
        assert client.post(f"/api/v1/{prefix}/", {}, format="json").status_code == 404, prefix
    for url in ["/api/v1/", "/api/v1/schema/", "/api/v1/docs/"]:
        assert client.get(url).status_code == 404, url
    assert client.get(IR_URL).status_code == 200 and client.get(REC_URL).status_code == 200


def test_a_focal_point_signed_in_on_the_portal_uses_the_api_too(staff_client):
    fp = make_focal_point(authority="mia")
    ir = info_request_to("mia")
    http = staff_client(fp.user)
    assert http.get(IR_URL).status_code == 200
    assert http.get(f"{IR_URL}{ir.public_id}/").status_code == 200
    assert http.get("/api/v1/applications/").status_code == 404


def test_the_schemas_document_the_authority_api(persona):
    staff = token_client(persona("commissioner")).get("/api/v1/schema/", {"format": "json"})
    paths = staff.json()["paths"]
    assert {
        "/api/v1/authority/info-requests/",
        "/api/v1/authority/info-requests/{public_id}/",
        "/api/v1/authority/recommendations/",
        "/api/v1/authority/recommendations/{public_id}/",
    } <= set(paths)
    fp = make_focal_point(authority="mia")
    own = token_client(fp.user).get("/api/v1/authority/schema/", {"format": "json"})
    assert own.status_code == 200
    assert own.json()["paths"] and all(path.startswith("/api/v1/authority/") for path in own.json()["paths"])
    assert "404" in own.json()["paths"]["/api/v1/authority/info-requests/"]["get"]["responses"]
    assert token_client(fp.user).get("/api/v1/authority/docs/").status_code == 200


def test_the_lists_cost_the_same_for_many_items(django_assert_max_num_queries):
    fp = make_focal_point(authority="mia")
    client = token_client(fp.user)
    for _ in range(3):
        info_request_to("mia")
        rec = rec_with_canaries()
        recs.record_response(None, rec, received_on=timezone.localdate(), stance="accepts", text="Yes.")
    counts = {}
    for url in (IR_URL, REC_URL):
        with django_assert_max_num_queries(12) as captured:
            assert len(client.get(url).json()["results"]) == 3
        counts[url] = len(captured)
    for _ in range(3):
        info_request_to("mia")
        rec = rec_with_canaries()
        recs.record_response(None, rec, received_on=timezone.localdate(), stance="rejects", text="No.")
    for url in (IR_URL, REC_URL):
        with django_assert_max_num_queries(counts[url]):
            assert len(client.get(url).json()["results"]) == 6
