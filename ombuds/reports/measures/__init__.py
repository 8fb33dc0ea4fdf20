"""The one module of named measures every table, chart, narrative figure and public statistic is
computed from (issue 13). Each submodule registers the measures of one area; `compute_all` runs
them all for a period and returns the dataset's frozen figures.

Keys are `<area>.<name>` (e.g. `applications.by_channel`); the categories of a measure are keys of
its code list. A key, once published in a dataset, keeps its meaning: a changed definition is a
new key.
"""

from __future__ import annotations

from typing import Any

# One line per area module (each registers its measures when imported).
import ombuds.reports.measures.applications_outcome  # noqa: F401 - A7 admissibility and outcome, A8 terms, A9
import ombuds.reports.measures.applications_parties  # noqa: F401 - A3 respondents, A6 applicants
import ombuds.reports.measures.calls  # noqa: F401 - A10 the 916 line
import ombuds.reports.measures.entered  # noqa: F401 - A12, A13, N10: figures entered by staff
import ombuds.reports.measures.mandates  # noqa: F401 - A13 access to information
import ombuds.reports.measures.onsite  # noqa: F401 - NPM: interviews, on-site appeals, findings (N3, N4, N6)
import ombuds.reports.measures.outreach  # noqa: F401 - A14, N10 awareness events and participants
import ombuds.reports.measures.places  # noqa: F401 - NPM: register of places (N1 coverage, N5, N11)
import ombuds.reports.measures.protection  # noqa: F401 - NPM: requests, obstruction, reprisals, allegations (N8, N9)
import ombuds.reports.measures.recommendations  # noqa: F401 - A11, N7, the headline's proposals
import ombuds.reports.measures.visits  # noqa: F401 - NPM: visits (N1, N2) and the headline's visits
from ombuds.reports.measures import applications  # noqa: F401 - A1, A2, A4, A5
from ombuds.reports.measures.base import NOT_RECORDED, REGISTRY, Category, Custom, Grouped, Measure, Period

__all__ = ["NOT_RECORDED", "REGISTRY", "Category", "Custom", "Grouped", "Measure", "Period", "compute_all", "get"]


def get(key: str) -> Measure:
    return REGISTRY[key]


def compute_all(period: Period, progress=None) -> dict[str, Any]:
    """Every registered measure for `period`: {key: frozen measure}. `progress(done, total)` is
    called after each measure (the snapshot's progress bar)."""
    out = {}
    keys = sorted(REGISTRY)
    for index, key in enumerate(keys, start=1):
        out[key] = REGISTRY[key].compute(period)
        if progress is not None:
            progress(index, len(keys))
    return out
