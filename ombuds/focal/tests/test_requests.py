"""A focal point's information requests: it sees only its own body's, answers within the term or
late (the clock says which), gets a receipt, and loses nothing when its session expires."""

import shutil
import subprocess
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from ombuds.accounts.testing import TEST_PASSWORD, enrol_totp, totp_code
from ombuds.complaints.choices import DisclosureConsent, InfoRequestStatus, ReplyChannel
from ombuds.complaints.models import Application, InfoRequest
from ombuds.core import deadlines
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Attachment, AuditEvent, Deadline, Notification
from ombuds.focal.models import Draft, Opening, Receipt
from ombuds.focal.services import drafts
from ombuds.focal.services.requests import answer_info_request
from ombuds.focal.testing import info_request_to, make_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client, settings):
    """Pages and messages read in English (the default language is Azerbaijani)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name="register-extract.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _txt(name="note.txt"):
    return SimpleUploadedFile(name, "Qeydiyyat jurnalı, 3 may.".encode(), content_type="text/plain")


def _page(item):
    return reverse("focal:request", args=[item.public_id])


@pytest.fixture
def fp():
    return make_focal_point(authority="mia", username="mia.focal")


@pytest.fixture
def http(fp, staff_client):
    return staff_client(fp.user)


def _request_for(assignee=None, authority="mia"):
    item = info_request_to(authority)
    if assignee is not None:
        Application.objects.filter(pk=item.application_id).update(assignee=assignee)
        item.refresh_from_db()
    return item


def test_the_list_and_pages_show_only_the_bodys_own_requests(http):
    own, other = _request_for(), _request_for(authority="moj")
    listing = http.get(reverse("focal:requests"))
    assert listing.status_code == 200
    assert own.application.number in listing.text and other.application.number not in listing.text
    assert http.get(_page(own)).status_code == 200
    for url in [
        _page(other),
        reverse("focal:request_letter", args=[other.public_id]),
        reverse("focal:request_draft", args=[other.public_id]),
    ]:
        response = http.post(url, {"text": "x"}) if url.endswith("/draft/") else http.get(url)
        assert response.status_code == 404, url


def test_a_place_only_focal_point_sees_no_information_request(staff_client):
    from ombuds.monitoring.testing import make_place

    only_place = make_focal_point(authority="mia", place=make_place(), username="mia.place")
    http = staff_client(only_place.user)
    item = _request_for()
    assert item.application.number not in http.get(reverse("focal:requests")).text
    assert http.get(_page(item)).status_code == 404
    with pytest.raises(PermissionDenied):
        answer_info_request(only_place.user, item, text="An answer.")


def test_answering_within_the_term_stops_the_clock_notifies_and_acknowledges(http, fp, persona):
    officer = persona("complaints_officer")
    item = _request_for(assignee=officer)
    page = http.get(_page(item))
    assert page.status_code == 200 and 'name="text"' in page.text
    assert Opening.objects.get(focal_point=fp, info_request=item).times == 1
    drafts.save_draft(fp.user, item, {"text": "Half written"})
    response = http.post(
        _page(item),
        {"action": "send", "text": "The applicant was registered at 10:40 by Lt. Məmmədov.", "files": [_pdf(), _txt()]},
    )
    assert response.status_code == 302
    receipt = Receipt.objects.get(info_request=item)
    assert response["Location"] == reverse("focal:receipt", args=[receipt.reference])
    item.refresh_from_db()
    assert item.status == InfoRequestStatus.ANSWERED and item.reply_channel == ReplyChannel.PORTAL
    assert item.reply.startswith("The applicant was registered")
    assert not deadlines.open_for(item.application, "info_request_reply").exists()
    clock = Deadline.objects.get(object_id=item.application_id, rule__code="info_request_reply")
    assert clock.closed_at is not None and clock.status == DeadlineStatus.MET
    files = Attachment.objects.filter(object_id=item.pk, content_type__model="inforequest")
    assert sorted(f.original_name for f in files) == ["note.txt", "register-extract.pdf"]
    note = Notification.objects.get(recipient=officer, kind="complaints.inforequest.answered_online")
    assert note.params == {"number": item.application.number}
    assert not Draft.objects.filter(focal_point=fp).exists()
    shown = http.get(response["Location"])
    assert receipt.reference in shown.text and "register-extract.pdf" in shown.text
    detail = http.get(_page(item))
    assert receipt.reference in detail.text and 'name="text"' not in detail.text
    download = http.get(
        reverse("focal:request_file", args=[item.public_id, files.get(original_name="note.txt").public_id])
    )
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"Qeydiyyat")
    late = AuditEvent.objects.filter(action="complaints.inforequest.answered", object_id=str(item.public_id)).get()
    assert late.changes["late"] is False and late.changes["channel"] == "portal"


def test_without_an_assignee_the_units_head_hears_of_the_answer(fp, persona):
    head = persona("department_head")
    item = _request_for()
    assert item.application.assignee_id is None and item.application.unit_id == head.org_unit_id
    answer_info_request(fp.user, item, text="Answered.")
    assert Notification.objects.filter(recipient=head, kind="complaints.inforequest.answered_online").exists()


def test_a_late_answer_is_recorded_as_late(fp):
    item = _request_for()
    with time_machine.travel(item.due_at + timedelta(days=3), tick=False):
        receipt = answer_info_request(fp.user, item, text="Sorry for the delay.")
    item.refresh_from_db()
    assert item.reply_at > item.due_at
    event = AuditEvent.objects.get(action="complaints.inforequest.answered", object_id=str(item.public_id))
    assert event.changes["late"] is True
    deadline = Deadline.objects.get(object_id=item.application_id, rule__code="info_request_reply")
    assert deadline.closed_at is not None and deadline.status == DeadlineStatus.OVERDUE
    assert receipt.info_request_id == item.pk


def test_a_second_answer_is_refused(http, fp):
    item = _request_for()
    answer_info_request(fp.user, item, text="First.")
    with pytest.raises(ValidationError, match="already answered"):
        answer_info_request(fp.user, InfoRequest.objects.get(pk=item.pk), text="Second.")
    response = http.post(_page(item), {"action": "send", "text": "Second."})
    assert response.status_code == 302 and response["Location"] == _page(item)
    assert InfoRequest.objects.get(pk=item.pk).reply == "First."
    assert Receipt.objects.filter(info_request=item).count() == 1


def test_an_empty_answer_or_a_bad_file_is_refused_with_nothing_written(http):
    item = _request_for()
    empty = http.post(_page(item), {"action": "send", "text": "  "})
    assert empty.status_code == 400
    bad = http.post(
        _page(item),
        {"action": "send", "text": "Here.", "files": [SimpleUploadedFile("x.exe", b"MZ", "application/octet-stream")]},
    )
    assert bad.status_code == 400 and "Here." in bad.text
    item.refresh_from_db()
    assert item.status != InfoRequestStatus.ANSWERED and not Receipt.objects.exists()
    assert not Attachment.objects.filter(object_id=item.pk, content_type__model="inforequest").exists()


def test_drafts_autosave_and_prefill(http, fp):
    item = _request_for()
    saved = http.post(reverse("focal:request_draft", args=[item.public_id]), {"text": "Work in progress"})
    assert saved.status_code == 200 and "Draft saved" in saved.text
    assert drafts.read_draft(fp.user, item) == {"text": "Work in progress"}
    button = http.post(_page(item), {"action": "draft", "text": "Saved without JavaScript"})
    assert button.status_code == 302
    assert "Saved without JavaScript" in http.get(_page(item)).text


def test_an_answer_sent_after_the_session_expired_is_kept_for_after_sign_in(client, fp):
    item = _request_for()
    page = _page(item)
    response = client.post(page, {"action": "send", "text": "Kept across the sign-in"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("focal:login")) and "next=" in response["Location"]
    assert InfoRequest.objects.get(pk=item.pk).status != InfoRequestStatus.ANSWERED
    secret = enrol_totp(fp.user)
    password = client.post(reverse("focal:login"), {"login": "mia.focal", "password": TEST_PASSWORD, "next": page})
    assert password["Location"] == reverse("mfa_authenticate")
    signed_in = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert signed_in.status_code == 302 and signed_in["Location"] == page
    restored = client.get(page)
    assert restored.status_code == 200
    assert "Kept across the sign-in" in restored.text and "session had expired" in restored.text
    assert drafts.read_draft(fp.user, item) == {"text": "Kept across the sign-in"}
    # Once only: the next visit shows the draft without the message.
    again = client.get(page)
    assert "session had expired" not in again.text and "Kept across the sign-in" in again.text


def test_text_kept_for_a_page_is_not_given_to_another_bodys_focal_point(client):
    item = _request_for()
    moj = make_focal_point(authority="moj", username="moj.focal")
    enrol_totp(moj.user)
    client.post(_page(item), {"action": "send", "text": "Not for the ministry of justice"})
    client.force_login(moj.user)
    assert client.get(_page(item)).status_code == 404


def test_an_autosave_after_the_session_expired_keeps_the_text(client, fp):
    item = _request_for()
    response = client.post(
        reverse("focal:request_draft", args=[item.public_id]), {"text": "Autosaved late"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'data-testid="session-expired"' in response.text
    assert f"next={_page(item)}" in response.text
    enrol_totp(fp.user)
    client.force_login(fp.user)
    assert "Autosaved late" in client.get(_page(item)).text


def _pdf_text(content: bytes, tmp_path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext not installed (Debian poppler-utils)")
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.mark.parametrize("consent", [DisclosureConsent.NONE, DisclosureConsent.TO_AUTHORITY])
def test_the_letter_names_no_applicant_and_never_gives_contacts(http, consent, tmp_path):
    item = _request_for()
    app = item.application
    app.applicant.email = "canary.applicant@example.org"
    app.applicant.address = "Canary küçəsi 7"
    app.applicant.save()
    Application.objects.filter(pk=app.pk).update(disclosure_consent=consent)
    response = http.get(reverse("focal:request_letter", args=[item.public_id]) + "?lang=en")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content, tmp_path)
    assert app.number in text and "Request for information" in text
    assert "registered at the police station" in text  # the questions, as sent
    for secret in ["Həsənov", "Rauf", "+994 50 555 12 34", "555 12 34", "canary.applicant", "Canary küçəsi"]:
        assert secret not in text
    page = http.get(_page(item)).text
    for contact in ["555 12 34", "canary.applicant", "Canary küçəsi"]:
        assert contact not in page
    if consent == DisclosureConsent.NONE:
        assert "Həsənov" not in page
    else:
        assert "Həsənov Rauf" in page  # named with consent, and only named


def test_the_letter_is_dated_the_day_it_was_sent(fp):
    from ombuds.complaints import letters

    item = _request_for()
    InfoRequest.objects.filter(pk=item.pk).update(sent_at=item.sent_at - timedelta(days=40))
    item.refresh_from_db()
    letter = letters.build(item.application, "info_request", "en", viewer=fp.user, info_request=item)
    assert letter.date != letters.date_format(timezone.localdate(), "DATE_FORMAT")


def test_receipts_of_another_body_are_not_found(http, staff_client):
    other_fp = make_focal_point(authority="moj", username="moj.focal")
    other = answer_info_request(other_fp.user, _request_for(authority="moj"), text="Justice answers.")
    assert http.get(reverse("focal:receipt", args=[other.reference])).status_code == 404
    assert http.get(reverse("focal:receipt", args=["AP-2026-999999"])).status_code == 404
    assert staff_client(other_fp.user).get(reverse("focal:receipt", args=[other.reference])).status_code == 200


def test_the_list_reads_a_fixed_number_of_queries(http, django_assert_max_num_queries, fp):
    _request_for()
    http.get(reverse("focal:requests"))
    with django_assert_max_num_queries(60) as one:
        http.get(reverse("focal:requests"))
    with django_assert_max_num_queries(60) as home:
        http.get(reverse("focal:home"))
    answered = _request_for()
    answer_info_request(fp.user, answered, text="Done.")
    for _ in range(4):
        _request_for()
    with django_assert_max_num_queries(len(one)):
        response = http.get(reverse("focal:requests"))
    assert response.text.count("/authority/requests/") >= 6
    with django_assert_max_num_queries(len(home)):
        http.get(reverse("focal:home"))


def test_the_receipt_of_a_recommendation_answer_shows_what_was_submitted(http, fp):
    from ombuds.focal.services.responses import answer_recommendation
    from ombuds.focal.testing import recommendation_to

    rec = recommendation_to("mia")
    upload = SimpleUploadedFile("evidence.pdf", PDF_BYTES, content_type="application/pdf")
    receipt = answer_recommendation(fp.user, rec, stance="accepts", text="We accept it.", files=[upload])
    page = http.get(reverse("focal:receipt", args=[receipt.reference]))
    assert page.status_code == 200
    assert rec.number in page.text and "We accept it." in page.text and "evidence.pdf" in page.text


def test_the_case_officer_sees_the_portal_reply_with_its_files(fp, persona, staff_client):
    officer = persona("complaints_officer")
    item = _request_for(assignee=officer)
    answer_info_request(fp.user, item, text="Registered at 10:40.", files=[_pdf()])
    http = staff_client(officer)
    page = http.get(item.application.get_absolute_url())
    assert page.status_code == 200
    assert "Registered at 10:40." in page.text and "Authority portal" in page.text
    doc = Attachment.objects.get(content_type__model="inforequest", object_id=item.pk)
    link = reverse("complaints:attachment", args=[item.application.public_id, doc.public_id])
    assert link in page.text
    download = http.get(link)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES
    # Not through another application's address.
    other = _request_for(assignee=officer)
    assert (
        http.get(reverse("complaints:attachment", args=[other.application.public_id, doc.public_id])).status_code == 404
    )


def test_staff_record_a_reply_received_by_e_mail(persona, staff_client):
    officer = persona("complaints_officer")
    item = _request_for(assignee=officer)
    http = staff_client(officer)
    url = reverse("complaints:info_request_action", args=[item.public_id, "reply"])
    assert http.post(url, {"text": "By e-mail.", "channel": "email"}).status_code == 302
    item.refresh_from_db()
    assert item.status == InfoRequestStatus.ANSWERED and item.reply_channel == ReplyChannel.EMAIL
    assert not Notification.objects.filter(kind="complaints.inforequest.answered_online").exists()


def test_an_answer_posted_after_the_absolute_session_limit_is_kept_too(http, settings):
    item = _request_for()
    session = http.session
    session["ombuds_authenticated_at"] = 0  # signed in long ago
    session.save()
    response = http.post(_page(item), {"action": "send", "text": "Written over a long day"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("focal:login"))
    assert InfoRequest.objects.get(pk=item.pk).status != InfoRequestStatus.ANSWERED
    assert http.session["focal_kept"][_page(item)] == {"text": "Written over a long day"}


def test_answered_requests_come_a_page_at_a_time(fp, http, monkeypatch):
    from ombuds.focal import views_requests

    monkeypatch.setattr(views_requests, "PAGE_SIZE", 2)
    answered = []
    for n in range(3):
        item = _request_for()
        answer_info_request(fp.user, item, text=f"Reply {n}.")
        answered.append(item.application.number)
    waiting = _request_for().application.number

    first = http.get(reverse("focal:requests"))
    body = first.content.decode()
    assert waiting in body  # the open ones stay on top of every page
    shown = [number for number in answered if number in body]
    assert len(shown) == 2
    cursor = first.context["page"].next_cursor
    rest = http.get(reverse("focal:requests"), {"cursor": cursor}).content.decode()
    assert [number for number in answered if number in rest and number not in shown] == [
        number for number in answered if number not in shown
    ]
    assert http.get(reverse("focal:requests"), {"cursor": "not-a-cursor"}).status_code == 404
