"""Reading a frozen dataset: its figures as flat rows (the CSV/XLSX download), the cells that
differ between two versions of a period, and its public form (small cells suppressed).

Everything here reads `Dataset.data` only, never live records: what a page or a file shows is
what was frozen, whatever happened since.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language

from ombuds.reports.measures import REGISTRY
from ombuds.reports.models import Dataset

EXPORT_HEADER = ("measure", "title", "unit", "category", "label", "value", "total", "source")


def _label(labels: dict, key: str, language: str) -> str:
    entry = (labels or {}).get(key) or {}
    return entry.get(language) or entry.get("az") or key


def category_label(frozen: dict, key: str, language: str) -> str:
    """A category's frozen label; a cross-table's "row|column" reads "row / column"."""
    if "columns" in frozen and "|" in key:
        row, _sep, col = key.partition("|")
        return f"{_label(frozen['labels'], row, language)} / {_label(frozen.get('column_labels', {}), col, language)}"
    return _label(frozen.get("labels", {}), key, language)


def _entered_meta(key: str, attribute: str) -> str:
    """A field of the catalogue of entered figures (measures/entered.py), when it lists `key`."""
    try:
        from ombuds.reports.measures.entered import ENTERED_FIGURES  # type: ignore[import-not-found]
    except ImportError:  # the catalogue is optional: a frozen key shows as itself
        return ""
    entry = ENTERED_FIGURES.get(key)
    if entry is None:
        return ""
    value = entry.get(attribute, "") if isinstance(entry, dict) else getattr(entry, attribute, "")
    return str(getattr(value, "value", value) or "")


def measure_title(key: str) -> str:
    measure = REGISTRY.get(key)
    if measure is not None:
        return str(measure.title)
    return _entered_meta(key, "title") or key


def entered_unit(key: str) -> str:
    return _entered_meta(key, "unit")


def export_rows(dataset: Dataset, language: str | None = None) -> Iterator[tuple]:
    """One row per measure × category (measure key, title, unit, category key, label, value,
    the measure's total), then the entered figures with their source."""
    language = language or get_language() or "az"
    for key, frozen in sorted((dataset.data.get("measures") or {}).items()):
        title = measure_title(key)
        for category, value in frozen["values"].items():
            yield (
                key,
                title,
                frozen.get("unit", ""),
                category,
                category_label(frozen, category, language),
                value,
                frozen["total"],
                "",
            )
    for key, by_category in sorted((dataset.data.get("entered") or {}).items()):
        title = measure_title(key)
        for category, entry in sorted(by_category.items()):
            yield (key, title, entered_unit(key), category, category, entry["value"], "", entry["source"])


def entered_rows(dataset: Dataset) -> list[dict[str, Any]]:
    """The figures entered by staff that were frozen with the dataset, for its page."""
    out = []
    for key, by_category in sorted((dataset.data.get("entered") or {}).items()):
        for category, entry in sorted(by_category.items()):
            out.append(
                {
                    "measure": key,
                    "title": measure_title(key),
                    "unit": entered_unit(key),
                    "category": "" if category == "total" else category,
                    "value": entry["value"],
                    "source": entry["source"],
                }
            )
    return out


@dataclass
class ChangedCell:
    measure: str
    title: str
    category: str
    label: str
    old: int | None
    new: int | None

    @property
    def change(self) -> int | None:
        if self.old is None or self.new is None:
            return None
        return self.new - self.old


@dataclass
class Diff:
    old: Dataset
    new: Dataset
    cells: list[ChangedCell] = field(default_factory=list)
    added: list[tuple[str, str]] = field(default_factory=list)  # (key, title) only in the newer
    removed: list[tuple[str, str]] = field(default_factory=list)  # only in the older

    @property
    def same(self) -> bool:
        return not (self.cells or self.added or self.removed)


def _cells(data: dict) -> dict[str, dict[str, int]]:
    """Every comparable number of a dataset: each measure's values and total, each entered figure."""
    out: dict[str, dict[str, int]] = {}
    for key, frozen in (data.get("measures") or {}).items():
        out[key] = {**frozen["values"], "total": frozen["total"]}
    for key, by_category in (data.get("entered") or {}).items():
        out[f"entered:{key}"] = {category: entry["value"] for category, entry in by_category.items()}
    return out


def diff(one: Dataset, other: Dataset, language: str | None = None) -> Diff:
    """The cells that differ between two versions of the same period (the older one first)."""
    language = language or get_language() or "az"
    old, new = sorted((one, other), key=lambda d: (d.number, d.snapshot_at))
    before, after = _cells(old.data), _cells(new.data)
    result = Diff(old, new)
    frozen_of = {**(old.data.get("measures") or {}), **(new.data.get("measures") or {})}
    for key in sorted(set(before) | set(after)):
        plain = key.removeprefix("entered:")
        title = measure_title(plain)
        if key not in before:
            result.added.append((key, title))
            continue
        if key not in after:
            result.removed.append((key, title))
            continue
        for category in list(before[key]) + [c for c in after[key] if c not in before[key]]:
            was, now = before[key].get(category), after[key].get(category)
            if was == now:
                continue
            frozen = frozen_of.get(key)
            label = category_label(frozen, category, language) if frozen and category != "total" else category
            result.cells.append(ChangedCell(key, title, category, label, was, now))
    return result


# -- The public form ------------------------------------------------------------------------------

SMALL_MARK, SECONDARY_MARK = "<5", "*"


def _public_measure(frozen: dict) -> dict[str, Any]:
    """One measure with its small cells hidden (statistics.suppress). A total of 1–4 is hidden
    too: it is a count of people like any cell."""
    from ombuds.reports.statistics import SMALL, suppress

    values: dict[str, int] = frozen["values"]
    total: int = frozen["total"]
    hidden, total_hidden = suppress(values, total, additive=bool(frozen.get("additive", True)))
    total_hidden = total_hidden or 0 < total < SMALL
    out: dict[str, Any] = {
        "unit": frozen.get("unit", ""),
        "additive": bool(frozen.get("additive", True)),
        "values": {key: (None if key in hidden else value) for key, value in values.items()},
        "suppressed": {key: (SMALL_MARK if values[key] < SMALL else SECONDARY_MARK) for key in values if key in hidden},
        "total": None if total_hidden else total,
        "labels": frozen.get("labels", {}),
    }
    if "columns" in frozen:
        out["columns"] = frozen["columns"]
        out["column_labels"] = frozen.get("column_labels", {})
    return out


def _public_entered(by_category: dict[str, dict]) -> dict[str, Any]:
    """An entered figure: its categories hidden like a measure's, against its "total" when both a
    total and categories were entered (they may then add up to it)."""
    from ombuds.reports.statistics import SMALL, suppress

    values = {key: entry["value"] for key, entry in by_category.items() if key != "total"}
    total = by_category.get("total", {}).get("value")
    if total is None:
        hidden, total_hidden = suppress(values, sum(values.values()), additive=False)
    else:
        hidden, total_hidden = suppress(values, total, additive=sum(values.values()) == total)
        total_hidden = total_hidden or 0 < total < SMALL
    shown = {key: (None if key in hidden else value) for key, value in values.items()}
    if total is not None:
        shown["total"] = None if total_hidden else total
    return {"values": shown, "sources": {key: entry["source"] for key, entry in by_category.items()}}


def public_figures(dataset: Dataset) -> dict[str, Any]:
    """The dataset as the public may read it: every measure with its cells of 1–4 hidden ("<5")
    and, for measures whose cells add up to the total, the further cells ("*") that would give a
    hidden one away by subtraction. When a measure's total has to be hidden, the totals of the
    other measures counting the same records (same model, same total) are hidden with it: they
    would give it back (statistics.py does the same for its channel, region and month tables)."""
    measures = dataset.data.get("measures") or {}
    public = {key: _public_measure(frozen) for key, frozen in sorted(measures.items())}
    gone = {
        (_model_of(key), measures[key]["total"])
        for key, shown in public.items()
        if shown["total"] is None and measures[key]["total"]
    }
    for key, shown in public.items():
        if (_model_of(key), measures[key]["total"]) in gone:
            shown["total"] = None
            if list(shown["values"]) == ["total"]:  # a measure that is only its total
                shown["values"]["total"] = None
                shown["suppressed"].setdefault("total", SECONDARY_MARK)
    entered = {key: _public_entered(by) for key, by in sorted((dataset.data.get("entered") or {}).items())}
    return {"measures": public, "entered": entered}


def _model_of(key: str) -> str:
    measure = REGISTRY.get(key)
    return measure.model if measure is not None and measure.model else key
