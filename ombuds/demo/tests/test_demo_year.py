"""The synthetic demo year (`seed_demo --year 2023`): its headline figures, read through the
reports' measures, are the published ones, and every additive breakdown adds up to its total.

Most tests write a small year (`scale`): the figures scale with it. One writes the whole 2023
(29,411 appeals, 347 visits, 76 proposals) and reads it back: about 22 s of CPU on SQLite with its
snapshot (two minutes of wall time on a busy 2-core machine)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from ombuds.complaints.models import Application, RegisterCounter
from ombuds.demo import year as demo_year
from ombuds.demo import year_npm
from ombuds.monitoring.models import Visit
from ombuds.recommendations.models import Recommendation, RecommendationCounter
from ombuds.reports.services.datasets import take_snapshot

pytestmark = pytest.mark.django_db
SCALE = 0.02


def _scaled(value: int) -> int:
    return max(1, round(value * SCALE))


def _headline(data: dict, key: str, fallback: int) -> int:
    """A headline figure from the dataset, or by the same rule when its measure is not registered yet."""
    return data["measures"][key]["total"] if key in data["measures"] else fallback


def test_small_year_gives_its_headline_and_every_additive_breakdown_adds_up():
    made = demo_year.generate_year(2023, scale=SCALE, out=io.StringIO())
    fig = demo_year.FIGURES[2023]
    assert made["applications"] == _scaled(fig.applications) == 588
    data = take_snapshot(None, period_start=date(2023, 1, 1), period_end=date(2023, 12, 31)).data
    assert data["measures"]["applications.total"]["total"] == 588
    visits = year_npm.visits_in(2023).count()
    assert _headline(data, "visits.total", visits) == visits == _scaled(fig.visits) == 7
    proposals = Recommendation.objects.issued().filter(source="annual_report", year=2023, issued_on__year=2023)
    assert _headline(data, "recommendations.proposals", proposals.count()) == proposals.count() == 2
    if "calls.total" in data["measures"]:
        assert data["measures"]["calls.total"]["total"] == _scaled(fig.calls)
    assert _additive_breakdowns_add_up(data) >= 4
    # Nothing spills into the neighbouring years.
    before = take_snapshot(None, period_start=date(2022, 1, 1), period_end=date(2022, 12, 31)).data
    assert before["measures"]["applications.total"]["total"] == 0


def _additive_breakdowns_add_up(data: dict) -> int:
    checked = 0
    for key, measure in data["measures"].items():
        if measure.get("additive") and isinstance(measure.get("values"), dict) and measure["values"]:
            assert sum(measure["values"].values()) == measure["total"], key
            checked += 1
    return checked


# The small year above runs the same generator and the same measures on both databases; the whole
# year adds only the scale (the published totals), which the engine does not change. The SQLite
# pass of .ci/run runs it, the PostgreSQL pass leaves it out (pyproject `once`).
@pytest.mark.once
def test_the_whole_2023_reads_as_published():
    demo_year.generate_year(2023, out=io.StringIO())
    data = take_snapshot(None, period_start=date(2023, 1, 1), period_end=date(2023, 12, 31)).data
    assert data["measures"]["applications.total"]["total"] == 29411
    assert data["measures"]["visits.total"]["total"] == 347
    proposals = Recommendation.objects.issued().filter(source="annual_report", year=2023, issued_on__year=2023)
    assert _headline(data, "recommendations.proposals", proposals.count()) == 76
    assert _additive_breakdowns_add_up(data) >= 10


def test_numbers_follow_the_counters_so_a_later_registration_does_not_collide():
    demo_year.generate_year(2023, scale=SCALE, out=io.StringIO())
    for counter in RegisterCounter.objects.filter(year=2023):
        sequences = Application.objects.filter(year=2023, unit=counter.unit_id).values_list("sequence", flat=True)
        assert max(sequences) == counter.last
        assert sorted(sequences) == list(range(1, counter.last + 1))  # in order, without gaps
    last = RecommendationCounter.objects.get(year=2023).last
    assert last == Recommendation.objects.filter(year=2023).count()
    # Numbered in the order of receipt, and every row says it is synthetic.
    numbers = list(
        Application.objects.filter(year=2023, unit__code="call916")
        .order_by("received_at")
        .values_list("sequence", flat=True)
    )
    assert numbers == sorted(numbers)
    summaries = Application.objects.filter(year=2023, is_secret=False).values_list("summary", flat=True)
    assert all(summary.startswith("[synthetic 2023]") for summary in summaries)
    # Carried-out visits only: arrived, no longer secret, each with its interviews counted.
    for visit in Visit.objects.all():
        assert visit.arrival_at is not None and not visit.is_secret
        assert visit.private_interviews == visit.interviews.filter(private=True).count()


def test_a_second_run_adds_nothing_and_a_year_with_records_is_refused():
    demo_year.generate_year(2023, scale=SCALE, out=io.StringIO())
    assert demo_year.is_there(2023)
    with pytest.raises(demo_year.YearNotEmpty):
        demo_year.generate_year(2023, scale=SCALE, out=io.StringIO())
    assert Application.objects.filter(year=2023).count() == 588


def test_the_command_stops_on_a_year_already_there(monkeypatch):
    monkeypatch.setattr(demo_year, "is_there", lambda year: True)
    out = io.StringIO()
    monkeypatch.setattr("ombuds.demo.year_reports.make_reports", lambda *a, **k: [])
    call_command("seed_demo", "--applications", "0", "--year", "2023", stdout=out)
    assert "[synthetic 2023] is there already" in out.getvalue()
    assert not Application.objects.filter(year=2023).exists()


def test_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refused in production"):
        call_command("seed_demo", "--year", "2023", stdout=io.StringIO())


def test_the_published_figures_no_register_holds_are_entered_once_with_their_source():
    from ombuds.demo.year_reports import enter_published_figures
    from ombuds.reports.models import EnteredFigure

    assert enter_published_figures(2023) == 4
    assert enter_published_figures(2023) == 0  # a second run keeps what is there
    repatriated = EnteredFigure.objects.filter(year=2023, measure="repatriation.persons")
    assert sum(repatriated.values_list("value", flat=True)) == 60  # 13 women, 47 children [R23]
    assert EnteredFigure.objects.get(year=2023, measure="pardons.granted").value == 59
    assert all(figure.source for figure in EnteredFigure.objects.all())
