"""The terms panels: overdue terms by rule, information requests overdue by authority, and how
often each of the institution's terms was kept over the last twelve months."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import datetime, timedelta
from types import SimpleNamespace
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from ombuds.accounts.scoping import NOTHING
from ombuds.complaints.listing import may_use_register
from ombuds.complaints.models import Application, InfoRequest
from ombuds.core.choices import DeadlineStatus
from ombuds.core.i18n import pick
from ombuds.core.models import Deadline
from ombuds.core.routers import reporting
from ombuds.focal.permissions import may_see_timeliness
from ombuds.monitoring.models import Visit
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import may_use_register as may_use_recommendations
from ombuds.reports.dashboard import Line, Panel, Viewer

NAMES = ("name_az", "name_en", "name_ru")
# The subjects of terms that a unit owns (their `Scope.unit`); terms on anything else (a
# reprisal case, the annual report) count in the institution's view only.
UNIT_OWNED = (Application, Recommendation, Visit)
OPEN = (DeadlineStatus.RUNNING, DeadlineStatus.PAUSED)


def name_of(values: dict, prefix: str) -> str:
    return pick(SimpleNamespace(**{n: values.get(prefix + n) or "" for n in NAMES}), "name")


def _unit_q(viewer: Viewer) -> Q:
    """Terms whose subject belongs to the viewer's unit (everything for the institution)."""
    if viewer.whole:
        return Q()
    q = NOTHING
    for model in UNIT_OWNED:
        owned = model.objects.filter(**{model.SCOPE.unit: viewer.unit_id}).values("pk")  # type: ignore[attr-defined]
        q |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=owned)
    return q


def overdue_q(now: datetime) -> Q:
    """Overdue and still open: marked overdue by the hourly job, or running past its due time
    (the job has not reached it yet)."""
    return Q(closed_at__isnull=True) & (Q(status=DeadlineStatus.OVERDUE) | Q(status__in=OPEN, due_at__lt=now))


def _subject_list(user, app_label: str, model: str) -> str | None:
    """The list that shows the subjects with an overdue term, when the user may open it."""
    if (app_label, model) == ("complaints", "application") and may_use_register(user):
        return f"{reverse('complaints:list')}?{urlencode({'view': 'overdue'})}"
    if (app_label, model) == ("recommendations", "recommendation") and may_use_recommendations(user):
        return f"{reverse('recommendations:list')}?{urlencode({'overdue': 'on', 'sort': 'due'})}"
    return None


def overdue_terms(viewer: Viewer, now: datetime) -> Panel:
    """Open terms past their due time, by rule: one query."""
    groups = (
        reporting(Deadline.objects.filter(_unit_q(viewer)).filter(overdue_q(now)))
        .order_by()
        .values("rule__code", *(f"rule__{n}" for n in NAMES), "content_type__app_label", "content_type__model")
        .annotate(n=Count("pk"))
    )
    lines = [
        Line(
            g["rule__code"],
            name_of(g, "rule__"),
            g["n"],
            _subject_list(viewer.user, g["content_type__app_label"], g["content_type__model"]),
        )
        for g in groups
    ]
    lines.sort(key=lambda line: (-line.value, line.label))
    return Panel(
        "overdue",
        _("Overdue terms by rule"),
        _(
            "Terms still open after their due time (marked overdue, or running past it). A link opens the list "
            "of applications or recommendations with an overdue term."
        ),
        [_("Overdue")],
        lines,
        total=sum(line.value for line in lines),
        unit_label=_("terms"),
    )


def overdue_requests(viewer: Viewer, now: datetime) -> Panel:
    """Information requests without a reply after their due time, by addressee: one query (the
    definition of "not answered" of ombuds/focal/figures.py)."""
    qs = InfoRequest.objects.filter(reply_at__isnull=True, due_at__lt=now)
    if not viewer.whole:
        qs = qs.filter(application__unit=viewer.unit_id)
    groups = (
        reporting(qs).order_by().values("addressee__code", *(f"addressee__{n}" for n in NAMES)).annotate(n=Count("pk"))
    )
    linked = may_see_timeliness(viewer.user)
    lines = [
        Line(
            g["addressee__code"],
            name_of(g, "addressee__"),
            g["n"],
            reverse("focal_points:timeliness_authority", args=[g["addressee__code"]]) if linked else None,
        )
        for g in groups
    ]
    lines.sort(key=lambda line: (-line.value, line.label))
    return Panel(
        "requests",
        _("Information requests overdue, by authority"),
        _(
            "Requests for information sent to an authority whose reply has not been received by its due time. "
            "A link opens the authority's page of requests, recommendations and replies."
        ),
        [_("Not answered")],
        lines,
        total=sum(line.value for line in lines),
        more=(_("Timeliness of authorities"), reverse("focal_points:timeliness")) if linked else None,
        unit_label=_("requests"),
    )


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def timeliness(viewer: Viewer, now: datetime) -> Panel:
    """Per rule, the terms settled in the last twelve months — closed in them, or still open
    after falling due in them: the share kept (closed by the due time) and the median days from
    start to close. Two queries: the counts, and the two dates of each closed term for the medians."""
    since = now - timedelta(days=365)
    settled = Q(closed_at__gte=since, closed_at__lt=now) | Q(closed_at__isnull=True, due_at__gte=since, due_at__lt=now)
    window = reporting(Deadline.objects.filter(_unit_q(viewer)).filter(settled))
    window = window.exclude(status=DeadlineStatus.CANCELLED).order_by()
    kept = Q(status=DeadlineStatus.MET)
    groups = window.values("rule__code", *(f"rule__{n}" for n in NAMES)).annotate(
        due=Count("pk"), kept=Count("pk", filter=kept)
    )
    days: dict[str, list[int]] = defaultdict(list)
    for code, started, closed in window.filter(closed_at__isnull=False).values_list(
        "rule__code", "started_at", "closed_at"
    ):
        days[code].append((closed - started).days)
    lines = []
    for g in groups:
        share = _percent(g["kept"], g["due"])
        median = days.get(g["rule__code"])
        lines.append(
            Line(
                g["rule__code"],
                name_of(g, "rule__"),
                share or 0,
                cells=[
                    (g["due"], None),
                    (g["kept"], None),
                    ("—" if share is None else f"{share} %", None),
                    ("—" if not median else f"{statistics.median(median):g}", None),
                ],
            )
        )
    lines.sort(key=lambda line: line.label)
    return Panel(
        "timeliness",
        _("Terms kept in the last twelve months"),
        _(
            "Each of the institution's terms settled in the last twelve months — closed in them, or still open "
            "after falling due in them (cancelled ones left out): how many were closed by their due time, and the "
            "median number of days from the start of the term to its close, over the closed ones. The replies "
            "of authorities are the terms of the information requests; their timeliness per authority is on "
            "the authorities' page."
        ),
        [_("Settled"), _("Kept"), _("Share kept"), _("Median days")],
        lines,
        unit_label=_("per cent kept"),
        value_column=False,
    )
