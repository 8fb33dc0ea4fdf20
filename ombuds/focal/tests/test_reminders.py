"""Reminders to focal points (issue 12): once before each due date (OMBUDS_FOCAL_REMINDER_DAYS
working days ahead, on the legal clock's calendar) and once after it, to every active focal point
that sees the item in the portal, never twice, and never with personal data in the e-mail. Each
reminder is an in-app notification; the e-mail is one digest per focal point and run."""

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ombuds.core import notifications
from ombuds.core.clock import end_of_day
from ombuds.core.models import AuditEvent, Deadline, Notification
from ombuds.focal.models import Reminder
from ombuds.focal.services.reminders import DIGEST, send_focal_reminders
from ombuds.focal.testing import info_request_to, make_focal_point, recommendation_to

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")
# 9 and 10 November 2026 are rest days (National Flag Day; Victory Day carried over): a request due
# on Wednesday 11 November has two working days left on Thursday 5 November (Friday 6, Wednesday 11).
DUE = date(2026, 11, 11)


def at(day: date, hour: int = 9):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=BAKU), tick=False)


def focal(authority="mia", *, place=None, email="fp@authority.example"):
    """An active focal point that accepted its invitation and reads e-mail."""
    profile = make_focal_point(authority=authority, place=place)
    profile.accepted_at = timezone.now()
    profile.save(update_fields=["accepted_at"])
    profile.user.email = email
    profile.user.save(update_fields=["email"])
    return profile


def request_due(on: date = DUE, authority: str = "mia"):
    ir = info_request_to(authority)
    ir.due_at = end_of_day(on)
    ir.save(update_fields=["due_at"])
    return ir


def notes(profile, kind: str = "") -> list[tuple[str, dict, str]]:
    """The per-item reminders `profile` was notified of (in the portal, not by e-mail)."""
    found = Notification.objects.filter(recipient=profile.user, kind__startswith=kind or "focal.").exclude(kind=DIGEST)
    return list(found.order_by("pk").values_list("kind", "params", "link"))


def digests(profile) -> list[int]:
    """The counts of the digests `profile` was sent, in order."""
    found = Notification.objects.filter(recipient=profile.user, kind=DIGEST).order_by("pk")
    return [params["count"] for params in found.values_list("params", flat=True)]


def emailed(profile) -> list[str]:
    """The kinds of the notifications to `profile` whose e-mail copy was queued."""
    queued = [
        r.args_kwargs["args"][0] for r in DBTaskResult.objects.all() if r.task_path.endswith(".email_notification")
    ]
    mine = Notification.objects.filter(recipient=profile.user, pk__in=queued).order_by("pk")
    return list(mine.values_list("kind", flat=True))


def test_an_information_request_is_reminded_once_before_and_once_after_its_due_date(settings):
    settings.OMBUDS_FOCAL_REMINDER_DAYS = 2
    ir, fp = request_due(), focal()
    link = reverse("focal:request", args=[ir.public_id])
    with at(date(2026, 11, 4)):  # three working days left: not yet
        assert send_focal_reminders() == 0
    with at(date(2026, 11, 5)):
        assert send_focal_reminders() == 1
        assert send_focal_reminders() == 0  # never twice
    assert notes(fp) == [("focal.inforequest.due_soon", {"due": "2026-11-11"}, link)]
    with at(DUE, 20):  # due at the end of the day: not passed yet, and already reminded before
        assert send_focal_reminders() == 0
    with at(DUE + timedelta(days=1)):
        assert send_focal_reminders() == 1
    with at(DUE + timedelta(days=30)):
        assert send_focal_reminders() == 0
    assert notes(fp, "focal.inforequest.overdue") == [("focal.inforequest.overdue", {"due": "2026-11-11"}, link)]
    assert sorted(Reminder.objects.values_list("moment", flat=True)) == ["after", "before"]
    assert AuditEvent.objects.filter(action="focal.reminder.sent").count() == 2


def test_the_reminder_days_come_from_the_setting(settings):
    request_due(), focal()
    settings.OMBUDS_FOCAL_REMINDER_DAYS = 3
    with at(date(2026, 11, 4)):
        assert send_focal_reminders() == 1


def test_the_e_mail_says_how_many_are_due_and_links_to_the_portal_without_personal_data(
    mailoutbox, django_capture_on_commit_callbacks
):
    ir, fp = request_due(), focal()
    with at(date(2026, 11, 5)), django_capture_on_commit_callbacks(execute=True):
        send_focal_reminders()
    assert emailed(fp) == [DIGEST]
    notifications.send_notification_email(Notification.objects.get(recipient=fp.user, kind=DIGEST).pk)
    (mail,) = mailoutbox
    assert mail.to == ["fp@authority.example"]
    assert ": 1." in mail.body and reverse("focal:home") in mail.body
    app = ir.application
    for secret in (app.number, ir.questions, app.summary, str(app.applicant or ""), str(ir.public_id)):
        assert not secret or secret not in mail.body


def test_one_e_mail_per_focal_point_and_run_however_many_items_are_due(django_capture_on_commit_callbacks, place):
    """A focal point newly appointed for a body with many overdue items gets one e-mail, not one each."""
    for _ in range(4):
        request_due(DUE - timedelta(days=20))
    request_due(DUE)
    rec = recommendation_to("mia", place=place)
    Deadline.objects.filter(object_id=rec.pk, rule__code="recommendation_response").update(
        due_at=end_of_day(DUE - timedelta(days=20))
    )
    request_due(DUE, authority="moj")
    whole, here, other_body = focal(), focal(place=place), focal("moj")
    with at(date(2026, 11, 5)), django_capture_on_commit_callbacks(execute=True):
        assert send_focal_reminders() == 6 + 1 + 1
    assert len(notes(whole)) == 6 and digests(whole) == [6] and emailed(whole) == [DIGEST]
    assert len(notes(here)) == 1 and digests(here) == [1] and emailed(here) == [DIGEST]
    assert len(notes(other_body)) == 1 and digests(other_body) == [1] and emailed(other_body) == [DIGEST]
    assert Notification.objects.get(recipient=whole.user, kind=DIGEST).link == reverse("focal:home")
    with at(date(2026, 11, 5), 18), django_capture_on_commit_callbacks(execute=True):
        assert send_focal_reminders() == 0  # a rerun: no second digest
    with at(DUE + timedelta(days=1)), django_capture_on_commit_callbacks(execute=True):
        assert send_focal_reminders() == 2  # the requests due on the 11th are now overdue
    assert digests(whole) == [6, 1] and digests(other_body) == [1, 1] and digests(here) == [1]
    assert emailed(whole) == [DIGEST, DIGEST]


def test_a_concurrent_run_sends_a_digest_only_for_the_reminders_it_created(monkeypatch):
    """Two forced runs that both decided before either wrote: the second one's reminders already
    exist (the database refuses them again), so its digest counts only what it added itself."""
    from ombuds.focal.services import reminders

    request_due(), request_due()
    fp = focal()
    with at(date(2026, 11, 5)):
        assert send_focal_reminders() == 2
    request_due()
    monkeypatch.setattr(reminders, "_sent", lambda profiles, dues: set())  # it read before the first wrote
    with at(date(2026, 11, 5)):
        assert send_focal_reminders() == 1
    assert digests(fp) == [2, 1] and len(notes(fp)) == 3
    with at(date(2026, 11, 5)):
        assert send_focal_reminders() == 0
    assert digests(fp) == [2, 1]


def test_an_answered_request_is_not_reminded():
    from ombuds.complaints.services import record_reply

    ir, fp = request_due(DUE - timedelta(days=10)), focal()
    record_reply(None, ir, "The applicant was registered at 10:40 by the duty officer.")
    with at(DUE):
        assert send_focal_reminders() == 0
    assert notes(fp) == []


def test_only_active_focal_points_of_the_addressee_that_see_the_item_are_reminded(place):
    request_due()
    reminded = focal()
    revoked = focal()
    revoked.revoked_at = timezone.now()
    revoked.save(update_fields=["revoked_at"])
    inactive = focal()
    inactive.user.is_active = False
    inactive.user.save(update_fields=["is_active"])
    invited = make_focal_point(authority="mia", accept=False)  # never accepted its invitation
    without_mail = focal(email="")
    elsewhere = focal("moj")  # another body
    place_only = focal(place=place)  # a request goes to the whole body, not to one place
    with at(date(2026, 11, 5)):
        assert send_focal_reminders() == 1
    assert notes(reminded)
    for profile in (revoked, inactive, invited, without_mail, elsewhere, place_only):
        assert notes(profile) == [], profile


@pytest.fixture
def place():
    from ombuds.monitoring.testing import make_place

    return make_place(None)


def test_the_links_open_the_items_in_the_portal_for_the_ones_reminded(staff_client, place):
    rec, ir = recommendation_to("mia", place=place), info_request_to("mia")
    place_only, whole = focal(place=place), focal()
    Deadline.objects.filter(object_id=rec.pk, rule__code="recommendation_response").update(due_at=timezone.now())
    ir.due_at = timezone.now()
    ir.save(update_fields=["due_at"])
    assert send_focal_reminders(timezone.now() + timedelta(days=1)) == 3
    ((_kind, _params, link),) = notes(place_only)
    assert staff_client(place_only.user).get(link).status_code == 200
    for _kind, _params, link in notes(whole):
        assert staff_client(whole.user).get(link).status_code == 200


def test_a_recommendation_awaiting_its_response_then_its_implementation(place, settings):
    from ombuds.recommendations.services import record_response

    settings.OMBUDS_FOCAL_REMINDER_DAYS = 2
    with at(date(2026, 10, 26)):
        rec = recommendation_to("mia", place=place)
        elsewhere = recommendation_to("mia", issue=False).places.get()  # a draft: nothing to remind of
        whole, here, other_place = focal(), focal(place=place), focal(place=elsewhere)
    Deadline.objects.filter(object_id=rec.pk, rule__code="recommendation_response").update(due_at=end_of_day(DUE))
    link = reverse("focal:recommendation", args=[rec.public_id])
    with at(date(2026, 11, 5)):
        assert send_focal_reminders() == 2
        assert send_focal_reminders() == 0
    for profile in (whole, here):
        assert notes(profile) == [("focal.recommendation.response_due_soon", {"due": "2026-11-11"}, link)]
    assert notes(other_place) == []
    with at(DUE + timedelta(days=1)):
        assert send_focal_reminders() == 2
    assert notes(here, "focal.recommendation.response_overdue")
    # Accepted: the response is given; its implementation is awaited by the due date.
    with at(date(2026, 11, 12)):
        record_response(None, rec, stance="accepts", received_on=date(2026, 11, 12), text="Qəbul edilir.")
    rec.refresh_from_db()
    rec.due_date = date(2026, 12, 4)  # a Friday
    rec.save(update_fields=["due_date"])
    with at(date(2026, 12, 1)):  # Wednesday 2, Thursday 3 and Friday 4 left
        assert send_focal_reminders() == 0
    with at(date(2026, 12, 2)):
        assert send_focal_reminders() == 2
    with at(date(2026, 12, 5)):
        assert send_focal_reminders() == 2
        assert send_focal_reminders() == 0
    assert [kind for kind, _params, _link in notes(whole)] == [
        "focal.recommendation.response_due_soon",
        "focal.recommendation.response_overdue",
        "focal.recommendation.implementation_due_soon",
        "focal.recommendation.implementation_overdue",
    ]
    assert notes(other_place) == []


def test_a_draft_or_implemented_recommendation_is_not_reminded():
    draft = recommendation_to("mia", issue=False)
    draft.due_date = DUE
    draft.save(update_fields=["due_date"])
    fp = focal()
    with at(DUE + timedelta(days=3)):
        assert send_focal_reminders() == 0
    assert notes(fp) == []


def test_the_job_runs_once_per_day():
    request_due(), focal()
    out = StringIO()
    with at(date(2026, 11, 5)):
        call_command("focal_reminders", stdout=out)
        call_command("focal_reminders", stdout=out)
    assert "1 reminder(s) sent" in out.getvalue()
    assert "already run for this period" in out.getvalue()


def _queries_to_decide(items: int) -> int:
    Reminder.objects.all().delete()
    for _ in range(items):
        request_due()
        recommendation_to("mia")
    Deadline.objects.filter(rule__code="recommendation_response").update(due_at=end_of_day(DUE))
    with at(date(2026, 11, 5)):
        send_focal_reminders()  # the reminders due go out
    with at(date(2026, 11, 6)), CaptureQueriesContext(connection) as queries:
        assert send_focal_reminders() == 0  # nothing new: all was sent the day before
    return len(queries)


def test_the_queries_do_not_grow_with_the_number_of_items():
    focal(), focal()
    assert _queries_to_decide(1) == _queries_to_decide(4)
