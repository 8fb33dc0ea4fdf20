"""The tables of the annual report (A1–A14, `annual.py`) and of the NPM report (N1–N11, `npm.py`),
read from a frozen dataset (and the dataset of the year before, for the N−1 column and the
change). A table is made of blocks, one per measure, each with its rows and its total; rows are
every category of the measure, zeros included (reports-and-portal.md 2.6)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ombuds.reports.choices import ReportKind, Unit
from ombuds.reports.measures import REGISTRY
from ombuds.reports.measures.entered import ENTERED_FIGURES


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str | Promise


@dataclass(frozen=True)
class TableSpec:
    code: str  # "A1", "N7"
    kind: str  # ReportKind
    chapter: str  # Chapter.key
    title: str | Promise
    measures: tuple[str, ...]  # one block per measure, in this order
    note: str | Promise = ""
    chart: str = "bar"  # "bar" (one bar per row), "none"
    # "blocks": a block of rows per measure; "headline": one row per measure (its total, with its
    # unit: the units differ, so the rows are never summed).
    layout: str = "blocks"


@dataclass
class Row:
    key: str
    label: str
    value: int | None
    previous: int | None
    cells: list[int] = field(default_factory=list)  # a cross-table's row: one value per column

    @property
    def change(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_percent(self) -> float | None:
        if self.change is None or not self.previous:
            return None
        return round(100 * self.change / self.previous, 1)


@dataclass
class Block:
    measure: str
    title: str
    unit: str
    unit_label: str
    definition: str
    dated_by: str
    additive: bool
    rows: list[Row]
    total: Row
    missing: bool = False  # the dataset was taken before this measure existed
    not_entered: bool = False  # an entered figure nobody entered for the year: "–", not 0
    columns: list[tuple[str, str]] = field(default_factory=list)  # a cross-table's (key, label)s
    column_totals: list[int] = field(default_factory=list)

    @property
    def is_cross(self) -> bool:
        return bool(self.columns)


@dataclass
class TableView:
    spec: TableSpec
    blocks: list[Block]
    dataset_hash: str
    snapshot_at: Any
    previous_hash: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.spec.code


def _label(labels: dict, key: str, language: str) -> str:
    entry = labels.get(key) or {}
    return entry.get(language) or entry.get("az") or key


def block(measure_key: str, data: dict, previous: dict | None, language: str | None = None) -> Block:
    """One measure's rows from the frozen figures of a dataset (and of the year before)."""
    language = language or get_language() or "az"
    measure = REGISTRY.get(measure_key)
    frozen = (data.get("measures") or {}).get(measure_key)
    before = ((previous or {}).get("measures") or {}).get(measure_key) if previous is not None else None
    title = str(measure.title) if measure else measure_key
    unit = (frozen or {}).get("unit") or (measure.unit.value if measure else "")
    if frozen is None:
        return Block(
            measure_key,
            title,
            unit,
            str(Unit(unit).label) if unit else "",
            "",
            "",
            True,
            [],
            Row("total", str(_("Total")), None, None),
            missing=True,
        )
    if "columns" in frozen:
        return _cross_block(measure, measure_key, title, unit, frozen, before, language)
    rows = []
    for key, value in frozen["values"].items():
        prev = before["values"].get(key) if before else None
        rows.append(Row(key, _label(frozen["labels"], key, language), value, prev))
    if before:  # a category that existed last year only still shows, with 0 this year
        for key, prev in before["values"].items():
            if key not in frozen["values"]:
                rows.append(Row(key, _label(before["labels"], key, language), 0, prev))
    not_entered = previous_missing = False
    if measure_key in ENTERED_FIGURES:
        # The system counts zero for a figure nobody typed in; the dataset's `entered` part tells
        # a real 0 from "not entered", and the table must too.
        not_entered = measure_key not in (data.get("entered") or {})
        previous_missing = before is not None and measure_key not in ((previous or {}).get("entered") or {})
        for row in rows:
            if not_entered:
                row.value = None
            if previous_missing:
                row.previous = None
    total = Row(
        "total",
        str(_("Total")),
        None if not_entered else frozen["total"],
        None if previous_missing or not before else before["total"],
    )
    return Block(
        measure_key,
        title,
        unit,
        str(Unit(unit).label),
        str(measure.definition) if measure else "",
        str(measure.dated_by) if measure else "",
        frozen["additive"],
        rows,
        total,
        not_entered=not_entered,
    )


def _row_totals(frozen: dict | None) -> dict[str, int]:
    totals: dict[str, int] = {}
    for key, value in ((frozen or {}).get("values") or {}).items():
        row = key.partition("|")[0]
        totals[row] = totals.get(row, 0) + value
    return totals


def _cross_block(measure, measure_key, title, unit, frozen, before, language) -> Block:
    """A cross-table: a row per row category with a cell per column; the row total beside the
    row total of the year before (cross-tables compare totals only, to stay readable)."""
    columns = [(key, _label(frozen["column_labels"], key, language)) for key in frozen["columns"]]
    previous_totals = _row_totals(before) if before else {}
    rows = []
    for row_key in frozen["labels"]:
        cells = [frozen["values"].get(f"{row_key}|{col}", 0) for col, _label_text in columns]
        rows.append(
            Row(
                row_key,
                _label(frozen["labels"], row_key, language),
                sum(cells),
                previous_totals.get(row_key, 0) if before else None,
                cells,
            )
        )
    column_totals = [sum(row.cells[i] for row in rows) for i in range(len(columns))]
    total = Row("total", str(_("Total")), frozen["total"], before["total"] if before else None, column_totals)
    return Block(
        measure_key,
        title,
        unit,
        str(Unit(unit).label),
        str(measure.definition) if measure else "",
        str(measure.dated_by) if measure else "",
        frozen["additive"],
        rows,
        total,
        columns=columns,
        column_totals=column_totals,
    )


def render(spec: TableSpec, dataset, previous=None, language: str | None = None) -> TableView:
    data = dataset.data
    prev = previous.data if previous is not None else None
    return TableView(
        spec,
        [block(key, data, prev, language) for key in spec.measures],
        dataset.content_hash,
        dataset.snapshot_at,
        previous.content_hash if previous is not None else "",
    )


def specs(kind: str) -> list[TableSpec]:
    from ombuds.reports.tables.annual import TABLES as ANNUAL
    from ombuds.reports.tables.npm import TABLES as NPM

    return list(ANNUAL if kind == ReportKind.ANNUAL else NPM)


def chapters(kind: str) -> list[Chapter]:
    from ombuds.reports.tables.annual import CHAPTERS as ANNUAL
    from ombuds.reports.tables.npm import CHAPTERS as NPM

    return list(ANNUAL if kind == ReportKind.ANNUAL else NPM)


def spec(code: str) -> TableSpec:
    for kind in ReportKind.values:
        for table in specs(kind):
            if table.code == code:
                return table
    raise KeyError(code)
