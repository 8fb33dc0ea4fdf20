"""Anonymised statistics of applications: counts by channel, region, right, outcome and month.

Every count comes from one aggregate query per table (no rows, no names leave the database). Small
numbers identify people, so a count of 1–4 is shown as "<5" (primary suppression). A table whose
cells add up to its total would give a hidden cell back by subtraction, so further cells are hidden
(smallest first, shown as "*") until no hidden cell can be worked out from the total and the shown
cells; if even that is not enough the total is hidden too. The channel, region and month tables
count the same applications, so their totals are hidden together or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, RightTopic
from ombuds.core.collation import collated
from ombuds.core.models import Region
from ombuds.core.routers import reporting

SMALL = 5  # counts below this are never shown
UNBOUNDED = 10**12
K = TypeVar("K")


@dataclass
class Cell:
    label: str
    count: int
    hidden: bool = False

    @property
    def shown(self) -> str:
        if not self.hidden:
            return str(self.count)
        return "<5" if self.count < SMALL else "*"


@dataclass
class Table:
    key: str
    title: str
    cells: list[Cell]
    additive: bool = True  # cells add up to the total (false for rights: one application, several rights)
    total_hidden: bool = False
    total: int = field(init=False)

    def __post_init__(self) -> None:
        self.total = sum(cell.count for cell in self.cells)

    @property
    def total_shown(self) -> str:
        return "*" if self.total_hidden else str(self.total)


def _ranges(values: Mapping[K, int], hidden: set[K], total: int) -> dict[K, tuple[int, int]]:
    """What a reader can tell about each hidden cell from the total and the shown cells (a "<5"
    is known to be 1–4, a "*" at least 5)."""
    rest = total - sum(v for key, v in values.items() if key not in hidden)
    bounds = {key: ((1, SMALL - 1) if values[key] < SMALL else (SMALL, UNBOUNDED)) for key in hidden}
    ranges = {}
    for key, (lo, hi) in bounds.items():
        others_lo = sum(b[0] for other, b in bounds.items() if other != key)
        others_hi = sum(b[1] for other, b in bounds.items() if other != key)
        ranges[key] = (max(lo, rest - others_hi), min(hi, rest - others_lo))
    return ranges


def suppress(values: Mapping[K, int], total: int, *, additive: bool = True) -> tuple[set[K], bool]:
    """The cells to hide and whether the total must be hidden too: every count of 1–4, then (when
    the cells add up to the total) the smallest shown cells until no hidden one can be worked out
    by subtraction; if even hiding every non-zero cell is not enough, the total. Works on any
    mapping of cells, so the statistics page and the public datasets share one rule."""
    hidden = {key for key, v in values.items() if 0 < v < SMALL}
    total_hidden = False
    if additive and hidden:
        while any(lo == hi for lo, hi in _ranges(values, hidden, total).values()):
            candidates = sorted(
                ((v, index, key) for index, (key, v) in enumerate(values.items()) if v > 0 and key not in hidden),
                key=lambda item: item[:2],
            )
            if not candidates:
                total_hidden = True
                break
            hidden.add(candidates[0][2])
    return hidden, total_hidden


def protect(table: Table) -> Table:
    """Hide small cells, then whatever would give them away through the total."""
    hidden, table.total_hidden = suppress(
        {i: cell.count for i, cell in enumerate(table.cells)}, table.total, additive=table.additive
    )
    for i in hidden:
        table.cells[i].hidden = True
    return table


def _by_choice(counts, choices) -> list[Cell]:
    return [Cell(str(label), counts.get(value, 0)) for value, label in choices]


def application_statistics(year: int) -> list[Table]:
    """The five tables for applications received in `year` (local time)."""
    # Counts may lag the primary by the replica's few milliseconds: read from it when there is one.
    received = reporting(Application.objects.filter(received_at__year=year))

    def count_by(expression, qs=received):
        # order_by() first: the model's default ordering would otherwise join the GROUP BY.
        return dict(qs.order_by().values(expression).annotate(n=Count("pk")).values_list(expression, "n"))

    by_region = count_by("region")
    by_month = count_by("month", received.annotate(month=ExtractMonth("received_at")))
    rights = reporting(RightTopic.objects).annotate(
        n=Count("applications", filter=Q(applications__received_at__year=year))
    )
    regions = reporting(Region.objects.all())
    tables = [
        Table("channel", _("By channel"), _by_choice(count_by("channel"), c.Channel.choices)),
        Table("region", _("By service region"), [Cell(r.name, by_region.get(r.pk, 0)) for r in regions]),
        Table(
            "right",
            _("By right or issue (an application may concern several)"),
            [Cell(r.name, r.n) for r in collated(rights)],
            additive=False,
        ),
        Table(
            "outcome",
            _("By outcome of the concluded applications"),
            _by_choice(count_by("outcome", received.exclude(outcome="")), c.Outcome.choices),
        ),
        Table(
            "month",
            _("By month of receipt"),
            [Cell(formats.date_format(date(year, m, 1), "F"), by_month.get(m, 0)) for m in range(1, 13)],
        ),
    ]
    for table in tables:
        protect(table)
    # Channel, region and month count the same applications: one hidden total hides all three.
    same = [t for t in tables if t.key in ("channel", "region", "month")]
    if any(t.total_hidden for t in same):
        for t in same:
            t.total_hidden = True
    return tables
