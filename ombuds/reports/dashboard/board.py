"""The dashboard page's content: the period asked for and the panels, each with its chart."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from ombuds.reports.charts import Bar, bar_chart
from ombuds.reports.dashboard import Panel, Viewer, activity, work

FIRST_YEAR = 2002  # the Commissioner's office opened in 2002


@dataclass(frozen=True)
class Choice:
    """The periods of the panels that have one: the year of issue of the recommendations (None:
    every year) and the quarter of the calls."""

    year: int | None
    call_year: int
    call_quarter: int


def last_quarter(today) -> tuple[int, int]:
    """The last complete quarter before `today`."""
    quarter = (today.month - 1) // 3  # the current one's number less one
    return (today.year, quarter) if quarter else (today.year - 1, 4)


def choice_from(params, today) -> Choice:
    """The periods asked for in the query string; a value out of range falls back to the default."""

    def number(name: str, low: int, high: int) -> int | None:
        try:
            value = int(params.get(name, ""))
        except ValueError:
            return None
        return value if low <= value <= high else None

    default_year, default_quarter = last_quarter(today)
    call_year = number("call_year", FIRST_YEAR, today.year)
    call_quarter = number("call_quarter", 1, 4)
    if call_year is None or call_quarter is None:
        call_year, call_quarter = default_year, default_quarter
    return Choice(number("year", FIRST_YEAR, today.year), call_year, call_quarter)


def _chart(panel: Panel) -> None:
    bars = [Bar(line.label, line.value) for line in panel.lines]
    if bars:
        panel.chart = bar_chart(panel.title, bars, chart_id=f"dash-{panel.key}")


def panels(viewer: Viewer, choice: Choice) -> list[Panel]:
    now = timezone.now()
    today = timezone.localdate()
    built = [
        work.overdue_terms(viewer, now),
        work.overdue_requests(viewer, now),
        work.timeliness(viewer, now),
        activity.recommendation_rates(viewer, choice.year),
        activity.overdue_places(viewer, today),
        activity.calls(viewer, choice.call_year, choice.call_quarter),
        activity.applications_by_month(viewer, today),
    ]
    for panel in built:
        _chart(panel)
    return built
