"""Pages of the reports app: the operational dashboard and the quarterly 916 statistics."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints.listing import call_counts
from ombuds.complaints.permissions import REGISTER
from ombuds.core import audit
from ombuds.core.exports import csv_response
from ombuds.reports.dashboard import board, scopes_for, viewer_for
from ombuds.reports.permissions import VIEW, may_view


def dashboard(request):
    """The live figures of the viewer's unit or of the whole institution (domain.md §7.4)."""
    if not may_view(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    viewer = viewer_for(request.user, request.GET.get("scope"))
    choice = board.choice_from(request.GET, today)
    context = {
        "viewer": viewer,
        "scopes": scopes_for(request.user),
        "choice": choice,
        "years": range(today.year, today.year - 5, -1),
        "call_years": range(today.year, today.year - 5, -1),
        "quarters": range(1, 5),
        "panels": board.panels(viewer, choice),
        "now": timezone.now(),
    }
    return render(request, "reports/dashboard/dashboard.html", context)


def may_see_calls(user) -> bool:
    """The 916 desk keeps its quarterly figures; the readers of the institution's aggregates see
    them beside the other statistics."""
    return user.is_authenticated and (user.has_perm(REGISTER) or user.has_perm(VIEW))


def _quarter(request) -> tuple[int, int]:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        quarter = int(request.GET.get("quarter", (today.month - 1) // 3 + 1))
    except ValueError as exc:
        raise Http404 from exc
    if not (2000 <= year <= 2100 and 1 <= quarter <= 4):
        raise Http404
    return year, quarter


def calls(request):
    """Quarterly 916 statistics: calls by topic (domain.md §7.3). Every call counts: the
    figures are anonymous."""
    if not may_see_calls(request.user):
        raise PermissionDenied
    year, quarter = _quarter(request)
    rows, total = call_counts(year, quarter)
    context = {"rows": rows, "total": total, "year": year, "quarter": quarter, "quarters": range(1, 5)}
    return render(request, "reports/dashboard/calls.html", context)


def calls_export(request):
    """The same table as CSV (formula-safe through core.exports); who exported it is audited."""
    if not may_see_calls(request.user):
        raise PermissionDenied
    year, quarter = _quarter(request)
    rows, total = call_counts(year, quarter)
    audit.record(
        "complaints.call.statistics_exported",
        actor=request.user,
        object_type="complaints.call",
        changes={"format": "csv", "year": year, "quarter": quarter},
    )
    lines = [[topic.code, topic.name, topic.n, topic.urgent] for topic in rows]
    lines.append(["", _("Total"), total, sum(topic.urgent for topic in rows)])
    return csv_response(
        f"916-calls-{year}-Q{quarter}.csv", [_("Code"), _("Topic"), _("Calls"), _("of them urgent")], lines
    )


urlpatterns = [
    path("dashboard/", dashboard, name="dashboard"),
    path("calls/", calls, name="calls"),
    path("calls/export.csv", calls_export, name="calls_export"),
]
