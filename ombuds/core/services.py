"""Helpers every app's services share: the permission check, the row lock, the save and the
state transition. Services call these instead of keeping private copies, so that a rule such as
"a service checks its actor" is written once.

`actor=None` means the system itself (periodic jobs, data migrations): it passes `require`.
Everything a person does carries that person as the actor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from ombuds.core.exceptions import Conflict

M = TypeVar("M", bound=models.Model)


def require(actor: Any, perm: str, obj: Any = None) -> None:
    """Raise PermissionDenied unless `actor` holds `perm` (on `obj`, for object-level rules)."""
    if actor is None:
        return
    allowed = actor.has_perm(perm, obj) if obj is not None else actor.has_perm(perm)
    if not allowed:
        raise PermissionDenied


def require_any(actor: Any, *perms: str) -> None:
    """Raise PermissionDenied unless `actor` holds at least one of `perms`."""
    if actor is None:
        return
    if not any(actor.has_perm(perm) for perm in perms):
        raise PermissionDenied


def lock(obj: M, *related: str) -> M:
    """Re-read `obj` with its row locked for the caller's transaction (two editors racing)."""
    qs = type(obj)._default_manager.select_for_update(of=("self",))
    if related:
        qs = qs.select_related(*related)
    return qs.get(pk=obj.pk)


def check_version(obj: M, expected: int | None) -> M:
    """Refuse a write based on an old read: `obj` is the row as `lock` returned it (locked, so
    nobody can save it between this check and the caller's save) and `expected` the version the
    page or the API client read. None means the caller does not edit a copy it showed to a person
    (an import, a periodic job): nothing to compare.

    Raises `Conflict` carrying the current record; the service's transaction rolls back."""
    if expected is not None and obj.version != expected:  # type: ignore[attr-defined]
        raise Conflict(obj, expected)
    return obj


def lock_version(obj: M, expected: int | None, *related: str) -> M:
    """`lock` then `check_version`: the first step of a service that edits what a person saw."""
    return check_version(lock(obj, *related), expected)


def save(obj: models.Model, actor: Any, *fields: str) -> None:
    """Save only `fields` (plus who changed it and when): concurrent edits of other fields survive."""
    names = {f.name for f in obj._meta.concrete_fields}
    extra = [name for name in ("updated_by", "updated_at") if name in names]
    if "updated_by" in names:
        obj.updated_by = actor  # type: ignore[attr-defined]
    obj.save(update_fields=[*fields, *extra])


def move(
    obj: models.Model, target: str, transitions: Mapping[str, set[str] | frozenset[str]], field: str = "status"
) -> str:
    """Check that `obj.<field>` may become `target` under `transitions`, apply it (unsaved) and
    return the old value. A refused transition is a ValidationError naming both states."""
    old = getattr(obj, field)
    if target not in transitions.get(old, set()):
        choices = dict(getattr(obj._meta.get_field(field), "choices", None) or [])
        raise ValidationError(
            _("“%(old)s” cannot become “%(new)s”.") % {"old": choices.get(old, old), "new": choices.get(target, target)}
        )
    setattr(obj, field, target)
    return old
