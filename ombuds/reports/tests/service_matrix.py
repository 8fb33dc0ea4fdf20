"""Service-matrix rows of the reports app: analysts, heads and the Commissioner prepare datasets
and reports; only the Commissioner approves, submits, presents and publishes."""

from datetime import date

from ombuds.core.testing import ServiceRow
from ombuds.reports.services import datasets

PREPARERS = frozenset({"commissioner", "department_head", "analyst"})
APPROVERS = frozenset({"commissioner"})


def _snapshot(actor):
    return datasets.take_snapshot(actor, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))


def _draft_dataset():
    return datasets.take_snapshot(None, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))


ROWS = [
    ServiceRow(datasets.take_snapshot, PREPARERS, _snapshot),
    ServiceRow(datasets.publish_dataset, APPROVERS, lambda a: datasets.publish_dataset(a, _draft_dataset())),
    ServiceRow(datasets.content_hash, note="a pure function: the hash of a period's figures"),
    ServiceRow(datasets.compute, note="reads only: the figures of a period, written by take_snapshot"),
]
