"""The public checker and the staff admissibility assistant apply one set of rules.

A property test over every combination of facts: the checker says "call 916" exactly when it is
urgent, "apply" exactly when the shared rules find nothing failing, and otherwise names each
failing rule with somewhere to go. The rules themselves are checked against an independent
reading of the law (domain.md §1.1), and an application registered by staff with the same facts
gets the same verdict from the assistant as the visitor gets from the checker.
"""

from datetime import date, timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.complaints.admissibility import Facts, assess, assess_facts
from ombuds.complaints.choices import ApplicantKind, CourtStatus
from ombuds.complaints.testing import authority, make_application
from ombuds.portal.checker.advice import APPLY, CALL_916, DESTINATIONS, REFER, advise
from ombuds.portal.checker.forms import CheckerForm

pytestmark = pytest.mark.django_db
TODAY = date(2025, 10, 6)
days_ago = st.integers(min_value=0, max_value=3 * 366).map(lambda n: TODAY - timedelta(days=n))

facts = st.builds(
    Facts,
    anonymous=st.booleans(),
    has_evidence=st.booleans(),
    violation_date=st.none() | days_ago,
    awareness_date=st.none() | days_ago,
    excluded_bodies=st.sampled_from([(), ("court",), ("president_or_mp",), ("Milli Majlis", "Baku Court")]),
    private_respondent=st.booleans(),
    nakhchivan=st.booleans(),
    about_court_delay=st.booleans(),
    court_pending=st.booleans(),
    on_behalf=st.booleans(),
    consent=st.booleans(),
    repeat_of=st.sampled_from(["", "2025-000123"]),
    in_detention=st.booleans(),
    urgent=st.booleans(),
)


def _one_year_after(start: date) -> date:
    """The configured window (DeadlineRule `admissibility_window`), read independently of the rules."""
    from ombuds.core.models import DeadlineRule

    rule = DeadlineRule.objects.get(code="admissibility_window")
    # The checker's wording assumes the one-year rule, counted to the same day of the next year.
    assert (rule.term, rule.unit, rule.roll_to_working_day) == (1, "years", False)
    try:
        end = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + 1, day=28)
    return end


def failing_by_law(f: Facts) -> set[str]:
    """Which criteria fail, read straight from the law rather than from the rules module."""
    failing = set()
    if f.anonymous and not f.has_evidence:
        failing.add("identity")
    starts = [d for d in (f.violation_date, f.awareness_date) if d]
    if starts and TODAY > _one_year_after(max(starts)):
        failing.add("time_limit")
    if ((f.excluded_bodies or f.private_respondent) and not f.about_court_delay) or f.nakhchivan:
        failing.add("mandate")
    if f.court_pending and not f.about_court_delay:
        failing.add("court")
    if f.on_behalf and not f.consent:
        failing.add("consent")
    if f.repeat_of:
        failing.add("repeat")
    return failing


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=facts)
def test_the_checker_follows_the_shared_rules(f, db):
    assessment = assess_facts(f, today=TODAY)
    failing = {check.code for check in assessment.checks if not check.ok}
    advice = advise(f, today=TODAY)

    if f.urgent:
        assert advice.outcome == CALL_916
    elif not failing:
        assert advice.outcome == APPLY
    else:
        assert advice.outcome == REFER
    assert (advice.outcome == APPLY) == (assessment.looks_admissible and not f.urgent)
    # Every failing rule is explained, in the rules' order, with at least one place to go.
    assert [finding.code for finding in advice.findings] == [c.code for c in assessment.checks if not c.ok]
    assert all(finding.reason and finding.destinations for finding in advice.findings)
    assert all(d in DESTINATIONS.values() for finding in advice.findings for d in finding.destinations)

    # The rules agree with an independent reading of the law.
    assert failing == failing_by_law(f)
    time_check = next(c for c in assessment.checks if c.code == "time_limit")
    if "time_limit" not in failing and time_check.until:
        assert advice.until == time_check.until >= TODAY


def test_detention_and_urgency_change_the_advice_not_admissibility(db):
    plain = Facts(violation_date=TODAY - timedelta(days=10))
    held = Facts(violation_date=TODAY - timedelta(days=10), in_detention=True, urgent=True)
    assert assess_facts(plain, today=TODAY) == assess_facts(held, today=TODAY)
    assert advise(held, today=TODAY).outcome == CALL_916
    assert any("24" in note for note in advise(Facts(in_detention=True), today=TODAY).notes)


# The visitor's answers, and the application a clerk would register for the same situation.
EQUIVALENT = {
    "plain": ({}, {}),
    "anonymous_without_evidence": (
        {"anonymous": "yes", "evidence": "no"},
        {"applicant_kind": ApplicantKind.ANONYMOUS},
    ),
    "anonymous_with_evidence": (
        {"anonymous": "yes", "evidence": "yes"},
        {"applicant_kind": ApplicantKind.ANONYMOUS, "has_evidence": True},
    ),
    "time_barred": ({"when": "2024-06-01"}, {"violation_date": date(2024, 6, 1)}),
    "in_time": ({"when": "2025-06-01"}, {"violation_date": date(2025, 6, 1)}),
    "judge": ({"respondent": "court"}, {"respondents": ["supreme_court"]}),
    "court_delay": (
        {"respondent": "court", "court_delay": "yes"},
        {"respondents": ["appeal_courts"], "about_court_delay": True},
    ),
    "president": ({"respondent": "president_or_mp"}, {"respondents": ["president"]}),
    "member_of_parliament": ({"respondent": "president_or_mp"}, {"respondents": ["milli_majlis", "mia"]}),
    "court_pending": ({"court_pending": "yes"}, {"court_status": CourtStatus.PENDING}),
    "pending_but_delay": (
        {"court_pending": "yes", "court_delay": "yes"},
        {"court_status": CourtStatus.PENDING, "about_court_delay": True},
    ),
}
BASE = {
    "respondent": "state",
    "court_delay": "no",
    "court_pending": "no",
    "anonymous": "no",
    "detention": "no",
    "urgent": "no",
}


@pytest.mark.parametrize("case", EQUIVALENT)
def test_the_checker_and_the_staff_assistant_agree(case, persona):
    answers, fields = EQUIVALENT[case]
    if "respondents" in fields:
        fields = {**fields, "respondents": [authority(code) for code in fields["respondents"]]}
    with time_machine.travel("2025-10-06 10:00 +04:00", tick=False):
        form = CheckerForm({**BASE, **answers})
        assert form.is_valid(), form.errors
        app = make_application(persona("department_head"), **fields)
        staff = [(c.code, c.ok, c.ground) for c in assess(app).checks]
        public = [(c.code, c.ok, c.ground) for c in advise(form.facts()).assessment.checks]
    assert staff == public
