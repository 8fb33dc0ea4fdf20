"""Measures of the 916 line (A10), awareness raising (A14, N10) and special mandates (A13):
breakdowns add up to their totals with zero rows kept, the by-topic count agrees with the call
log's quarterly 916 table, and the number of queries does not grow with the records."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ombuds.accounts.models import OrgUnit
from ombuds.accounts.testing import make_persona
from ombuds.complaints import services as complaints
from ombuds.complaints.listing import call_counts
from ombuds.complaints.models import RightTopic
from ombuds.core.models import District
from ombuds.outreach.models import Event
from ombuds.reports.measures import REGISTRY, Period

BAKU = ZoneInfo("Asia/Baku")
pytestmark = pytest.mark.django_db
YEAR = Period.year(2025)


def call(when: datetime, topic: str = "police", **fields):
    return complaints.log_call(None, topic=RightTopic.objects.get(code=topic), received_at=when, **fields)


def compute(prefix: str, period: Period = YEAR) -> dict:
    return {key: REGISTRY[key].compute(period) for key in sorted(REGISTRY) if key.startswith(prefix)}


def some_calls():
    call(datetime(2025, 1, 1, 0, 30, tzinfo=BAKU))  # still 31 December in UTC: 2025 in Baku
    call(datetime(2025, 3, 31, 23, 30, tzinfo=BAKU), urgent=True)
    call(datetime(2025, 4, 1, 0, 30, tzinfo=BAKU), topic="access_to_information")
    converted = call(datetime(2025, 11, 5, 10, tzinfo=BAKU), topic="access_to_information")
    complaints.convert_call(
        None,
        converted,
        unit=OrgUnit.objects.get(code="dept_complaints"),
        summary="Zəng edən məlumat sorğusuna cavab almayıb.",
        district=District.objects.get(code="baku"),
    )
    call(datetime(2024, 12, 31, 23, 30, tzinfo=BAKU))  # the year before


def test_the_916_breakdowns_add_up_to_the_calls_with_their_zero_rows():
    some_calls()
    got = compute("calls.")
    assert got["calls.total"]["total"] == 4
    for key, frozen in got.items():
        assert frozen["unit"] == "call"
        assert frozen["total"] == sum(frozen["values"].values()) == 4, key
    assert got["calls.by_month"]["values"]["1"] == 1 and got["calls.by_month"]["values"]["2"] == 0
    assert got["calls.by_quarter"]["values"] == {"1": 2, "2": 1, "3": 0, "4": 1}
    assert got["calls.by_result"]["values"] == {"appeal": 1, "advice": 3}
    assert got["calls.urgent"]["values"] == {"urgent": 1, "routine": 3}
    topics = got["calls.by_topic"]["values"]
    assert set(topics) == set(RightTopic.objects.values_list("code", flat=True))  # every topic, zeros too
    assert (topics["police"], topics["access_to_information"]) == (2, 2)
    drill = REGISTRY["calls.by_result"].source.records(YEAR, "appeal")
    assert [c.application_id is not None for c in drill] == [True]


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_calls_by_topic_agree_with_the_call_logs_quarterly_table(quarter):
    some_calls()
    start = date(2025, 3 * quarter - 2, 1)
    end = date(2025, 3 * quarter, 31 if quarter in (1, 4) else 30)
    rows, total = call_counts(2025, quarter)
    frozen = REGISTRY["calls.by_topic"].compute(Period(start, end))
    assert frozen["total"] == total
    assert {key: n for key, n in frozen["values"].items() if n} == {topic.code: topic.n for topic in rows}


def test_the_916_measures_take_as_many_queries_for_many_calls_as_for_one():
    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            compute("calls.")
        return len(ctx.captured_queries)

    call(datetime(2025, 2, 1, 10, tzinfo=BAKU))
    few = count_queries()
    for month in range(3, 10):
        call(datetime(2025, month, 1, 10, tzinfo=BAKU), topic="access_to_information", urgent=bool(month % 2))
    assert count_queries() == few


def test_table_a10_reads_every_916_measure_from_a_snapshot():
    from ombuds.reports.services.datasets import take_snapshot
    from ombuds.reports.tables import render, spec

    some_calls()
    dataset = take_snapshot(make_persona("analyst"), period_start=YEAR.start, period_end=YEAR.end)
    table = render(spec("A10"), dataset, None, "en")
    assert [block.total.value for block in table.blocks] == [4] * len(table.blocks)
    assert {block.unit for block in table.blocks} == {"call"}  # one unit in the table


def held_event(*, starts_at, kind="training", remote=(), audiences=(), region=None, counts=(), **fields):
    """An event recorded as held, with its participant counts: (women, men, remote) per row."""
    from ombuds.outreach import services as outreach
    from ombuds.outreach.tests.factories import make_event

    event = make_event(starts_at=starts_at, kind=kind, remote=remote, audiences=audiences, **fields)
    if region is not None:
        Event.objects.filter(pk=event.pk).update(region=region)
    for women, men, is_remote in counts:
        outreach.record_attendance(None, event, organisation="Məktəb", women=women, men=men, remote=is_remote)
    return outreach.record_outcome(None, event)


def test_events_and_participants_are_counted_apart_and_add_up():
    from ombuds.core.models import Region
    from ombuds.outreach.models import Audience
    from ombuds.outreach.tests.factories import make_event

    students, police = Audience.objects.get(code="students"), Audience.objects.get(code="police")
    north = Region.objects.exclude(code="hq").first()
    held_event(
        starts_at=datetime(2025, 3, 1, 10, tzinfo=BAKU),
        remote=("rc_north", "rc_south"),
        audiences=[students, police],
        counts=[(10, 5, False), (3, 2, True)],
    )
    held_event(starts_at=datetime(2025, 6, 1, 10, tzinfo=BAKU), kind="seminar", region=north, counts=[(4, 6, False)])
    make_event(starts_at=datetime(2025, 7, 1, 10, tzinfo=BAKU))  # planned, never held: not counted
    held_event(starts_at=datetime(2024, 12, 1, 10, tzinfo=BAKU), counts=[(50, 50, False)])  # the year before
    got = compute("outreach.")
    assert got["outreach.events"]["total"] == 2
    for key in ("outreach.events_by_kind", "outreach.events_by_region", "outreach.events_by_format"):
        assert got[key]["unit"] == "event"
        assert got[key]["total"] == sum(got[key]["values"].values()) == 2, key
    assert got["outreach.events_by_topic"]["total"] == 2
    assert got["outreach.events_by_kind"]["values"]["round_table"] == 0  # zero rows kept
    assert got["outreach.events_by_format"]["values"]["hybrid"] == 1  # offices joined: hybrid
    assert got["outreach.events_by_region"]["values"][north.code] == 1
    audiences = got["outreach.events_by_audience"]
    assert audiences["additive"] is False and audiences["total"] == 2
    assert (audiences["values"]["students"], audiences["values"]["police"], audiences["values"]["none"]) == (1, 1, 1)
    offices = got["outreach.events_by_remote_office"]
    assert offices["total"] == 2
    assert offices["values"] == {"rc_north": 1, "rc_south": 1, "none": 1}
    by_sex, by_presence = got["outreach.participants_by_sex"], got["outreach.participants_by_presence"]
    assert by_sex["unit"] == by_presence["unit"] == "participant"
    assert by_sex["values"] == {"women": 17, "men": 13}
    assert by_presence["values"] == {"on_site": 25, "remote": 5}
    assert by_sex["total"] == by_presence["total"] == 30
    drill = REGISTRY["outreach.events_by_remote_office"].source.records(YEAR, "none")
    assert [event.starts_at.month for event in drill] == [6]


def test_access_to_information_counts_appeals_and_requests_under_the_law():
    from ombuds.complaints.testing import make_application

    clerk = make_persona("commissioner")
    access = RightTopic.objects.get(code="access_to_information")
    make_application(clerk, received_at=datetime(2025, 3, 1, 10, tzinfo=BAKU), rights=[access])
    make_application(
        clerk,
        received_at=datetime(2025, 4, 1, 10, tzinfo=BAKU),
        rights=[access, RightTopic.objects.get(code="police")],
    )
    make_application(clerk, received_at=datetime(2025, 5, 1, 10, tzinfo=BAKU))  # police only
    got = compute("mandates.")
    assert got["mandates.access_info_appeals"]["total"] == 2  # each appeal once, whatever its other rights
    assert got["mandates.access_info_requests"]["unit"] == "info_request"


def test_the_outreach_measures_take_as_many_queries_for_many_events_as_for_one():
    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            compute("outreach.")
        return len(ctx.captured_queries)

    held_event(starts_at=datetime(2025, 2, 1, 10, tzinfo=BAKU), counts=[(1, 1, False)])
    few = count_queries()
    for month in range(3, 7):
        held_event(starts_at=datetime(2025, month, 1, 10, tzinfo=BAKU), remote=("rc_west",), counts=[(2, 3, True)])
    assert count_queries() == few
