"""Exceptions that cross app boundaries (raised by a funnel or a service in one app, handled by
views and the API of every app)."""

from __future__ import annotations

from typing import Any


class PurposeRequired(Exception):
    """A secret-tier record was requested without a stated purpose."""


class Conflict(Exception):
    """A write based on an old version of a record: someone saved it since the caller read it.

    `current` is the record as it is now (locked by the refusing service's transaction, which
    rolls back), `expected` the version the caller had read. Pages redraw the form with the
    caller's input and say who changed what (`core.versions.conflict_message`); the API answers
    412 with the current version.
    """

    def __init__(self, current: Any, expected: int) -> None:
        super().__init__(f"{current._meta.label} {current.pk}: version {current.version}, not {expected}")
        self.current = current
        self.expected = expected
