"""Every deadline a service starts has a service step that closes it: started, then met by that
step, it is never marked overdue afterwards (no false "overdue" alarm to its responsible person)."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

import ombuds
from ombuds.accounts.testing import make_user
from ombuds.complaints import services as complaints
from ombuds.complaints.testing import authority, make_application
from ombuds.core import deadlines
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import AuditEvent, Deadline, DeadlineRule
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return make_user(username="officer", roles=["department_head"], unit="dept_complaints")


@pytest.fixture
def lead():
    return make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")


def _deadline(subject, code):
    return Deadline.objects.get(rule__code=code, object_id=subject.pk)


def _assert_closed_and_never_overdue(deadline):
    deadline.refresh_from_db()
    assert deadline.closed_at is not None and deadline.status == DeadlineStatus.MET
    deadlines.mark_overdue(now=deadline.due_at + timedelta(days=400))
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.MET
    # Other deadlines of the same record may fall overdue; this one raised no alarm.
    assert not AuditEvent.objects.filter(action="core.deadline.overdue", object_id=str(deadline.public_id)).exists()


def _accepted(officer, **fields):
    app = make_application(officer, assignee=officer, **fields)
    return complaints.decide_admissibility(officer, app, "accept")


def _on_site(lead):
    visit = make_visit(lead, place=make_place(lead))
    monitoring.add_team_member(lead, visit, lead, "leader")
    monitoring.prepare_visit(lead, visit, "")
    return monitoring.record_arrival(lead, visit)


def close_acknowledgement(officer, lead):
    app = make_application(officer)  # the acknowledgement is generated with the registration
    return _deadline(app, "acknowledgement")


def close_reasoned_refusal(officer, lead):
    app = make_application(officer)
    deadline = _deadline(app, "reasoned_refusal")
    complaints.decide_admissibility(officer, app, "accept")
    return deadline


def close_urgent_triage(officer, lead):
    app = make_application(officer, urgent_torture=True)
    deadline = _deadline(app, "urgent_triage")
    complaints.decide_admissibility(officer, app, "accept")
    return deadline


def close_consideration(officer, lead):
    app = _accepted(officer)
    deadline = _deadline(app, "consideration")
    complaints.conclude_application(officer, app, "not_confirmed")
    return deadline


def close_consideration_access_to_information(officer, lead):
    from ombuds.complaints.models import RightTopic

    app = _accepted(officer, rights=[RightTopic.objects.get(code="access_to_information")])
    deadline = _deadline(app, "consideration_access_to_information")
    complaints.conclude_application(officer, app, "not_confirmed")
    return deadline


def close_applicant_notification(officer, lead):
    app = _accepted(officer)
    app = complaints.conclude_application(officer, app, "not_confirmed")
    deadline = _deadline(app, "applicant_notification")
    complaints.notify_applicant(officer, app)
    return deadline


def close_urgent_measure_response(officer, lead):
    app = _accepted(officer)
    complaints.add_measure(officer, app, kind="urgent", addressee=authority("mia"), text="Release the detainee.")
    deadline = _deadline(app, "urgent_measure_response")
    complaints.record_measure_response(officer, app, "The detainee was released the same evening.")
    return deadline


def close_info_request_reply(officer, lead):
    app = _accepted(officer)
    request = complaints.send_info_request(officer, app, addressee=authority("mia"), basis="general", questions="Why?")
    deadline = _deadline(app, "info_request_reply")
    complaints.record_reply(officer, request, "Because.")
    return deadline


def close_info_request_reply_access_to_information(officer, lead):
    app = _accepted(officer)
    first = complaints.send_info_request(
        officer, app, addressee=authority("mia"), basis="access_to_information", questions="Why?"
    )
    deadline = _deadline(app, "info_request_reply_access_to_information")
    complaints.record_reply(officer, first, "Because.")
    return deadline


def close_reprisal_first_contact_of_an_interview(officer, lead):
    interview = monitoring.add_interview(lead, _on_site(lead), pseudonym="T-07", kind="detainee", reprisal_risk=True)
    deadline = _deadline(interview, "reprisal_first_contact")
    monitoring.record_first_contact(lead, interview, "Called the family; visited him on day 2.")
    return deadline


def close_reprisal_first_contact_of_a_case_by_contact(officer, lead):
    case = monitoring.report_reprisal(lead, pseudonym="R-1", measure="threat", risk="high", visit=_on_site(lead))
    deadline = _deadline(case, "reprisal_first_contact")
    monitoring.record_first_contact(lead, case, "Met him in the colony.")
    return deadline


def close_reprisal_first_contact_of_a_case_by_an_action(officer, lead):
    case = monitoring.report_reprisal(lead, pseudonym="R-2", measure="transfer", risk="high", visit=_on_site(lead))
    deadline = _deadline(case, "reprisal_first_contact")
    monitoring.advance_reprisal(lead, case, "risk_assessed")
    monitoring.advance_reprisal(lead, case, "action_taken", note="Urgent follow-up visit; letter to the service.")
    return deadline


def _issued(lead, **fields):
    from ombuds.recommendations import services as recommendations
    from ombuds.recommendations.testing import make_recommendation

    commissioner = make_user(username="commissioner.r", roles=["commissioner"], unit="dept_complaints")
    return recommendations.issue_recommendation(commissioner, make_recommendation(lead, **fields))


def _answered(lead, rec, code):
    from ombuds.recommendations import services as recommendations

    deadline = _deadline(rec, code)
    recommendations.record_response(lead, rec, stance="accepts", received_on=timezone.localdate(), text="Accepted.")
    return deadline


def close_recommendation_response(officer, lead):
    return _answered(lead, _issued(lead), "recommendation_response")


def close_recommendation_response_urgent(officer, lead):
    return _answered(lead, _issued(lead, kind="urgent"), "recommendation_response_urgent")


def close_annual_report(officer, lead):
    """The annual report's clock runs from 1 January; submitting the report stops it."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from ombuds.reports.tests.reporting import make_report

    with time_machine.travel(datetime(2026, 2, 10, 12, tzinfo=ZoneInfo("Asia/Baku")), tick=False):
        report = make_report(year=2025, status="approved")
        deadline = _deadline(report, "annual_report")
        from ombuds.reports.services import reports

        reports.submit_report(None, report, submitted_on=date(2026, 2, 9))
    return deadline


CLOSERS = {
    "acknowledgement": [close_acknowledgement],
    "reasoned_refusal": [close_reasoned_refusal],
    "urgent_triage": [close_urgent_triage],
    "consideration": [close_consideration],
    "consideration_access_to_information": [close_consideration_access_to_information],
    "applicant_notification": [close_applicant_notification],
    "urgent_measure_response": [close_urgent_measure_response],
    "info_request_reply": [close_info_request_reply],
    "info_request_reply_access_to_information": [close_info_request_reply_access_to_information],
    "reprisal_first_contact": [
        close_reprisal_first_contact_of_an_interview,
        close_reprisal_first_contact_of_a_case_by_contact,
        close_reprisal_first_contact_of_a_case_by_an_action,
    ],
    "recommendation_response": [close_recommendation_response],
    "recommendation_response_urgent": [close_recommendation_response_urgent],
    "annual_report": [close_annual_report],
}


@pytest.mark.parametrize("close", [fn for fns in CLOSERS.values() for fn in fns], ids=lambda fn: fn.__name__)
def test_the_closing_step_meets_the_deadline(close, officer, lead):
    deadline = close(officer, lead)
    assert deadline.rule.code in CLOSERS
    _assert_closed_and_never_overdue(deadline)


def _started_rule_codes(codes: set[str]) -> set[str]:
    """Rule codes named in the functions that call `start_deadline` (or in the module-level
    tables those functions use, e.g. RULE_FOR_BASIS)."""
    found = set()
    for path in Path(ombuds.__file__).parent.rglob("*.py"):
        if "tests" in path.parts or path.name == "deadlines.py":
            continue
        tree = ast.parse(path.read_text())
        tables = {}
        for node in tree.body:
            if isinstance(node, ast.Assign):
                tables |= {t.id: node.value for t in node.targets if isinstance(t, ast.Name)}
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                tables[node.target.id] = node.value
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            calls = [
                n
                for n in ast.walk(fn)
                if isinstance(n, ast.Call) and getattr(n.func, "attr", getattr(n.func, "id", "")) == "start_deadline"
            ]
            if not calls:
                continue
            used = [tables[n.id] for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id in tables]
            for node in (fn, *used):
                found |= {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and n.value in codes}
    return found


def test_every_rule_a_service_starts_has_a_closing_test():
    """A ratchet: a service that starts a deadline under a rule needs its closing step tested here."""
    started = _started_rule_codes(set(DeadlineRule.objects.values_list("code", flat=True)))
    assert "reprisal_first_contact" in started and "info_request_reply" in started
    assert started <= set(CLOSERS), sorted(started - set(CLOSERS))


def test_a_second_information_request_keeps_its_own_deadline(officer):
    app = _accepted(officer)
    first = complaints.send_info_request(officer, app, addressee=authority("mia"), basis="general", questions="1?")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(timezone, "now", lambda: first.sent_at + timedelta(days=3))
        second = complaints.send_info_request(officer, app, addressee=authority("sss"), basis="general", questions="2?")
    complaints.record_reply(officer, second, "Answered.")
    open_due = list(deadlines.open_for(app, "info_request_reply").values_list("due_at", flat=True))
    assert open_due == [first.due_at]


def test_first_contact_is_recorded_only_where_awaited_and_sealed(lead):
    from django.core.exceptions import ValidationError

    interview = monitoring.add_interview(lead, _on_site(lead), pseudonym="T-01", kind="detainee")
    with pytest.raises(ValidationError):
        monitoring.record_first_contact(lead, interview, "Called him.")
    risky = monitoring.add_interview(lead, interview.visit, pseudonym="T-02", kind="detainee", reprisal_risk=True)
    with pytest.raises(ValidationError):
        monitoring.record_first_contact(lead, risky, "  ")
    monitoring.record_first_contact(lead, risky, "CANARY-contact-1")
    event = AuditEvent.objects.get(action="monitoring.interview.first_contact_recorded")
    assert "CANARY-contact-1" not in str(event.changes)
