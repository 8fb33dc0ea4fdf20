"""The cheap run of the lost-update drill (bench/drill_conflicts.py): 50 interleavings of two
writers, through the services and the API; on PostgreSQL also 50 with the writers' transactions
overlapping in threads. No update may be lost, and every refused write is reported as a conflict."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from django.db import connection

PATH = Path(__file__).resolve().parents[1] / "bench" / "drill_conflicts.py"


def _drill():
    spec = importlib.util.spec_from_file_location("drill_conflicts", PATH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_read_read_write_write_loses_nothing():
    tally = _drill().run(50, seed=7, threads=False)
    assert tally.interleavings == 50
    assert tally.lost == 0, tally.errors
    assert tally.conflicts == 50  # in each, the second writer had read before the first wrote
    assert tally.accepted == 50


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="overlapping transactions need PostgreSQL")
def test_overlapping_writers_lose_nothing():
    tally = _drill().run(50, seed=11, threads=True)
    assert tally.lost == 0, tally.errors
    assert tally.conflicts + tally.accepted == 100
