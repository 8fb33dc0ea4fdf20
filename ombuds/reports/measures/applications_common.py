"""Sources and category lists shared by the measures of appeals (tables A1–A9).

- `Keyed`: each record gets one category from an expression that may depend on the period (the
  state of an appeal at the end of the period, an age band, a yes/no flag with readable keys);
- `ManyGrouped`: a many-to-many split (one appeal concerns several rights): counts per related
  row plus the distinct total of records, so the measure is non-additive and says how many records
  it covers;
- `reference_categories`: categories from the rows of a reference table, labelled with the row's
  own az/en/ru names (frozen with the figures, so renaming a row later does not change a dataset).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db.models import Count, Model, QuerySet
from django.utils.functional import lazy

from ombuds.core.i18n import pick
from ombuds.core.routers import reporting
from ombuds.reports.measures.base import NOT_RECORDED, NOT_RECORDED_LABEL, Category, Period, Source

KEY = "category_key"  # the annotation holding a record's category


@dataclass
class Keyed(Source):
    """Rows of `queryset(period)` whose `date_field` falls in the period, each in the category the
    expression `key(period)` gives it (NULL: "not recorded"); one aggregate query."""

    queryset: Callable[[Period], QuerySet]
    date_field: str
    key: Callable[[Period], Any]
    is_date: bool = False

    def _base(self, period: Period) -> QuerySet:
        qs = self.queryset(period).filter(**period.lookup(self.date_field, is_date=self.is_date))
        return qs.annotate(**{KEY: self.key(period)})

    def count(self, period: Period) -> dict[str, int]:
        qs = reporting(self._base(period)).order_by()
        out: dict[str, int] = {}
        for value, n in qs.values_list(KEY).annotate(n=Count("pk")).values_list(KEY, "n"):
            key = NOT_RECORDED if value in (None, "") else str(value)
            out[key] = out.get(key, 0) + n
        return out

    def records(self, period: Period, category: str | None) -> QuerySet:
        qs = self._base(period)
        if category in (None, "total"):
            return qs
        if category == NOT_RECORDED:
            return qs.filter(**{f"{KEY}__isnull": True})
        return qs.filter(**{KEY: category})


@dataclass
class ManyGrouped(Source):
    """Rows dated in the period, split by a field across a many-to-many relation (`by`, e.g.
    "rights__code"): a record is counted once in each of its related rows, in "not recorded" when
    it has none, and the distinct number of records is returned under "total" (non-additive)."""

    queryset: Callable[[], QuerySet]
    date_field: str
    by: str

    def _base(self, period: Period) -> QuerySet:
        return self.queryset().filter(**period.lookup(self.date_field))

    def count(self, period: Period) -> dict[str, int]:
        qs = reporting(self._base(period)).order_by()
        out: dict[str, int] = {}
        for value, n in qs.values_list(self.by).annotate(n=Count("pk", distinct=True)).values_list(self.by, "n"):
            key = NOT_RECORDED if value in (None, "") else str(value)
            out[key] = out.get(key, 0) + n
        out["total"] = qs.aggregate(n=Count("pk", distinct=True))["n"]
        return out

    def records(self, period: Period, category: str | None) -> QuerySet:
        # One filter() call: the date and the split must hold for the same related row (the date
        # may be on the related rows themselves, e.g. a measure taken in the period of this kind).
        lookups = period.lookup(self.date_field)
        if category == NOT_RECORDED:
            lookups[f"{self.by}__isnull"] = True
        elif category not in (None, "total"):
            lookups[self.by] = category
        return self.queryset().filter(**lookups).distinct()


def row_label(row: Model):
    """A reference row's name in the active language (az, en or ru), evaluated when frozen."""
    return lazy(partial(pick, row, "name"), str)()


def reference_categories(
    rows: Callable[[], QuerySet], key: str = "code", *, not_recorded: bool = False
) -> Callable[[], list[Category]]:
    """Categories from the rows of a reference table (read when the measure is computed: one
    query), keyed by `key`, each labelled with the row's own names."""

    def build() -> list[Category]:
        cats = [Category(str(getattr(row, key)), row_label(row)) for row in rows()]
        if not_recorded:
            cats.append(Category(NOT_RECORDED, NOT_RECORDED_LABEL))
        return cats

    return build
