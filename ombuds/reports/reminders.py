"""The annual report's legal term (Constitutional Law Art. 14: two months after the end of the
year) watched every day: the Commissioner's office — everyone who approves or prepares reports —
is told `OMBUDS_ANNUAL_REPORT_REMINDER_DAYS` days before it is due and once when it passes
unsubmitted. From 1 January the report of the year just ended exists even if nobody started it
(the system starts it), so that its clock runs.

A notification is its own record of having been sent: each person gets one per report and
threshold, however often the job runs."""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ombuds.accounts.choices import UserKind
from ombuds.core import notifications
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Deadline, Notification
from ombuds.reports.choices import ReportKind
from ombuds.reports.models import Report
from ombuds.reports.services import reports as services

log = logging.getLogger(__name__)
DUE_SOON = "reports.annual_report.due_soon"
OVERDUE = "reports.annual_report.overdue"


def office():
    """Active staff who approve or prepare reports (the Commissioner, department heads, analysts)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            roles__permissions__content_type__app_label="reports",
            roles__permissions__codename__in=["approve_reports", "prepare_reports"],
        )
        .exclude(kind=UserKind.FOCAL_POINT)
        .distinct()
        .order_by("pk")
    )


def start_last_years_report(now: datetime | None = None) -> Report | None:
    """The annual report of the year just ended, started by the system if nobody has."""
    year = timezone.localdate(now).year - 1
    if Report.objects.filter(kind=ReportKind.ANNUAL, year=year).exists():
        return None
    try:
        return services.create_report(None, kind=ReportKind.ANNUAL, year=year)
    except ValidationError as exc:  # started by someone at the same moment
        log.warning("the annual report of %s was not started: %s", year, "; ".join(exc.messages))
        return None


def _threshold(deadline: Deadline, now: datetime) -> str | None:
    """ "overdue", or the nearest number of days before the due day that has been reached."""
    if deadline.due_at <= now:
        return "overdue"
    left = (timezone.localdate(deadline.due_at) - timezone.localdate(now)).days
    reached = [days for days in settings.OMBUDS_ANNUAL_REPORT_REMINDER_DAYS if left <= days]
    return str(min(reached)) if reached else None


def send_reminders(now: datetime | None = None) -> int:
    now = now or timezone.now()
    start_last_years_report(now)
    clocks = (
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Report),
            rule__code=services.DEADLINE_RULE,
            closed_at__isnull=True,
        )
        .exclude(status=DeadlineStatus.CANCELLED)
        .order_by("due_at")
    )
    reports = Report.objects.in_bulk([deadline.object_id for deadline in clocks])
    people = list(office())
    sent = 0
    for deadline in clocks:
        report = reports.get(deadline.object_id)
        threshold = _threshold(deadline, now)
        if report is None or threshold is None:
            continue
        kind = OVERDUE if threshold == "overdue" else DUE_SOON
        with transaction.atomic():
            told = set(
                Notification.objects.filter(
                    kind=kind, params__report=str(report.public_id), params__threshold=threshold
                ).values_list("recipient_id", flat=True)
            )
            params = {
                "report": str(report.public_id),
                "threshold": threshold,
                "year": report.year,
                "due": timezone.localdate(deadline.due_at).isoformat(),
            }
            for person in people:
                if person.pk not in told:
                    notifications.notify(person, kind, params, report.get_absolute_url())
                    sent += 1
    return sent
