"""Implementation rates of recommendations and their breakdowns (issue 11, domain.md §3.3, §7).

The population is the issued recommendations: status other than draft and a day of issue
(`RecommendationQuerySet.issued`), optionally those issued in one calendar year and those of a
base queryset (the viewer's scope; every recommendation for holders of `accounts.view_aggregates`,
who see the counts and never the records).

Each group is counted by the measures of `MEASURES`, which split the non-draft statuses between
them, so the measures of a row add up to its total. The implementation rate is

    implemented / (total − no longer relevant)

— only verified implementation counts (not "partly", not the authority's own unverified report),
and a recommendation that lost its object is left out of the denominator. With a denominator of
0 there is no rate (shown "—").

Every breakdown puts each recommendation in exactly one row, so every breakdown adds up to the
same total: a recommendation with several places goes to the "Several places" row of the by-place
table, one with none to "No place"; one without a thematic area, place type or right to "Not
recorded". Each breakdown is one aggregate query (GROUP BY the key and the status), plus one for
the places' names: the number of queries does not depend on the number of recommendations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from types import SimpleNamespace

from django.db.models import Case, Count, F, IntegerField, Max, Min, OuterRef, Subquery, Value, When
from django.db.models.functions import ExtractYear
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ombuds.core.collation import collated
from ombuds.core.i18n import pick
from ombuds.core.routers import reporting
from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation

S = c.Status
NOT_RECORDED = ""  # the key of the "Not recorded" rows
NO_PLACE = "none"
SEVERAL_PLACES = "several"
OTHERS = "others"  # the row that adds up what a folded table leaves out
_NO_PLACE_ID, _SEVERAL_ID = -1, 0  # place keys in SQL (real primary keys are positive)
NAMES = ("name_az", "name_en", "name_ru")


@dataclass(frozen=True)
class Measure:
    key: str
    label: Promise
    statuses: tuple[str, ...]


MEASURES: tuple[Measure, ...] = (
    Measure("implemented", _("Implemented"), (S.IMPLEMENTED,)),
    Measure("partly", _("Partly implemented"), (S.PARTIALLY_IMPLEMENTED,)),
    Measure("not_implemented", _("Not implemented"), (S.NOT_IMPLEMENTED,)),
    Measure("reported", _("Reported implemented, unverified"), (S.REPORTED_IMPLEMENTED,)),
    Measure("in_progress", _("In progress or accepted"), (S.IN_PROGRESS, S.ACCEPTED)),
    Measure("awaiting", _("Awaiting response"), (S.ISSUED,)),
    Measure("no_response", _("No response"), (S.NO_RESPONSE,)),
    Measure("rejected", _("Rejected"), (S.REJECTED,)),
    Measure("no_longer_relevant", _("No longer relevant"), (S.NO_LONGER_RELEVANT,)),
)
_MEASURE_OF = {status: m.key for m in MEASURES for status in m.statuses}


@dataclass
class Row:
    """One group: its counts per measure and the register filters that select it."""

    key: str
    label: str
    counts: dict[str, int] = field(default_factory=dict)
    # GET parameters of the register selecting this group (empty when the register cannot).
    filters: dict[str, str] = field(default_factory=dict)

    def add(self, status: str, n: int) -> None:
        measure = _MEASURE_OF[status]
        self.counts[measure] = self.counts.get(measure, 0) + n

    def count(self, measure: str) -> int:
        return self.counts.get(measure, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def implemented(self) -> int:
        return self.count("implemented")

    @property
    def denominator(self) -> int:
        return self.total - self.count("no_longer_relevant")

    @property
    def rate(self) -> Fraction | None:
        """implemented / (total − no longer relevant); None when nothing is left to implement."""
        return Fraction(self.implemented, self.denominator) if self.denominator else None

    @property
    def percent(self) -> float | None:
        return None if self.rate is None else float(self.rate * 100)

    @property
    def rate_shown(self) -> str:
        return "—" if self.percent is None else f"{self.percent:.0f} %"

    @property
    def cells(self) -> list[tuple[Measure, int]]:
        return [(m, self.count(m.key)) for m in MEASURES]


@dataclass
class Breakdown:
    key: str
    title: Promise
    rows: list[Row]
    year: int | None = None

    @property
    def total(self) -> Row:
        total = Row("", str(_("Total")))
        for row in self.rows:
            for measure, n in row.counts.items():
                total.counts[measure] = total.counts.get(measure, 0) + n
        return total

    def row(self, key: str) -> Row | None:
        return next((row for row in self.rows if row.key == key), None)

    def folded(self, limit: int) -> Breakdown:
        """At most `limit` rows: the largest kept in their order, the rest added up in one row
        "Others" (so that the table still adds up to the total)."""
        if len(self.rows) <= limit:
            return self
        keep = {id(row) for row in sorted(self.rows, key=lambda r: -r.total)[: limit - 1]}
        rest = Row(OTHERS, "")
        for row in self.rows:
            if id(row) not in keep:
                for measure, n in row.counts.items():
                    rest.counts[measure] = rest.counts.get(measure, 0) + n
        rest.label = str(_("%(count)s others") % {"count": len(self.rows) - len(keep)})
        return Breakdown(self.key, self.title, [r for r in self.rows if id(r) in keep] + [rest], self.year)


def population(year: int | None = None, base=None):
    """Issued recommendations (of `base`, in `year` of issue), read from the reporting database."""
    qs = Recommendation.objects.all()
    if base is not None:
        # A scope may join (team members, assignees): counting through pk__in keeps one row each.
        qs = qs.filter(pk__in=base.values("pk"))
    qs = qs.issued()
    if year:
        qs = qs.filter(issued_on__gte=date(year, 1, 1), issued_on__lt=date(year + 1, 1, 1))
    return reporting(qs.order_by())


def _grouped(qs, *keys: str) -> list[dict]:
    """One aggregate query: the number of recommendations per key and status."""
    return list(qs.order_by().values(*keys, "status").annotate(n=Count("pk")))


def _rows(groups: Iterable[dict], key_of, make_row) -> dict:
    rows: dict = {}
    for group in groups:
        key = key_of(group)
        if key not in rows:
            rows[key] = make_row(key, group)
        rows[key].add(group["status"], group["n"])
    return rows


def name_of(values: dict, prefix: str = "") -> str:
    """The name in the active language from a values() row (falling back to Azerbaijani)."""
    return pick(SimpleNamespace(**{n: values.get(prefix + n) or "" for n in NAMES}), "name")


def _not_recorded() -> str:
    return str(_("Not recorded"))


def _by_choice(key: str, title, field_name: str, choices, year, base) -> Breakdown:
    """Rows in the order of the choices (those with recommendations), "Not recorded" last."""
    labels = dict(choices)
    rows = _rows(
        _grouped(population(year, base), field_name),
        lambda g: g[field_name] or NOT_RECORDED,
        lambda k, g: Row(
            k,
            str(labels.get(k, k)) if k else _not_recorded(),
            filters={field_name: k} if k else {},
        ),
    )
    order = [value for value, _label in choices] + [NOT_RECORDED]
    ordered = [rows[k] for k in order if k in rows] + [r for k, r in rows.items() if k not in order]
    return Breakdown(key, title, ordered, year)


def by_authority(year: int | None = None, base=None) -> Breakdown:
    """By addressee (every recommendation has one), in the alphabet of the active language."""
    prefix = "addressee"
    groups = _grouped(population(year, base), f"{prefix}__code", *(f"{prefix}__{n}" for n in NAMES))
    rows = _rows(
        groups,
        lambda g: g[f"{prefix}__code"],
        lambda k, g: Row(k, name_of(g, f"{prefix}__"), filters={"addressee": k}),
    )
    return Breakdown("authority", _("By authority"), collated(rows.values(), key=lambda r: r.label), year)


def _place_bound(aggregate):
    through = Recommendation.places.through
    return Subquery(
        through.objects.filter(recommendation_id=OuterRef("pk"))
        .order_by()
        .values("recommendation_id")
        .annotate(v=aggregate("place_id"))
        .values("v")[:1]
    )


def by_place(year: int | None = None, base=None) -> Breakdown:
    """By place: one place → its row; several → "Several places"; none → "No place". The register
    has no filter by place, so these rows carry none (their counts are not links)."""
    from ombuds.monitoring.models import Place

    qs = population(year, base).annotate(lo=_place_bound(Min), hi=_place_bound(Max))
    qs = qs.annotate(
        place_key=Case(
            When(lo__isnull=True, then=Value(_NO_PLACE_ID)),
            When(lo=F("hi"), then=F("lo")),
            default=Value(_SEVERAL_ID),
            output_field=IntegerField(),
        )
    )
    counted = _rows(_grouped(qs, "place_key"), lambda g: g["place_key"], lambda k, g: Row(str(k), ""))
    ids = [k for k in counted if k > 0]
    places = {p["pk"]: p for p in Place.objects.using(qs.db).filter(pk__in=ids).values("pk", "public_id", *NAMES)}
    named = []
    for pk in ids:
        row, place = counted[pk], places.get(pk, {})
        row.key = str(place.get("public_id", pk))
        row.label = name_of(place)
        named.append(row)
    rows = collated(named, key=lambda r: r.label)
    for special, key, label in (
        (_SEVERAL_ID, SEVERAL_PLACES, _("Several places")),
        (_NO_PLACE_ID, NO_PLACE, _("No place")),
    ):
        if special in counted:
            counted[special].key, counted[special].label = key, str(label)
            rows.append(counted[special])
    return Breakdown("place", _("By place"), rows, year)


def by_place_type(year: int | None = None, base=None) -> Breakdown:
    return _by_choice("place_type", _("By type of place"), "place_type", PlaceType.choices, year, base)


def by_area(year: int | None = None, base=None) -> Breakdown:
    """By APT thematic area."""
    return _by_choice("area", _("By thematic area"), "area", ThematicArea.choices, year, base)


def by_kind(year: int | None = None, base=None) -> Breakdown:
    return _by_choice("kind", _("By kind"), "kind", c.Kind.choices, year, base)


def by_right(year: int | None = None, base=None) -> Breakdown:
    """By right or issue (the complaints list), in the list's order; "Not recorded" last."""
    prefix = "right"
    groups = _grouped(
        population(year, base), f"{prefix}__code", f"{prefix}__sort_order", *(f"{prefix}__{n}" for n in NAMES)
    )
    rows = _rows(
        groups,
        lambda g: g[f"{prefix}__code"] or NOT_RECORDED,
        lambda k, g: Row(k, name_of(g, f"{prefix}__") if k else _not_recorded(), filters={"right": k} if k else {}),
    )
    order = {g[f"{prefix}__code"]: (g[f"{prefix}__sort_order"] or 0) for g in groups if g[f"{prefix}__code"]}
    ordered = sorted((r for k, r in rows.items() if k), key=lambda r: (order[r.key], r.key))
    if NOT_RECORDED in rows:
        ordered.append(rows[NOT_RECORDED])
    return Breakdown("right", _("By right or issue"), ordered, year)


def by_year(year: int | None = None, base=None) -> Breakdown:
    """By calendar year of issue, newest first."""
    qs = population(year, base).annotate(issued_year=ExtractYear("issued_on"))
    rows = _rows(
        _grouped(qs, "issued_year"),
        lambda g: g["issued_year"],
        lambda k, g: Row(str(k), str(k), filters={"year": str(k)}),
    )
    return Breakdown("year", _("By year of issue"), [rows[k] for k in sorted(rows, reverse=True)], year)


def summary(year: int | None = None, base=None) -> Row:
    """The whole population in one row."""
    row = Row("", str(_("Total")))
    for group in _grouped(population(year, base)):
        row.add(group["status"], group["n"])
    return row


def years(base=None) -> list[int]:
    """The years in which recommendations (of `base`) were issued, newest first."""
    qs = population(None, base).annotate(issued_year=ExtractYear("issued_on"))
    return sorted(set(qs.values_list("issued_year", flat=True).distinct()), reverse=True)


BREAKDOWNS = (by_authority, by_place, by_place_type, by_area, by_right, by_kind, by_year)


def all_breakdowns(year: int | None = None, base=None) -> list[Breakdown]:
    return [breakdown(year, base) for breakdown in BREAKDOWNS]
