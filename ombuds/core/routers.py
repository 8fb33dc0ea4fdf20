"""Reads of reports, dashboards and exports from a PostgreSQL streaming replica.

Only code that asks for it reads from the replica: `reporting(qs)` (or `.using(reporting_db())`)
on the querysets of a statistics table, a home panel or an export. Everything else, and every
write, uses the primary, so a page never misses what its user has just saved. The replica is set
with DATABASE_REPLICA_URL; without it `reporting_db()` is "default" and nothing changes.

What a replica read may show is a few milliseconds (a lag of the stream) behind the primary:
fine for counts and exports, not for a check before a write. Objects read from the replica may
be related to objects of the primary (they are the same database), and migrations run on the
primary only (the replica receives them through the stream).
"""

from __future__ import annotations

from typing import TypeVar

from django.db import connections
from django.db.models import QuerySet

REPLICA = "replica"
QS = TypeVar("QS", bound=QuerySet)


def reporting_db() -> str:
    """The alias that reports, dashboards and exports read from."""
    return REPLICA if REPLICA in connections.settings else "default"


def reporting(qs: QS) -> QS:
    """The queryset, read from the replica when there is one."""
    return qs.using(reporting_db())


class ReplicaRouter:
    """Writes and migrations go to the primary; reads stay where the queryset says (default unless
    `reporting()` chose the replica); rows of both may be related."""

    def db_for_read(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return instance._state.db  # related rows of a replica row come from the replica too
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return {obj1._state.db or "default", obj2._state.db or "default"} <= {"default", REPLICA}

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
