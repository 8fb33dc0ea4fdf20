"""Every state-changing service × every persona: allowed personas pass the gate, the others get
PermissionDenied from the service itself (not only from the view in front of it)."""

import importlib
import inspect
import pkgutil

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

import ombuds
from ombuds.accounts.testing import ALL_PERSONAS
from ombuds.core.testing import app_rows

# Helper modules that services call (they change nothing themselves).
HELPERS = {"ombuds.core.services"}


def _service_modules():
    for app in pkgutil.iter_modules(ombuds.__path__):
        try:
            package = importlib.import_module(f"ombuds.{app.name}.services")
        except ModuleNotFoundError:
            continue
        yield package
        for sub in pkgutil.iter_modules(getattr(package, "__path__", [])):
            yield importlib.import_module(f"{package.__name__}.{sub.name}")


def _public_services():
    found = {}
    for module in _service_modules():
        if module.__name__ in HELPERS:
            continue
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            fn = inspect.unwrap(fn)
            if fn.__module__ == module.__name__:
                found[f"{fn.__module__}.{fn.__qualname__}"] = fn
    return found


ROWS = app_rows("service_matrix")
CHECKED = [row for row in ROWS if row.call is not None]


def _name(fn):
    fn = inspect.unwrap(fn)
    return f"{fn.__module__}.{fn.__qualname__}"


# Service modules whose gate is not yet in the matrix. A ratchet: it only shrinks.
PENDING: set[str] = set()


def test_every_service_has_a_row():
    covered = {_name(row.service) for row in ROWS}
    missing = sorted(name for name in set(_public_services()) - covered if name.rsplit(".", 1)[0] not in PENDING)
    assert missing == [], f"services without a service-matrix row: {missing}"


def test_exempt_rows_say_why():
    assert all(row.note for row in ROWS if row.call is None)


def test_allowed_personas_exist():
    unknown = {p for row in ROWS for p in row.allowed} - set(ALL_PERSONAS)
    assert unknown == set()


@pytest.mark.django_db
@pytest.mark.parametrize("row", CHECKED, ids=lambda r: _name(r.service).removeprefix("ombuds."))
@pytest.mark.parametrize("who", ALL_PERSONAS)
def test_service_gate(row, who, persona):
    actor = persona(who)
    try:
        row.call(actor)
    except PermissionDenied:
        assert who not in row.allowed, f"{_name(row.service)} refused {who}, who should pass"
    except ValidationError:
        # Past the gate, refused on the record's state or input: only allowed personas get here.
        assert who in row.allowed, f"{_name(row.service)} let {who} past the gate"
    else:
        assert who in row.allowed, f"{_name(row.service)} let {who} through"
