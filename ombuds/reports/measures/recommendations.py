"""Measures of recommendations and proposals — annual report table A11, NPM report table N7, and
the headline count of the annual report's proposals (table A0). The unit is the recommendation.

Population. Only issued recommendations count (`RecommendationQuerySet.issued`: a day of issue,
never a draft). A recommendation is placed in the period by its day of issue (`issued_on`).

The public tracker's rows. `tracker_rows()` is the one queryset of the recommendations the public
tracker shows (issued and published); the `recommendations.public_*` measures count exactly those
rows, so A11/N7 and the tracker never disagree. The other measures count every issued one.

Status buckets (N7, reports-and-portal.md 2.5). `status_bucket(status)` maps each status to one
bucket, so a bucket breakdown always adds up to its total:
- implemented: implemented (verified);
- partial: partly implemented;
- not_implemented: not implemented, and rejected by the authority;
- cannot_assess: no information to judge — no response, or reported implemented by the authority
  but not verified yet (its word alone is never counted as implemented);
- open: the follow-up is under way — issued and awaiting a response, accepted, in progress;
- not_evaluated: no longer relevant (the place closed, the law changed, a duplicate).
"Impossible for external reasons" is not a status of the register: such cases are recorded as no
longer relevant. Drafts have no bucket.

Status at the end of the period. The bucket measures read each recommendation's status on the
period's last day from its history (`StatusChange`, the latest line dated on or before that day),
not its status today, so a report taken later says what was true at the end of the year. A
recommendation with no history line by then (imported without one) keeps its current status if it
has not changed since, else it counts as issued. One aggregate query per measure.

Proposals (A0 headline). `recommendations.proposals` counts issued recommendations whose source is
the annual report, placed in the period by their day of issue (the same rule as every measure
here); the proposals of the annual report for year N are numbered and issued in year N, so this is
also the count of those with `year` N.

The list (`recommendation_list`). A snapshot also freezes, under `lists.recommendations`, one entry
per recommendation issued in the period (the report's section "recommendations and proposals made
in the year, with their status"), in order of issue, at most `LIST_LIMIT` entries (the measure
`recommendations.issued` gives the full count). Each entry: number, issued_on, due_date (ISO dates
or null), addressee {code, az, en, ru}, source, kind, priority, area (codes of their lists, "" when
not recorded), right {code, az, en, ru} or null, status (on the period's last day) and its bucket,
text_az, text_en, text_ru, is_published, repeats (the number of the recommendation it repeats, or
""). One query.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Case, CharField, Count, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ombuds.complaints.models import RightTopic
from ombuds.core.models import Authority
from ombuds.core.routers import reporting
from ombuds.monitoring.choices import ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation, StatusChange
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Custom, Grouped, Measure, Period, choices_categories, register
from ombuds.reports.measures.named import named_categories

S = c.Status
ISSUED = _("day of issue")
MODEL = "recommendations.Recommendation"
LIST_LIMIT = 2000

BUCKETS = [
    Category("implemented", _("Implemented")),
    Category("partial", _("Partly implemented")),
    Category("not_implemented", _("Not implemented or rejected")),
    Category("cannot_assess", _("Cannot be assessed (no information or not verified)")),
    Category("open", _("Follow-up under way")),
    Category("not_evaluated", _("Not evaluated (no longer relevant)")),
]
_BUCKET_OF: dict[str, str] = {
    S.IMPLEMENTED: "implemented",
    S.PARTIALLY_IMPLEMENTED: "partial",
    S.NOT_IMPLEMENTED: "not_implemented",
    S.REJECTED: "not_implemented",
    S.NO_RESPONSE: "cannot_assess",
    S.REPORTED_IMPLEMENTED: "cannot_assess",
    S.ISSUED: "open",
    S.ACCEPTED: "open",
    S.IN_PROGRESS: "open",
    S.NO_LONGER_RELEVANT: "not_evaluated",
}


def status_bucket(status: str) -> str | None:
    """The N7 bucket of a status (see the module's docstring); None for a draft."""
    return _BUCKET_OF.get(status)


def bucket_statuses(bucket: str) -> list[str]:
    return [status for status, key in _BUCKET_OF.items() if key == bucket]


def issued() -> QuerySet:
    return Recommendation.objects.issued()


def tracker_rows() -> QuerySet:
    """The recommendations the public tracker shows: issued and published. The A11/N7 `public_*`
    measures count these rows and no others."""
    return Recommendation.objects.issued().filter(is_published=True)


def with_status_on(qs: QuerySet, day: date) -> QuerySet:
    """`qs` annotated with `status_on`: the status each recommendation had on `day`, read from its
    history (a subquery, not a query per row)."""
    last = (
        StatusChange.objects.filter(recommendation=OuterRef("pk"), happened_on__lte=day)
        .order_by("-happened_on", "-created_at", "-pk")
        .values("new_status")[:1]
    )
    unknown = Case(When(status_changed_on__gt=day, then=Value(S.ISSUED.value)), default=F("status"))
    return qs.annotate(status_on=Coalesce(Subquery(last), unknown, output_field=CharField()))


def year_before(period: Period) -> Period:
    """The same days one year earlier (29 February becomes the 28th)."""

    def back(day: date) -> date:
        try:
            return day.replace(year=day.year - 1)
        except ValueError:
            return day.replace(year=day.year - 1, day=28)

    return Period(back(period.start), back(period.end))


def _in_period(rows: QuerySet, period: Period, *, previous: bool) -> QuerySet:
    window = year_before(period) if previous else period
    return with_status_on(rows.filter(**window.lookup("issued_on", is_date=True)), period.end)


def _buckets(rows=issued, *, previous: bool = False) -> Custom:
    """Recommendations of `rows()` issued in the period (or in the year before it), by the bucket of
    their status on the period's last day."""

    def count(period: Period) -> dict[str, int]:
        out: dict[str, int] = {}
        qs = reporting(_in_period(rows(), period, previous=previous)).order_by()
        for status, n in qs.values_list("status_on").annotate(n=Count("pk")).values_list("status_on", "n"):
            bucket = status_bucket(status)
            if bucket is not None:
                out[bucket] = out.get(bucket, 0) + n
        return out

    def records(period: Period, category: str | None) -> QuerySet:
        qs = _in_period(rows(), period, previous=previous)
        if category not in (None, "total"):
            qs = qs.filter(status_on__in=bucket_statuses(category))
        return qs

    return Custom(count, records)


def _addressees() -> QuerySet:
    """Every authority that has ever been sent a recommendation: a zero row then means something."""
    return Authority.objects.filter(pk__in=issued().values("addressee")).order_by("name_az")


def _rights() -> QuerySet:
    return RightTopic.objects.filter(pk__in=issued().values("right")).order_by("sort_order", "code")


def _by(field_name: str, rows=issued) -> Grouped:
    return Grouped(rows, "issued_on", field_name, is_date=True)


register(
    Measure(
        key="recommendations.issued",
        title=_("Recommendations issued"),
        unit=Unit.RECOMMENDATION,
        definition=_("Every recommendation and proposal issued in the year (drafts are never counted)."),
        dated_by=ISSUED,
        source=Grouped(issued, "issued_on", is_date=True),
        model=MODEL,
    ),
    Measure(
        key="recommendations.proposals",
        title=_("Proposals in the annual report"),
        unit=Unit.RECOMMENDATION,
        definition=_("Recommendations and proposals issued in the year whose source is the annual report."),
        dated_by=ISSUED,
        source=Grouped(lambda: issued().filter(source=c.Source.ANNUAL_REPORT), "issued_on", is_date=True),
        model=MODEL,
    ),
    Measure(
        key="recommendations.by_addressee",
        title=_("Recommendations by addressee"),
        unit=Unit.RECOMMENDATION,
        definition=_(
            "Recommendations issued in the year, by the authority they are addressed to; every authority "
            "ever sent a recommendation is listed."
        ),
        dated_by=ISSUED,
        source=_by("addressee__code"),
        categories=named_categories(_addressees),
        model=MODEL,
    ),
    Measure(
        key="recommendations.by_area",
        title=_("Recommendations by thematic area"),
        unit=Unit.RECOMMENDATION,
        definition=_("Recommendations issued in the year, by the thematic area of their findings."),
        dated_by=ISSUED,
        source=_by("area"),
        categories=choices_categories(ThematicArea.choices, not_recorded=True),
        model=MODEL,
    ),
    Measure(
        key="recommendations.by_right",
        title=_("Recommendations by right or issue"),
        unit=Unit.RECOMMENDATION,
        definition=_(
            "Recommendations issued in the year, by the right or issue they concern; every right that a "
            "recommendation ever concerned is listed."
        ),
        dated_by=ISSUED,
        source=_by("right__code"),
        categories=named_categories(_rights),
        model=MODEL,
    ),
    Measure(
        key="recommendations.by_source",
        title=_("Recommendations by source"),
        unit=Unit.RECOMMENDATION,
        definition=_("Recommendations issued in the year, by what they come from: a visit, an appeal, a report."),
        dated_by=ISSUED,
        source=_by("source"),
        categories=choices_categories(c.Source.choices),
        model=MODEL,
    ),
    Measure(
        key="recommendations.by_kind",
        title=_("Recommendations by kind"),
        unit=Unit.RECOMMENDATION,
        definition=_("Recommendations issued in the year, by kind: after a visit, thematic, urgent, legislative."),
        dated_by=ISSUED,
        source=_by("kind"),
        categories=choices_categories(c.Kind.choices),
        model=MODEL,
    ),
    Measure(
        key="recommendations.by_priority",
        title=_("Recommendations by priority"),
        unit=Unit.RECOMMENDATION,
        definition=_("Recommendations issued in the year, by the priority given to them."),
        dated_by=ISSUED,
        source=_by("priority"),
        categories=choices_categories(c.Priority.choices),
        model=MODEL,
    ),
    Measure(
        key="recommendations.repeated",
        title=_("Repeated recommendations"),
        unit=Unit.RECOMMENDATION,
        definition=_("Recommendations issued in the year that repeat an earlier one not, or only partly, implemented."),
        dated_by=ISSUED,
        source=Grouped(lambda: issued().filter(repeats__isnull=False), "issued_on", is_date=True),
        model=MODEL,
    ),
    Measure(
        key="recommendations.by_status",
        title=_("Recommendations of the year by status at its end"),
        unit=Unit.RECOMMENDATION,
        definition=_(
            "Recommendations issued in the year, by their status on its last day (from their history): "
            "implemented, partly, not implemented or rejected, cannot be assessed, under way, not evaluated."
        ),
        dated_by=ISSUED,
        source=_buckets(),
        categories=BUCKETS,
        model=MODEL,
    ),
    Measure(
        key="recommendations.previous_year_status",
        title=_("Last year's recommendations by status at the end of this year"),
        unit=Unit.RECOMMENDATION,
        definition=_(
            "Recommendations issued in the year before, by their status on the last day of this year "
            "(from their history), in the same buckets."
        ),
        dated_by=ISSUED,
        source=_buckets(previous=True),
        categories=BUCKETS,
        model=MODEL,
    ),
    Measure(
        key="recommendations.public_by_status",
        title=_("Published recommendations of the year by status at its end"),
        unit=Unit.RECOMMENDATION,
        definition=_(
            "The rows of the public tracker: recommendations issued in the year and published, by their "
            "status on its last day."
        ),
        dated_by=ISSUED,
        source=_buckets(tracker_rows),
        categories=BUCKETS,
        model=MODEL,
    ),
    Measure(
        key="recommendations.public_previous_year_status",
        title=_("Last year's published recommendations by status at the end of this year"),
        unit=Unit.RECOMMENDATION,
        definition=_(
            "The rows of the public tracker issued in the year before, by their status on the last day of this year."
        ),
        dated_by=ISSUED,
        source=_buckets(tracker_rows, previous=True),
        categories=BUCKETS,
        model=MODEL,
    ),
)


def _names(row) -> dict[str, str] | None:
    if row is None:
        return None
    return {"code": row.code, "az": row.name_az, "en": row.name_en, "ru": row.name_ru}


def recommendation_list(period: Period) -> list[dict[str, Any]]:
    """The recommendations issued in the period with their status on its last day (see the
    module's docstring for the fields), for the report's list section. One query."""
    qs = (
        reporting(with_status_on(issued().filter(**period.lookup("issued_on", is_date=True)), period.end))
        .select_related("addressee", "right", "repeats")
        .order_by("issued_on", "year", "sequence")
    )
    rows = []
    for rec in qs[:LIST_LIMIT]:
        rows.append(
            {
                "number": rec.number,
                "issued_on": rec.issued_on.isoformat(),
                "due_date": rec.due_date.isoformat() if rec.due_date else None,
                "addressee": _names(rec.addressee),
                "source": rec.source,
                "kind": rec.kind,
                "priority": rec.priority,
                "area": rec.area,
                "right": _names(rec.right),
                "status": rec.status_on,
                "bucket": status_bucket(rec.status_on),
                "text_az": rec.text_az,
                "text_en": rec.text_en,
                "text_ru": rec.text_ru,
                "is_published": rec.is_published,
                "repeats": rec.repeats.number if rec.repeats_id else "",
            }
        )
    return rows
