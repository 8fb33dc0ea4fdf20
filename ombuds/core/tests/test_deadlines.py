"""Deadlines from the rule table: start, pause, resume, extend, close, overdue with notification."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from ombuds.accounts.testing import make_user
from ombuds.core import deadlines
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import AuditEvent, DeadlineRule, Notification

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")


@pytest.fixture
def officer():
    return make_user(username="officer", email="officer@ombuds.example")


def test_every_rule_of_the_deadline_table_is_configured():
    codes = set(DeadlineRule.objects.values_list("code", flat=True))
    assert {
        "admissibility_window",
        "detention_mail_forwarding",
        "reasoned_refusal",
        "consideration",
        "info_request_reply_access_to_information",
        "applicant_notification",
        "annual_report",
    } <= codes
    rule = DeadlineRule.objects.get(code="info_request_reply_access_to_information")
    assert (rule.term, rule.unit, rule.certainty) == (5, "working_days", "verified")
    assert "2023" in rule.legal_basis


def test_start_computes_the_due_time_and_is_audited(officer):
    received = datetime(2025, 3, 18, 10, tzinfo=BAKU)
    deadline = deadlines.start_deadline(officer, officer, "applicant_notification", start=received, responsible=officer)
    assert deadline.due_at.astimezone(BAKU).date() == date(2025, 4, 11)  # 10 working days across Novruz
    event = AuditEvent.objects.get(action="core.deadline.started")
    assert event.object_id == str(deadline.public_id) and event.changes["rule"] == "applicant_notification"


def test_rule_change_applies_to_new_deadlines_only(officer):
    start = datetime(2025, 10, 6, 9, tzinfo=BAKU)
    first = deadlines.start_deadline(officer, officer, "info_request_reply", start=start)
    DeadlineRule.objects.filter(code="info_request_reply").update(term=15)
    second = deadlines.start_deadline(officer, officer, "info_request_reply", start=start)
    assert first.due_at.date() == date(2025, 10, 20) and second.due_at.date() == date(2025, 10, 27)


def test_pause_and_resume_keep_the_time_that_was_left(officer):
    start = datetime(2025, 10, 6, 9, tzinfo=BAKU)  # Monday
    deadline = deadlines.start_deadline(officer, officer, "info_request_reply_access_to_information", start=start)
    assert deadline.due_at.date() == date(2025, 10, 13)
    with pytest.raises(ValidationError):
        deadlines.pause_deadline(officer, deadline, "  ")
    deadlines.pause_deadline(officer, deadline, "waiting for the applicant", at=datetime(2025, 10, 8, 9, tzinfo=BAKU))
    resumed = deadlines.resume_deadline(officer, deadline, at=datetime(2025, 10, 20, 9, tzinfo=BAKU))
    assert resumed.due_at.date() == date(2025, 10, 23)  # three working days were left
    assert list(AuditEvent.objects.filter(action__startswith="core.deadline.").values_list("action", flat=True)) == [
        "core.deadline.resumed",
        "core.deadline.paused",
        "core.deadline.started",
    ]


def test_consideration_extends_once_with_a_reason(officer):
    start = datetime(2025, 9, 1, 9, tzinfo=BAKU)
    deadline = deadlines.start_deadline(officer, officer, "consideration", start=start)
    assert deadline.due_at.date() == date(2025, 10, 1)
    extended = deadlines.extend_deadline(officer, deadline, "on-site check needed")
    assert extended.due_at.date() == date(2025, 10, 31)
    with pytest.raises(ValidationError):
        deadlines.extend_deadline(officer, extended, "again")
    assert AuditEvent.objects.get(action="core.deadline.extended").changes["reason"] == "on-site check needed"


def test_a_term_without_extension_refuses_one(officer):
    deadline = deadlines.start_deadline(officer, officer, "reasoned_refusal")
    with pytest.raises(ValidationError):
        deadlines.extend_deadline(officer, deadline, "more time")


def test_close_in_time_or_late(officer):
    with time_machine.travel(datetime(2025, 10, 6, 9, tzinfo=BAKU), tick=False) as clock:
        on_time = deadlines.start_deadline(officer, officer, "acknowledgement")
        late = deadlines.start_deadline(officer, officer, "acknowledgement")
        assert deadlines.close_deadline(officer, on_time).status == DeadlineStatus.MET
        clock.shift(3 * 86400)
        assert deadlines.close_deadline(officer, late).status == DeadlineStatus.OVERDUE
        with pytest.raises(ValidationError):
            deadlines.close_deadline(officer, late)


def test_overdue_job_marks_and_notifies_once(officer, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime(2025, 10, 6, 9, tzinfo=BAKU), tick=False) as clock:
        deadline = deadlines.start_deadline(officer, officer, "acknowledgement", responsible=officer)
        assert deadlines.mark_overdue() == 0
        clock.shift(2 * 86400)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            call_command("mark_overdue_deadlines", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert len(callbacks) == 1  # the e-mail job is queued only after the commit
        assert deadlines.mark_overdue() == 0  # a second run finds nothing new
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.OVERDUE
    note = Notification.objects.get(recipient=officer)
    assert note.kind == "core.deadline.overdue" and note.params["rule"]["en"] == "Acknowledgement of receipt"


def test_notification_text_follows_the_reader_language(officer):
    from django.utils import translation

    from ombuds.core import notifications

    note = notifications.notify(
        officer, "core.deadline.overdue", {"rule": {"az": "Qəbul", "en": "Receipt"}, "due": "x"}, email=False
    )
    with translation.override("en"):
        assert notifications.render(note) == "Deadline overdue: Receipt, due x."
    with translation.override("az"):
        assert "Qəbul" in notifications.render(note)
    with translation.override("ru"):
        assert "Qəbul" in notifications.render(note)  # no Russian given: the Azerbaijani fallback


def test_email_copy_is_sent_once(officer):
    from ombuds.core import notifications

    note = notifications.notify(officer, "core.deadline.overdue", {"rule": {"az": "Qəbul"}, "due": "x"}, email=False)
    assert notifications.send_notification_email(note.pk) == "sent"
    assert notifications.send_notification_email(note.pk) == "skipped"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["officer@ombuds.example"]


def test_notification_pages(staff_client, officer):
    from ombuds.core import notifications

    note = notifications.notify(officer, "core.deadline.overdue", {"rule": {"az": "Qəbul"}, "due": "x"}, email=False)
    client = staff_client(officer)
    assert "Qəbul" in client.get("/core/notifications/").content.decode()
    response = client.post(f"/core/notifications/{note.public_id}/read/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and b"<html" not in response.content
    note.refresh_from_db()
    assert note.read_at is not None
    client = staff_client(make_user(username="someone.else"))
    assert client.post(f"/core/notifications/{note.public_id}/read/").status_code == 404
