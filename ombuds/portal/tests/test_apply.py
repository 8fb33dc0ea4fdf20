"""The online application: filed through the complaints service with channel "online", durable
before the receipt, drafts that survive a closed browser, the honeypot and the rate limit."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from ombuds.complaints.choices import Channel
from ombuds.complaints.models import Application, StatusKey
from ombuds.complaints.services.status import pin_digest
from ombuds.core.models import Attachment, AuditEvent, Deadline, DeadlineRule
from ombuds.portal.models import ApplicationDraft
from ombuds.portal.services import apply as services
from ombuds.portal.views.apply import COOKIE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # rate counters and one-time claims of an earlier test


def url(name: str, language: str = "en", *args) -> str:
    with translation.override(language):
        return reverse(f"portal:{name}", args=args)


def answers(**overrides) -> dict:
    data = {
        "given_name": "Aysel",
        "surname": "Məmmədova",
        "citizenship": "az",
        "phone": "+994 50 123 45 67",
        "email": "",
        "respondent": "District police department",
        "what_happened": "The police refused to accept my complaint about a stolen car.",
        "violation_date": "2026-10-01",
        "district": "baku",
        "court_status": "none",
        "language": "en",
        "action": "submit",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def form_page(client, language: str = "en") -> tuple[str, str]:
    """The drawn form's one-time token (and the page)."""
    html = client.get(url("apply", language)).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', html)
    assert once is not None
    return once[1], html


def test_the_form_asks_no_identity_number_and_labels_every_control(client):
    _token, html = form_page(client)
    names = set(re.findall(r'name="([a-z_]+)"', html))
    assert not {n for n in names if re.search(r"fin|passport|identity|id_number|birth", n)}, names
    for name in ("given_name", "surname", "phone", "email", "address", "respondent", "what_happened", "district"):
        assert f'for="id_{name}"' in html, name
    assert 'autocomplete="given-name"' in html and 'autocomplete="tel"' in html and 'autocomplete="email"' in html
    assert 'autocomplete="street-address"' in html
    # The honeypot: labelled, out of the tab order, hidden from sight.
    assert re.search(r'<input[^>]*name="website"[^>]*tabindex="-1"', html)
    assert "Leave this field empty" in html
    assert 'name="action" value="save"' in html  # save and continue later
    assert "916" in html


def test_an_online_application_reaches_the_staff_register_with_its_acknowledgement_deadline(
    client, persona, staff_client
):
    once, _html = form_page(client)
    response = client.post(url("apply"), answers(once=once))
    assert response.status_code == 302 and response["Location"] == url("receipt")
    app = Application.objects.get()
    assert app.channel == "online" and app.unit.code == "dept_complaints"
    assert Deadline.objects.filter(object_id=app.pk, rule__code="acknowledgement").exists()
    receipt = client.get(url("receipt"))
    html = receipt.content.decode()
    key = StatusKey.objects.get(application=app)
    assert key.reference in html
    pin = re.search(r'data-testid="pin">(\d{6})<', html)[1]
    assert key.pin_digest == pin_digest(key.reference, pin)
    assert "no-cache" in receipt["Cache-Control"] or "no-store" in receipt["Cache-Control"]
    assert "Reasoned refusal" in html and "Call centre 916" in html

    officer = staff_client(persona("complaints_officer"))
    register = officer.get(reverse("complaints:list")).content.decode()  # staff pages: Azerbaijani
    row = re.search(rf"<tr>\s*<td><a[^>]*>{re.escape(app.number)}</a>.*?</tr>", register, re.S)
    with translation.override("az"):
        assert row and str(Channel.ONLINE.label) in row[0]
    detail = officer.get(app.get_absolute_url()).content.decode()
    assert DeadlineRule.objects.get(code="acknowledgement").name_az in detail


def test_foreign_stateless_and_minor_applicants_are_accepted(client):
    for citizenship, minor in (("foreign", ""), ("stateless", "on"), ("unknown", "on")):
        once, _html = form_page(client)
        response = client.post(url("apply"), answers(once=once, citizenship=citizenship, is_minor=minor))
        assert response.status_code == 302, response.content.decode()[:2000]
    parties = [app.applicant for app in Application.objects.order_by("received_at")]
    assert [p.citizenship for p in parties] == ["foreign", "stateless", "unknown"]
    assert [p.is_minor for p in parties] == [False, True, True]


def test_anonymous_and_on_behalf_applications(client):
    once, _html = form_page(client)
    refused = client.post(url("apply"), answers(once=once, on_behalf="on", victim_name="Rəşad Əliyev"))
    assert refused.status_code == 400
    html = refused.content.decode()
    assert 'data-testid="form-errors"' in html and "Say how you are related to them." in html
    assert "Rəşad Əliyev" in html  # nothing typed is lost
    assert not Application.objects.exists()
    response = client.post(
        url("apply"),
        answers(
            once=once,
            anonymous="on",
            given_name="",
            surname="",
            on_behalf="on",
            victim_name="Əliyev Rəşad",
            victim_relation="brother",
            no_consent_reason="He is held incommunicado.",
            from_detention="on",
            detention_place="Investigative isolator no. 1",
            urgent_torture="on",
        ),
    )
    assert response.status_code == 302
    app = Application.objects.get()
    assert app.applicant_kind == "anonymous" and app.applicant is None
    assert app.on_behalf and not app.victim_consent and app.urgent_torture and app.from_detention
    assert app.victims.get().surname == "Əliyev"
    assert "He is held incommunicado." in app.summary


def test_errors_are_listed_at_the_top_and_next_to_fields_and_files_must_be_chosen_again(client):
    once, _html = form_page(client)
    attachment = SimpleUploadedFile("note.txt", b"Evidence", content_type="text/plain")
    response = client.post(url("apply"), answers(once=once, what_happened="", attachments=attachment))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'tabindex="-1" autofocus data-testid="form-errors"' in html
    assert 'href="#id_what_happened"' in html
    assert 'aria-describedby="id_what_happened_help id_what_happened_error"' in html
    assert 'data-testid="files-lost"' in html
    assert "District police department" in html


def test_attachments_are_stored_on_the_application_and_a_refused_file_files_nothing(client):
    once, _html = form_page(client)
    good = SimpleUploadedFile("note.txt", "Sübut".encode(), content_type="text/plain")
    assert client.post(url("apply"), answers(once=once, attachments=good)).status_code == 302
    app = Application.objects.get()
    assert Attachment.objects.filter(object_id=app.pk).get().original_name == "note.txt"
    assert app.has_evidence
    once, _html = form_page(client)
    fake = SimpleUploadedFile("scan.pdf", b"not a pdf at all", content_type="application/pdf")
    refused = client.post(url("apply"), answers(once=once, attachments=fake))
    assert refused.status_code == 400 and "content does not match" in refused.content.decode()
    assert Application.objects.count() == 1


def test_a_failed_database_write_shows_an_error_never_a_receipt(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr("ombuds.portal.services.apply.issue_status_key", broken)
    once, _html = form_page(client)
    response = client.post(url("apply"), answers(once=once))
    html = response.content.decode()
    assert response.status_code == 503
    assert 'data-testid="apply-failed"' in html and "District police department" in html
    assert 'data-testid="receipt"' not in html and 'data-testid="pin"' not in html
    assert not Application.objects.exists() and not StatusKey.objects.exists()
    assert client.get(url("receipt")).status_code == 404
    monkeypatch.undo()
    # The same drawn form can be sent again once the fault is gone: its claim was rolled back.
    assert client.post(url("apply"), answers(once=once)).status_code == 302
    assert Application.objects.count() == 1


def test_back_and_resend_files_once(client):
    once, _html = form_page(client)
    first = client.post(url("apply"), answers(once=once))
    again = client.post(url("apply"), answers(once=once))
    third = client.post(url("apply"), answers(once=once))
    assert first.status_code == again.status_code == third.status_code == 302
    assert again["Location"] == third["Location"] == url("receipt") + "?again=1"
    assert Application.objects.count() == 1
    assert "already sent" in client.get(again["Location"]).content.decode()


def test_the_email_copy_is_sent_after_the_commit_in_the_applicants_language(client, django_capture_on_commit_callbacks):
    once, _html = form_page(client, "ru")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(url("apply", "ru"), answers(once=once, email="aysel@example.org", language="ru"))
    assert mail.outbox == [] and callbacks  # nothing before the commit
    for callback in callbacks:
        callback()
    key = StatusKey.objects.get()
    [message] = mail.outbox
    assert message.to == ["aysel@example.org"] and key.reference in message.subject
    assert "PIN" in message.body and "916" in message.body and "Ваше обращение" in message.subject


def test_a_draft_survives_a_closed_browser(client):
    response = client.post(url("apply"), answers(action="save", what_happened="Half written", district=""))
    assert response.status_code == 302
    token = response.cookies[COOKIE].value
    assert response.cookies[COOKIE]["max-age"] == 30 * 86400 and response.cookies[COOKIE]["httponly"]
    draft = ApplicationDraft.objects.get()
    assert draft.token_digest == services.token_digest(token) and token not in draft.data
    assert "Half written" not in str(ApplicationDraft.objects.values_list("data", flat=True).query)
    saved = client.get(response["Location"]).content.decode()
    assert 'data-testid="draft-saved"' in saved and f"/en/apply/draft/{token}/" in saved
    assert "Files are not kept" in saved

    reopened = Client()  # a new browser session: only the persistent cookie is left
    reopened.cookies[COOKIE] = token
    offer = reopened.get(url("apply")).content.decode()
    assert 'data-testid="draft-offer"' in offer and "Half written" not in offer
    resumed = reopened.get(url("apply") + "?resume=1").content.decode()
    assert "Half written" in resumed and "District police department" in resumed

    elsewhere = Client()  # another device, with the bookmarked link
    assert "Half written" in elsewhere.get(url("apply_draft", "en", token)).content.decode()

    once, _html = form_page(reopened)
    assert reopened.post(url("apply"), answers(once=once)).status_code == 302
    assert not ApplicationDraft.objects.exists()
    assert elsewhere.get(url("apply_draft", "en", token)).status_code == 404
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"portal.applicationdraft.saved", "portal.applicationdraft.submitted"} <= actions


def test_saving_again_updates_the_same_draft_and_start_again_deletes_it(client):
    first = client.post(url("apply"), answers(action="save", what_happened="One"))
    token = first.cookies[COOKIE].value
    second = client.post(url("apply"), answers(action="save", what_happened="Two"))
    assert second.cookies[COOKIE].value == token and ApplicationDraft.objects.count() == 1
    assert "Two" in client.get(url("apply") + "?resume=1").content.decode()
    client.post(url("apply"), {"action": "discard"})
    assert not ApplicationDraft.objects.exists()


def test_expired_drafts_are_purged_and_no_longer_open(client, settings):
    response = client.post(url("apply"), answers(action="save"))
    token = response.cookies[COOKIE].value
    ApplicationDraft.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(url("apply_draft", "en", token)).status_code == 404
    call_command("purge_application_drafts", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not ApplicationDraft.objects.exists()
    assert AuditEvent.objects.filter(action="portal.applicationdraft.purged").exists()


def test_the_honeypot_refuses_a_robot(client):
    once, _html = form_page(client)
    response = client.post(url("apply"), answers(once=once, website="http://spam.example"))
    assert response.status_code == 400 and not Application.objects.exists()
    assert "This field must be left empty." in response.content.decode()


def test_the_rate_limit_answers_429_with_the_answers_kept_and_stores_no_address(client, settings):
    settings.OMBUDS_APPLY_SUBMISSIONS_PER_HOUR = 2
    for _n in range(2):
        once, _html = form_page(client)
        assert client.post(url("apply"), answers(once=once), REMOTE_ADDR="203.0.113.7").status_code == 302
    once, _html = form_page(client)
    limited = client.post(url("apply"), answers(once=once), REMOTE_ADDR="203.0.113.7")
    html = limited.content.decode()
    assert limited.status_code == 429
    assert 'data-testid="apply-limited"' in html and "District police department" in html and "916" in html
    assert Application.objects.count() == 2
    # Another client is not affected.
    assert client.post(url("apply"), answers(once=once), REMOTE_ADDR="198.51.100.9").status_code == 302
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM ombuds_cache")
        stored = " ".join(f"{k} {v}" for k, v in cursor.fetchall())
    assert "203.0.113.7" not in stored
    assert not AuditEvent.objects.filter(ip="203.0.113.7").exists()


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_pdf_receipt_opens_in_the_applicants_language(client, language):
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext not installed (Debian poppler-utils)")
    once, _html = form_page(client, language)
    client.post(url("apply", language), answers(once=once, language=language))
    response = client.get(url("receipt_pdf", language))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = subprocess.run(  # noqa: S603 - a fixed program on our own file
        [pdftotext, "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    key = StatusKey.objects.get()
    assert key.reference in text and "916" in text
    titles = {
        "az": "Müraciətinizin qəbulu barədə qəbz",
        "en": "Receipt of your application",
        "ru": "Расписка о получении",
    }
    title = titles[language]
    assert title in text
