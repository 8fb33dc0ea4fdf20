"""The recommendation page: what it shows, the actions it offers (exactly those that succeed), the
forms behind them (conflicts, refusals, uploads, the publication guard) and the page for a new
recommendation from a report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.testing import make_user
from ombuds.core.models import Attachment, AuditEvent, Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.recommendations import choices as c
from ombuds.recommendations import services
from ombuds.recommendations.forms import outcome_targets
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.testing import make_recommendation, visit_with_finding
from ombuds.recommendations.views import ACTIONS, offered_actions

pytestmark = pytest.mark.django_db
S = c.Status
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def lead():
    """The NPM lead: head of the National Preventive Group, who approves and issues."""
    return make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")


@pytest.fixture
def member(persona):
    return persona("npm_member")


@pytest.fixture
def draft(lead, member):
    visit, finding = visit_with_finding(lead, team=[(lead, "leader"), (member, "member")])
    return make_recommendation(member, visit=visit, findings=[finding])


def today():
    return timezone.localdate()


def rec_in(lead, rec: Recommendation, status: str) -> Recommendation:
    """`rec` (a draft) brought to `status` through the services."""
    if status == S.DRAFT:
        return rec
    if status == S.NO_RESPONSE:  # issued long ago, the response term ran out
        services.issue_recommendation(lead, rec, issued_on=today() - timedelta(days=60))
        services.mark_no_response()
        rec.refresh_from_db()
        assert rec.status == S.NO_RESPONSE
        return rec
    services.issue_recommendation(lead, rec)
    stance = {
        S.ACCEPTED: "accepts",
        S.REJECTED: "rejects",
        S.IN_PROGRESS: "progress",
        S.REPORTED_IMPLEMENTED: "implemented",
        S.IMPLEMENTED: "implemented",
    }.get(status)
    if stance:
        services.record_response(lead, rec, stance=stance, received_on=today(), text="Cavab.")
    if status == S.IMPLEMENTED:
        services.record_outcome(lead, rec, S.IMPLEMENTED, evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED)
    elif status in (S.PARTIALLY_IMPLEMENTED, S.NOT_IMPLEMENTED):
        services.record_outcome(lead, rec, status, evidence=c.Evidence.STAFF_DECISION)
    elif status == S.NO_LONGER_RELEVANT:
        services.mark_no_longer_relevant(lead, rec, "The place closed.")
    rec.refresh_from_db()
    assert rec.status == status
    return rec


def valid_data(rec: Recommendation, action: str) -> dict:
    targets = outcome_targets(rec.status)
    return {
        "edit": {
            "version": rec.version,
            "addressee": rec.addressee,
            "area": "material_conditions",
            "right": None,
            "kind": "after_visit",
            "priority": "high",
            "places": list(rec.places.all()),
            "place_type": rec.place_type,
            "text_az": rec.text_az,
            "text_en": rec.text_en,
            "text_ru": "",
            "rationale": "",
            "smart": rec.smart,
            "due_date": None,
            "due_reason": "",
            "uhri_reference": "",
            "responsible": rec.responsible,
        },
        "issue": {"language": "az", "due_date": None, "due_reason": ""},
        "response": {
            "stance": "accepts",
            "received_on": today(),
            "text": "Qəbul edilir.",
            "channel": "letter",
            "reference": "",
            "file": None,
        },
        "outcome": {
            "status": targets[-1] if targets else S.NOT_IMPLEMENTED,
            "evidence": c.Evidence.STAFF_DECISION,
            "happened_on": None,
            "note": "",
            "visit": None,
            "file": None,
        },
        "escalation": {"step": "meeting", "taken_on": today(), "note": ""},
        "repeat": {},
        "irrelevant": {"reason": "The place closed."},
        "publish": {},
        "unpublish": {"reason": "Wrong addressee."},
    }[action]


def succeeded(user, rec: Recommendation) -> set[str]:
    done = set()
    for action, (_form, call) in ACTIONS.items():
        with transaction.atomic():
            fresh = Recommendation.objects.get(pk=rec.pk)
            try:
                call(user, fresh, valid_data(fresh, action))
            except (ValidationError, PermissionDenied):
                pass
            else:
                done.add(action)
            transaction.set_rollback(True)
    return done


@pytest.mark.parametrize("status", S.values)
def test_each_action_succeeds_exactly_when_the_page_offers_it(persona, lead, draft, status):
    rec = rec_in(lead, draft, status)
    for user in (persona("commissioner"), persona("npm_member"), lead):
        assert succeeded(user, rec) == offered_actions(user, rec), (status, user.username)
    if status != S.DRAFT:  # and once published, withdrawing it instead of publishing
        services.publish_recommendation(persona("commissioner"), rec)
        rec.refresh_from_db()
        commissioner = persona("commissioner")
        assert succeeded(commissioner, rec) == offered_actions(commissioner, rec) >= {"unpublish"}


def test_the_page_shows_every_field_and_offers_the_drafters_actions(staff_client, member, draft):
    client = staff_client(member)
    client.cookies["django_language"] = "en"
    page = client.get(draft.get_absolute_url()).content.decode()
    assert draft.number in page and "Ministry" in page or draft.addressee.name_en in page
    assert draft.text_en in page and 'data-testid="missing-ru"' in page  # the Russian text is not written
    assert "shower block is broken" in page  # the finding it answers (the member may open the visit)
    assert draft.visit.get_absolute_url() in page
    assert 'data-testid="smart-warnings"' in page  # a draft: the checklist's warnings
    assert "set on issue from the legal clock" in page
    action = lambda name: reverse("recommendations:action", args=[draft.public_id, name])  # noqa: E731
    assert action("edit") in page and action("irrelevant") in page
    assert action("issue") not in page and action("publish") not in page  # not the member's to do


def test_the_visit_is_named_without_a_link_to_those_who_cannot_open_it(staff_client, persona, lead):
    officer = persona("complaints_officer")
    visit, finding = visit_with_finding(lead)
    rec = make_recommendation(lead, visit=visit, findings=[finding], responsible=officer)
    page = staff_client(officer).get(rec.get_absolute_url()).content.decode()
    assert visit.get_absolute_url() not in page, page[page.find(visit.get_absolute_url()) - 300 :][:400]
    assert "shower block is broken" not in page


def test_the_lead_issues_and_the_letter_that_was_sent_is_linked(staff_client, lead, draft):
    client = staff_client(lead)
    client.cookies["django_language"] = "en"
    url = reverse("recommendations:action", args=[draft.public_id, "issue"])
    response = client.post(url, {"issue-language": "en", "issue-due_date": "", "issue-due_reason": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.ISSUED and draft.letter_language == "en" and draft.due_date
    letter = draft.history.get(new_status=S.ISSUED).document
    assert letter.original_name.endswith("-en.pdf") and letter.mime_type == "application/pdf"
    page = client.get(draft.get_absolute_url()).content.decode()
    link = reverse("recommendations:file", args=[draft.public_id, letter.public_id])
    assert link in page and "from the legal clock" in page
    download = client.get(link)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_an_issue_date_set_by_hand_needs_a_reason_and_nothing_is_written(staff_client, lead, draft):
    url = reverse("recommendations:action", args=[draft.public_id, "issue"])
    due = (today() + timedelta(days=40)).isoformat()
    client = staff_client(lead)
    client.cookies["django_language"] = "en"
    response = client.post(url, {"issue-language": "az", "issue-due_date": due, "issue-due_reason": ""})
    assert response.status_code == 200  # redrawn with the error next to the field
    assert "Say why the due date is set by hand." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.DRAFT and not Attachment.objects.exists()


def test_a_stale_edit_of_the_draft_is_redrawn_with_409(staff_client, member, lead, draft):
    seen = draft.version  # the member opened the page, then the lead saved the draft
    services.update_draft(lead, draft, priority="low")
    url = reverse("recommendations:action", args=[draft.public_id, "edit"])
    data = {
        "edit-version": seen,
        "edit-addressee": draft.addressee.pk,
        "edit-kind": "after_visit",
        "edit-priority": "high",
        "edit-text_az": "Duş otağı dərhal təmir edilsin və hər gün çimmək imkanı verilsin, bir ay ərzində.",
        "edit-smart": ["specific", "measurable"],
    }
    client = staff_client(member)
    client.cookies["django_language"] = "en"
    response = client.post(url, data)
    assert response.status_code == 409
    assert "saved this record" in response.content.decode()
    assert "dərhal təmir" in response.content.decode()  # the person's input is kept
    draft.refresh_from_db()
    assert draft.priority == "low"
    data["edit-version"] = draft.version
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.priority == "high" and draft.smart["specific"] and not draft.smart["time_bound"]


def test_a_response_with_its_letter_attached(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    url = reverse("recommendations:action", args=[draft.public_id, "response"])
    upload = SimpleUploadedFile("cavab.pdf", PDF_BYTES, content_type="application/pdf")
    data = {
        "response-stance": "implemented",
        "response-received_on": today().isoformat(),
        "response-text": "Duş otağı təmir edildi.",
        "response-channel": "letter",
        "response-reference": "MJ-12",
        "response-file": upload,
    }
    client = staff_client(member)
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.REPORTED_IMPLEMENTED
    response = draft.responses.get()
    file = Attachment.objects.get(object_id=response.pk, original_name="cavab.pdf")
    page = client.get(draft.get_absolute_url()).content.decode()
    assert reverse("recommendations:file", args=[draft.public_id, file.public_id]) in page


def test_a_refused_upload_writes_no_response(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    url = reverse("recommendations:action", args=[draft.public_id, "response"])
    data = {
        "response-stance": "accepts",
        "response-received_on": today().isoformat(),
        "response-text": "Qəbul edilir.",
        "response-channel": "letter",
        "response-file": SimpleUploadedFile("cavab.pdf", b"<html><script>", content_type="application/pdf"),
    }
    client = staff_client(member)
    client.cookies["django_language"] = "en"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "does not match its extension" in response.content.decode()
    assert not draft.responses.exists()
    draft.refresh_from_db()
    assert draft.status == S.ISSUED


def test_implemented_is_refused_without_a_verification_source(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    url = reverse("recommendations:action", args=[draft.public_id, "outcome"])
    data = {"outcome-status": "implemented", "outcome-evidence": "staff_decision", "outcome-note": "Dedilər."}
    client = staff_client(member)
    client.cookies["django_language"] = "en"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Implemented needs a verification" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.ISSUED and draft.history.count() == 1


def test_implemented_on_a_document_keeps_the_document(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    url = reverse("recommendations:action", args=[draft.public_id, "outcome"])
    data = {
        "outcome-status": "implemented",
        "outcome-evidence": "document",
        "outcome-file": SimpleUploadedFile("akt.pdf", PDF_BYTES, content_type="application/pdf"),
    }
    client = staff_client(member)
    client.cookies["django_language"] = "en"
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.IMPLEMENTED
    line = draft.history.get(new_status=S.IMPLEMENTED)
    assert line.evidence == "document" and line.document.original_name == "akt.pdf"
    # Without the file the form says so and nothing moves.
    other = make_recommendation(member, visit=draft.visit, findings=[])
    services.issue_recommendation(lead, other)
    url = reverse("recommendations:action", args=[other.public_id, "outcome"])
    response = client.post(url, {"outcome-status": "implemented", "outcome-evidence": "document"})
    assert response.status_code == 200 and "Attach the document." in response.content.decode()


def test_a_follow_up_visit_verifies_from_the_visits_to_the_place(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    elsewhere = make_visit(lead, place=make_place(lead, name_az="Başqa yer"))
    later = make_visit(lead, place=draft.visit.place, team=[(lead, "leader"), (member, "member")])
    monitoring.prepare_visit(lead, later, "")
    later = monitoring.record_arrival(lead, later)
    client = staff_client(member)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert f'value="{later.pk}"' in page and f'value="{elsewhere.pk}"' not in page
    url = reverse("recommendations:action", args=[draft.public_id, "outcome"])
    data = {"outcome-status": "implemented", "outcome-evidence": "follow_up_visit", "outcome-visit": later.pk}
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.IMPLEMENTED and draft.history.get(new_status=S.IMPLEMENTED).visit == later


def test_the_commissioner_cannot_publish_a_text_naming_a_sealed_interviewee(staff_client, persona, lead, draft):
    monitoring.add_interview(lead, draft.visit, pseudonym="D-01", kind="detainee", identity="Məmmədov Elçin Rauf oğlu")
    services.update_draft(lead, draft, rationale="Elchin Mammadov told us the shower has been broken for months.")
    services.issue_recommendation(lead, draft)
    client = staff_client(persona("commissioner"))
    client.cookies["django_language"] = "en"
    response = client.post(reverse("recommendations:action", args=[draft.public_id, "publish"]), {})
    assert response.status_code == 200
    assert "would name an interviewee" in response.content.decode() and "rationale" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_commissioner_publishes_and_withdraws(staff_client, persona, lead, draft):
    services.issue_recommendation(lead, draft)
    client = staff_client(persona("commissioner"))
    assert client.post(reverse("recommendations:action", args=[draft.public_id, "publish"]), {}).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    url = reverse("recommendations:action", args=[draft.public_id, "unpublish"])
    assert client.post(url, {"unpublish-reason": "Wrong addressee."}).status_code == 302
    draft.refresh_from_db()
    assert not draft.is_published


def test_the_member_may_not_issue_or_publish(staff_client, member, draft):
    client = staff_client(member)
    assert client.post(reverse("recommendations:action", args=[draft.public_id, "issue"]), {}).status_code == 403
    assert client.post(reverse("recommendations:action", args=[draft.public_id, "publish"]), {}).status_code == 403


def test_a_step_the_state_does_not_allow_is_refused_without_a_change(staff_client, member, draft):
    url = reverse("recommendations:action", args=[draft.public_id, "escalation"])
    response = staff_client(member).post(url, {"escalation-step": "meeting", "escalation-taken_on": "2025-01-01"})
    assert response.status_code == 302
    assert not draft.escalations.exists()


def test_repeat_creates_a_linked_draft_and_goes_to_it(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    services.record_outcome(lead, draft, S.NOT_IMPLEMENTED, evidence=c.Evidence.STAFF_DECISION)
    client = staff_client(member)
    response = client.post(reverse("recommendations:action", args=[draft.public_id, "repeat"]), {})
    repeat = Recommendation.objects.get(repeats=draft)
    assert response.status_code == 302 and response.url == repeat.get_absolute_url()
    assert repeat.status == S.DRAFT
    assert draft.number in client.get(repeat.get_absolute_url()).content.decode()
    assert repeat.get_absolute_url() in client.get(draft.get_absolute_url()).content.decode()


def test_escalation_and_no_longer_relevant(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    client = staff_client(member)
    url = reverse("recommendations:action", args=[draft.public_id, "escalation"])
    data = {"escalation-step": "parliament", "escalation-taken_on": today().isoformat(), "escalation-note": "Hesabat."}
    assert client.post(url, data).status_code == 302
    assert draft.escalations.get().step == "parliament"
    url = reverse("recommendations:action", args=[draft.public_id, "irrelevant"])
    assert client.post(url, {"irrelevant-reason": ""}).status_code == 200  # a reason is required
    assert client.post(url, {"irrelevant-reason": "Yer bağlandı."}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == S.NO_LONGER_RELEVANT


def test_the_page_reads_a_constant_number_of_queries_whatever_the_history(staff_client, member, lead, draft):
    services.issue_recommendation(lead, draft)
    client = staff_client(member)
    client.get(draft.get_absolute_url())  # the session's first request records activity

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(draft.get_absolute_url()).status_code == 200
        return len(queries)

    upload = SimpleUploadedFile("c.pdf", PDF_BYTES, content_type="application/pdf")
    services.record_response(lead, draft, stance="accepts", received_on=today(), text="Cavab.", uploaded=upload)
    services.record_escalation(lead, draft, "meeting", taken_on=today())
    short = count()
    for stance in ("progress", "implemented"):
        upload = SimpleUploadedFile("c.pdf", PDF_BYTES, content_type="application/pdf")
        services.record_response(lead, draft, stance=stance, received_on=today(), text="Cavab.", uploaded=upload)
    services.record_escalation(lead, draft, "reminder_letter", taken_on=today())
    draft.refresh_from_db()
    assert draft.history.count() == 4
    assert count() == short


def test_new_recommendation_from_a_thematic_report(staff_client, member):
    client = staff_client(member)
    assert client.get(reverse("recommendations:new")).status_code == 200
    place = make_place(None, name_az="Qazax İTT")
    data = {
        "source": "thematic_report",
        "report_title": "Qadın məhbusların vəziyyəti",
        "addressee": Authority.objects.get(code="moj").pk,
        "kind": "thematic",
        "priority": "medium",
        "places": "Qazax İTT",
        "text_az": "Bütün müəssisələrdə qadınlar üçün ayrıca gigiyena vəsaitləri təmin edilsin, altı ay ərzində.",
        "smart": ["specific", "measurable", "achievable"],
        "due_date": "",
    }
    response = client.post(reverse("recommendations:new"), data)
    rec = Recommendation.objects.get(report_title="Qadın məhbusların vəziyyəti")
    assert response.status_code == 302 and response.url == rec.get_absolute_url()
    assert rec.status == S.DRAFT and rec.source == "thematic_report" and list(rec.places.all()) == [place]
    assert rec.smart == {
        "specific": True,
        "measurable": True,
        "achievable": True,
        "relevant": False,
        "time_bound": False,
    }
    assert AuditEvent.objects.filter(action="recommendations.recommendation.drafted").exists()


def test_new_recommendation_refuses_an_unknown_place_and_a_due_date_without_reason(staff_client, member):
    data = {
        "source": "annual_report",
        "report_title": "İllik məruzə 2025",
        "addressee": Authority.objects.get(code="moj").pk,
        "kind": "legislative",
        "priority": "high",
        "places": "Belə yer yoxdur",
        "text_az": "Qanun dəyişdirilsin.",
        "due_date": (today() + timedelta(days=90)).isoformat(),
    }
    response = staff_client(member).post(reverse("recommendations:new"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Belə yer yoxdur" in body and 'data-testid="form-errors"' in body
    assert not Recommendation.objects.exists()


def test_new_recommendation_is_not_for_those_who_do_not_manage_them(staff_client, persona):
    assert staff_client(persona("analyst")).get(reverse("recommendations:new")).status_code == 403
