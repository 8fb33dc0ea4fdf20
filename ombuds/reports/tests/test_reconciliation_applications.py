"""The reconciliation rules of reports-and-portal.md 2.6 for the measures of appeals (A1–A9):
additive breakdowns sum to the appeals received, zero categories are kept, a table never mixes
counting units, non-additive totals are distinct appeals, the year ends at midnight in Baku, and the
drill-down lists exactly the records counted in each cell."""

from __future__ import annotations

import itertools
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.accounts.models import OrgUnit
from ombuds.complaints import choices as cc
from ombuds.complaints.models import Application, Measure, Party, RightTopic
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Authority, Deadline, DeadlineRule, District
from ombuds.reports.choices import Unit
from ombuds.reports.measures import REGISTRY, Period
from ombuds.reports.measures.applications_outcome import APPLICATION_RULES
from ombuds.reports.measures.applications_parties import authority_groups
from ombuds.reports.tables import specs

BAKU = ZoneInfo("Asia/Baku")
YEAR = Period.year(2025)
KEYS = sorted(key for key in REGISTRY if key.startswith("applications."))
# Measures of the appeals received in the period: their totals are the appeals received.
RECEIVED_KEYS = [
    key
    for key in KEYS
    if REGISTRY[key].unit == Unit.APPEAL
    and key not in ("applications.outcome", "applications.concluded", "applications.rights_restored")
    and key not in ("applications.with_measures", "applications.in_person")
]
COUNTING = [key for key in KEYS if REGISTRY[key].unit not in (Unit.DAY, Unit.PERCENT)]
pytestmark = pytest.mark.django_db


@contextmanager
def rolled_back():
    """Each generated example writes its rows in a savepoint that is undone afterwards."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# Instants around both ends of 2025 in Baku time, and inside it.
INSTANTS = [
    datetime(2024, 12, 31, 23, 30, tzinfo=BAKU),
    datetime(2025, 1, 1, 0, 30, tzinfo=BAKU),  # still 2024 in UTC: counted in 2025
    datetime(2025, 3, 31, 23, 59, tzinfo=BAKU),
    datetime(2025, 7, 15, 12, tzinfo=BAKU),
    datetime(2025, 12, 31, 23, 30, tzinfo=BAKU),
    datetime(2026, 1, 1, 0, 10, tzinfo=BAKU),  # still 2025 in UTC: not counted in 2025
]

application = st.fixed_dictionaries(
    {
        "when": st.sampled_from(INSTANTS),
        "unit": st.integers(0, 50),
        "district": st.integers(0, 200),
        "channel": st.sampled_from(cc.Channel.values),
        "app_type": st.sampled_from(cc.ApplicationType.values),
        "applicant": st.sampled_from(["person", "legal_entity", "anonymous"]),
        "sex": st.sampled_from(cc.Sex.values),
        "citizenship": st.sampled_from(cc.Citizenship.values),
        "minor": st.booleans(),
        "born": st.one_of(st.none(), st.integers(1930, 2024)),
        "on_behalf": st.booleans(),
        "court_delay": st.booleans(),
        "respondents": st.lists(st.integers(0, 100), max_size=3, unique=True),
        "rights": st.lists(st.integers(0, 100), max_size=3, unique=True),
        # What happened next: still pending, refused on a ground, referred, accepted and perhaps concluded.
        "decision": st.sampled_from(["pending", "refused", "referred", "accepted", "late_decision"]),
        "ground": st.sampled_from(cc.RefusalGround.values),
        "outcome": st.one_of(st.none(), st.sampled_from(cc.Outcome.values)),
        "restored": st.booleans(),
        "measures": st.lists(st.sampled_from(cc.MeasureKind.values), max_size=2),
        "deadline": st.sampled_from(["none", "met", "late", "overdue", "running", "cancelled"]),
        "extended": st.booleans(),
    }
)

BASE = {
    "when": datetime(2025, 5, 5, 10, tzinfo=BAKU),
    "unit": 0,
    "district": 0,
    "channel": "walk_in",
    "app_type": "complaint",
    "applicant": "person",
    "sex": "female",
    "citizenship": "az",
    "minor": False,
    "born": 1990,
    "on_behalf": False,
    "court_delay": False,
    "respondents": [1],
    "rights": [1],
    "decision": "refused",
    "ground": "repeat",
    "outcome": None,
    "restored": False,
    "measures": [],
    "deadline": "met",
    "extended": False,
}

counter = itertools.count(1)


def build(spec: dict, ref: dict) -> Application:
    """An appeal written straight through the model (the services are too slow for hundreds of
    generated examples), with a consistent combination of decision, outcome and dates."""
    when = spec["when"]
    district = ref["districts"][spec["district"] % len(ref["districts"])]
    applicant = None
    if spec["applicant"] != "anonymous":
        applicant = Party.objects.create(
            kind=spec["applicant"],
            sex=spec["sex"],
            citizenship=spec["citizenship"],
            is_minor=spec["minor"],
            birth_date=date(spec["born"], 6, 15) if spec["born"] else None,
        )
    n = next(counter)
    app = Application(
        number=f"T/{n}",
        year=when.year,
        sequence=n,
        unit=ref["units"][spec["unit"] % len(ref["units"])],
        channel=spec["channel"],
        app_type=spec["app_type"],
        received_at=when,
        applicant_kind=spec["applicant"],
        applicant=applicant,
        on_behalf=spec["on_behalf"],
        summary="generated",
        district=district,
        region_id=district.region_id,
        about_court_delay=spec["court_delay"],
    )
    decided = when + timedelta(days=3)
    decision = spec["decision"]
    if decision == "late_decision":  # decided after the end of the year: pending at its end
        app.status, app.decided_at = cc.Status.UNDER_CONSIDERATION, datetime(2026, 2, 1, tzinfo=BAKU)
    elif decision == "refused":
        app.status, app.decided_at, app.refusal_ground = cc.Status.REFUSED, decided, spec["ground"]
    elif decision == "referred":
        app.status, app.decided_at, app.referred_to = cc.Status.REFERRED, decided, ref["authorities"][0]
    elif decision == "accepted":
        app.status, app.decided_at = cc.Status.UNDER_CONSIDERATION, decided
        if spec["outcome"]:
            app.status, app.outcome = cc.Status.CONCLUDED, spec["outcome"]
            app.concluded_at, app.rights_restored = when + timedelta(days=20), spec["restored"]
    app.save()
    app.respondents.set({ref["authorities"][i % len(ref["authorities"])] for i in spec["respondents"]})
    app.rights.set({ref["rights"][i % len(ref["rights"])] for i in spec["rights"]})
    if decision == "accepted":
        for kind in spec["measures"]:
            Measure.objects.create(
                application=app, kind=kind, addressee=ref["authorities"][0], text="x", taken_at=decided
            )
    if spec["deadline"] != "none":
        due = when + timedelta(days=10)
        closed = {"met": when + timedelta(days=2), "late": when + timedelta(days=15)}.get(spec["deadline"])
        if spec["deadline"] == "cancelled":
            closed = when + timedelta(days=1)
        status = {"met": DeadlineStatus.MET, "late": DeadlineStatus.OVERDUE, "cancelled": DeadlineStatus.CANCELLED}
        Deadline.objects.create(
            rule=ref["rules"][n % len(ref["rules"])],
            content_type=ref["ct"],
            object_id=app.pk,
            started_at=when,
            # "running": due in the future whatever the clock says.
            due_at=datetime(2100, 1, 1, tzinfo=BAKU) if spec["deadline"] == "running" else due,
            status=status.get(spec["deadline"], DeadlineStatus.RUNNING),
            closed_at=closed,
            extensions=1 if spec["extended"] else 0,
        )
    return app


@pytest.fixture
def ref(db):
    return {
        "units": list(OrgUnit.objects.order_by("pk")),
        "districts": list(District.objects.order_by("pk")),
        "authorities": list(Authority.objects.order_by("pk")),
        "rights": list(RightTopic.objects.order_by("pk")),
        "rules": list(DeadlineRule.objects.filter(code__in=APPLICATION_RULES).order_by("pk")),
        "ct": ContentType.objects.get_for_model(Application),
    }


def in_2025(instant: datetime) -> bool:
    return instant.astimezone(BAKU).year == 2025


def check_reconciliation(figures: dict, expected_received: int) -> None:
    total = figures["applications.total"]["total"]
    assert total == expected_received
    for key in KEYS:
        measure, frozen = REGISTRY[key], figures[key]
        declared = [cat.key for cat in measure.category_list()]
        if measure.columns is not None:
            cols = [col.key for col in measure.column_list()]
            declared = [f"{r}|{c}" for r in declared for c in cols]
        assert set(declared) <= set(frozen["values"]), f"{key}: a category was dropped"
        if frozen["additive"]:
            assert sum(frozen["values"].values()) == frozen["total"], key
        if key in RECEIVED_KEYS:
            assert frozen["total"] == total, f"{key}: its total is not the appeals received"
        if not frozen["additive"] and measure.unit == Unit.APPEAL:
            # Each row counts distinct appeals, never more than the measure's total.
            assert max(frozen["values"].values()) <= frozen["total"], key
    # The outcome rows are the appeals accepted.
    assert figures["applications.outcome"]["total"] == figures["applications.admissibility"]["values"]["accepted"]


def check_drill_down(figures: dict) -> None:
    """The drill-down page's contract: the records of a cell are exactly the ones counted in it."""
    for key in COUNTING:
        measure, frozen = REGISTRY[key], figures[key]
        for category, value in frozen["values"].items():
            assert measure.source.records(YEAR, category).count() == value, f"{key} / {category}"
        assert measure.source.records(YEAR, None).count() == frozen["total"], key


@given(apps=st.lists(application, max_size=8))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_breakdowns_reconcile_and_drill_down_to_the_counted_rows(ref, apps):
    with rolled_back():
        for spec in apps:
            build(spec, ref)
        from ombuds.reports.measures import compute_all

        figures = compute_all(YEAR)
        check_reconciliation(figures, sum(in_2025(spec["when"]) for spec in apps))
        check_drill_down(figures)


def test_the_year_is_counted_in_baku_time_in_every_measure(ref):
    build({**BASE, "when": datetime(2025, 1, 1, 0, 30, tzinfo=BAKU)}, ref)  # 2024-12-31 20:30 UTC
    build({**BASE, "when": datetime(2026, 1, 1, 0, 30, tzinfo=BAKU)}, ref)  # 2025-12-31 20:30 UTC
    from ombuds.reports.measures import compute_all

    figures = compute_all(YEAR)
    for key in RECEIVED_KEYS:
        assert figures[key]["total"] == 1, key
    assert figures["applications.by_month"]["values"]["1"] == 1
    assert figures["applications.by_month"]["values"]["12"] == 0
    assert figures["applications.admissibility"]["values"]["refused_repeat"] == 1
    assert figures["applications.timeliness"]["total"] == 1
    assert figures["applications.by_age"]["values"]["30_44"] == 1  # 34 on 1 January 2025


def test_respondent_groups_follow_the_authority_tree():
    groups = authority_groups()
    by_code = {code: groups[pk] for pk, code in Authority.objects.values_list("pk", "code")}
    assert by_code["road_police"] == "traffic_police"
    assert by_code["baku_police"] == by_code["mia"] == "police"
    assert by_code["internal_troops"] == "other_mia"
    assert by_code["penitentiary_service"] == by_code["moh"] == "ministries"
    assert by_code["local_prosecutors"] == by_code["pgo"] == "prosecutor"
    assert by_code["district_courts"] == "court"
    assert by_code["baku_executive"] == "local_executive"
    assert by_code["municipality"] == "municipality"
    assert by_code["sms"] == by_code["scrid"] == "central"
    assert by_code["azersu"] == "other"


def test_a_court_delay_appeal_is_counted_apart_from_other_court_matters(ref):
    courts = Authority.objects.get(code="district_courts")
    police = Authority.objects.get(code="baku_police")
    delay, other = (build_simple(ref, about_court_delay=flag) for flag in (True, False))
    delay.respondents.set([courts, police])
    other.respondents.set([courts])
    values = REGISTRY["applications.by_respondent"].compute(YEAR)
    assert (values["values"]["courts_delay"], values["values"]["courts_other"], values["values"]["police"]) == (1, 1, 1)
    assert values["total"] == 2  # distinct appeals, not the 3 mentions
    assert values["values"]["not_recorded"] == 0


def build_simple(ref, **fields) -> Application:
    n = next(counter)
    district = ref["districts"][0]
    return Application.objects.create(
        number=f"S/{n}",
        year=2025,
        sequence=n,
        unit=ref["units"][0],
        channel="post",
        received_at=datetime(2025, 5, 5, 10, tzinfo=BAKU),
        applicant_kind="anonymous",
        summary="s",
        district=district,
        region_id=district.region_id,
        **fields,
    )


def test_reference_rows_are_categories_with_their_own_names(ref):
    frozen = REGISTRY["applications.by_right"].compute(YEAR)
    topic = RightTopic.objects.get(code="police")
    assert frozen["labels"]["police"] == {"az": topic.name_az, "en": topic.name_en, "ru": topic.name_ru}
    assert set(RightTopic.objects.values_list("code", flat=True)) < set(frozen["values"])
    units = REGISTRY["applications.by_unit"].compute(YEAR)
    assert set(OrgUnit.objects.values_list("code", flat=True)) == set(units["values"])


def test_tables_a1_to_a9_never_mix_counting_units():
    annual = {spec.code: spec for spec in specs("annual")}
    for code in [f"A{n}" for n in range(1, 10)]:
        units = {REGISTRY[key].unit for key in annual[code].measures}
        assert len(units - {Unit.DAY, Unit.PERCENT}) == 1, code


# Every path through the measures: each decision, deadline state and kind of applicant.
VARIANTS = [
    BASE
    | {"decision": decision, "deadline": deadline, "applicant": applicant, "outcome": outcome, "measures": ["letter"]}
    for decision, deadline, applicant, outcome in zip(
        ["pending", "refused", "referred", "accepted", "accepted", "late_decision"],
        ["none", "met", "late", "overdue", "running", "cancelled"],
        ["person", "anonymous", "legal_entity", "person", "person", "anonymous"],
        [None, None, None, "rights_restored", None, None],
        strict=True,
    )
]


@pytest.mark.parametrize("key", KEYS)
def test_each_measure_takes_the_same_number_of_queries_for_2_or_20_appeals(ref, key):
    def queries(n: int) -> int:
        with rolled_back():
            for i in range(n):
                build(VARIANTS[i % len(VARIANTS)] | {"respondents": [i, i + 7], "rights": [i]}, ref)
            with CaptureQueriesContext(connection) as captured:
                REGISTRY[key].compute(YEAR)
            return len(captured)

    assert queries(2) == queries(20) <= 4


def test_cases_worked_through_the_services_are_counted_in_a7_and_a8_and_drilled_down(persona, staff_client):
    from django.urls import reverse
    from django.utils import timezone

    from ombuds.complaints import services
    from ombuds.complaints.testing import authority, make_application
    from ombuds.reports.services.datasets import take_snapshot

    clerk = persona("commissioner")
    now = timezone.localtime()
    accepted, refused, referred, pending = (make_application(clerk, received_at=now) for _ in range(4))
    accepted = services.decide_admissibility(clerk, accepted, "accept")
    services.add_measure(clerk, accepted, kind="letter", addressee=authority("mia"), text="Restore the registration.")
    services.conclude_application(clerk, accepted, "violation_found", rights_restored=True)
    services.decide_admissibility(clerk, refused, "refuse", ground="repeat", reason="Nothing new.")
    services.decide_admissibility(clerk, referred, "refer", referred_to=authority("pgo"), reason="Prosecutor's matter.")

    dataset = take_snapshot(persona("analyst"), period_start=date(now.year, 1, 1), period_end=now.date())
    figures = dataset.data["measures"]
    admissibility = figures["applications.admissibility"]["values"]
    assert (admissibility["accepted"], admissibility["refused_repeat"], admissibility["referred"]) == (1, 1, 1)
    assert admissibility["pending"] == 1
    assert figures["applications.outcome"]["values"]["violation_found"] == 1
    assert figures["applications.concluded"]["values"]["violation_found"] == 1
    assert figures["applications.rights_restored"]["total"] == 1
    assert figures["applications.with_measures"]["values"] | {} == {"letter": 1, "urgent": 0, "recommendation": 0}
    terms = figures["applications.timeliness"]["values"]
    # Acknowledged at registration; the refusal term closed by the three decisions, still running on the fourth.
    assert terms["acknowledgement|met"] == 4
    assert (terms["reasoned_refusal|met"], terms["reasoned_refusal|running"]) == (3, 1)
    assert terms["consideration|met"] == 1  # closed by the conclusion
    assert terms["applicant_notification|running"] == 1  # started by the conclusion
    assert figures["applications.median_days"]["values"]["consideration"] == 0

    client = staff_client(clerk)
    drill = reverse(
        "reports:dataset_drill", args=[dataset.public_id, "applications.timeliness", "reasoned_refusal|met"]
    )
    page = client.get(drill)
    assert page.status_code == 200 and len(page.context["rows"]) == 3
    for app in (accepted, refused, referred):
        assert app.get_absolute_url() in page.content.decode()
    assert pending.get_absolute_url() not in page.content.decode()
    refusals = client.get(
        reverse("reports:dataset_drill", args=[dataset.public_id, "applications.admissibility", "refused_repeat"])
    )
    assert [row.number for row in refusals.context["rows"]] == [refused.number]


def test_age_bands_turn_on_the_birthday_in_baku_time(ref):
    """The age is taken on the Baku date of receipt: 18 on the birthday itself even when it is still
    the day before in UTC, 17 the day before; a date of birth after the appeal is not an age."""
    cases = [
        (datetime(2025, 3, 11, 0, 30, tzinfo=BAKU), date(2007, 3, 11), "18_29"),  # 2025-03-10 20:30 UTC
        (datetime(2025, 3, 10, 23, 30, tzinfo=BAKU), date(2007, 3, 11), "0_17"),
        (datetime(2025, 2, 28, 12, tzinfo=BAKU), date(1965, 2, 28), "60_plus"),
        (datetime(2025, 2, 28, 12, tzinfo=BAKU), date(1965, 3, 1), "45_59"),
        (datetime(2025, 12, 31, 23, 30, tzinfo=BAKU), date(1980, 12, 31), "45_59"),
        (datetime(2025, 12, 31, 23, 30, tzinfo=BAKU), date(1981, 1, 1), "30_44"),
        (datetime(2025, 5, 1, 12, tzinfo=BAKU), date(2025, 5, 2), "not_recorded"),
        (datetime(2025, 5, 1, 12, tzinfo=BAKU), None, "not_recorded"),
    ]
    expected = dict.fromkeys(["0_17", "18_29", "30_44", "45_59", "60_plus", "not_recorded"], 0)
    for when, born, band in cases:
        app = build({**BASE, "when": when}, ref)
        Party.objects.filter(pk=app.applicant_id).update(birth_date=born)
        expected[band] += 1
    build({**BASE, "when": datetime(2025, 6, 1, 12, tzinfo=BAKU), "applicant": "anonymous"}, ref)
    expected["not_recorded"] += 1
    measure = REGISTRY["applications.by_age"]
    frozen = measure.compute(YEAR)
    assert frozen["values"] == expected
    assert frozen["total"] == len(cases) + 1
    for band, n in expected.items():
        assert measure.source.records(YEAR, band).count() == n, band
