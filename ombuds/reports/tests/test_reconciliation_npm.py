"""The NPM report's figures reconcile (reports-and-portal.md 2.6): cross-tables add up to the
visits carried out, visits and places are separate measures, the places visited never exceed
the register, every cell lists exactly the records it counts, and planned or cancelled visits
are never counted."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.accounts.models import OrgUnit
from ombuds.monitoring import choices as mc
from ombuds.monitoring.models import Place, Visit
from ombuds.monitoring.testing import make_place
from ombuds.reports.choices import Unit
from ombuds.reports.measures import REGISTRY, Period, compute_all

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")
YEAR = 2023
PERIOD = Period.year(YEAR)
CARRIED_OUT = [s for s in mc.VisitStatus.values if s not in (*mc.BEFORE_ARRIVAL, mc.VisitStatus.CANCELLED)]
NOT_CARRIED_OUT = [*mc.BEFORE_ARRIVAL, mc.VisitStatus.CANCELLED]
VISIT_KEYS = [
    "visits.by_place_type_and_type",
    "visits.by_place_type_and_announcement",
    "visits.by_schedule",
    "visits.by_region",
    "visits.by_unit",
    "visits.medical_team",
]


@pytest.fixture
def places(persona):
    lead = persona("npm_member")
    return [
        make_place(lead, name_az="Şüvəlan", place_type="pretrial_isolator", capacity=1050),
        make_place(lead, name_az="Gəncə", place_type="pretrial_isolator", capacity=700, district="ganja"),
        make_place(lead, name_az="Polis 1", place_type="police_division", capacity=None),
        make_place(lead, name_az="Uşaq evi", place_type="children_home", capacity=80, district="shaki_city"),
        make_place(lead, name_az="Bağlı", place_type="penitentiary", capacity=1200, is_active=False),
    ]


@pytest.fixture
def specialists(db):
    from ombuds.accounts.testing import make_user

    return {role: make_user(username=role, roles=["npm_member"], unit="npg") for role in ("physician", "psychologist")}


def visit(place, *, status="closed", day=date(YEAR, 5, 10), arrived=True, **fields) -> Visit:
    """A visit row written directly (as the bulk generator does): the measures read rows, and
    thousands of service calls would make the property tests crawl."""
    arrival = datetime.combine(day, datetime.min.time(), BAKU) + timedelta(hours=9) if arrived else None
    data = {
        "place": place,
        "region_id": place.region_id,
        "unit": OrgUnit.objects.get(code="npg"),
        "visit_type": "in_depth",
        "announced": False,
        "planned_date": day,
        "status": status,
        "arrival_at": arrival if status in CARRIED_OUT else None,
    }
    data.update(fields)
    return Visit.objects.create(**data)


def test_only_visits_carried_out_count_placed_by_the_day_of_arrival(places):
    place = places[0]
    for status in NOT_CARRIED_OUT:
        visit(place, status=status)
    counted = [visit(place, status=status) for status in CARRIED_OUT]
    # Arrived at 00:30 on 1 January (Baku): 2023, whatever the UTC date or the planned date.
    late = visit(place, planned_date=date(YEAR - 1, 12, 30))
    Visit.objects.filter(pk=late.pk).update(arrival_at=datetime(YEAR, 1, 1, 0, 30, tzinfo=BAKU))
    # Imported closed visit without an arrival: placed by its planned date.
    visit(place, arrived=False, day=date(YEAR, 3, 3))
    visit(place, day=date(YEAR + 1, 1, 1))  # the next year
    Visit.objects.filter(planned_date=date(YEAR, 3, 3)).update(arrival_at=None)
    frozen = REGISTRY["visits.total"].compute(PERIOD)
    assert frozen["unit"] == Unit.VISIT
    assert frozen["total"] == len(counted) + 2
    listed = REGISTRY["visits.total"].source.records(PERIOD, None)
    assert set(listed.values_list("status", flat=True)) <= set(CARRIED_OUT)
    assert listed.count() == frozen["total"]


def test_visits_and_places_are_separate_measures(places):
    for _ in range(3):
        visit(places[0])
    visit(places[2], visit_type="ad_hoc")
    figures = compute_all(PERIOD)
    assert figures["visits.total"]["total"] == 4
    assert (figures["visits.places_by_type"]["unit"], figures["visits.places_by_type"]["total"]) == (Unit.PLACE, 2)
    assert figures["visits.places_by_type"]["values"]["pretrial_isolator"] == 1
    coverage = figures["places.coverage"]
    assert coverage["unit"] == Unit.PLACE
    assert coverage["values"]["pretrial_isolator|visited"] == 1
    assert coverage["values"]["pretrial_isolator|not_visited"] == 1
    assert coverage["values"]["penitentiary|not_visited"] == 0  # closed and not visited: not in the register
    assert coverage["total"] == 4


VISITS = st.lists(
    st.tuples(
        st.integers(0, 4),  # place
        st.sampled_from(mc.VisitStatus.values),
        st.sampled_from(mc.VisitType.values),
        st.booleans(),  # announced
        st.integers(-40, 400),  # day of the year (outside the year too)
        st.sampled_from(["npg", "rc_north", "rc_south"]),
        st.sets(st.sampled_from(["physician", "psychologist"])),
    ),
    max_size=25,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=VISITS)
def test_every_breakdown_of_the_visits_reconciles(places, specialists, specs):
    from ombuds.monitoring.models import TeamMember

    units = {unit.code: unit for unit in OrgUnit.objects.all()}
    with transaction.atomic():
        expected = 0
        visited: set[int] = set()
        for index, status, kind, announced, offset, unit, medical in specs:
            day = date(YEAR, 1, 1) + timedelta(days=offset)
            made = visit(
                places[index],
                status=status,
                visit_type=kind,
                announced=announced,
                day=day,
                unit=units.get(unit, units["npg"]),
            )
            TeamMember.objects.bulk_create(
                TeamMember(visit=made, user=specialists[role], role=role) for role in medical
            )
            if status in CARRIED_OUT and day.year == YEAR:
                expected += 1
                visited.add(places[index].pk)
        figures = compute_all(PERIOD)
        total = figures["visits.total"]["total"]
        assert total == expected
        for key in VISIT_KEYS:
            assert figures[key]["total"] == total, key
            assert sum(figures[key]["values"].values()) == total, key
            assert figures[key]["unit"] == Unit.VISIT
        places_visited = figures["visits.places_by_type"]
        assert places_visited["total"] == len(visited)
        coverage = figures["places.coverage"]["values"]
        for place_type, n in places_visited["values"].items():
            assert coverage.get(f"{place_type}|visited", 0) == n
            assert n <= coverage.get(f"{place_type}|visited", 0) + coverage.get(f"{place_type}|not_visited", 0)
        # Each cell lists exactly the records it counts (the drill-down).
        for key in [*VISIT_KEYS, "visits.places_by_type", "places.coverage"]:
            measure = REGISTRY[key]
            for category, n in figures[key]["values"].items():
                listed = measure.source.records(PERIOD, category)
                count = listed.values("place").distinct().count() if key == "visits.places_by_type" else listed.count()
                assert count == n, (key, category)
        transaction.set_rollback(True)


def test_the_figures_take_the_same_number_of_queries_however_many_visits(places, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ombuds.monitoring.models import AccessIncident, Finding, PopulationCount, ReprisalCase

    visit(places[0])
    with CaptureQueriesContext(connection) as few:
        compute_all(PERIOD)
    for place in places * 4:
        made = visit(place, visit_type="follow_up", announced=True, applications_received=1)
        visit(place, status="cancelled")
        interview(made, private=False, group_size=3)
        Finding.objects.create(visit=made, area="health_care", text="t", severity="serious")
        AccessIncident.objects.create(visit=made, kind="partial", description="d")
        ReprisalCase.objects.create(visit=made, pseudonym="R", measure="isolation", risk="medium")
        PopulationCount.objects.get_or_create(place=place, counted_on=date(YEAR, 5, 1), defaults={"count": 50})
    with django_assert_max_num_queries(len(few.captured_queries)):
        compute_all(PERIOD)


def test_a_place_closed_since_but_visited_is_still_in_the_register(places):
    closed = places[4]
    assert not Place.objects.get(pk=closed.pk).is_active
    visit(closed)
    coverage = REGISTRY["places.coverage"].compute(PERIOD)["values"]
    assert coverage["penitentiary|visited"] == 1


def test_the_npm_tables_read_the_snapshot_and_label_their_units(places, persona):
    from ombuds.reports.services.datasets import take_snapshot
    from ombuds.reports.tables import render, spec, specs

    visit(places[0], visit_type="follow_up", announced=True)
    visit(places[2], visit_type="ad_hoc")
    visit(places[2], status="planned")
    dataset = take_snapshot(persona("analyst"), period_start=PERIOD.start, period_end=PERIOD.end)
    codes = [table.code for table in specs("npm")]
    assert codes == sorted(codes, key=lambda code: int(code[1:]))
    n1 = render(spec("N1"), dataset, None, "en")
    by_type = n1.blocks[0]
    assert by_type.is_cross and by_type.unit == Unit.VISIT
    assert by_type.total.value == dataset.data["measures"]["visits.total"]["total"] == 2
    assert sum(by_type.column_totals) == 2
    police = next(row for row in by_type.rows if row.key == "police_division")
    assert police.cells[[key for key, _label in by_type.columns].index("ad_hoc")] == 1
    places_block = next(b for b in n1.blocks if b.measure == "visits.places_by_type")
    assert (places_block.unit, places_block.total.value) == (Unit.PLACE, 2)
    assert places_block.unit_label != by_type.unit_label  # "places", "visits" in the reader's language
    headline = render(spec("A0"), dataset, None, "en")
    assert next(b for b in headline.blocks if b.measure == "visits.total").total.value == 2


# --- N3–N6, N8, N9, N11 ---------------------------------------------------------------------------


def test_scenario_09_the_pre_trial_centre_holding_1400_for_1050_is_at_133_per_cent(places, persona):
    from ombuds.monitoring import services

    lead = persona("npm_member")
    shuvalan, ganja, _police, children, closed = places
    services.record_population(lead, shuvalan, date(YEAR, 3, 1), 1200)
    services.record_population(lead, shuvalan, date(YEAR, 10, 15), 1400)  # counted during the visit
    services.record_population(lead, shuvalan, date(YEAR + 1, 2, 1), 900)  # after the period: not read
    services.record_population(lead, ganja, date(YEAR, 6, 1), 800)
    services.record_population(lead, closed, date(YEAR, 6, 1), 1411)  # no longer in operation
    figures = compute_all(PERIOD)
    occupancy, held, capacity = (figures[f"places.{k}"] for k in ("occupancy", "population", "capacity"))
    key = str(shuvalan.public_id)
    assert (occupancy["values"][key], held["values"][key], capacity["values"][key]) == (133, 1400, 1050)
    assert occupancy["values"][str(ganja.public_id)] == 114  # 800 of 700
    # The rows are the places with a capacity and a count; the places without either are not rows.
    assert set(occupancy["values"]) == {key, str(ganja.public_id)}
    assert (occupancy["unit"], occupancy["additive"]) == (Unit.PERCENT, False)
    assert occupancy["total"] == 126  # 2,200 held for 1,750 places: the rate of the totals
    assert (held["total"], capacity["total"]) == (2200, 1750)
    assert held["labels"][key]["az"] == "Şüvəlan"
    assert figures["places.population_by_type"]["values"]["pretrial_isolator"] == 2200
    assert figures["places.population_by_type"]["values"]["penitentiary"] == 0  # closed
    inventory = figures["places.inventory"]
    assert inventory["total"] == 4 and inventory["unit"] == Unit.PLACE
    assert inventory["values"]["pretrial_isolator|hq"] == 1
    assert REGISTRY["places.occupancy"].source.records(PERIOD, key).get() == shuvalan
    assert children.capacity == 80 and str(children.public_id) not in occupancy["values"]


def interview(made, **fields):
    from ombuds.monitoring.models import Interview

    data = {"visit": made, "pseudonym": "P", "kind": "detainee", "private": True, "group_size": 1}
    data.update(fields)
    return Interview.objects.create(**data)


def test_interviews_findings_and_incidents_are_counted_on_the_visits_carried_out(places):
    from django.utils import timezone

    from ombuds.monitoring.models import AccessIncident, Finding

    done, cancelled = visit(places[0]), visit(places[0], status="cancelled")
    children = visit(places[3], visit_type="ad_hoc")
    for _ in range(12):
        interview(done)
    interview(done, private=False, group_size=6)
    interview(children, kind="detainee", is_minor=True)
    interview(children, kind="staff")
    interview(cancelled)  # not a visit carried out: not counted
    for area in mc.ThematicArea.values:
        Finding.objects.create(visit=done, area=area, text="t", severity="concern")
    Finding.objects.create(visit=children, area="treatment", text="t", severity="urgent")
    Finding.objects.create(visit=children, area="treatment", text="t", severity="urgent", withdrawn_at=timezone.now())
    AccessIncident.objects.create(visit=done, kind="delayed", description="d", minutes_lost=40)
    AccessIncident.objects.create(visit=children, kind="refused", description="d")
    figures = compute_all(PERIOD)
    setting = figures["interviews.by_place_type_and_setting"]
    assert setting["unit"] == Unit.INTERVIEW
    assert (setting["values"]["pretrial_isolator|private"], setting["values"]["pretrial_isolator|group"]) == (12, 1)
    assert setting["total"] == figures["interviews.by_kind"]["total"] == 15
    assert figures["interviews.group_participants"]["values"]["pretrial_isolator"] == 6
    assert figures["interviews.group_participants"]["unit"] == Unit.PERSON
    assert figures["interviews.people_met"]["total"] == 12 + 6 + 2
    assert figures["interviews.minors"]["values"] == {**dict.fromkeys(mc.PlaceType.values, 0), "children_home": 1}
    findings = figures["findings.by_place_type_and_area"]
    assert findings["total"] == figures["findings.by_severity"]["total"] == len(mc.ThematicArea.values) + 1
    assert findings["values"]["children_home|treatment"] == 1  # the withdrawn one is gone
    assert figures["findings.by_severity"]["values"]["urgent"] == 1
    assert figures["incidents.by_kind"]["values"] == {"refused": 1, "delayed": 1, "partial": 0}
    assert figures["incidents.by_place_type"]["values"]["children_home"] == 1
    for key in ("interviews.by_place_type_and_setting", "findings.by_place_type_and_area", "incidents.by_kind"):
        for category, n in figures[key]["values"].items():
            assert REGISTRY[key].source.records(PERIOD, category).count() == n, (key, category)


def test_appeals_taken_on_site_and_the_detention_mail(places, persona):
    from ombuds.complaints.models import Application
    from ombuds.complaints.testing import make_application

    clerk = persona("commissioner")
    when = datetime(YEAR, 4, 2, 11, tzinfo=BAKU)
    on_site = [make_application(clerk, channel="during_visit", received_at=when) for _ in range(3)]
    Application.objects.filter(pk=on_site[0].pk).update(outcome="rights_restored", status="closed")
    Application.objects.filter(pk=on_site[1].pk).update(status="refused", refusal_ground="time_barred")
    make_application(clerk, channel="post", received_at=when)
    mail = [make_application(clerk, channel="post", received_at=when) for _ in range(3)]
    Application.objects.filter(pk__in=[a.pk for a in mail]).update(from_detention=True)
    Application.objects.filter(pk=mail[0].pk).update(forwarding_breach=True, facility_received_at=when)
    Application.objects.filter(pk=mail[1].pk).update(facility_received_at=when, facility_forwarded_at=when)
    visit(places[0], applications_received=3)
    visit(places[0], applications_received=2, status="cancelled")
    figures = compute_all(PERIOD)
    results = figures["onsite.applications"]
    assert results["unit"] == Unit.APPEAL and results["total"] == 3
    assert (results["values"]["rights_restored"], results["values"]["refused"], results["values"]["pending"]) == (
        1,
        1,
        1,
    )
    assert figures["onsite.applications_by_place_type"]["values"]["pretrial_isolator"] == 3
    assert figures["onsite.detention_mail"]["values"] == {"on_time": 1, "breach": 1, "unknown": 1}
    assert REGISTRY["onsite.detention_mail"].source.records(PERIOD, "breach").get().pk == mail[0].pk


def test_information_requests_reprisals_and_allegations_are_counts_only(places, persona):
    from django.utils import timezone

    from ombuds.complaints.models import InfoRequest
    from ombuds.complaints.testing import make_application
    from ombuds.core.models import Authority
    from ombuds.monitoring.models import Allegation, ReprisalCase

    done = visit(places[2])
    talk = interview(done)
    for measure, risk, status in [("transfer", "high", "action_taken"), ("threat", "low", "reported")]:
        ReprisalCase.objects.create(visit=done, pseudonym="R", measure=measure, risk=risk, status=status)
    mia = Authority.objects.get(code="mia")
    Allegation.objects.create(visit=done, interview=talk, detaining_authority=mia, consent_exam=True)
    Allegation.objects.create(visit=done, interview=talk, consent_exam=False, not_referred_reason="no consent")
    Allegation.objects.create(visit=done, interview=talk, referred_on=date(YEAR, 6, 1), status="referred")
    sent = datetime(YEAR, 6, 1, 10, tzinfo=BAKU)
    app = make_application(persona("commissioner"))
    for reply in (sent + timedelta(days=2), sent + timedelta(days=9), None):
        InfoRequest.objects.create(
            application=app,
            addressee=mia,
            basis="general",
            questions="q",
            sent_at=sent,
            due_at=sent + timedelta(days=7),
            reply_at=reply,
        )
    InfoRequest.objects.create(
        application=app,
        addressee=mia,
        basis="general",
        questions="q",
        sent_at=timezone.now(),
        due_at=timezone.now() + timedelta(days=7),
    )
    period = Period(PERIOD.start, timezone.localdate())
    figures = compute_all(period)
    assert figures["inforequests.by_timeliness"]["values"] == {
        "on_time": 1,
        "late": 1,
        "not_answered": 1,
        "not_yet_due": 1,
    }
    assert figures["inforequests.by_addressee"]["values"]["mia|late"] == 1
    assert figures["reprisals.by_measure"]["values"]["transfer"] == 1
    assert figures["reprisals.by_risk"]["values"]["high"] == 1
    assert figures["reprisals.by_status"]["values"]["action_taken"] == 1
    assert figures["allegations.by_referral"]["values"] == {"referred": 1, "not_referred": 1, "undecided": 1}
    assert figures["allegations.by_authority_kind"]["values"][mia.kind] == 1
    assert figures["allegations.by_authority_kind"]["values"]["not_recorded"] == 2
    assert figures["allegations.consent_exam"]["values"] == {"yes": 1, "no": 1, "not_asked": 1}
    for key in ("reprisals.by_measure", "allegations.by_referral"):
        assert figures[key]["unit"] == Unit.CASE
        assert REGISTRY[key].source.records(period, None) is None  # never listed from the reports
