"""Things built from reference data (choice lists, labels by id), once per process, language and
version of the reference data.

Reference data (regions, districts, authorities, units, topics, deadline rules: every
`TranslatedName` model; and the working calendar's days)
changes a few times a year but is shown on every list page; building its choice lists and
labels on each request cost the register more than its rows. The version is a token in the
shared cache: any save or delete of a reference row, on any server, replaces it (one signal for
every `TranslatedName` model, connected in CoreConfig.ready), and each process rebuilds what it
holds on its next page. Reading the version is one cache read per page.

    lists = refcache.cached("complaints.register", build)   # build() runs in the active language
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.apps import apps
from django.core.cache import cache
from django.utils import translation

from ombuds.core.i18n import TranslatedNameMixin

T = TypeVar("T")
VERSION_KEY = "ombuds.reference-version"
_built: dict[tuple[str, str], tuple[str, Any]] = {}  # (name, language) → (version, value)
_lock = threading.Lock()


def version() -> str:
    """The current version token (made on first use, or again if the cache lost it: a lost token
    only costs a rebuild, never a stale list)."""
    token = cache.get(VERSION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, token, timeout=None):
            token = cache.get(VERSION_KEY) or token
    return token


def bump() -> None:
    """Reference data changed: every process rebuilds what it built from it."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def cached(name: str, build: Callable[[], T], *, token: str | None = None) -> T:
    """`build()`'s value for the active language, rebuilt when the reference data has changed.
    Pass `token` (from `version()`) to share one cache read between several names."""
    key = (name, translation.get_language() or "")
    token = token or version()
    hit = _built.get(key)
    if hit is not None and hit[0] == token:
        return hit[1]
    value = build()
    with _lock:
        _built[key] = (token, value)
    return value


def forget() -> None:
    """Drop what this process has built (tests start from nothing)."""
    with _lock:
        _built.clear()


# Reference data without a translated name: the working calendar's exceptions (the legal clock
# of every page that shows a term is built from them once, see clock.WorkingCalendar.current).
OTHER_REFERENCE = {"core.calendarday"}


def is_reference(model: Any) -> bool:
    # Historical models of migrations keep the mixin too, but run before the cache table exists:
    # post_migrate covers them.
    if not isinstance(model, type) or getattr(model, "_meta", None) is None:
        return False
    if model._meta.apps is not apps:  # type: ignore[attr-defined]
        return False
    return issubclass(model, TranslatedNameMixin) or model._meta.label_lower in OTHER_REFERENCE  # type: ignore[attr-defined]


def on_change(sender, **kwargs) -> None:
    """post_save / post_delete / m2m_changed receiver: bump when a reference row changed."""
    if is_reference(sender) or is_reference(getattr(kwargs.get("instance"), "__class__", None)):
        bump()


def on_migrate(sender, **kwargs) -> None:
    """Data migrations load reference rows through historical models, which send no signal we see.
    (Sent once per app after every `migrate`: one bump is enough.)"""
    if getattr(sender, "label", None) == "core":
        bump()
