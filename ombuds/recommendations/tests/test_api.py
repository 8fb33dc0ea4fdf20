"""The recommendations API: the register's scoping and filters, drafting from a visit's findings,
drafts corrected with If-Match, and every step of the follow-up through the same services (and
audit) as the pages."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from rest_framework.test import APIClient

from ombuds.accounts.models import OrgUnit
from ombuds.accounts.tokens import create_api_token
from ombuds.complaints import services as complaints
from ombuds.complaints.testing import make_application
from ombuds.core.idempotency import HEADER, REPLAYED
from ombuds.core.models import AuditEvent, Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_place
from ombuds.recommendations import services
from ombuds.recommendations.models import AuthorityResponse, EscalationStep, Recommendation
from ombuds.recommendations.testing import make_recommendation, visit_with_finding

pytestmark = pytest.mark.django_db

URL = "/api/v1/recommendations/"
TEXT_AZ = "Tibb şöbəsində qəbul müayinəsi həkim tərəfindən aparılsın və nəticələri jurnalda qeyd edilsin."


def token_client(user, language=""):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, user, 'test')}")
    if language:  # the staff's language is their choice (the cookie), not the browser's
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def ids(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def detail(rec, suffix=""):
    return f"{URL}{rec.public_id}/{suffix}"


def _from_case(officer):
    """A recommendation answering a case assigned to `officer` (received in the North)."""
    boss = None
    app = make_application(boss, unit="rc_north", district="guba")
    app = complaints.decide_admissibility(boss, app, "accept")
    app = complaints.assign_application(boss, app, officer)
    mia = Authority.objects.get(code="mia")
    return services.draft_recommendation(
        boss, source="application", application=app, addressee=mia, kind="legislative", text_az=TEXT_AZ
    )


def test_the_register_shows_each_persona_its_own_recommendations(persona):
    """NPM members see the recommendations of their visits, complaints staff those of their cases,
    the Commissioner all, the other roles none (domain.md §4)."""
    member, officer = persona("npm_member"), persona("complaints_officer")
    visit, finding = visit_with_finding(member)  # the NPM member leads the visit
    of_visit = make_recommendation(None, visit=visit, findings=[finding])
    of_case = _from_case(officer)
    everyone = {str(of_visit.public_id), str(of_case.public_id)}
    assert ids(token_client(persona("commissioner")).get(URL)) == everyone
    assert str(of_visit.public_id) in ids(token_client(member).get(URL))
    assert str(of_case.public_id) not in ids(token_client(member).get(URL))
    assert ids(token_client(officer).get(URL)) == {str(of_case.public_id)}
    assert ids(token_client(persona("regional_officer")).get(URL)) == set()
    for outsider in ("analyst", "awareness_staff", "intake_operator"):
        assert token_client(persona(outsider)).get(URL).status_code == 403


@pytest.fixture
def register(persona):
    """Four recommendations of the Commissioner that differ in every filtered attribute."""
    boss = persona("commissioner")
    today = timezone.localdate()
    draft = make_recommendation(boss)
    report = services.draft_recommendation(
        boss,
        source="thematic_report",
        report_title="Health care in prisons",
        addressee=Authority.objects.get(code="mia"),
        kind="thematic",
        area="health_care",
        text_az="ZEBRA " + TEXT_AZ,
    )
    services.issue_recommendation(
        boss, report, issued_on=today - timedelta(days=100), due_date=today - timedelta(days=10), due_reason="Urgent."
    )
    old = services.issue_recommendation(boss, make_recommendation(boss))
    services.record_outcome(boss, old, "not_implemented", evidence="staff_decision")
    services.publish_recommendation(boss, old)
    repeat = services.repeat_recommendation(boss, old)
    return {"draft": draft, "report": report, "old": old, "repeat": repeat}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=draft", {"draft", "repeat"}),
        ("status=not_implemented", {"old"}),
        ("addressee=mia", {"report"}),
        ("place_type=pretrial_isolator", {"draft", "old", "repeat"}),
        ("area=health_care", {"report"}),
        ("source=thematic_report", {"report"}),
        ("kind=after_visit", {"draft", "old", "repeat"}),
        ("overdue=true", {"report"}),
        ("overdue=false", {"draft", "old", "repeat"}),
        ("repeated=true", {"old", "repeat"}),  # the page's rule: either end of a repeat
        ("repeated=false", {"draft", "report"}),
        ("status=open", {"report", "old"}),
        ("mine=true", {"draft", "report", "old", "repeat"}),
        ("published=true", {"old"}),
        ("q=zebra", {"report"}),
        ("year=1999", set()),
    ],
)
def test_the_register_filters(persona, register, query, expected):
    client = token_client(persona("commissioner"))
    assert ids(client.get(f"{URL}?{query}")) == {str(register[name].public_id) for name in expected}


def test_the_text_search_finds_a_number_and_a_bad_filter_is_a_400(persona, register):
    client = token_client(persona("commissioner"))
    assert ids(client.get(f"{URL}?q={register['old'].number}")) == {str(register["old"].public_id)}
    assert ids(client.get(f"{URL}?year={register['old'].year}")) == {str(r.public_id) for r in register.values()}
    assert client.get(f"{URL}?status=lost").status_code == 400


def _new(visit, findings, **extra):
    return {
        "source": "visit",
        "visit": str(visit.public_id),
        "findings": [str(f.public_id) for f in findings],
        "addressee": "moj",
        "kind": "after_visit",
        "text_az": TEXT_AZ,
        "smart": {"specific": True, "measurable": True},
        **extra,
    }


def test_a_draft_is_made_from_a_visit_and_its_findings(persona):
    member = persona("npm_member")
    visit, finding = visit_with_finding(member)
    client = token_client(member)
    response = client.post(URL, _new(visit, [finding], text_en="Let a doctor do the admission exams."), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    rec = Recommendation.objects.get(public_id=body["id"])
    assert list(rec.findings.all()) == [finding] and rec.visit == visit and rec.status == "draft"
    assert rec.places.get() == visit.place and rec.place_type == visit.place.place_type
    assert rec.smart == {"specific": True, "measurable": True} and rec.responsible == member
    assert body["number"] == rec.number and body["findings"] == [str(finding.public_id)]
    assert response["Location"].endswith(detail(rec))
    assert AuditEvent.objects.filter(action="recommendations.recommendation.drafted", actor_id=member.pk).exists()


def test_a_finding_of_another_visit_or_out_of_sight_is_refused_and_nothing_is_written(persona):
    member = persona("npm_member")
    visit, _finding = visit_with_finding(member)
    _other_visit, of_other_visit = visit_with_finding(member)
    # A visit of the North regional centre to Guba, with a team the member is not on.
    north = OrgUnit.objects.get(code="rc_north")
    _hidden_visit, hidden = visit_with_finding(None, place=make_place(None, district="guba"), unit=north)
    client = token_client(member)
    refused = client.post(URL, _new(visit, [of_other_visit]), format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"findings"}
    hidden_answer = client.post(URL, _new(visit, [hidden]), format="json")
    missing_answer = client.post(URL, _new(visit, [type(hidden)(public_id=uuid.uuid4())]), format="json")
    assert hidden_answer.status_code == missing_answer.status_code == 400
    assert hidden_answer.json() == missing_answer.json()
    unknown = client.post(URL, _new(visit, [], number="2020/0001"), format="json")
    assert unknown.status_code == 400 and set(unknown.json()) == {"number"}
    assert not Recommendation.objects.exists()


def test_a_draft_is_corrected_only_with_if_match(persona):
    member = persona("npm_member")
    rec = make_recommendation(member)
    client = token_client(member)
    read = client.get(detail(rec))
    assert read.status_code == 200 and read["ETag"] == f'"{rec.version}"'
    change = {"text_ru": "Пусть врач проводит осмотр при поступлении.", "priority": "high"}
    assert client.patch(detail(rec), change, format="json").status_code == 428
    stale = client.patch(detail(rec), change, format="json", headers={"If-Match": f'"{rec.version - 1}"'})
    assert stale.status_code == 412 and stale.json()["current_version"] == rec.version
    done = client.patch(detail(rec), change, format="json", headers={"If-Match": read["ETag"]})
    assert done.status_code == 200, done.content
    rec.refresh_from_db()
    assert rec.text_ru == change["text_ru"] and rec.priority == "high" and done["ETag"] == f'"{rec.version}"'
    assert AuditEvent.objects.filter(action="recommendations.recommendation.edited", actor_id=member.pk).exists()
    again = client.patch(detail(rec), {"priority": "low"}, format="json", headers={"If-Match": read["ETag"]})
    assert again.status_code == 412  # based on the version before the first correction


def test_an_issued_recommendation_is_not_patched(persona):
    boss = persona("commissioner")
    rec = services.issue_recommendation(boss, make_recommendation(boss))
    response = token_client(boss).patch(detail(rec), {"priority": "low"}, format="json", headers={"If-Match": "*"})
    assert response.status_code == 400
    rec.refresh_from_db()
    assert rec.priority == "medium"


def test_a_retried_post_replays_the_first_answer(persona):
    member = persona("npm_member")
    visit, finding = visit_with_finding(member)
    client = token_client(member)
    first = client.post(URL, _new(visit, [finding]), format="json", headers={HEADER: "draft-1"})
    again = client.post(URL, _new(visit, [finding]), format="json", headers={HEADER: "draft-1"})
    assert first.status_code == again.status_code == 201 and again[REPLAYED] == "true"
    assert again.content == first.content and Recommendation.objects.count() == 1
    rec = Recommendation.objects.get()
    services.issue_recommendation(persona("commissioner"), rec)
    answer = {"stance": "accepts", "received_on": timezone.localdate().isoformat(), "text": "We agree."}
    for _ in range(2):
        response = client.post(detail(rec, "responses/"), answer, format="json", headers={HEADER: "answer-1"})
        assert response.status_code == 201
    assert AuthorityResponse.objects.filter(recommendation=rec).count() == 1


def _events(action):
    return AuditEvent.objects.filter(action=action).count()


def test_the_follow_up_through_the_api(persona):
    boss, member = persona("commissioner"), persona("npm_member")
    visit, finding = visit_with_finding(member)
    rec = make_recommendation(member, visit=visit, findings=[finding])
    client, lead = token_client(member), token_client(boss)
    today = timezone.localdate().isoformat()

    assert client.post(detail(rec, "issue/"), {}, format="json").status_code == 403  # issuing is the lead's
    issued = lead.post(detail(rec, "issue/"), {"language": "en"}, format="json")
    assert issued.status_code == 200, issued.content
    rec.refresh_from_db()
    assert rec.status == "issued" and rec.issued_by == boss and rec.letter_language == "en" and rec.due_date
    assert issued.json()["status"] == "issued" and issued.json()["due_date"] == rec.due_date.isoformat()

    claim = {"stance": "implemented", "received_on": today, "text": "Done.", "channel": "email", "reference": "X-1"}
    answered = client.post(detail(rec, "responses/"), claim, format="json")
    assert answered.status_code == 201, answered.content
    rec.refresh_from_db()
    assert rec.status == "reported_implemented"  # the authority's word alone is not a verification
    assert [r["reference"] for r in client.get(detail(rec, "responses/")).json()] == ["X-1"]

    unverified = client.post(detail(rec, "outcome/"), {"status": "implemented", "evidence": "staff_decision"})
    assert unverified.status_code == 400 and "evidence" in unverified.json()
    no_visit = client.post(detail(rec, "outcome/"), {"status": "implemented", "evidence": "follow_up_visit"})
    assert no_visit.status_code == 400 and "visit" in no_visit.json()
    document = client.post(detail(rec, "outcome/"), {"status": "implemented", "evidence": "document"})
    assert document.status_code == 400 and "evidence" in document.json()  # a file is uploaded on the page
    follow_up, _ = visit_with_finding(member, place=visit.place)  # a later visit of the member's to the place
    verified = client.post(
        detail(rec, "outcome/"),
        {"status": "implemented", "evidence": "follow_up_visit", "visit": str(follow_up.public_id), "note": "Seen."},
        format="json",
    )
    assert verified.status_code == 200, verified.content
    rec.refresh_from_db()
    assert rec.status == "implemented" and verified.json()["status"] == "implemented"
    history = client.get(detail(rec, "history/")).json()
    assert [(h["new_status"], h["evidence"]) for h in history] == [
        ("issued", "staff_decision"),
        ("reported_implemented", "authority_response"),
        ("implemented", "follow_up_visit"),
    ]
    assert history[1]["response"] == answered.json()["id"] and history[2]["visit"] == str(follow_up.public_id)
    assert _events("recommendations.recommendation.issued") == 1
    assert _events("recommendations.authorityresponse.recorded") == 1
    assert _events("recommendations.recommendation.status_changed") == 2


def test_escalation_repeat_relevance_and_publication_through_the_api(persona):
    boss, member = persona("commissioner"), persona("npm_member")
    rec = services.issue_recommendation(boss, make_recommendation(member))
    client, lead = token_client(member), token_client(boss)
    today = timezone.localdate().isoformat()

    step = client.post(detail(rec, "escalations/"), {"step": "meeting", "taken_on": today}, format="json")
    assert step.status_code == 201, step.content
    assert EscalationStep.objects.get(recommendation=rec).step == "meeting"
    assert [s["step"] for s in client.get(detail(rec, "escalations/")).json()] == ["meeting"]

    assert client.post(detail(rec, "repeat/"), {}, format="json").status_code == 400  # not assessed yet
    assessed = client.post(detail(rec, "outcome/"), {"status": "not_implemented", "evidence": "staff_decision"})
    assert assessed.status_code == 200
    repeated = client.post(detail(rec, "repeat/"), {"priority": "high"}, format="json")
    assert repeated.status_code == 201, repeated.content
    new = Recommendation.objects.get(public_id=repeated.json()["id"])
    assert new.repeats == rec and new.status == "draft" and new.priority == "high" and new.text_az == rec.text_az
    assert repeated.json()["repeats"] == str(rec.public_id)

    assert client.post(detail(rec, "publish/"), {}, format="json").status_code == 403  # the Commissioner's
    assert lead.post(detail(new, "publish/"), {}, format="json").status_code == 400  # a draft
    published = lead.post(detail(rec, "publish/"), {}, format="json")
    assert published.status_code == 200 and published.json()["is_published"] is True
    assert lead.post(detail(rec, "unpublish/"), {}, format="json").status_code == 400  # no reason
    withdrawn = lead.post(detail(rec, "unpublish/"), {"reason": "Wrong addressee."}, format="json")
    assert withdrawn.status_code == 200 and withdrawn.json()["is_published"] is False
    assert _events("recommendations.recommendation.published") == _events("recommendations.recommendation.unpublished")

    assert client.post(detail(new, "no-longer-relevant/"), {}, format="json").status_code == 400
    closed = client.post(detail(new, "no-longer-relevant/"), {"reason": "The place closed."}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "no_longer_relevant"
    assert new.history.get().note == "The place closed."


def test_publication_keeps_an_interviewee_out_of_the_tracker(persona):
    boss = persona("commissioner")
    visit, finding = visit_with_finding(boss)
    # Named to the authority with consent (the letter may carry the name), never to the public.
    monitoring.add_interview(
        boss, visit, pseudonym="P-1", kind="detainee", identity="Tofiq Qurbanov", consent_disclose_to_authority=True
    )
    rec = make_recommendation(boss, visit=visit, findings=[finding], text_en="Protect Qurbanov from reprisals.")
    rec = services.issue_recommendation(boss, rec)
    response = token_client(boss).post(detail(rec, "publish/"), {}, format="json")
    assert response.status_code == 400 and "Qurbanov" not in response.content.decode()
    rec.refresh_from_db()
    assert not rec.is_published


def test_out_of_scope_is_404_and_outside_the_section_403(persona):
    hidden = make_recommendation(None)  # a visit team of someone else, nobody responsible
    officer = token_client(persona("regional_officer"))
    for suffix, method in [("", "get"), ("history/", "get"), ("responses/", "get"), ("outcome/", "post")]:
        real = getattr(officer, method)(detail(hidden, suffix), {}, format="json")
        missing = getattr(officer, method)(f"{URL}{uuid.uuid4()}/{suffix}", {}, format="json")
        assert real.status_code == missing.status_code == 404, suffix
    assert token_client(persona("analyst")).get(detail(hidden)).status_code == 403
    assert token_client(persona("commissioner")).get(detail(hidden)).status_code == 200


def test_errors_come_in_the_callers_language(persona):
    boss = persona("commissioner")
    rec = services.issue_recommendation(boss, make_recommendation(boss))
    english = "Only a draft can be edited; an issued recommendation is changed by a new one."
    for language in ("en", "ru", "az"):
        response = token_client(boss, language).patch(
            detail(rec), {"priority": "low"}, format="json", headers={"If-Match": "*"}
        )
        assert response.status_code == 400
        with translation.override(language):
            expected = translation.gettext(english)
        assert response.json() == {"non_field_errors": [expected]}
        assert (expected == english) == (language == "en")


def test_the_list_costs_the_same_number_of_queries_for_more_rows(persona):
    boss = persona("commissioner")
    client = token_client(boss)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    services.issue_recommendation(boss, make_recommendation(boss))
    few = count()
    for _ in range(4):
        rec = services.issue_recommendation(boss, make_recommendation(boss))
        services.repeat_recommendation(
            boss, services.record_outcome(boss, rec, "not_implemented", evidence="staff_decision").recommendation
        )
    assert len(client.get(URL).json()["results"]) == 9
    assert count() == few
