"""The periodic jobs of recommendations: the response term running out, and reminders before and
after the due date — each run once per period, each reminder sent once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ombuds.core.models import Notification
from ombuds.recommendations import services
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.testing import make_recommendation

pytestmark = pytest.mark.django_db


def _issued(responsible, *, days_ago: int, due_in: int | None = None) -> Recommendation:
    today = timezone.localdate()
    rec = make_recommendation(None, responsible=responsible)
    extra = {"due_date": today + timedelta(days=due_in), "due_reason": "Agreed at the meeting."} if due_in else {}
    return services.issue_recommendation(None, rec, issued_on=today - timedelta(days=days_ago), **extra)


def _run(name: str) -> str:
    out = StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


def _notes(user, kind: str) -> list[str]:
    return list(Notification.objects.filter(recipient=user, kind=kind).values_list("link", flat=True))


def test_the_response_term_running_out_marks_no_response_once(persona):
    officer = persona("npm_member")
    lapsed = _issued(officer, days_ago=45)  # the 30-day response term ran out
    answered = _issued(officer, days_ago=45)
    services.record_response(
        None, answered, stance="accepts", received_on=timezone.localdate() - timedelta(days=40), text="Qəbul edilir."
    )
    fresh = _issued(officer, days_ago=3)
    assert "1 recommendation(s) marked no response" in _run("recommendations_no_response")
    assert "already run for this period" in _run("recommendations_no_response")
    statuses = dict(Recommendation.objects.values_list("pk", "status"))
    assert (statuses[lapsed.pk], statuses[answered.pk], statuses[fresh.pk]) == ("no_response", "accepted", "issued")
    line = lapsed.history.order_by("-happened_on", "-pk").first()
    assert (line.old_status, line.new_status, line.evidence) == ("issued", "no_response", "clock")
    assert _notes(officer, "recommendations.recommendation.no_response") == [lapsed.get_absolute_url()]
    assert services.mark_no_response() == 0  # in a later period too: nothing is marked twice


def test_a_reminder_reaches_the_responsible_before_and_after_the_due_date_once_each(persona, settings):
    settings.OMBUDS_RECOMMENDATION_REMINDER_DAYS = 14
    officer, other = persona("npm_member"), persona("department_head")
    soon = _issued(officer, days_ago=10, due_in=5)
    later = _issued(other, days_ago=10, due_in=40)
    assert "1 reminder(s) sent" in _run("recommendations_reminders")
    assert "already run for this period" in _run("recommendations_reminders")
    assert _notes(officer, "recommendations.recommendation.due_soon") == [soon.get_absolute_url()]
    assert not Notification.objects.filter(
        recipient=other, kind__startswith="recommendations.recommendation.due"
    ).exists()
    assert services.send_reminders() == 0  # the next day: not again
    # Once the due date has passed without implementation: the second reminder, once.
    after = timezone.localdate() + timedelta(days=6)
    assert services.send_reminders(after) == 1 and services.send_reminders(after) == 0
    assert _notes(officer, "recommendations.recommendation.overdue") == [soon.get_absolute_url()]
    # An implemented one is not reminded.
    services.record_outcome(None, later, "not_implemented", evidence="staff_decision")
    services.mark_no_longer_relevant(None, later, "The place closed.")
    assert services.send_reminders(timezone.localdate() + timedelta(days=41)) == 0


def test_the_reminder_days_come_from_the_setting(persona, settings):
    officer = persona("npm_member")
    _issued(officer, days_ago=10, due_in=5)
    settings.OMBUDS_RECOMMENDATION_REMINDER_DAYS = 3
    assert services.send_reminders() == 0
    settings.OMBUDS_RECOMMENDATION_REMINDER_DAYS = 5
    assert services.send_reminders() == 1
