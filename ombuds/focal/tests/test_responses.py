"""A focal point answers the recommendations addressed to its body (domain.md §3.3, issue 12):
it sees only its own, never the rationale, the findings or staff notes; its report of
implementation stays "reported implemented, unverified" until staff verify it; nothing it wrote
is lost when its session expires."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.accounts.testing import TEST_PASSWORD, enrol_totp, make_user, totp_code
from ombuds.core.models import Attachment, AuditEvent, Authority, Notification
from ombuds.focal.models import Draft, Opening, Receipt
from ombuds.focal.services.drafts import read_draft, save_draft
from ombuds.focal.services.responses import answer_recommendation
from ombuds.focal.testing import make_focal_point, recommendation_to
from ombuds.monitoring.testing import make_place
from ombuds.recommendations import choices as c
from ombuds.recommendations import services as recs
from ombuds.recommendations.testing import make_recommendation, visit_with_finding

pytestmark = pytest.mark.django_db
S = c.Status
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
RATIONALE = "RATIONALE-CANARY: the guard on block 4 said the inspectors were expected."
FINDING = "The shower block is broken"  # the finding's text (recommendations.testing)


def pdf(name: str = "akt.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


@pytest.fixture
def officer():
    return make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")


def issued_to(authority: str = "mia", *, place=None, responsible=None, **fields):
    visit, finding = visit_with_finding(None, place=place)
    rec = make_recommendation(
        None,
        visit=visit,
        findings=[finding],
        addressee=Authority.objects.get(code=authority),
        rationale=RATIONALE,
        responsible=responsible,
        **fields,
    )
    return recs.issue_recommendation(None, rec)


@pytest.fixture
def focal():
    return make_focal_point(authority="mia", username="mia.focal")


@pytest.fixture
def portal(staff_client, focal):
    return staff_client(focal.user)


def url(rec, name: str = "focal:recommendation") -> str:
    return reverse(name, args=[rec.public_id])


# What it sees ------------------------------------------------------------------------------------


def test_it_sees_its_bodys_recommendations_only(portal, officer):
    own = issued_to("mia", responsible=officer)
    other = issued_to("moj", responsible=officer)
    draft = make_recommendation(None, addressee=Authority.objects.get(code="mia"))
    listing = portal.get(reverse("focal:recommendations")).content.decode()
    assert own.number in listing and other.number not in listing and draft.number not in listing
    assert portal.get(url(own)).status_code == 200
    assert portal.get(url(other)).status_code == 404
    assert portal.get(url(draft)).status_code == 404
    assert portal.get(url(other, "focal:recommendation_letter")).status_code == 404


def test_a_place_only_focal_point_sees_only_its_places(staff_client, officer):
    prison = make_place(None, name_az="Yer Bir")
    own = issued_to("mia", place=prison, responsible=officer)
    elsewhere = issued_to("mia", responsible=officer)
    http = staff_client(make_focal_point(authority="mia", place=prison).user)
    assert http.get(url(own)).status_code == 200
    assert http.get(url(elsewhere)).status_code == 404
    listing = http.get(reverse("focal:recommendations")).content.decode()
    assert own.number in listing and elsewhere.number not in listing


def test_the_list_filters_by_open_and_by_status(portal, focal, officer):
    waiting = issued_to("mia", responsible=officer)
    done = issued_to("mia", responsible=officer)
    recs.mark_no_longer_relevant(officer, done, "The place closed.")
    page = portal.get(reverse("focal:recommendations"), {"state": "open"}).content.decode()
    assert waiting.number in page and done.number not in page
    page = portal.get(reverse("focal:recommendations"), {"status": "no_longer_relevant"}).content.decode()
    assert done.number in page and waiting.number not in page


def test_the_page_shows_the_text_dates_and_letter_but_no_rationale_findings_or_notes(portal, focal, officer):
    rec = issued_to("mia", responsible=officer)
    recs.record_escalation(officer, rec, "meeting", taken_on=rec.issued_on, note="STAFF-NOTE-CANARY")
    portal.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = portal.get(url(rec))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Repair the shower block" in page and "Duş otağı" not in page  # the reader's language
    assert 'data-testid="not-translated"' not in page
    assert RATIONALE not in page and FINDING not in page and "STAFF-NOTE-CANARY" not in page
    assert "Issued; letter in" not in page  # the history's staff note
    assert 'data-testid="response-due"' in page and "No answer is awaited" not in page
    # The opening is recorded for the staff.
    assert Opening.objects.get(focal_point=focal, recommendation=rec).times == 1
    letter = portal.get(url(rec, "focal:recommendation_letter"))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"


def test_an_untranslated_text_is_shown_in_azerbaijani_with_a_note(portal, officer):
    rec = issued_to("mia", responsible=officer)
    portal.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = portal.get(url(rec)).content.decode()
    assert "Duş otağı" in page and 'data-testid="not-translated"' in page


def test_a_letter_not_kept_at_issue_is_written_again(portal, officer):
    from datetime import timedelta

    from django.utils import timezone

    visit, finding = visit_with_finding(None)
    rec = make_recommendation(None, visit=visit, findings=[finding], addressee=Authority.objects.get(code="mia"))
    recs.issue_recommendation(None, rec, issued_on=timezone.localdate() - timedelta(days=3))
    letter = portal.get(url(rec, "focal:recommendation_letter"))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")


def test_files_of_its_responses_only(portal, focal, officer):
    rec = issued_to("mia", responsible=officer)
    receipt = answer_recommendation(focal.user, rec, stance="accepts", text="Qəbul edirik.", files=[pdf()])
    own = Attachment.objects.get(object_id=receipt.response.pk, content_type__model="authorityresponse")
    assert portal.get(reverse("focal:recommendation_file", args=[rec.public_id, own.public_id])).status_code == 200
    # The letter sent is a file of the recommendation itself: only through the letter's own URL.
    sent = Attachment.objects.get(object_id=rec.pk, content_type__model="recommendation")
    assert portal.get(reverse("focal:recommendation_file", args=[rec.public_id, sent.public_id])).status_code == 404
    other = issued_to("mia", responsible=officer)
    assert portal.get(reverse("focal:recommendation_file", args=[other.public_id, own.public_id])).status_code == 404


# What it does ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stance", "status"),
    [("accepts", S.ACCEPTED), ("rejects", S.REJECTED), ("progress", S.IN_PROGRESS)],
)
def test_each_answer_moves_the_status_and_is_acknowledged(portal, focal, officer, stance, status):
    rec = issued_to("mia", responsible=officer)
    response = portal.post(url(rec), {"stance": stance, "text": "Səbəblər."})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == status
    receipt = Receipt.objects.get(recommendation=rec)
    assert receipt.reference.startswith("AP-") and receipt.focal_point == focal
    assert receipt.response.channel == c.ResponseChannel.PORTAL and receipt.response.stance == stance
    assert receipt.response.received_on == rec.status_changed_on
    assert response["Location"] == reverse("focal:receipt", args=[receipt.reference])
    followed = portal.get(response["Location"]).content.decode()
    assert receipt.reference in followed


def test_implemented_with_evidence_stays_unverified_until_staff_verify(portal, focal, officer, staff_client):
    rec = issued_to("mia", responsible=officer)
    response = portal.post(
        url(rec), {"stance": "implemented", "text": "Repaired; the act and photos.", "files": [pdf(), pdf("b.pdf")]}
    )
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == S.REPORTED_IMPLEMENTED
    receipt = Receipt.objects.get(recommendation=rec)
    assert (
        Attachment.objects.filter(object_id=receipt.response.pk, content_type__model="authorityresponse").count() == 2
    )
    portal.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Reported implemented, unverified" in portal.get(url(rec)).content.decode()
    # The focal point cannot verify it: only staff record the outcome.
    with pytest.raises(PermissionDenied):
        recs.record_outcome(focal.user, rec, S.IMPLEMENTED, evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED)
    rec.refresh_from_db()
    assert rec.status == S.REPORTED_IMPLEMENTED
    # The staff page names the portal and the receipt.
    staff = staff_client(officer)
    staff.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    staff_page = staff.get(rec.get_absolute_url()).content.decode()
    assert f"through the authority portal, receipt {receipt.reference}" in staff_page
    recs.record_outcome(officer, rec, S.IMPLEMENTED, evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED)
    rec.refresh_from_db()
    assert rec.status == S.IMPLEMENTED


def test_implemented_needs_the_evidence_described(focal, officer):
    rec = issued_to("mia", responsible=officer)
    with pytest.raises(ValidationError, match="evidence"):
        answer_recommendation(focal.user, rec, stance="implemented", text="  ", files=[pdf()])
    assert not rec.responses.exists() and not Receipt.objects.exists()


def test_a_stance_the_state_does_not_allow_is_refused_and_nothing_is_written(portal, focal, officer):
    rec = issued_to("mia", responsible=officer)
    answer_recommendation(focal.user, rec, stance="accepts", text="Qəbul.")
    with pytest.raises(ValidationError, match="cannot be answered so"):
        answer_recommendation(focal.user, rec, stance="rejects", text="Yox.")
    response = portal.post(url(rec), {"stance": "rejects", "text": "Yox, əslində."})
    assert response.status_code == 400
    assert "Yox, əslində." in response.content.decode()  # the input is kept
    assert rec.responses.count() == 1 and Receipt.objects.count() == 1


def test_a_refused_file_writes_nothing_and_keeps_the_text(portal, officer):
    rec = issued_to("mia", responsible=officer)
    bad = SimpleUploadedFile("a.pdf", b"<html><script>", content_type="application/pdf")
    response = portal.post(url(rec), {"stance": "progress", "text": "Təmir gedir.", "files": [bad]})
    assert response.status_code == 400
    assert "Təmir gedir." in response.content.decode()
    rec.refresh_from_db()
    assert rec.status == S.ISSUED and not rec.responses.exists() and not Receipt.objects.exists()


def test_a_closed_recommendation_takes_no_answer(portal, focal, officer):
    rec = issued_to("mia", responsible=officer)
    recs.mark_no_longer_relevant(officer, rec, "The place closed.")
    page = portal.get(url(rec)).content.decode()
    assert 'data-testid="answer-form"' not in page
    portal.post(url(rec), {"stance": "accepts", "text": "Qəbul."})
    assert not rec.responses.exists()


def test_the_responsible_staff_member_is_told_once_per_answer(focal, officer, django_capture_on_commit_callbacks):
    rec = issued_to("mia", responsible=officer)
    Notification.objects.all().delete()  # the one of the issuing
    with django_capture_on_commit_callbacks(execute=True):
        answer_recommendation(focal.user, rec, stance="accepts", text="Qəbul.")
    told = Notification.objects.filter(recipient=officer)
    assert list(told.values_list("kind", flat=True)) == ["recommendations.recommendation.answered_online"]
    with django_capture_on_commit_callbacks(execute=True):
        answer_recommendation(focal.user, rec, stance="implemented", text="Edildi; akt.", files=[pdf()])
    assert told.count() == 2
    assert told.filter(kind="recommendations.recommendation.reported_implemented").count() == 1


def test_without_a_responsible_member_the_issuer_is_told(focal, officer, django_capture_on_commit_callbacks):
    visit, finding = visit_with_finding(officer)
    rec = make_recommendation(officer, visit=visit, findings=[finding], addressee=Authority.objects.get(code="mia"))
    rec.responsible = None
    rec.save(update_fields=["responsible"])
    recs.issue_recommendation(officer, rec)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        answer_recommendation(focal.user, rec, stance="progress", text="Gedir.")
    assert Notification.objects.filter(recipient=officer).count() == 1


def test_the_answer_is_audited(focal, officer):
    rec = issued_to("mia", responsible=officer)
    receipt = answer_recommendation(focal.user, rec, stance="accepts", text="Qəbul.")
    actions = set(AuditEvent.objects.filter(actor_id=focal.user.pk).values_list("action", flat=True))
    assert {"recommendations.authorityresponse.recorded", "focal.receipt.issued"} <= actions
    assert receipt.response.created_by == focal.user


def test_staff_steps_are_refused_to_a_focal_point(focal, officer):
    rec = issued_to("mia", responsible=officer)
    answer_recommendation(focal.user, rec, stance="implemented", text="Edildi.")
    for step in (
        lambda: recs.record_outcome(focal.user, rec, S.NOT_IMPLEMENTED, evidence=c.Evidence.STAFF_DECISION),
        lambda: recs.mark_no_longer_relevant(focal.user, rec, "Closed."),
        lambda: recs.publish_recommendation(focal.user, rec),
        lambda: recs.record_escalation(focal.user, rec, "meeting", taken_on=rec.issued_on),
    ):
        with pytest.raises(PermissionDenied):
            step()
    rec.refresh_from_db()
    assert rec.status == S.REPORTED_IMPLEMENTED


def test_another_bodys_focal_point_cannot_answer(officer):
    rec = issued_to("mia", responsible=officer)
    stranger = make_focal_point(authority="moj")
    with pytest.raises(PermissionDenied):
        answer_recommendation(stranger.user, rec, stance="accepts", text="Qəbul.")
    with pytest.raises(PermissionDenied):
        recs.record_response(stranger.user, rec, stance="accepts", text="Qəbul.")


def test_a_place_only_focal_point_answers_only_for_its_place(officer):
    prison = make_place(None, name_az="Yer İki")
    fp = make_focal_point(authority="mia", place=prison)
    elsewhere = issued_to("mia", responsible=officer)
    with pytest.raises(PermissionDenied):
        answer_recommendation(fp.user, elsewhere, stance="accepts", text="Qəbul.")
    own = issued_to("mia", place=prison, responsible=officer)
    assert answer_recommendation(fp.user, own, stance="accepts", text="Qəbul.").recommendation == own


def test_staff_record_responses_as_before(officer):
    rec = issued_to("mia", responsible=officer)
    response = recs.record_response(
        officer, rec, stance="accepts", received_on=rec.issued_on, text="By letter.", uploaded=pdf(), files=[pdf()]
    )
    assert response.channel == c.ResponseChannel.LETTER
    assert Attachment.objects.filter(object_id=response.pk, content_type__model="authorityresponse").count() == 2
    with pytest.raises(ValidationError, match="received_on"):
        recs.record_response(officer, rec, stance="progress", text="No date.")
    # Staff do not record an answer as the portal's: that one is the focal point's, with its receipt.
    with pytest.raises(ValidationError, match="channel"):
        recs.record_response(officer, rec, stance="progress", received_on=rec.issued_on, text="X.", channel="portal")
    assert rec.responses.count() == 1


# Drafts and an expired session -------------------------------------------------------------------


def test_a_draft_is_saved_prefilled_and_dropped_on_submit(portal, focal, officer):
    rec = issued_to("mia", responsible=officer)
    response = portal.post(url(rec, "focal:recommendation_draft"), {"stance": "progress", "text": "Yarımçıq"})
    assert response.status_code == 302
    assert read_draft(focal.user, rec) == {"stance": "progress", "text": "Yarımçıq"}
    htmx = portal.post(url(rec, "focal:recommendation_draft"), {"text": "Yarımçıq mətn"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and 'data-testid="draft-saved"' in htmx.content.decode()
    page = portal.get(url(rec)).content.decode()
    assert "Yarımçıq mətn" in page
    # A draft is not an answer: staff see nothing of it, and nothing moved.
    rec.refresh_from_db()
    assert rec.status == S.ISSUED and not rec.responses.exists()
    portal.post(url(rec), {"stance": "progress", "text": "Hazır."})
    assert not Draft.objects.filter(focal_point=focal).exists()


def test_another_focal_points_draft_is_never_shown(staff_client, focal, officer):
    rec = issued_to("mia", responsible=officer)
    save_draft(focal.user, rec, {"text": "DRAFT-CANARY"})
    colleague = make_focal_point(authority="mia")
    page = staff_client(colleague.user).get(url(rec)).content.decode()
    assert "DRAFT-CANARY" not in page
    staff_page = staff_client(officer).get(rec.get_absolute_url()).content.decode()
    assert "DRAFT-CANARY" not in staff_page


def test_an_expired_session_keeps_the_text_and_restores_it_after_sign_in(client, focal, officer):
    rec = issued_to("mia", responsible=officer)
    secret = enrol_totp(focal.user)
    response = client.post(url(rec), {"stance": "rejects", "text": "Səbəbimiz budur."})
    assert response.status_code == 302
    login = reverse("focal:login")
    assert response["Location"] == f"{login}?next={url(rec)}"
    assert not rec.responses.exists()
    # The real sign-in, both factors: it keeps the anonymous session's data and goes back.
    response = client.post(response["Location"], {"login": "mia.focal", "password": TEST_PASSWORD, "next": url(rec)})
    response = client.post(response["Location"], {"code": totp_code(secret)})
    assert response["Location"] == url(rec)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url(rec)).content.decode()
    assert "Səbəbimiz budur." in page and "session had expired" in page
    assert read_draft(focal.user, rec)["text"] == "Səbəbimiz budur."
    # Shown once: the next drawing comes from the draft, without the message.
    later = client.get(url(rec)).content.decode()
    assert "Səbəbimiz budur." in later and "session had expired" not in later


def test_an_expired_session_while_typing_keeps_the_text(client, focal, officer):
    rec = issued_to("mia", responsible=officer)
    htmx = client.post(url(rec, "focal:recommendation_draft"), {"text": "Yazırdım"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and 'data-testid="session-expired"' in htmx.content.decode()
    enrol_totp(focal.user)
    client.force_login(focal.user)
    assert "Yazırdım" in client.get(url(rec)).content.decode()


# Cost ---------------------------------------------------------------------------------------------


def test_pages_read_a_constant_number_of_queries(portal, focal, officer):
    first = issued_to("mia", responsible=officer)
    portal.get(url(first))  # the first opening is recorded (and audited) once

    def count(target: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert portal.get(target).status_code == 200
        return len(queries)

    answer_recommendation(focal.user, first, stance="accepts", text="Qəbul.", files=[pdf()])
    short_list, short_page = count(reverse("focal:recommendations")), count(url(first))
    for _ in range(3):
        issued_to("mia", responsible=officer)
    answer_recommendation(focal.user, first, stance="progress", text="Gedir.", files=[pdf(), pdf()])
    answer_recommendation(focal.user, first, stance="implemented", text="Edildi.", files=[pdf()])
    assert count(reverse("focal:recommendations")) == short_list
    assert count(url(first)) == short_page


def test_without_a_responsible_member_or_an_issuer_the_units_heads_are_told(focal, django_capture_on_commit_callbacks):
    """Imported recommendations, and those issued by the system, name nobody: an online answer
    still reaches the heads of the recommendation's unit (else the Commissioner)."""
    from ombuds.accounts.choices import RoleCode
    from ombuds.accounts.testing import make_user

    rec = recommendation_to("mia")  # drafted and issued by the system: no responsible, no issuer
    assert rec.responsible_id is None and rec.issued_by_id is None and rec.unit_id is not None
    head = make_user(roles=[RoleCode.DEPARTMENT_HEAD], unit=rec.unit)
    make_user(roles=[RoleCode.COMPLAINTS_OFFICER], unit=rec.unit)  # not a head: not told
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        answer_recommendation(focal.user, rec, stance="rejects", text="Bu tövsiyə icra edilə bilməz.")
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [head.pk]

    head.is_active = False
    head.save(update_fields=["is_active"])
    commissioner = make_user(roles=[RoleCode.COMMISSIONER], unit="office")
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        answer_recommendation(focal.user, rec, stance="progress", text="Yenidən baxırıq.")
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [commissioner.pk]
