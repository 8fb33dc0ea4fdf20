"""The framework of the named measures: what a figure counts, in which unit, which date places a
record in the period, and how to list the records behind each cell (the drill-down).

A `Measure` counts the records of one model in a `Period`, split into categories. Categories are
fixed and always all present (a zero is shown, never dropped); a record with no value for the
split falls in "not recorded", so an additive measure's categories always sum to its total. A
non-additive measure (one application concerns several rights) says so and is never summed.

Two kinds of source cover almost every figure:
- `Grouped`: rows of a queryset dated in the period, grouped by one field (or not grouped: a
  total), counted with one aggregate query;
- `Custom`: any function `period -> {category: n}` with its own drill-down, for the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from ombuds.core.periods import Period
from ombuds.core.routers import reporting
from ombuds.reports.choices import Unit

NOT_RECORDED = "not_recorded"
NOT_RECORDED_LABEL = _("Not recorded")
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Category:
    key: str
    label: str | Promise


def choices_categories(choices: Iterable[tuple[Any, Any]], *, not_recorded: bool = False) -> list[Category]:
    """Categories from a TextChoices' `.choices` (all of them, in their order)."""
    cats = [Category(str(value), label) for value, label in choices]
    if not_recorded:
        cats.append(Category(NOT_RECORDED, NOT_RECORDED_LABEL))
    return cats


class Source:
    """Counts a measure's records for a period, and lists those behind one category."""

    def count(self, period: Period) -> dict[str, int]:
        raise NotImplementedError

    def records(self, period: Period, category: str | None) -> QuerySet | None:
        """The records counted in `category` (None: all of them), for the drill-down; None when the
        measure is not made of records one can open (entered figures, shares)."""
        return None


@dataclass
class Grouped(Source):
    """Rows of `queryset()` whose `date_field` falls in the period, grouped by `by` (None: a
    total under the category "total"; a pair of fields: a cross-table, keys "row|column").
    Empty values ('' or NULL) go to "not recorded"."""

    queryset: Callable[[], QuerySet]
    date_field: str
    by: str | tuple[str, str] | None = None
    is_date: bool = False
    distinct: str | None = None  # count distinct values of this field instead of rows (e.g. "place")

    def _base(self, period: Period) -> QuerySet:
        return self.queryset().filter(**period.lookup(self.date_field, is_date=self.is_date))

    def count(self, period: Period) -> dict[str, int]:
        qs = reporting(self._base(period)).order_by()
        counted = Count(self.distinct, distinct=True) if self.distinct else Count("pk")
        if self.by is None:
            return {"total": qs.aggregate(n=counted)["n"]}
        fields = (self.by,) if isinstance(self.by, str) else tuple(self.by)
        out: dict[str, int] = {}
        for *values, n in qs.values_list(*fields).annotate(n=counted).values_list(*fields, "n"):
            key = "|".join(NOT_RECORDED if value in (None, "") else str(value) for value in values)
            out[key] = out.get(key, 0) + n
        return out

    def records(self, period: Period, category: str | None) -> QuerySet:
        qs = self._base(period)
        if self.by is None or category in (None, "total"):
            return qs
        fields = (self.by,) if isinstance(self.by, str) else tuple(self.by)
        for field_name, part in zip(fields, category.split("|"), strict=False):
            if part == NOT_RECORDED:
                qs = qs.filter(**{f"{field_name}__isnull": True}) | qs.filter(**{field_name: ""})
            elif part != "*":  # "*": any value (a row or column total of a cross-table)
                qs = qs.filter(**{field_name: part})
        return qs


@dataclass
class Custom(Source):
    counter: Callable[[Period], dict[str, int]]
    lister: Callable[[Period, str | None], QuerySet] | None = None

    def count(self, period: Period) -> dict[str, int]:
        return self.counter(period)

    def records(self, period: Period, category: str | None) -> QuerySet | None:
        return self.lister(period, category) if self.lister else None


@dataclass
class Measure:
    """One named, documented figure. `categories` is a list or a function returning one (for
    categories read from a reference table: its rows). `definition` says what is counted and
    `dated_by` which date places a record in the period: both are printed beside every table."""

    key: str
    title: str | Promise
    unit: Unit
    definition: str | Promise
    dated_by: str | Promise
    source: Source
    categories: list[Category] | Callable[[], list[Category]] = field(default_factory=list)
    # A cross-table (source grouped by two fields): the columns; `categories` are then its rows.
    columns: list[Category] | Callable[[], list[Category]] | None = None
    additive: bool = True  # categories partition the total; False: a record may be in several
    model: str = ""  # "app_label.Model" of the records behind it, for the drill-down page

    def category_list(self) -> list[Category]:
        cats = self.categories() if callable(self.categories) else list(self.categories)
        return cats or [Category("total", _("Total"))]

    def column_list(self) -> list[Category]:
        if self.columns is None:
            return []
        return self.columns() if callable(self.columns) else list(self.columns)

    def compute(self, period: Period) -> dict[str, Any]:
        """The frozen form of this measure for `period`: every category's count (zeros included),
        the total, and each category's label in every language (so a snapshot reads the same after
        a reference table is renamed)."""
        counted = dict(self.source.count(period))
        if self.columns is not None:
            return self._compute_cross(counted)
        cats = self.category_list()
        keys = [cat.key for cat in cats]
        # A non-additive measure gives its own total (distinct records) under "total".
        declared_total = counted.pop("total", None) if keys != ["total"] else None
        if self.additive and counted.get(NOT_RECORDED) and NOT_RECORDED not in keys:
            cats.append(Category(NOT_RECORDED, NOT_RECORDED_LABEL))
            keys.append(NOT_RECORDED)
        unknown = set(counted) - set(keys)
        if unknown:  # a value outside the declared categories: a code list changed without the measure
            raise ValueError(f"{self.key}: counted categories {sorted(unknown)} are not declared")
        values = {key: int(counted.get(key, 0)) for key in keys}
        labels = _labels(cats)
        if self.additive or declared_total is None:
            total = sum(values.values())
        else:
            total = int(declared_total)
        return {
            "unit": str(self.unit.value),
            "additive": self.additive,
            "values": values,
            "total": total,
            "labels": labels,
        }

    def _compute_cross(self, counted: dict[str, int]) -> dict[str, Any]:
        """A cross-table: values keyed "row|column", every pair present; a value recorded on
        neither axis goes to a "not recorded" row or column, so the cells always sum to the total."""
        rows, cols = self.category_list(), self.column_list()
        row_keys, col_keys = {r.key for r in rows}, {col.key for col in cols}
        for key in counted:
            row, _sep, col = key.partition("|")
            if row == NOT_RECORDED and row not in row_keys:
                rows.append(Category(NOT_RECORDED, NOT_RECORDED_LABEL))
                row_keys.add(row)
            if col == NOT_RECORDED and col not in col_keys:
                cols.append(Category(NOT_RECORDED, NOT_RECORDED_LABEL))
                col_keys.add(col)
            if row not in row_keys or col not in col_keys:
                raise ValueError(f"{self.key}: counted category {key} is not declared")
        values = {f"{r.key}|{col.key}": int(counted.get(f"{r.key}|{col.key}", 0)) for r in rows for col in cols}
        return {
            "unit": str(self.unit.value),
            "additive": self.additive,
            "values": values,
            "total": sum(values.values()),
            "labels": _labels(rows),
            "columns": [col.key for col in cols],
            "column_labels": _labels(cols),
        }


def _labels(cats: list[Category]) -> dict[str, dict[str, str]]:
    """Each category's label in every language, frozen with the figures."""
    labels: dict[str, dict[str, str]] = {}
    for cat in cats:
        labels[cat.key] = {}
        for lang in LANGUAGES:
            with override(lang):
                labels[cat.key][lang] = str(cat.label)
    return labels


REGISTRY: dict[str, Measure] = {}


def register(*measures: Measure) -> None:
    for measure in measures:
        if measure.key in REGISTRY:
            raise ValueError(f"measure {measure.key} registered twice")
        REGISTRY[measure.key] = measure
