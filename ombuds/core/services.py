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
