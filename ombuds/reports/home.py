"""The work panels of each role's home page: what is waiting for me, with links to the lists.

Each count uses the same filter as the list its link opens (the register's `filtered_applications`,
the visit and event lists' `mine`), so the number and the list agree. The number of queries does not grow
with the number of records: counts are aggregates and the short lists are sliced. They are read from
the replica when there is one (ombuds/core/routers.py).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from ombuds.complaints.listing import filtered_applications, may_use_register
from ombuds.complaints.models import Application
from ombuds.core.choices import DeadlineStatus
from ombuds.core.deadlines import OPEN as OPEN_DEADLINE
from ombuds.core.models import Deadline
from ombuds.core.routers import reporting
from ombuds.focal import figures as focal_figures
from ombuds.focal.permissions import may_see_timeliness
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.models import Visit
from ombuds.outreach.choices import EventStatus
from ombuds.outreach.models import Event
from ombuds.recommendations import listing as recommendations
from ombuds.recommendations.permissions import MANAGE as MANAGE_RECOMMENDATIONS

SHORT_LIST = 10
LATE_AUTHORITIES = 5
VISITS_OVER = (VisitStatus.CLOSED, VisitStatus.CANCELLED)


def _register(params: dict) -> str:
    return f"{reverse('complaints:list')}?{urlencode(params)}"


def _next_deadlines(cases: list[Application]) -> None:
    """Attach `next_deadline` (the earliest open or overdue term) to each case: one query."""
    due = {}
    deadlines = reporting(
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id__in=[case.pk for case in cases],
            closed_at__isnull=True,
            status__in=[*OPEN_DEADLINE, DeadlineStatus.OVERDUE],
        )
        .select_related("rule")
        .order_by("due_at")
    )
    for deadline in deadlines:
        due.setdefault(deadline.object_id, deadline)
    for case in cases:
        case.next_deadline = due.get(case.pk)


def _applications(user) -> dict | None:
    if not may_use_register(user):
        return None
    mine = {"view": "mine", "open": "on"}
    overdue = {"view": "overdue"}
    urgent = {"urgent": "on", "open": "on"}

    def listed(params):
        return reporting(filtered_applications(user, params)[0])

    my_cases = list(listed(mine)[:SHORT_LIST])
    _next_deadlines(my_cases)
    return {
        "my_cases": my_cases,
        "my_count": listed(mine).count(),
        "my_url": _register(mine),
        "overdue_count": listed(overdue).count(),
        "overdue_url": _register(overdue),
        "urgent_count": listed(urgent).count(),
        "urgent_url": _register(urgent),
    }


def _visits(user) -> dict | None:
    if not user.has_perm("monitoring.manage_visits"):
        return None
    # The same rows as the visit list with "My current visits" ticked.
    current = reporting(Visit.objects.visible_to(user)).filter(team__user=user).exclude(status__in=VISITS_OVER)
    return {
        "visits": list(current.select_related("place").order_by("planned_date", "pk")[:SHORT_LIST]),
        "count": current.count(),
        "url": f"{reverse('monitoring:visit_list')}?mine=on",
    }


def _events(user) -> dict | None:
    if not user.has_perm("outreach.manage_outreach") or user.org_unit_id is None:
        return None
    # The same rows as the event list with ?mine=on.
    upcoming = (
        reporting(Event.objects)
        .filter(host_unit=user.org_unit_id, status=EventStatus.PLANNED, starts_at__gte=timezone.now())
        .order_by("starts_at")
    )
    return {
        "events": list(upcoming[:SHORT_LIST]),
        "count": upcoming.count(),
        "url": f"{reverse('outreach:event_list')}?mine=on",
    }


def _recommendations(user) -> dict | None:
    """The recommendations the user is responsible for that are overdue or await the authority's
    response: the register's own filters, so each count is the list its link opens."""
    if not user.has_perm(MANAGE_RECOMMENDATIONS):
        return None
    lists = recommendations.register_lists()
    overdue = {"mine": "on", "overdue": "on", "sort": "due"}
    awaiting = {"mine": "on", "status": "issued", "sort": "due"}
    register = reverse("recommendations:list")

    def listed(params):
        return reporting(recommendations.filtered(user, params, lists)[0])

    late = recommendations.keyset(overdue).order(recommendations.for_rows(listed(overdue)))
    return {
        "overdue": recommendations.present(list(late[:SHORT_LIST]), lists),
        "overdue_count": listed(overdue).count(),
        "overdue_url": f"{register}?{urlencode(overdue)}",
        "awaiting_count": listed(awaiting).count(),
        "awaiting_url": f"{register}?{urlencode(awaiting)}",
        "badges": lists.badges,
    }


def _answering_late(user) -> dict | None:
    """The authorities with the most of this year's information requests answered late or not
    at all (focal.figures, the timeliness page's own definitions): two queries."""
    if not may_see_timeliness(user):
        return None
    year = timezone.localdate().year
    rows = focal_figures.answering_late(focal_figures.Period.year(year), limit=LATE_AUTHORITIES)
    return {
        "year": year,
        "rows": [(row, reverse("focal_points:timeliness_authority", args=[row.code])) for row in rows],
        "url": reverse("focal_points:timeliness"),
    }


def panels(user) -> dict:
    """Context for the home page's work panels (core.views.home loads this through a setting)."""
    return {
        "template": "reports/_home_panels.html",
        "applications": _applications(user),
        "visits": _visits(user),
        "events": _events(user),
        "recommendations": _recommendations(user),
        "answering_late": _answering_late(user),
        "statistics_url": reverse("reports:statistics") if user.has_perm("accounts.view_aggregates") else None,
    }
