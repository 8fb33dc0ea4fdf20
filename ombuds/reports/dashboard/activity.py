"""The activity panels: implementation of recommendations by authority, places overdue for a
visit, 916 calls by topic in a quarter, applications by month."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ombuds.complaints.listing import may_use_register
from ombuds.complaints.models import Application, Call
from ombuds.core.routers import reporting
from ombuds.monitoring.choices import PlaceType
from ombuds.monitoring.models import Place
from ombuds.recommendations import rates
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import may_use_register as may_use_recommendations
from ombuds.reports.dashboard import Line, Panel, Viewer
from ombuds.reports.dashboard.work import name_of

AUTHORITY_ROWS = 15  # the rest of the authorities are added up in one row


def _query(url: str, params: dict) -> str:
    return f"{url}?{urlencode(params)}"


def recommendation_rates(viewer: Viewer, year: int | None) -> Panel:
    """Implementation rates by addressee (ombuds/recommendations/rates.py, its definitions and
    its one aggregate query), of the recommendations issued in `year` (every year when None)."""
    base = None if viewer.whole else Recommendation.objects.filter(unit=viewer.unit_id)
    breakdown = rates.by_authority(year, base).folded(AUTHORITY_ROWS)
    register = reverse("recommendations:list") if may_use_recommendations(viewer.user) else None
    lines = []
    for row in breakdown.rows:
        filters = dict(row.filters, **({"year": str(year)} if year else {}))
        href = _query(register, filters) if register and row.filters else None
        implemented = _query(register, dict(filters, status="implemented")) if href and row.implemented else None
        lines.append(
            Line(
                row.key,
                row.label,
                round(row.percent) if row.percent is not None else 0,
                cells=[(row.total, href), (row.implemented, implemented), (row.rate_shown, None)],
            )
        )
    return Panel(
        "rates",
        _("Implementation of recommendations, by authority"),
        _(
            "Issued recommendations by addressee: the implementation rate is the verified implemented ones "
            "divided by those issued less those no longer relevant (the definition of the rates page)."
        ),
        [_("Issued"), _("Implemented"), _("Rate")],
        lines,
        total=breakdown.total.total,
        more=(_("Implementation rates"), reverse("recommendations:rates")),
        unit_label=_("per cent implemented"),
        value_column=False,
    )


def overdue_places(viewer: Viewer, today: date) -> Panel:
    """Places in operation whose next in-depth visit was due before today, by type: one query.
    The register of places is the institution's (no unit owns a place): the same in both views."""
    groups = dict(
        reporting(Place.objects.filter(is_active=True, next_due_on__lt=today))
        .order_by()
        .values_list("place_type")
        .annotate(n=Count("pk"))
    )
    places = reverse("monitoring:place_list") if viewer.user.has_perm("monitoring.view_place") else None
    lines = [
        Line(
            value,
            str(label),
            groups[value],
            _query(places, {"place_type": value, "overdue": "on"}) if places else None,
        )
        for value, label in PlaceType.choices
        if groups.get(value)
    ]
    return Panel(
        "places",
        _("Places overdue for a visit, by type"),
        _("Places in operation whose next in-depth visit was due before today (the register of places)."),
        [_("Places")],
        lines,
        total=sum(line.value for line in lines),
        more=(_("All places overdue for a visit"), _query(places, {"overdue": "on"})) if places else None,
        unit_label=_("places"),
    )


def quarter_bounds(year: int, quarter: int) -> tuple[datetime, datetime]:
    """The first moment of the quarter and of the next one, in local time."""
    zone = timezone.get_current_timezone()
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return datetime.combine(start, time(), zone), datetime.combine(end, time(), zone)


def calls(viewer: Viewer, year: int, quarter: int) -> Panel:
    """916 calls per topic in one quarter: one query. A unit's view counts the calls its
    members took (the call log's scope)."""
    first, after = quarter_bounds(year, quarter)
    qs = Call.objects.filter(received_at__gte=first, received_at__lt=after)
    if not viewer.whole:
        qs = qs.filter(created_by__org_unit=viewer.unit_id)
    groups = (
        reporting(qs)
        .order_by()
        .values("topic__code", "topic__name_az", "topic__name_en", "topic__name_ru")
        .annotate(n=Count("pk"), urgent=Count("pk", filter=Q(urgent=True)))
    )
    page = _query(reverse("reports:calls"), {"year": year, "quarter": quarter})
    # The quarter's table counts every call: a unit's numbers would not match it, so they are not links.
    linked = page if viewer.whole else None
    lines = [Line(g["topic__code"], name_of(g, "topic__"), g["n"], linked, cells=[(g["urgent"], None)]) for g in groups]
    lines.sort(key=lambda line: (-line.value, line.label))
    return Panel(
        "calls",
        _("916 calls by topic, %(year)s Q%(quarter)s") % {"year": year, "quarter": quarter},
        _("Calls to the 916 line in the quarter, by the topic the operator chose. A link opens the quarter's table."),
        [_("Calls"), _("of them urgent")],
        lines,
        total=sum(line.value for line in lines),
        more=(_("916 calls by quarter"), page),
        unit_label=_("calls"),
    )


def _months(today: date, count: int = 12) -> list[date]:
    """The first days of the last `count` months, this one included, oldest first."""
    months = []
    year, month = today.year, today.month
    for _i in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def applications_by_month(viewer: Viewer, today: date) -> Panel:
    """Applications received in each of the last twelve months (this one so far): one query."""
    months = _months(today)
    zone = timezone.get_current_timezone()
    qs = Application.objects.filter(received_at__gte=datetime.combine(months[0], time(), zone))
    if not viewer.whole:
        qs = qs.filter(unit=viewer.unit_id)
    counts = {
        (g["month"].date() if isinstance(g["month"], datetime) else g["month"]): g["n"]
        for g in reporting(qs)
        .order_by()
        .annotate(month=TruncMonth("received_at", tzinfo=zone))
        .values("month")
        .annotate(n=Count("pk"))
    }
    register = reverse("complaints:list") if may_use_register(viewer.user) else None
    lines = []
    for first in months:
        last = date(first.year + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1)
        params = {"received_from": first.isoformat(), "received_to": last.isoformat()}
        if not viewer.whole:
            params["unit"] = str(viewer.unit_id)
        label = formats.date_format(first, "YEAR_MONTH_FORMAT")
        lines.append(Line(first.isoformat(), label, counts.get(first, 0), register and _query(register, params)))
    return Panel(
        "applications",
        _("Applications by month"),
        _(
            "Applications received in each of the last twelve months, the current one so far (date of receipt). "
            "A link opens the register for the month."
        ),
        [_("Applications")],
        lines,
        total=sum(line.value for line in lines),
        unit_label=_("applications"),
    )
