"""The permission matrix every app extends (security.md 8.1–8.2).

Each app lists its URL patterns in `ombuds/<app>/tests/matrix.py` as `ROWS`: for each pattern,
how to build a URL (in scope and, for record pages, out of scope) and the status every persona
and the anonymous visitor must get. `tests/test_permission_matrix.py` fails when a URL pattern
of the project has no row, so a new page cannot ship without its permission test.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

import ombuds

ANONYMOUS = "anonymous"


def app_rows(module: str) -> list:
    """The `ROWS` of `ombuds.<app>.tests.<module>` of every app that has one. A module that exists
    but fails to import fails loudly (only a missing module itself is skipped)."""
    rows = []
    for app in pkgutil.iter_modules(ombuds.__path__):
        name = f"ombuds.{app.name}.tests.{module}"
        try:
            found = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name in (name, f"ombuds.{app.name}.tests"):
                continue
            raise
        rows.extend(found.ROWS)
    return rows


@dataclass(frozen=True)
class Row:
    """One URL pattern. `pattern` is a view name ("core:home") or a route prefix ending in "*"."""

    pattern: str
    expected: dict[str, int]
    default: int | None = None  # status for personas not named in `expected`
    url: Callable[[object], str] | None = None  # builds the URL for the requesting user (may create records)
    method: str = "get"
    data: dict | None = None  # request body (sent as JSON to /api/ URLs, as a form elsewhere)
    note: str = ""
    scope: str = "in"  # "in" or "out": out-of-scope record URLs must answer 404

    def status_for(self, persona: str) -> int:
        if persona in self.expected:
            return self.expected[persona]
        if self.default is None:
            raise KeyError(f"{self.pattern}: no expected status for {persona}")
        return self.default


@dataclass
class Pattern:
    route: str
    name: str | None
    extra: dict = field(default_factory=dict)


def iter_url_patterns(resolver: URLResolver | None = None, prefix: str = "", namespace: str = "") -> Iterator[Pattern]:
    """Every URL pattern of the project as (full route, namespaced name)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from iter_url_patterns(entry, route, full_ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield Pattern(route=route, name=name)


def row_matches(row: Row, pattern: Pattern) -> bool:
    if row.pattern.endswith("*"):
        return pattern.route.startswith(row.pattern[:-1])
    return row.pattern == pattern.name


# --- The service matrix ------------------------------------------------------------------------
# Views are not the only gate: every service that changes state checks its actor itself
# (`core.services.require`). Each app lists its services in `ombuds/<app>/tests/service_matrix.py`
# as `ROWS`; `tests/test_service_matrix.py` runs every row as every persona and fails when a public
# function of an app's `services` has no row, so a new service cannot ship without its check.


@dataclass(frozen=True)
class ServiceRow:
    """One service function.

    `call(actor)` prepares fresh records (as the system, actor None) and then calls the service as
    `actor`. Personas in `allowed` must not get PermissionDenied (they may still get a
    ValidationError for a wrong state: the matrix tests the gate, not the transition); every other
    persona must. A row with `call=None` exempts a function that changes nothing, saying why in
    `note`.
    """

    service: Callable
    allowed: frozenset[str] = frozenset()
    call: Callable[[object], object] | None = None
    note: str = ""

    @property
    def name(self) -> str:
        return f"{self.service.__module__}.{self.service.__qualname__}"
