"""Categories read from a reference table (rights, authorities, regions, topics): one category per
row, keyed by the row's code, labelled by its name in the reader's language (frozen in every
language with the figures, so a snapshot reads the same after a row is renamed)."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.functional import lazy

from ombuds.reports.measures.base import Category


def _name_of(row) -> Callable[[], str]:
    return lambda: row.name  # `name` picks the active language's column, else Azerbaijani


def named_categories(rows: Callable[[], QuerySet], key: str = "code") -> Callable[[], list[Category]]:
    """A measure's `categories`: every row of `rows()` (read when the measure is computed, in the
    queryset's order), keyed by `key`."""

    def categories() -> list[Category]:
        return [Category(str(getattr(row, key)), lazy(_name_of(row), str)()) for row in rows()]

    return categories
