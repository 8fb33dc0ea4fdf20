"""The lifecycle of domain.md §3.3 through the services: every legal and every illegal move of
`choices.TRANSITIONS`, verification before "implemented", the response clock, reminders,
repeats, drafting rules, the audit trail, due dates and numbering."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from ombuds.accounts.testing import make_persona, make_user
from ombuds.complaints import services as complaints
from ombuds.complaints.choices import Outcome
from ombuds.complaints.testing import make_application
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import AuditEvent, Deadline, DeadlineRule, Notification
from ombuds.recommendations import choices as c
from ombuds.recommendations import services
from ombuds.recommendations.models import AuthorityResponse, Recommendation, StatusChange
from ombuds.recommendations.services.lifecycle import implementation_due
from ombuds.recommendations.testing import make_recommendation, visit_with_finding

pytestmark = pytest.mark.django_db

S = c.Status


def today():
    """Read at each use: a module-level date goes stale when the run passes midnight in Baku."""
    return timezone.localdate()


def earlier():
    """Issued long enough ago for the 30-day response term to have run out."""
    return today() - timedelta(days=40)


@pytest.fixture(autouse=True)
def english():
    """The messages are matched in English (the working language, Azerbaijani, is the default)."""
    with translation.override("en"):
        yield


@pytest.fixture
def lead():
    return make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")


@pytest.fixture
def commissioner():
    return make_persona("commissioner")


STANCE_OF = {
    S.ACCEPTED: c.Stance.ACCEPTS,
    S.REJECTED: c.Stance.REJECTS,
    S.IN_PROGRESS: c.Stance.PROGRESS,
    S.REPORTED_IMPLEMENTED: c.Stance.IMPLEMENTED,
}


def move_to(lead, commissioner, rec: Recommendation, target: str) -> None:
    """Ask the service that leads to `target` (the only doorway for it) to move `rec`."""
    if target == S.ISSUED:
        services.issue_recommendation(commissioner, rec, issued_on=earlier())
    elif target in STANCE_OF:
        services.record_response(lead, rec, stance=STANCE_OF[target], received_on=today(), text="Cavab.")
    elif target == S.NO_RESPONSE:
        services.mark_no_response()
    elif target in c.ASSESSED:
        services.record_outcome(lead, rec, target, evidence=c.Evidence.FOLLOW_UP_VISIT, visit=rec.visit)
    elif target == S.NO_LONGER_RELEVANT:
        services.mark_no_longer_relevant(lead, rec, "Müəssisə bağlanıb.")
    else:
        raise AssertionError(target)


# A path from a draft to each status through the services.
PATH = {
    S.DRAFT: [],
    S.NO_LONGER_RELEVANT: [S.ISSUED, S.NO_LONGER_RELEVANT],
    **{status: [S.ISSUED] for status in [S.ISSUED]},
    **{status: [S.ISSUED, status] for status in S if status not in (S.DRAFT, S.ISSUED, S.NO_LONGER_RELEVANT)},
}


def reach(lead, commissioner, status: str) -> Recommendation:
    rec = make_recommendation(lead)
    for step in PATH[status]:
        move_to(lead, commissioner, rec, step)
        rec.refresh_from_db()
    assert rec.status == status
    return rec


PAIRS = [(old, new) for old in S for new in S if new != S.DRAFT]


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{o}->{n}" for o, n in PAIRS])
def test_every_transition_through_the_services(lead, commissioner, old, new):
    rec = reach(lead, commissioner, old)
    before = rec.history.count()
    if new in c.TRANSITIONS[old]:
        move_to(lead, commissioner, rec, new)
        rec.refresh_from_db()
        assert rec.status == new
        change = rec.history.order_by("pk").last()
        assert (change.old_status, change.new_status) == (old, new)
        assert rec.history.count() == before + 1
    else:
        try:
            move_to(lead, commissioner, rec, new)
        except ValidationError:
            pass
        rec.refresh_from_db()
        assert rec.status == old
        assert rec.history.count() == before


def test_nothing_leads_back_to_a_draft_and_closed_states_are_final():
    assert all(S.DRAFT not in targets for targets in c.TRANSITIONS.values())
    assert c.TRANSITIONS[S.IMPLEMENTED] == c.TRANSITIONS[S.NO_LONGER_RELEVANT] == set()
    assert set(c.TRANSITIONS) == set(S.values)


# --- Implemented needs a verification source -------------------------------------------------


@pytest.mark.parametrize("evidence", [c.Evidence.AUTHORITY_RESPONSE, c.Evidence.STAFF_DECISION, c.Evidence.CLOCK])
def test_implemented_is_refused_without_a_verification_source(lead, commissioner, evidence):
    rec = reach(lead, commissioner, S.ACCEPTED)
    with pytest.raises(ValidationError) as err:
        services.record_outcome(lead, rec, S.IMPLEMENTED, evidence=evidence)
    assert "evidence" in err.value.message_dict
    rec.refresh_from_db()
    assert rec.status == S.ACCEPTED


def test_verification_sources_need_their_proof(lead, commissioner):
    rec = reach(lead, commissioner, S.ACCEPTED)
    with pytest.raises(ValidationError, match="follow-up visit"):
        services.record_outcome(lead, rec, S.IMPLEMENTED, evidence=c.Evidence.FOLLOW_UP_VISIT)
    with pytest.raises(ValidationError, match="document"):
        services.record_outcome(lead, rec, S.IMPLEMENTED, evidence=c.Evidence.DOCUMENT)
    # A checked report needs a report: the authority has not said it is implemented.
    with pytest.raises(ValidationError, match="not reported it implemented"):
        services.record_outcome(lead, rec, S.IMPLEMENTED, evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED)
    rec.refresh_from_db()
    assert rec.status == S.ACCEPTED and not rec.history.filter(new_status=S.IMPLEMENTED).exists()


def test_not_implemented_may_rest_on_the_authoritys_word(lead, commissioner):
    rec = reach(lead, commissioner, S.ACCEPTED)
    services.record_outcome(lead, rec, S.NOT_IMPLEMENTED, evidence=c.Evidence.AUTHORITY_RESPONSE, note="No funds.")
    rec.refresh_from_db()
    assert rec.status == S.NOT_IMPLEMENTED


def test_the_authoritys_claim_gives_reported_implemented_and_only_staff_verify_it(lead, commissioner):
    rec = reach(lead, commissioner, S.ISSUED)
    response = services.record_response(
        lead, rec, stance=c.Stance.IMPLEMENTED, received_on=today(), text="Təmir başa çatıb.", reference="12/345"
    )
    rec.refresh_from_db()
    assert rec.status == S.REPORTED_IMPLEMENTED
    change = rec.history.get(new_status=S.REPORTED_IMPLEMENTED)
    assert change.evidence == c.Evidence.AUTHORITY_RESPONSE and change.response == response
    # The responsible staff member is told there is something to verify.
    assert Notification.objects.filter(
        recipient=lead, kind="recommendations.recommendation.reported_implemented"
    ).exists()
    # Saying it again changes nothing.
    services.record_response(lead, rec, stance=c.Stance.IMPLEMENTED, received_on=today(), text="Bir daha: icra olunub.")
    rec.refresh_from_db()
    assert rec.status == S.REPORTED_IMPLEMENTED and rec.responses.count() == 2
    # A staff member checks the report: now it is implemented, resting on that check.
    services.record_outcome(
        lead, rec, S.IMPLEMENTED, evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED, note="Photos and invoices checked."
    )
    rec.refresh_from_db()
    assert rec.status == S.IMPLEMENTED
    assert rec.history.get(new_status=S.IMPLEMENTED).evidence == c.Evidence.AUTHORITY_REPORT_VERIFIED


def test_a_follow_up_visit_verifies(lead, commissioner):
    rec = reach(lead, commissioner, S.REPORTED_IMPLEMENTED)
    from ombuds.monitoring import services as monitoring
    from ombuds.monitoring.testing import make_visit

    follow_up = make_visit(lead, place=rec.visit.place, visit_type="follow_up")
    monitoring.prepare_visit(lead, follow_up, "")
    with pytest.raises(ValidationError, match="on site"):
        services.record_follow_up_check(lead, follow_up, rec, c.Observed.IMPLEMENTED)
    follow_up = monitoring.record_arrival(lead, follow_up)
    check = services.record_follow_up_check(lead, follow_up, rec, c.Observed.IMPLEMENTED, note="Duş işləyir.")
    rec.refresh_from_db()
    assert rec.status == S.IMPLEMENTED
    change = rec.history.get(new_status=S.IMPLEMENTED)
    assert change.evidence == c.Evidence.FOLLOW_UP_VISIT and change.visit == follow_up
    assert change.happened_on == timezone.localtime(follow_up.arrival_at).date()
    assert AuditEvent.objects.filter(action="recommendations.followupcheck.recorded", object_id=str(check.public_id))
    with pytest.raises(ValidationError, match="not open"):
        services.record_follow_up_check(lead, follow_up, rec, c.Observed.IMPLEMENTED)


def test_a_follow_up_check_concerns_the_visited_place(lead, commissioner):
    rec = reach(lead, commissioner, S.ACCEPTED)
    other_visit, _finding = visit_with_finding(lead)
    with pytest.raises(ValidationError, match="visited place"):
        services.record_follow_up_check(lead, other_visit, rec, c.Observed.IMPLEMENTED)
    rec.refresh_from_db()
    assert rec.status == S.ACCEPTED


# --- The response clock ---------------------------------------------------------------------


def _response_deadline(rec):
    return Deadline.objects.get(object_id=rec.pk, rule__code="recommendation_response")


def test_issuing_starts_the_response_clock_and_a_response_stops_it(lead, commissioner):
    rec = make_recommendation(lead)
    services.issue_recommendation(commissioner, rec)
    deadline = _response_deadline(rec)
    assert deadline.status == DeadlineStatus.RUNNING and deadline.responsible == lead
    assert (deadline.due_at - deadline.started_at).days == 30
    services.record_response(lead, rec, stance=c.Stance.ACCEPTS, received_on=today(), text="Qəbul edilir.")
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.MET and deadline.closed_at is not None
    assert services.mark_no_response() == 0
    rec.refresh_from_db()
    assert rec.status == S.ACCEPTED


def test_no_response_when_the_clock_runs_out_and_a_late_response_still_counts(lead, commissioner):
    waiting = make_recommendation(lead)
    services.issue_recommendation(commissioner, waiting)  # issued today: its term has not run out
    rec = make_recommendation(lead)
    services.issue_recommendation(commissioner, rec, issued_on=earlier())
    assert _response_deadline(rec).due_at < timezone.now()

    assert services.mark_no_response() == 1
    rec.refresh_from_db()
    waiting.refresh_from_db()
    assert (rec.status, waiting.status) == (S.NO_RESPONSE, S.ISSUED)
    change = rec.history.get(new_status=S.NO_RESPONSE)
    assert change.evidence == c.Evidence.CLOCK and change.happened_on == today()
    assert _response_deadline(rec).status == DeadlineStatus.OVERDUE
    assert Notification.objects.filter(recipient=lead, kind="recommendations.recommendation.no_response").count() == 1
    assert services.mark_no_response() == 0  # once

    services.record_response(lead, rec, stance=c.Stance.ACCEPTS, received_on=today(), text="Gecikmiş cavab.")
    rec.refresh_from_db()
    assert rec.status == S.ACCEPTED
    deadline = _response_deadline(rec)
    assert deadline.closed_at is not None and deadline.status == DeadlineStatus.OVERDUE  # met, but late
    assert list(rec.history.values_list("new_status", flat=True)) == [S.ISSUED, S.NO_RESPONSE, S.ACCEPTED]


def test_an_urgent_recommendation_has_the_short_clock(lead, commissioner):
    urgent = make_recommendation(lead, kind=c.Kind.URGENT)
    ordinary = make_recommendation(lead)
    issued = today() - timedelta(days=20)  # past five working days, within thirty days
    services.issue_recommendation(commissioner, urgent, issued_on=issued)
    services.issue_recommendation(commissioner, ordinary, issued_on=issued)
    assert Deadline.objects.get(object_id=urgent.pk).rule.code == "recommendation_response_urgent"
    assert services.mark_no_response() == 1
    assert Recommendation.objects.get(pk=urgent.pk).status == S.NO_RESPONSE
    assert Recommendation.objects.get(pk=ordinary.pk).status == S.ISSUED


def test_a_response_is_refused_before_issue_in_the_future_or_before_the_letter(lead, commissioner):
    rec = make_recommendation(lead)
    with pytest.raises(ValidationError, match="does not await"):
        services.record_response(lead, rec, stance=c.Stance.ACCEPTS, received_on=today(), text="Cavab.")
    services.issue_recommendation(commissioner, rec, issued_on=earlier())
    with pytest.raises(ValidationError):
        services.record_response(
            lead, rec, stance=c.Stance.ACCEPTS, received_on=today() + timedelta(days=1), text="Cavab."
        )
    with pytest.raises(ValidationError):
        services.record_response(
            lead, rec, stance=c.Stance.ACCEPTS, received_on=earlier() - timedelta(days=1), text="Cavab."
        )
    with pytest.raises(ValidationError):
        services.record_response(lead, rec, stance=c.Stance.ACCEPTS, received_on=today(), text="  ")
    assert not AuthorityResponse.objects.exists()


# --- Reminders ------------------------------------------------------------------------------


def test_reminders_once_before_and_once_after_the_due_date(lead, commissioner, settings):
    settings.OMBUDS_RECOMMENDATION_REMINDER_DAYS = 14
    due = today() + timedelta(days=10)
    rec = make_recommendation(lead)
    services.issue_recommendation(
        commissioner, rec, issued_on=earlier(), due_date=due, due_reason="Ödənişli təmir müqaviləsi."
    )
    later = make_recommendation(lead)
    services.issue_recommendation(commissioner, later)  # due in six months: nothing yet
    kinds = Notification.objects.filter(recipient=lead, kind__startswith="recommendations.recommendation.d")

    assert services.send_reminders(today() - timedelta(days=5)) == 0  # 15 days ahead
    assert services.send_reminders(today()) == 1
    assert services.send_reminders(today() + timedelta(days=3)) == 0
    assert list(kinds.values_list("kind", "params__number")) == [
        ("recommendations.recommendation.due_soon", rec.number)
    ]

    overdue = Notification.objects.filter(recipient=lead, kind="recommendations.recommendation.overdue")
    assert services.send_reminders(due) == 0  # due today is not overdue
    assert services.send_reminders(due + timedelta(days=1)) == 1
    assert services.send_reminders(due + timedelta(days=30)) == 0
    assert list(overdue.values_list("params__number", flat=True)) == [rec.number]


def test_no_reminder_for_a_closed_recommendation(lead, commissioner):
    rec = reach(lead, commissioner, S.IMPLEMENTED)
    assert rec.due_date is not None
    assert services.send_reminders(rec.due_date + timedelta(days=1)) == 0


# --- Repeats --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", list(S))
def test_only_a_recommendation_not_or_partly_implemented_is_repeated(lead, commissioner, status):
    old = reach(lead, commissioner, status)
    if status in (S.NOT_IMPLEMENTED, S.PARTIALLY_IMPLEMENTED):
        new = services.repeat_recommendation(lead, old)
        assert new.repeats == old and list(old.repeated_by.all()) == [new]
        assert new.status == S.DRAFT and new.number != old.number
        assert (new.addressee, new.text_az, new.text_en) == (old.addressee, old.text_az, old.text_en)
        assert list(new.places.all()) == list(old.places.all())
        assert list(new.findings.all()) == list(old.findings.all())
        event = AuditEvent.objects.get(action="recommendations.recommendation.drafted", object_id=str(new.public_id))
        assert event.changes["repeats"] == old.number
    else:
        with pytest.raises(ValidationError, match="not or partly implemented"):
            services.repeat_recommendation(lead, old)
        with pytest.raises(ValidationError):
            make_recommendation(lead, repeats=old)
        assert not old.repeated_by.exists()


# --- Drafting rules -------------------------------------------------------------------------


def test_drafting_is_refused_for_findings_of_another_visit(lead):
    visit, _finding = visit_with_finding(lead)
    _other_visit, other_finding = visit_with_finding(lead)
    with pytest.raises(ValidationError) as err:
        make_recommendation(lead, visit=visit, findings=[other_finding])
    assert "findings" in err.value.message_dict
    assert not Recommendation.objects.exists()
    rec = make_recommendation(lead, visit=visit, findings=[_finding])
    with pytest.raises(ValidationError):
        services.update_draft(lead, rec, findings=[other_finding])
    assert list(rec.findings.all()) == [_finding]


def _application_draft(actor, app):
    from ombuds.complaints.testing import authority

    return services.draft_recommendation(
        actor,
        source=c.Source.APPLICATION,
        application=app,
        addressee=authority("mia"),
        kind=c.Kind.THEMATIC,
        text_az="Polis şöbəsi vətəndaşların şikayətlərini qeydə almaqdan imtina etməsin.",
    )


def test_an_application_leads_to_a_recommendation_only_with_a_violation(persona):
    head = persona("department_head")
    app = make_application(head)
    with pytest.raises(ValidationError) as err:
        _application_draft(head, app)  # just registered
    assert "application" in err.value.message_dict
    complaints.assign_application(head, app, head)
    app = complaints.decide_admissibility(head, app, "accept")
    cleared = make_application(head)
    complaints.assign_application(head, cleared, head)
    cleared = complaints.decide_admissibility(head, cleared, "accept")
    cleared = complaints.conclude_application(head, cleared, Outcome.NOT_CONFIRMED)
    with pytest.raises(ValidationError):
        _application_draft(head, cleared)  # concluded, no violation
    assert not Recommendation.objects.exists()

    complaints.add_measure(head, app, kind="letter", addressee=app.respondents.first(), text="Tədbir görülsün.")
    app = complaints.conclude_application(head, app, Outcome.VIOLATION_FOUND)
    rec = _application_draft(head, app)
    assert rec.application == app and rec.visit is None and rec.unit == app.unit


def test_an_application_out_of_reach_is_not_a_source(persona):
    app = make_application(persona("department_head"))
    npm = make_persona("npm_member")
    with pytest.raises(PermissionDenied):
        _application_draft(npm, app)


def test_a_draft_needs_its_azerbaijani_text_and_a_known_source(lead):
    with pytest.raises(ValidationError) as err:
        make_recommendation(lead, text_az="   ")
    assert "text_az" in err.value.message_dict
    with pytest.raises(ValidationError):
        make_recommendation(lead, source=c.Source.THEMATIC_REPORT, report_title="")
    assert not Recommendation.objects.exists()


def test_drafting_and_issuing_need_their_permissions(persona, lead):
    member = persona("npm_member")
    rec = make_recommendation(member)  # an NPM member drafts...
    with pytest.raises(PermissionDenied):
        services.issue_recommendation(member, rec)  # ...the lead or the Commissioner issues
    with pytest.raises(PermissionDenied):
        make_recommendation(persona("awareness_staff"))


# --- The audit trail and the dated history -----------------------------------------------------


def test_each_change_is_audited_and_dated(lead, commissioner):
    rec = make_recommendation(lead)
    services.update_draft(lead, rec, priority=c.Priority.HIGH)
    issued_on = today() - timedelta(days=60)
    services.issue_recommendation(commissioner, rec, issued_on=issued_on)
    answered = today() - timedelta(days=45)
    response = services.record_response(lead, rec, stance=c.Stance.PROGRESS, received_on=answered, text="Davam edir.")
    services.record_escalation(lead, rec, c.Escalation.REMINDER_LETTER, taken_on=today() - timedelta(days=10))
    assessed = today() - timedelta(days=3)
    services.record_outcome(
        lead, rec, S.PARTIALLY_IMPLEMENTED, evidence=c.Evidence.FOLLOW_UP_VISIT, visit=rec.visit, happened_on=assessed
    )
    services.publish_recommendation(commissioner, rec)
    rec.refresh_from_db()

    history = list(rec.history.order_by("pk").values_list("old_status", "new_status", "happened_on", "evidence"))
    assert history == [
        (S.DRAFT, S.ISSUED, issued_on, c.Evidence.STAFF_DECISION),
        (S.ISSUED, S.IN_PROGRESS, answered, c.Evidence.AUTHORITY_RESPONSE),
        (S.IN_PROGRESS, S.PARTIALLY_IMPLEMENTED, assessed, c.Evidence.FOLLOW_UP_VISIT),
    ]
    assert rec.status_changed_on == assessed and rec.issued_on == issued_on and rec.issued_by == commissioner

    actions = list(
        AuditEvent.objects.filter(object_id=str(rec.public_id)).order_by("pk").values_list("action", "actor_id")
    )
    assert actions == [
        ("recommendations.recommendation.drafted", lead.pk),
        ("recommendations.recommendation.edited", lead.pk),
        ("recommendations.recommendation.issued", commissioner.pk),
        ("recommendations.recommendation.status_changed", lead.pk),
        ("recommendations.recommendation.status_changed", lead.pk),
        ("recommendations.recommendation.published", commissioner.pk),
    ]
    outcome = AuditEvent.objects.filter(action="recommendations.recommendation.status_changed").order_by("pk").last()
    assert outcome.changes == {
        "status": [S.IN_PROGRESS, S.PARTIALLY_IMPLEMENTED],
        "evidence": c.Evidence.FOLLOW_UP_VISIT,
        "on": assessed.isoformat(),
    }
    for action, obj in (
        ("recommendations.authorityresponse.recorded", response),
        ("recommendations.escalationstep.recorded", rec.escalations.get()),
    ):
        assert AuditEvent.objects.filter(action=action, object_id=str(obj.public_id)).count() == 1


def test_a_change_cannot_be_dated_in_the_future(lead, commissioner):
    rec = reach(lead, commissioner, S.ACCEPTED)
    tomorrow = today() + timedelta(days=1)
    with pytest.raises(ValidationError):
        services.record_outcome(lead, rec, S.NOT_IMPLEMENTED, evidence=c.Evidence.STAFF_DECISION, happened_on=tomorrow)
    with pytest.raises(ValidationError):
        services.issue_recommendation(commissioner, make_recommendation(lead), issued_on=tomorrow)
    with pytest.raises(ValidationError):
        services.record_escalation(lead, rec, c.Escalation.MEETING, taken_on=tomorrow)
    rec.refresh_from_db()
    assert rec.status == S.ACCEPTED and not StatusChange.objects.filter(happened_on=tomorrow).exists()


# --- Due dates ------------------------------------------------------------------------------


def test_the_due_date_comes_from_the_legal_clock(lead, commissioner):
    rec = make_recommendation(lead)
    services.issue_recommendation(commissioner, rec, issued_on=date(2025, 3, 3))
    rec.refresh_from_db()
    # Six months (recommendation_implementation), rolled to a working day.
    assert rec.due_date == date(2025, 9, 3) == implementation_due(date(2025, 3, 3))
    assert not rec.due_set_by_hand and rec.due_reason == ""
    # The rule is configurable: a shorter term gives an earlier date.
    DeadlineRule.objects.filter(code="recommendation_implementation").update(term=3)
    other = make_recommendation(lead)
    services.issue_recommendation(commissioner, other, issued_on=date(2025, 3, 3))
    other.refresh_from_db()
    assert other.due_date == date(2025, 6, 3)


def test_the_implementation_due_date_rolls_past_a_weekend():
    # 2025-02-01 + 6 months is Friday 1 August; 2025-02-09 + 6 months is Saturday 9 August.
    assert implementation_due(date(2025, 2, 1)) == date(2025, 8, 1)
    assert implementation_due(date(2025, 2, 9)) == date(2025, 8, 11)


def test_a_due_date_set_by_hand_needs_a_reason(lead, commissioner):
    with pytest.raises(ValidationError) as err:
        make_recommendation(lead, due_date=date(2026, 1, 1))
    assert "due_reason" in err.value.message_dict
    rec = make_recommendation(lead, due_date=today() + timedelta(days=400), due_reason="Əsaslı təmir tələb olunur.")
    services.issue_recommendation(commissioner, rec)
    rec.refresh_from_db()
    assert rec.due_date == today() + timedelta(days=400) and rec.due_set_by_hand
    assert rec.due_reason == "Əsaslı təmir tələb olunur."

    other = make_recommendation(lead)
    with pytest.raises(ValidationError):
        services.issue_recommendation(commissioner, other, due_date=today() + timedelta(days=30), due_reason="")
    with pytest.raises(ValidationError):
        services.issue_recommendation(commissioner, other, due_date=today(), due_reason="Bu gün.")
    other.refresh_from_db()
    assert other.status == S.DRAFT and other.due_date is None
    services.issue_recommendation(commissioner, other, due_date=today() + timedelta(days=30), due_reason="Təcili.")
    other.refresh_from_db()
    assert other.due_date == today() + timedelta(days=30) and other.due_set_by_hand


def test_overdue_means_due_date_passed_without_implementation(lead, commissioner):
    open_rec = reach(lead, commissioner, S.ACCEPTED)
    done = reach(lead, commissioner, S.IMPLEMENTED)
    draft = make_recommendation(lead)
    later = today() + timedelta(days=200)
    assert set(Recommendation.objects.overdue(later)) == {open_rec}
    assert open_rec.due_date < later and done.due_date < later and draft.due_date is None
    assert not Recommendation.objects.overdue(today()).exists()


# --- Numbering ------------------------------------------------------------------------------


def test_numbers_run_per_year(lead):
    year = today().year
    first, second = make_recommendation(lead), make_recommendation(lead)
    assert (first.number, second.number) == (f"{year}/0001", f"{year}/0002")
    imported = make_recommendation(lead, number="2023/41")
    assert (imported.number, imported.year, imported.sequence) == ("2023/0041", 2023, 41)
    # The year's counter moves past the imported number; the current year's is untouched.
    assert make_recommendation(lead, number="2023/0007").number == "2023/0007"
    assert services.drafting.next_number(2023) == (42, "2023/0042")
    assert make_recommendation(lead).number == f"{year}/0003"
    with pytest.raises(ValidationError) as err:
        make_recommendation(lead, number="2023/0041")
    assert "number" in err.value.message_dict
    with pytest.raises(ValidationError):
        make_recommendation(lead, number="41-2023")
