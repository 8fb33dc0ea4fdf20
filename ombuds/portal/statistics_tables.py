"""The published statistics as the portal shows and offers them: a selection of tables read from a
published dataset's **public form** (`reports.datasets.public_figures`: counts of 1–4 and the cells
that would give them away are hidden), each with its chart, beside the year before; the whole public
form as CSV/JSON; and the data dictionary that says what every figure counts.

Only the public form is read here, never `Dataset.data` itself: a suppressed count cannot reach a
page or a file by mistake, because it is not in what this module is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ombuds.reports.charts import Bar, bar_chart
from ombuds.reports.choices import Unit
from ombuds.reports.datasets import SECONDARY_MARK, SMALL_MARK, public_figures
from ombuds.reports.measures import REGISTRY
from ombuds.reports.measures.entered import ENTERED_FIGURES
from ombuds.reports.models import Dataset

MISSING = "–"  # the dataset has no such figure (taken before the measure existed)


@dataclass(frozen=True)
class Item:
    measure: str
    chart: bool = True


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    items: tuple[Item, ...]
    note: str | Promise = ""


HEADLINE = ("applications.total", "calls.total", "visits.total", "recommendations.proposals")
SECTIONS = (
    Section(
        "appeals",
        gettext_lazy("Appeals"),
        (
            Item("applications.by_channel"),
            Item("applications.by_respondent"),
            Item("applications.by_right"),
            Item("applications.by_region"),
            Item("applications.by_district", chart=False),  # some seventy districts: the table reads better
            Item("applications.admissibility"),
            Item("applications.outcome"),
        ),
    ),
    Section(
        "calls",
        gettext_lazy("The 916 line"),
        # The quarterly figures are text, never a picture (the institution's site shows them as an image).
        (Item("calls.by_quarter", chart=False), Item("calls.by_topic"), Item("calls.by_result")),
        note=gettext_lazy("The quarterly figures of the 916 line are given as a table."),
    ),
    Section(
        "visits",
        gettext_lazy("Visits to places of deprivation of liberty"),
        (Item("visits.by_place_type_and_type"), Item("visits.by_schedule"), Item("visits.by_region")),
    ),
    Section(
        "recommendations",
        gettext_lazy("Recommendations"),
        (Item("recommendations.by_status"), Item("recommendations.by_addressee")),
    ),
)


@dataclass(frozen=True)
class Figure:
    """One published number, or the mark that stands in its place."""

    value: int | None
    mark: str = ""  # SMALL_MARK, SECONDARY_MARK or MISSING when there is no value

    @property
    def suppressed(self) -> bool:
        return self.mark in (SMALL_MARK, SECONDARY_MARK)

    @property
    def text(self) -> str:
        if self.value is not None:
            return number_format(self.value, force_grouping=True)
        if self.mark == SECONDARY_MARK:
            return _("suppressed")
        return self.mark or MISSING


@dataclass
class StatRow:
    key: str
    label: str
    figure: Figure
    previous: Figure | None = None
    cells: list[Figure] = field(default_factory=list)  # a cross-table's row


@dataclass
class StatTable:
    measure: str
    anchor: str
    title: str
    unit: str
    definition: str
    additive: bool
    rows: list[StatRow]
    total: StatRow
    columns: list[str] = field(default_factory=list)  # a cross-table's column labels
    chart: SafeString | None = None

    @property
    def has_suppressed(self) -> bool:
        figures = [self.total.figure, *(f for row in self.rows for f in (row.figure, *row.cells))]
        return any(f.suppressed for f in figures)


@dataclass
class Headline:
    measure: str
    title: str
    unit: str
    figure: Figure
    previous: Figure | None


def _label(labels: dict, key: str, language: str) -> str:
    entry = (labels or {}).get(key) or {}
    return entry.get(language) or entry.get("az") or key


def _figure(shown: dict | None, key: str) -> Figure:
    if shown is None or key not in shown["values"]:
        return Figure(None, MISSING)
    value = shown["values"][key]
    if value is None:
        return Figure(None, shown["suppressed"].get(key, SECONDARY_MARK))
    return Figure(value)


def total_figure(shown: dict | None) -> Figure:
    if shown is None:
        return Figure(None, MISSING)
    return Figure(None, SECONDARY_MARK) if shown["total"] is None else Figure(shown["total"])


def unit_label(unit: str) -> str:
    return str(Unit(unit).label) if unit in Unit.values else unit


def measure_title(key: str) -> str:
    if key in REGISTRY:
        return str(REGISTRY[key].title)
    return str(ENTERED_FIGURES[key].title) if key in ENTERED_FIGURES else key


def measure_definition(key: str) -> str:
    if key in REGISTRY:
        return str(REGISTRY[key].definition)
    return str(ENTERED_FIGURES[key].definition) if key in ENTERED_FIGURES else ""


def _chart(table: StatTable, year: int, previous_year: int | None) -> SafeString | None:
    bars = [
        Bar(row.label, row.figure.value, row.previous.value if row.previous is not None else None)
        for row in table.rows
        if row.figure.value is not None
    ]
    if not bars:
        return None
    if previous_year is None:
        description = _(
            "Bar chart of the figures for %(year)s. Suppressed figures are not drawn; every figure is in the "
            "table that follows."
        ) % {"year": year}
    else:
        description = _(
            "Bar chart of the figures for %(year)s (solid bars) and %(previous)s (hatched bars). Suppressed "
            "figures are not drawn; every figure is in the table that follows."
        ) % {"year": year, "previous": previous_year}
    return bar_chart(table.title, bars, description=description, chart_id=f"chart-{table.anchor}")


def _table(item: Item, shown: dict, before: dict | None, has_previous: bool, language: str) -> StatTable:
    """One measure's table; `before` is the year before's public form of it (None: not in that
    dataset, or no dataset: `has_previous` tells which, for a dash or no column at all)."""
    anchor = item.measure.replace(".", "-").replace("_", "-")
    title, unit = measure_title(item.measure), unit_label(shown.get("unit", ""))
    if "columns" in shown:
        columns = shown["columns"]
        rows = [
            StatRow(
                row,
                _label(shown["labels"], row, language),
                Figure(None, MISSING),
                cells=[_figure(shown, f"{row}|{col}") for col in columns],
            )
            for row in shown["labels"]
        ]
        labels = [_label(shown.get("column_labels", {}), col, language) for col in columns]
        total = StatRow("total", _("Total"), total_figure(shown), total_figure(before) if has_previous else None)
        return StatTable(item.measure, anchor, title, unit, measure_definition(item.measure), True, rows, total, labels)
    rows = [
        StatRow(
            key,
            _label(shown["labels"], key, language),
            _figure(shown, key),
            _figure(before, key) if has_previous else None,
        )
        for key in shown["values"]
    ]
    total = StatRow("total", _("Total"), total_figure(shown), total_figure(before) if has_previous else None)
    return StatTable(
        item.measure, anchor, title, unit, measure_definition(item.measure), shown["additive"], rows, total
    )


@dataclass
class StatisticsPage:
    year: int
    previous_year: int | None
    headline: list[Headline]
    sections: list[tuple[Section, list[StatTable]]]

    @property
    def has_suppressed(self) -> bool:
        return any(table.has_suppressed for _section, tables in self.sections for table in tables)


def statistics_page(dataset: Dataset, previous: Dataset | None, language: str | None = None) -> StatisticsPage:
    """The page's figures: the headline and the selected tables, from the public forms only."""
    language = language or get_language() or "az"
    public = public_figures(dataset)["measures"]
    before = public_figures(previous)["measures"] if previous is not None else None
    previous_year = previous.year if previous is not None else None
    headline = [
        Headline(
            key,
            measure_title(key),
            unit_label(public[key].get("unit", "")),
            total_figure(public[key]),
            total_figure(before.get(key)) if before is not None else None,
        )
        for key in HEADLINE
        if key in public
    ]
    sections = []
    for section in SECTIONS:
        made = []
        for item in section.items:
            if item.measure not in public:  # a dataset taken before the measure existed
                continue
            previous_shown = before.get(item.measure) if before is not None else None
            table = _table(item, public[item.measure], previous_shown, before is not None, language)
            if item.chart and not table.columns:
                table.chart = _chart(table, dataset.year, previous_year)
            made.append(table)
        if made:
            sections.append((section, made))
    return StatisticsPage(dataset.year, previous_year, headline, sections)


# -- Downloads ------------------------------------------------------------------------------------

DATA_HEADER = ("measure", "title", "unit", "category", "label", "value", "suppressed", "total")
DICTIONARY_HEADER = ("measure", "title", "unit", "unit_label", "definition", "dated_by", "additive", "categories")


def dataset_meta(dataset: Dataset) -> dict[str, Any]:
    return {
        "period_start": dataset.period_start.isoformat(),
        "period_end": dataset.period_end.isoformat(),
        "version": dataset.number,
        "snapshot_at": dataset.snapshot_at.isoformat(),
        "published_at": dataset.published_at.isoformat() if dataset.published_at else None,
        "content_hash": dataset.content_hash,
    }


def public_data(dataset: Dataset) -> dict[str, Any]:
    """The JSON download: the dataset's public form with what identifies the dataset."""
    return {"dataset": dataset_meta(dataset), "form": "public", **public_figures(dataset)}


def data_rows(public: dict[str, Any], language: str) -> Iterator[tuple]:
    """The CSV download: one row per measure × category of the public form."""
    for key, shown in public["measures"].items():
        title = measure_title(key)
        for category, value in shown["values"].items():
            if "columns" in shown and "|" in category:
                row, _sep, col = category.partition("|")
                label = f"{_label(shown['labels'], row, language)} / {_label(shown['column_labels'], col, language)}"
            else:
                label = _label(shown["labels"], category, language)
            mark = shown["suppressed"].get(category, "")
            yield (key, title, shown.get("unit", ""), category, label, value, mark, shown["total"])


def dictionary(public: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """What every figure of the download counts, in the page's language: each measure and each
    entered figure, with its unit, definition and categories."""
    out = []
    for key in sorted(set(public["measures"]) | set(public["entered"])):
        shown = public["measures"].get(key)
        measure = REGISTRY.get(key)
        unit = (shown or {}).get("unit") or (
            measure.unit.value if measure else (ENTERED_FIGURES[key].unit.value if key in ENTERED_FIGURES else "")
        )
        if shown is not None:
            categories = [{"key": k, "label": _label(shown["labels"], k, language)} for k in shown["labels"]]
            columns = [
                {"key": k, "label": _label(shown["column_labels"], k, language)} for k in shown.get("columns", [])
            ]
        else:  # an entered figure with free categories (persons received at field receptions)
            categories = [{"key": k, "label": k} for k in public["entered"][key]["values"]]
            columns = []
        out.append(
            {
                "measure": key,
                "title": measure_title(key),
                "unit": unit,
                "unit_label": unit_label(unit),
                "definition": measure_definition(key),
                "dated_by": str(measure.dated_by) if measure else "",
                "additive": bool((shown or {}).get("additive", True)),
                "categories": categories,
                **({"columns": columns} if columns else {}),
            }
        )
    return out


def dictionary_rows(entries: list[dict[str, Any]]) -> Iterator[tuple]:
    for entry in entries:
        categories = "; ".join(f"{c['key']} = {c['label']}" for c in entry["categories"])
        if entry.get("columns"):
            columns = "; ".join(f"{c['key']} = {c['label']}" for c in entry["columns"])
            categories = f"{categories} | {columns}"
        yield (
            entry["measure"],
            entry["title"],
            entry["unit"],
            entry["unit_label"],
            entry["definition"],
            entry["dated_by"],
            "yes" if entry["additive"] else "no",
            categories,
        )
