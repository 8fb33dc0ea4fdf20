"""Measures of recommendations (tables A11, N7 and the A0 headline): every breakdown adds up to the
issued total with its zero rows, drafts never count, a status is read as it was on the period's
last day from the history, the public measures count exactly the tracker's rows, and the number
of queries does not grow with the number of recommendations."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.accounts.testing import make_persona
from ombuds.complaints.models import RightTopic
from ombuds.core.models import Authority
from ombuds.recommendations import choices as c
from ombuds.recommendations import services
from ombuds.recommendations.models import Recommendation
from ombuds.reports.measures import REGISTRY, Period
from ombuds.reports.measures.recommendations import (
    BUCKETS,
    recommendation_list,
    status_bucket,
    tracker_rows,
)

pytestmark = pytest.mark.django_db
S = c.Status
YEAR = Period.year(2025)
KEYS = sorted(key for key in REGISTRY if key.startswith("recommendations."))


@pytest.fixture
def boss():
    return make_persona("commissioner")


def draft(boss, *, addressee="moj", source=c.Source.THEMATIC_REPORT, kind=c.Kind.THEMATIC, **fields):
    return services.draft_recommendation(
        boss,
        source=source,
        report_title="Saxlanma şəraiti",
        addressee=Authority.objects.get(code=addressee),
        kind=kind,
        text_az="Saxlanma yerlərində hər kəs üçün gündə ən azı bir saat açıq havada gəzinti təmin edilsin.",
        text_en="Give everyone held at least an hour outdoors every day.",
        **fields,
    )


def issued(boss, on: date, **fields):
    return services.issue_recommendation(boss, draft(boss, **fields), issued_on=on)


def figures(period=YEAR):
    return {key: REGISTRY[key].compute(period) for key in KEYS}


def test_every_breakdown_adds_up_to_the_issued_ones_with_its_zero_rows(boss):
    issued(boss, date(2025, 2, 1), area="material_conditions", priority=c.Priority.HIGH)
    issued(boss, date(2025, 5, 1), addressee="mia", kind=c.Kind.URGENT, right=RightTopic.objects.get(code="police"))
    issued(boss, date(2025, 3, 1), source=c.Source.ANNUAL_REPORT, kind=c.Kind.LEGISLATIVE)
    draft(boss, addressee="mia")  # a draft never counts
    issued(boss, date(2024, 12, 31))  # the year before
    got = figures()
    assert got["recommendations.issued"]["total"] == 3
    for key in (
        "recommendations.by_addressee",
        "recommendations.by_area",
        "recommendations.by_right",
        "recommendations.by_source",
        "recommendations.by_kind",
        "recommendations.by_priority",
        "recommendations.by_status",
    ):
        assert got[key]["additive"] is True
        assert got[key]["total"] == sum(got[key]["values"].values()) == 3, key
    assert got["recommendations.by_addressee"]["values"] == {"mia": 1, "moj": 2}
    assert got["recommendations.by_area"]["values"]["material_conditions"] == 1
    assert got["recommendations.by_area"]["values"]["not_recorded"] == 2
    assert got["recommendations.by_area"]["values"]["health_care"] == 0  # zero rows kept
    assert got["recommendations.by_kind"]["values"] == {"after_visit": 0, "thematic": 1, "urgent": 1, "legislative": 1}
    assert got["recommendations.by_priority"]["values"]["high"] == 1
    assert got["recommendations.by_right"]["values"] == {"police": 1, "not_recorded": 2}
    assert got["recommendations.by_status"]["values"]["open"] == 3
    assert got["recommendations.proposals"]["total"] == 1
    assert got["recommendations.proposals"]["unit"] == "recommendation"
    # An authority sent recommendations in another year keeps its row, with zero.
    assert figures(Period.year(2026))["recommendations.by_addressee"]["values"] == {"mia": 0, "moj": 0}


def test_repeated_recommendations_are_counted_apart(boss):
    first = issued(boss, date(2024, 3, 1))
    services.record_outcome(
        boss, first, S.NOT_IMPLEMENTED, evidence=c.Evidence.STAFF_DECISION, happened_on=date(2024, 9, 1), note="."
    )
    issued(boss, date(2025, 3, 1), repeats=Recommendation.objects.get(pk=first.pk))
    issued(boss, date(2025, 4, 1))
    got = figures()
    assert got["recommendations.repeated"]["total"] == 1
    assert got["recommendations.issued"]["total"] == 2


def test_last_years_recommendations_are_bucketed_by_their_status_at_the_end_of_this_year(boss):
    changed_later = issued(boss, date(2024, 3, 1))
    services.record_outcome(
        boss,
        changed_later,
        S.NOT_IMPLEMENTED,
        evidence=c.Evidence.STAFF_DECISION,
        happened_on=date(2025, 6, 1),
        note=".",
    )
    services.mark_no_longer_relevant(boss, changed_later, "The place closed.", happened_on=date(2026, 2, 1))
    partly = issued(boss, date(2024, 5, 1))
    services.record_response(boss, partly, stance=c.Stance.ACCEPTS, received_on=date(2024, 6, 1), text="Qəbul edilir.")
    services.record_outcome(
        boss,
        partly,
        S.PARTIALLY_IMPLEMENTED,
        evidence=c.Evidence.STAFF_DECISION,
        happened_on=date(2025, 11, 1),
        note=".",
    )
    answered_later = issued(boss, date(2024, 7, 1))
    services.record_response(
        boss, answered_later, stance=c.Stance.REJECTS, received_on=date(2026, 1, 10), text="Rədd edilir."
    )
    this_year = issued(boss, date(2025, 1, 10))
    services.record_outcome(
        boss,
        this_year,
        S.PARTIALLY_IMPLEMENTED,
        evidence=c.Evidence.STAFF_DECISION,
        happened_on=date(2025, 12, 31),
        note=".",
    )
    got = figures()
    before = got["recommendations.previous_year_status"]["values"]
    # Today one is no longer relevant and one rejected: on 31 December 2025 they were not.
    assert before == {
        "implemented": 0,
        "partial": 1,
        "not_implemented": 1,
        "cannot_assess": 0,
        "open": 1,
        "not_evaluated": 0,
    }
    assert got["recommendations.by_status"]["values"]["partial"] == 1  # changed on the last day: counted
    [entry] = recommendation_list(YEAR)
    assert (entry["number"], entry["status"], entry["bucket"]) == (this_year.number, "partially_implemented", "partial")
    # A year later the same recommendations read at the end of 2026.
    assert figures(Period.year(2026))["recommendations.by_status"]["values"]["open"] == 0
    drill = REGISTRY["recommendations.previous_year_status"].source.records(YEAR, "not_implemented")
    assert list(drill.values_list("pk", flat=True)) == [changed_later.pk]


def test_the_public_measures_count_exactly_the_rows_of_the_tracker(boss):
    shown = issued(boss, date(2025, 2, 1))
    services.publish_recommendation(boss, shown)
    issued(boss, date(2025, 3, 1))  # not published: not in the tracker
    last_year = issued(boss, date(2024, 6, 1))
    services.publish_recommendation(boss, last_year)
    got = figures()
    rows = tracker_rows().filter(issued_on__year=2025)
    assert got["recommendations.public_by_status"]["total"] == rows.count() == 1
    measure = REGISTRY["recommendations.public_by_status"].source
    assert set(measure.records(YEAR, None).values_list("pk", flat=True)) == set(rows.values_list("pk", flat=True))
    assert got["recommendations.public_previous_year_status"]["total"] == 1
    assert got["recommendations.issued"]["total"] == 2


def test_every_status_but_a_draft_has_one_bucket():
    keys = {bucket.key for bucket in BUCKETS}
    for status in S:
        if status == S.DRAFT:
            assert status_bucket(status) is None
        else:
            assert status_bucket(status) in keys, status
    assert status_bucket(S.REPORTED_IMPLEMENTED) == "cannot_assess"  # the authority's word is not enough


def test_the_frozen_list_carries_what_the_report_prints(boss):
    earlier = issued(boss, date(2024, 3, 1))
    services.record_outcome(
        boss, earlier, S.NOT_IMPLEMENTED, evidence=c.Evidence.STAFF_DECISION, happened_on=date(2024, 9, 1), note="."
    )
    rec = issued(
        boss, date(2025, 3, 1), repeats=Recommendation.objects.get(pk=earlier.pk), addressee="mia", area="treatment"
    )
    [entry] = recommendation_list(YEAR)
    assert entry["number"] == rec.number and entry["repeats"] == earlier.number
    assert entry["addressee"]["code"] == "mia" and entry["addressee"]["az"]
    assert entry["issued_on"] == "2025-03-01" and entry["due_date"] == rec.due_date.isoformat()
    assert (entry["area"], entry["status"], entry["bucket"], entry["is_published"]) == (
        "treatment",
        "issued",
        "open",
        False,
    )
    assert entry["text_en"].startswith("Give everyone")


def test_the_number_of_queries_does_not_grow_with_the_recommendations(boss):
    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            figures()
            recommendation_list(YEAR)
        return len(ctx.captured_queries)

    issued(boss, date(2025, 2, 1))
    few = count_queries()
    for month in range(3, 9):
        issued(boss, date(2025, month, 1), addressee="mia" if month % 2 else "moj", area="treatment")
    assert count_queries() == few


def test_a_snapshot_freezes_the_list_and_tables_a11_and_n7_read_it(boss):
    from ombuds.reports.services.datasets import take_snapshot
    from ombuds.reports.tables import render, spec

    rec = issued(boss, date(2025, 4, 1), source=c.Source.ANNUAL_REPORT)
    dataset = take_snapshot(make_persona("analyst"), period_start=YEAR.start, period_end=YEAR.end)
    assert [entry["number"] for entry in dataset.data["lists"]["recommendations"]] == [rec.number]
    for code in ("A11", "N7"):
        table = render(spec(code), dataset, None, "en")
        assert table.blocks and not any(block.missing for block in table.blocks), code
    headline = render(spec("A0"), dataset, None, "en")
    proposals = next(block for block in headline.blocks if block.measure == "recommendations.proposals")
    assert proposals.total.value == 1
