"""Keyset (cursor) pagination of every long list, on pages and in the API.

OFFSET makes the database read and throw away every row before the page, so page 1,000 of the
register costs a thousand pages; a keyset page starts where the previous one ended ("the rows
after this one in this order"), which an index serves at the same cost on any page. The list's
ordering must be total: it ends with the primary key, so no two rows tie.

A cursor is opaque to clients: the ordering values of the row a page starts after (or ends
before, going back), signed so that an edited or foreign cursor is refused rather than
misread. The signature's salt names the model and the ordering, so a cursor of another list or
another sort order is refused too.

    keyset = Keyset(Application, ("-received_at", "-pk"))
    page = keyset.page(queryset, request.GET.get("cursor"), size=50)   # InvalidCursor if forged
    page.rows, page.next_cursor, page.previous_cursor, page.number
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import F, Q

_SALT = "ombuds.keyset"


class InvalidCursor(ValueError):
    """The cursor was not made by this list (edited, truncated, or from another list or sort)."""


@dataclass(frozen=True)
class _Key:
    attname: str
    descending: bool
    nullable: bool
    field: models.Field


@dataclass
class Page:
    """One page of rows and the cursors of its neighbours (None where there is none)."""

    rows: list
    number: int
    next_cursor: str | None
    previous_cursor: str | None

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None


class Keyset:
    """A total ordering of one model's rows, and pages of it by cursor.

    NULL sorts as the largest value (PostgreSQL's own rule, so its indexes serve the order; the
    same is asked of SQLite explicitly).
    """

    def __init__(self, model: type[models.Model], ordering: Sequence[str]) -> None:
        ordering = tuple(ordering)
        if not ordering or ordering[-1].lstrip("-") not in ("pk", "id", model._meta.pk.name):
            raise ImproperlyConfigured(f"{model.__name__}: a keyset ordering must end with the primary key: {ordering}")
        self.model = model
        self.ordering = ordering
        self.keys = tuple(self._key(name) for name in ordering)
        self._salt = f"{_SALT}:{model._meta.label_lower}:{','.join(ordering)}"

    def _key(self, name: str) -> _Key:
        bare = name.lstrip("-")
        try:
            field = self.model._meta.pk if bare == "pk" else self.model._meta.get_field(bare)
        except FieldDoesNotExist as exc:
            raise ImproperlyConfigured(f"{self.model.__name__} has no field {bare!r} to order by") from exc
        if not isinstance(field, models.Field) or not field.concrete or field.many_to_many:
            raise ImproperlyConfigured(f"{self.model.__name__}.{bare}: order by a column of the table itself")
        return _Key(field.attname, name.startswith("-"), bool(field.null), field)

    # --- queries -------------------------------------------------------------------------------

    def order(self, queryset, *, reverse: bool = False):
        """The queryset in this order (or its exact reverse)."""
        expressions = []
        for key in self.keys:
            descending = key.descending != reverse
            if not key.nullable:
                expressions.append(F(key.attname).desc() if descending else F(key.attname).asc())
            elif descending:
                expressions.append(F(key.attname).desc(nulls_first=True))
            else:
                expressions.append(F(key.attname).asc(nulls_last=True))
        return queryset.order_by(*expressions)

    def after(self, queryset, values: Sequence[Any], *, reverse: bool = False):
        """The rows strictly after `values` in this order (before them if `reverse`)."""
        alternatives = Q(pk__in=[])  # nothing, when every key is NULL and the last one ties
        ties = Q()
        for key, value in zip(self.keys, values, strict=True):
            descending = key.descending != reverse
            if value is None:
                beyond = Q(**{f"{key.attname}__isnull": False}) if descending else None
                tie = Q(**{f"{key.attname}__isnull": True})
            else:
                beyond = Q(**{f"{key.attname}__{'lt' if descending else 'gt'}": value})
                if key.nullable and not descending:
                    beyond |= Q(**{f"{key.attname}__isnull": True})
                tie = Q(**{key.attname: value})
            if beyond is not None:
                alternatives |= ties & beyond
            ties &= tie
        first, value = self.keys[0], values[0]
        if value is not None and not first.nullable:
            # Redundant for the result, but it gives the planner a range on the leading column,
            # so the index scan starts at the boundary instead of filtering from the top.
            lookup = "lte" if first.descending != reverse else "gte"
            return queryset.filter(Q(**{f"{first.attname}__{lookup}": value}) & alternatives)
        return queryset.filter(alternatives)

    def values_of(self, row) -> tuple:
        return tuple(getattr(row, key.attname) for key in self.keys)

    # --- cursors -------------------------------------------------------------------------------

    def cursor(self, row, *, backward: bool, number: int) -> str:
        """A cursor to the page after `row` (or, `backward`, the page before it), numbered `number`."""
        payload = {"v": [_plain(v) for v in self.values_of(row)], "n": number}
        if backward:
            payload["b"] = 1
        return signing.dumps(payload, salt=self._salt, compress=False)

    def read(self, token: str) -> tuple[tuple, bool, int]:
        """(values, backward, page number) of a cursor; InvalidCursor if this list did not make it."""
        try:
            payload = signing.loads(token, salt=self._salt)
            raw, number = payload["v"], int(payload["n"])
            values = tuple(None if v is None else key.field.to_python(v) for key, v in zip(self.keys, raw, strict=True))
        except (signing.BadSignature, KeyError, TypeError, ValueError, ValidationError) as exc:
            raise InvalidCursor(str(exc)) from exc
        return values, bool(payload.get("b")), max(number, 1)

    # --- pages ---------------------------------------------------------------------------------

    def page(self, queryset, token: str | None, *, size: int) -> Page:
        """The page a cursor points to (the first page without one). One query, plus one more
        only when a backward page runs into the start of the list (then the first page is shown)."""
        if not token:
            return self._forward(queryset, None, number=1, size=size)
        values, backward, number = self.read(token)
        if not backward:
            return self._forward(queryset, values, number=number, size=size)
        if number <= 1:
            return self._forward(queryset, None, number=1, size=size)
        rows = list(self.order(self.after(queryset, values, reverse=True), reverse=True)[: size + 1])
        if len(rows) <= size:  # rows were added or removed since: there is no full page before
            return self._forward(queryset, None, number=1, size=size)
        rows = rows[:size][::-1]
        return Page(
            rows=rows,
            number=number,
            next_cursor=self.cursor(rows[-1], backward=False, number=number + 1),
            previous_cursor=self.cursor(rows[0], backward=True, number=number - 1),
        )

    def _forward(self, queryset, values, *, number: int, size: int) -> Page:
        if values is not None:
            queryset = self.after(queryset, values)
        rows = list(self.order(queryset)[: size + 1])
        more, rows = len(rows) > size, rows[:size]
        return Page(
            rows=rows,
            number=number,
            next_cursor=self.cursor(rows[-1], backward=False, number=number + 1) if more else None,
            previous_cursor=self.cursor(rows[0], backward=True, number=number - 1) if rows and number > 1 else None,
        )


_KEYSETS: dict[tuple, Keyset] = {}


def keyset_of(model: type[models.Model], ordering: Sequence[str]) -> Keyset:
    """One Keyset per list and order (built once: it inspects the model's fields)."""
    key = (model, tuple(ordering))
    if key not in _KEYSETS:
        _KEYSETS[key] = Keyset(model, ordering)
    return _KEYSETS[key]


def _plain(value: Any) -> Any:
    """A JSON-able form of an ordering value; the field's to_python reads it back."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    return value
