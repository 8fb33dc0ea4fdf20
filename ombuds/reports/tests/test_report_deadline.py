"""The annual report's legal term (Art. 14: two months after the end of the year): the
Commissioner's office is reminded before it and alerted when it passes unsubmitted, once each;
from 1 January the system starts the report of the year just ended if nobody has."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ombuds.core.models import AuditEvent, Deadline, Notification
from ombuds.reports.models import Report
from ombuds.reports.reminders import send_reminders
from ombuds.reports.services import reports
from ombuds.reports.tests.reporting import make_report

BAKU = ZoneInfo("Asia/Baku")
pytestmark = pytest.mark.django_db


def _on(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, tzinfo=BAKU), tick=False)


@pytest.fixture
def office(persona):
    return {name: persona(name) for name in ("commissioner", "department_head", "analyst", "complaints_officer")}


def _told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_reminders_before_the_due_day_reach_those_who_approve_or_prepare_once(office):
    with _on(date(2026, 1, 10)):
        make_report(year=2025)
        assert send_reminders() == 0  # due on 1 March: far off
    with _on(date(2026, 2, 16)):  # 13 days left: the 14-day reminder
        assert send_reminders() == 3
        assert send_reminders() == 0  # the job ran twice in a day: nobody is told twice
    assert _told("reports.annual_report.due_soon") == {
        office[name].username for name in ("commissioner", "department_head", "analyst")
    }
    with _on(date(2026, 2, 20)):
        assert send_reminders() == 0  # still the 14-day threshold
    with _on(date(2026, 2, 27)):
        assert send_reminders() == 3  # the 3-day reminder
    assert Notification.objects.filter(kind="reports.annual_report.due_soon").count() == 6


def test_the_overdue_alert_reaches_the_commissioner_once_and_stops_with_the_submission(office):
    with _on(date(2026, 1, 10)):
        report = make_report(year=2025, status="approved")
    with _on(date(2026, 3, 2)):
        send_reminders()
        send_reminders()
    alerts = Notification.objects.filter(kind="reports.annual_report.overdue", recipient=office["commissioner"])
    assert alerts.count() == 1
    assert alerts.get().link == report.get_absolute_url() and alerts.get().params["year"] == 2025
    with _on(date(2026, 3, 3)):
        reports.submit_report(office["commissioner"], report, submitted_on=date(2026, 3, 3))
        before = Notification.objects.count()
        send_reminders()
    assert Notification.objects.count() == before


def test_a_submitted_report_gets_no_reminder(office):
    with _on(date(2026, 2, 20)):
        make_report(year=2025, status="submitted")
        assert send_reminders() == 0


def test_from_the_first_of_january_the_system_starts_last_years_report(office):
    with _on(date(2026, 1, 1)):
        assert send_reminders() == 0
    report = Report.objects.get(kind="annual", year=2025)
    assert report.created_by is None
    assert Deadline.objects.filter(rule__code="annual_report", object_id=report.pk, closed_at__isnull=True).exists()
    event = AuditEvent.objects.get(action="reports.report.created")
    assert event.actor_id is None
    with _on(date(2026, 1, 2)):
        send_reminders()
    assert Report.objects.filter(kind="annual", year=2025).count() == 1
