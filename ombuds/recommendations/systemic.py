"""Recurring (systemic) issues among the issued recommendations (issue 11).

Two signs that a problem is not one place's but the system's:

- the same theme — an APT thematic area, or a right or issue of the complaints list — recommended
  at several places: at least `OMBUDS_SYSTEMIC_MIN_PLACES` (default 3) distinct places;
- chains of repeats: a recommendation not or only partly implemented, repeated (`repeats`), perhaps
  repeated again, often across years.

The population is that of `rates.population` (issued, optionally of one year of issue and of a
base queryset). Themes take two aggregate queries each and the chains one, whatever the number of
recommendations.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from ombuds.monitoring.choices import ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.rates import NAMES, name_of, population

CHAIN_LIMIT = 100  # chains listed on the page; the count says how many there are in all


def min_places() -> int:
    return settings.OMBUDS_SYSTEMIC_MIN_PLACES


@dataclass
class Theme:
    key: str  # the area's or right's code
    label: str
    places: int
    recommendations: int
    implemented: int
    no_longer_relevant: int
    years: list[int] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)  # GET parameters of the register

    @property
    def rate(self) -> Fraction | None:
        """As in rates.py: implemented / (total − no longer relevant)."""
        denominator = self.recommendations - self.no_longer_relevant
        return Fraction(self.implemented, denominator) if denominator else None

    @property
    def rate_shown(self) -> str:
        return "—" if self.rate is None else f"{float(self.rate * 100):.0f} %"


def _themes(year, base, field_name: str, *label_fields: str) -> list[dict]:
    """Per theme: distinct places, recommendations and their outcome, for themes reaching the
    threshold; then the years of issue of those themes (a second query)."""
    pop = population(year, base)
    through = Recommendation.places.through
    rec = "recommendation__"
    rows = list(
        through.objects.using(pop.db)
        .filter(recommendation__in=pop.values("pk"))
        .exclude(**{f"{rec}{field_name}__isnull": True})
        .exclude(**{f"{rec}{field_name}": ""})
        .order_by()
        .values(f"{rec}{field_name}", *(f"{rec}{f}" for f in label_fields))
        .annotate(
            places=Count("place_id", distinct=True),
            recs=Count("recommendation_id", distinct=True),
            implemented=Count(
                "recommendation_id", distinct=True, filter=Q(recommendation__status=c.Status.IMPLEMENTED)
            ),
            dropped=Count(
                "recommendation_id", distinct=True, filter=Q(recommendation__status=c.Status.NO_LONGER_RELEVANT)
            ),
        )
        .filter(places__gte=min_places())
    )
    keys = [row[f"{rec}{field_name}"] for row in rows]
    years = defaultdict(set)
    for key, issued_year in (
        pop.filter(**{f"{field_name}__in": keys})
        .annotate(issued_year=ExtractYear("issued_on"))
        .values_list(field_name, "issued_year")
        .distinct()
    ):
        years[key].add(issued_year)
    for row in rows:
        row["key"] = row[f"{rec}{field_name}"]
        row["years"] = sorted(years[row["key"]])
    return rows


def _theme(row: dict, label: str, param: str) -> Theme:
    return Theme(
        key=str(row["key"]),
        label=label,
        places=row["places"],
        recommendations=row["recs"],
        implemented=row["implemented"],
        no_longer_relevant=row["dropped"],
        years=row["years"],
        filters={param: str(row["key"])},
    )


def _ordered(themes: list[Theme]) -> list[Theme]:
    return sorted(themes, key=lambda t: (-t.places, -t.recommendations, t.label))


def by_area(year: int | None = None, base=None) -> list[Theme]:
    """APT thematic areas recommended at `min_places()` places or more, the widest first."""
    labels = dict(ThematicArea.choices)
    return _ordered(
        [_theme(row, str(labels.get(row["key"], row["key"])), "area") for row in _themes(year, base, "area")]
    )


def by_right(year: int | None = None, base=None) -> list[Theme]:
    """Rights or issues recommended at `min_places()` places or more, the widest first."""
    rows = _themes(year, base, "right__code", *(f"right__{n}" for n in NAMES))
    return _ordered([_theme(row, name_of(row, "recommendation__right__"), "right") for row in rows])


@dataclass
class Link:
    """One recommendation of a chain."""

    pk: int
    number: str
    public_id: str
    issued_on: date
    status: str
    repeats_id: int | None

    @property
    def status_label(self) -> str:
        return str(c.Status(self.status).label)


@dataclass
class Chain:
    links: list[Link]  # the first recommendation, then its repeats in order of issue
    addressee: str
    area: str

    @property
    def years(self) -> list[int]:
        return sorted({link.issued_on.year for link in self.links})

    @property
    def across_years(self) -> bool:
        return len(self.years) > 1

    @property
    def repeats(self) -> int:
        return len(self.links) - 1

    @property
    def latest(self) -> Link:
        return self.links[-1]


def chains(year: int | None = None, base=None) -> tuple[list[Chain], int]:
    """Chains of repeats (two issued recommendations or more) with a recommendation issued in
    `year` — the whole chain, whatever its other years — the longest and most recent first: at
    most CHAIN_LIMIT of them, and how many there are in all. One query."""
    pop = population(None, base)
    involved = pop.filter(Q(repeats__isnull=False) | Q(pk__in=pop.filter(repeats__isnull=False).values("repeats_id")))
    rows = list(
        involved.values(
            "pk",
            "number",
            "public_id",
            "issued_on",
            "status",
            "repeats_id",
            "area",
            *(f"addressee__{n}" for n in NAMES),
        )
    )
    by_pk = {row["pk"]: row for row in rows}
    children: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        if row["repeats_id"] in by_pk:
            children[row["repeats_id"]].append(row)
    areas = dict(ThematicArea.choices)
    found = []
    for root in (row for row in rows if row["repeats_id"] not in by_pk):
        members, queue = [], [root]
        while queue:
            row = queue.pop()
            members.append(row)
            queue.extend(children[row["pk"]])
        if len(members) < 2 or (year and all(r["issued_on"].year != year for r in members)):
            continue
        members.sort(key=lambda r: (r["issued_on"], r["number"]))
        links = [
            Link(r["pk"], r["number"], str(r["public_id"]), r["issued_on"], r["status"], r["repeats_id"])
            for r in members
        ]
        area = members[-1]["area"]
        found.append(Chain(links, name_of(root, "addressee__"), str(areas.get(area, "")) if area else ""))
    found.sort(key=lambda ch: (-len(ch.links), -ch.latest.issued_on.toordinal(), ch.links[0].number))
    return found[:CHAIN_LIMIT], len(found)
