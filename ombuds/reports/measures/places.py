"""Measures of the register of places — coverage (N1), occupancy against capacity (N5) and the
annexes (N11): the inventory of places and the detention population by setting.

The register has no history of openings and closures: "the register" is the places in
operation when the dataset is taken (the snapshot freezes it), plus, for coverage, any place
visited in the period that has closed since — so the places visited never exceed the places in
the register. A population figure is the latest count of each place on or before the last day
of the period (counted during a visit or entered from an official source).
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from ombuds.core.routers import reporting
from ombuds.monitoring import choices as mc
from ombuds.monitoring.models import Place, PopulationCount
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Custom, Measure, Period, choices_categories, register
from ombuds.reports.measures.npm_base import either, labelled, visits_carried_out
from ombuds.reports.measures.visits import PLACE_TYPES, _regions

MODEL = "monitoring.Place"
COVERAGE = [Category("visited", _("Visited in the period")), Category("not_visited", _("Not visited"))]
REGISTER_DATE = _("the register as it stood when the dataset was taken")
LATEST_COUNT = _("the latest population count on or before the last day of the period")


def _visited_in(period: Period) -> Exists:
    return Exists(
        visits_carried_out().filter(place=OuterRef("pk"), visit_day__gte=period.start, visit_day__lte=period.end)
    )


def _coverage_places(period: Period) -> QuerySet:
    return (
        Place.objects.annotate(visited_now=_visited_in(period))
        .filter(Q(is_active=True) | Q(visited_now=True))
        .annotate(coverage=either(Q(visited_now=True), "visited", "not_visited"))
    )


def _filter_cross(qs: QuerySet, category: str | None, fields: tuple[str, str]) -> QuerySet:
    """The records of one cell of a cross-table ("*": any value on that axis)."""
    if category in (None, "total"):
        return qs
    for field_name, part in zip(fields, category.split("|"), strict=False):
        if part != "*":
            qs = qs.filter(**{field_name: part})
    return qs


def _count_cross(qs: QuerySet, fields: tuple[str, str]) -> dict[str, int]:
    rows = reporting(qs).order_by().values_list(*fields).annotate(n=Count("pk")).values_list(*fields, "n")
    return {f"{row}|{col}": n for row, col, n in rows}


COVERAGE_FIELDS = ("place_type", "coverage")
INVENTORY_FIELDS = ("place_type", "region__code")


def _latest(period: Period) -> Subquery:
    return Subquery(
        PopulationCount.objects.filter(place=OuterRef("pk"), counted_on__lte=period.end)
        .order_by("-counted_on")
        .values("count")[:1]
    )


def _with_capacity() -> QuerySet:
    """Places in operation with a capacity and at least one population count: the rows of N5."""
    return Place.objects.filter(
        Exists(PopulationCount.objects.filter(place=OuterRef("pk"))), is_active=True, capacity__gt=0
    )


def _capacity_places() -> list[Category]:
    return [labelled(place) for place in _with_capacity().order_by("place_type", "name_az")]


def _held(period: Period) -> list[tuple[str, int, int | None]]:
    """(place, capacity, latest count or None) for every row of N5, in one query."""
    qs = _with_capacity().annotate(held=_latest(period)).values_list("public_id", "capacity", "held")
    return [(str(pk), capacity, held) for pk, capacity, held in reporting(qs)]


def _percent(part: int, whole: int) -> int:
    """A whole percentage, halves rounded up (1,400 of 1,050 is 133 %)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


def _occupancy(period: Period) -> dict[str, int]:
    rows = [(pk, capacity, held) for pk, capacity, held in _held(period) if held is not None]
    out = {pk: _percent(held, capacity) for pk, capacity, held in rows}
    # The total of a rate is the rate of the totals: people held in all the places with a count
    # against their capacity (never the sum or the mean of the percentages).
    out["total"] = _percent(sum(r[2] for r in rows), sum(r[1] for r in rows))
    return out


def _places_listed(period: Period, category: str | None) -> QuerySet:
    qs = _with_capacity()
    return qs if category in (None, "total") else qs.filter(public_id=category)


def _population_by_type(period: Period) -> dict[str, int]:
    out: dict[str, int] = {}
    qs = Place.objects.filter(is_active=True).annotate(held=_latest(period)).values_list("place_type", "held")
    for place_type, held in reporting(qs):
        out[place_type] = out.get(place_type, 0) + (held or 0)
    return out


register(
    Measure(
        key="places.coverage",
        title=_("Coverage: places in the register visited and not visited"),
        unit=Unit.PLACE,
        definition=_(
            "Places in the register (in operation, or visited in the period and closed since), by type and "
            "by whether at least one visit was carried out there in the period."
        ),
        dated_by=REGISTER_DATE,
        source=Custom(
            lambda period: _count_cross(_coverage_places(period), COVERAGE_FIELDS),
            lambda period, category: _filter_cross(_coverage_places(period), category, COVERAGE_FIELDS),
        ),
        categories=PLACE_TYPES,
        columns=COVERAGE,
        model=MODEL,
    ),
    Measure(
        key="places.population",
        title=_("People held"),
        unit=Unit.PERSON,
        definition=_(
            "People held in each place with a capacity: its latest population count on or before the end of "
            "the period (0: no count recorded by then)."
        ),
        dated_by=LATEST_COUNT,
        source=Custom(lambda period: {pk: held or 0 for pk, _c, held in _held(period)}, _places_listed),
        categories=_capacity_places,
        model=MODEL,
    ),
    Measure(
        key="places.capacity",
        title=_("Capacity"),
        unit=Unit.PERSON,
        definition=_("The official capacity of each place (the number of people it is built or licensed for)."),
        dated_by=REGISTER_DATE,
        source=Custom(lambda period: {pk: capacity for pk, capacity, _h in _held(period)}, _places_listed),
        categories=_capacity_places,
        model=MODEL,
    ),
    Measure(
        key="places.occupancy",
        title=_("Occupancy rate"),
        unit=Unit.PERCENT,
        definition=_(
            "People held against capacity, in whole per cent (halves rounded up): 1,400 held for 1,050 places is "
            "133 %. A rate, not a count: the rows are never added up; the total is the rate of all the places "
            "with a count together (all the people held against all their places)."
        ),
        dated_by=LATEST_COUNT,
        source=Custom(_occupancy, _places_listed),
        categories=_capacity_places,
        additive=False,
        model=MODEL,
    ),
    Measure(
        key="places.inventory",
        title=_("Places of deprivation of liberty by type and region"),
        unit=Unit.PLACE,
        definition=_("Places in the register in operation, by type and by service region."),
        dated_by=REGISTER_DATE,
        source=Custom(
            lambda period: _count_cross(Place.objects.filter(is_active=True), INVENTORY_FIELDS),
            lambda period, category: _filter_cross(Place.objects.filter(is_active=True), category, INVENTORY_FIELDS),
        ),
        categories=PLACE_TYPES,
        columns=_regions,
        model=MODEL,
    ),
    Measure(
        key="places.population_by_type",
        title=_("Detention population by setting"),
        unit=Unit.PERSON,
        definition=_(
            "People held, by type of place: the sum over the places in operation of each one's latest population "
            "count on or before the end of the period."
        ),
        dated_by=LATEST_COUNT,
        source=Custom(
            _population_by_type,
            lambda period, category: (
                Place.objects.filter(is_active=True)
                if category in (None, "total")
                else Place.objects.filter(is_active=True, place_type=category)
            ),
        ),
        categories=choices_categories(mc.PlaceType.choices),
        model=MODEL,
    ),
)
