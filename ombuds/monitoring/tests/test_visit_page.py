"""The visit page offers only the actions the visit's state allows, and the services refuse the
others: for every state of the lifecycle, each action succeeds exactly when the page offers it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.testing import make_user
from ombuds.monitoring import forms as f
from ombuds.monitoring import services
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.monitoring.views import ACTIONS, offered_actions

pytestmark = pytest.mark.django_db
S = VisitStatus
REPORT_STEPS = (S.REPORT_DRAFT, S.FACTUAL_CHECK, S.REPORT_FINAL, S.RECOMMENDATIONS_ISSUED, S.FOLLOW_UP, S.CLOSED)


def visit_in(lead, status: str, **visit_fields):
    """A visit brought to `status` through the services, with one interview once on site."""
    place = make_place(lead, name_az="Yer")
    if status == S.PLANNED:  # a plan item makes a scheduled visit; otherwise it is unscheduled
        plan = services.create_plan(lead, 2030, "Plan")
        visit_fields["plan_item"] = services.add_plan_item(lead, plan, place=place, quarter=1, visit_type="in_depth")
    visit = make_visit(lead, place=place, **visit_fields)
    services.add_team_member(lead, visit, lead, "leader")
    if status in (S.PLANNED, S.UNSCHEDULED_REQUESTED):
        return visit
    if status == S.CANCELLED:
        return services.cancel_visit(lead, visit, "Karantin.")
    visit = services.prepare_visit(lead, visit, "")
    if status == S.PREPARED:
        return visit
    visit = services.record_arrival(lead, visit)
    # At risk of reprisals: the 72-hour first-contact clock runs after the visit.
    services.add_interview(lead, visit, pseudonym="S-01", kind="detainee", reprisal_risk=True)
    if status == S.IN_PROGRESS:
        return visit
    visit = services.complete_onsite(lead, visit, people_held=10)
    for step in REPORT_STEPS:
        if visit.status == status:
            break
        if step == S.RECOMMENDATIONS_ISSUED:
            # Reached by issuing the visit's recommendations (a layer above monitoring).
            from ombuds.recommendations import services as recommendations
            from ombuds.recommendations.testing import make_recommendation

            make_recommendation(None, visit=visit, findings=[])
            recommendations.issue_visit_recommendations(None, visit)
            visit.refresh_from_db()
            continue
        visit = services.advance_visit(lead, visit, step)
    assert visit.status == status
    return visit


def valid_data(visit, action, member):
    now = timezone.now()
    advance = f.AdvanceForm.targets_from(visit.status)
    return {
        "plan": {"version": visit.version, "planned_date": visit.planned_date, "objectives": "Mətbəx.", "trigger": "x"},
        "team": {"user": member, "role": "member"},
        "prepare": {"text": ""},
        "arrival": {"arrival_at": now, "access_at": now + timedelta(minutes=5)},
        "finding": {
            "area": "treatment",
            "subtopic": "",
            "text": "Bir.",
            "sources": ["observation"],
            "severity": "info",
        },
        "interview": {"pseudonym": "S-02", "kind": "staff", "private": True, "group_size": 1, "identity": ""},
        "incident": {
            "kind": "delayed",
            "official": "",
            "minutes_lost": 5,
            "description": "Gözlədildi.",
            "protocol_reference": "",
        },
        "complete": {"people_held": 3, "immediate_observations": ""},
        "advance": {"target": advance[0] if advance else S.CLOSED},
        "cancel": {"reason": "Karantin."},
        "application": {"summary": "Şikayət.", "surname": "", "given_name": ""},
        "reprisal": {"pseudonym": "R-01", "measure": "threat", "risk": "low", "account": ""},
        "allegation": {"interview": visit.interviews.first(), "methods": "Döyülmə."},
        "first_contact": {"interview": visit.interviews.filter(reprisal_risk=True).first(), "note": "Zəng edildi."},
    }[action]


@pytest.mark.parametrize("status", S.values)
def test_each_action_succeeds_exactly_when_the_page_offers_it(persona, status):
    lead = persona("npm_member")
    member = make_user(roles=["npm_member"], unit="npg")
    visit = visit_in(lead, status, announced=True)
    assert visit.status == status
    offered = offered_actions(visit)
    outcome = {}
    for action, (_form, call) in ACTIONS.items():
        if action in ("allegation", "first_contact") and not visit.interviews.exists():
            continue  # nothing to record it against before arrival; the page offers no form
        with transaction.atomic():
            try:
                call(lead, visit, valid_data(visit, action, member))
            except ValidationError:
                outcome[action] = False
            else:
                outcome[action] = True
            transaction.set_rollback(True)
        visit.refresh_from_db()
    assert {a for a, ok in outcome.items() if ok} == offered, status


def test_final_report_page_offers_no_arrival_and_labels_the_interview_counts(persona, staff_client):
    lead = persona("npm_member")
    visit = visit_in(lead, S.REPORT_FINAL, announced=True)
    client = staff_client(lead)
    client.cookies["django_language"] = "en"
    page = client.get(visit.get_absolute_url()).content.decode()
    assert reverse("monitoring:visit_action", args=[visit.public_id, "arrival"]) not in page
    assert reverse("monitoring:visit_action", args=[visit.public_id, "prepare"]) not in page
    assert reverse("monitoring:visit_action", args=[visit.public_id, "advance"]) in page
    assert 'value="report_draft"' not in page and 'value="closed"' in page
    # Issuing the visit's recommendations reaches that step, not the "next step" form.
    assert 'value="recommendations_issued"' not in page
    assert "1 / 0" not in page and "private: 1, in groups: 0" in page


def test_arrival_on_a_final_report_is_refused_without_a_change(persona, staff_client):
    lead = persona("npm_member")
    visit = visit_in(lead, S.REPORT_FINAL, announced=True)
    url = reverse("monitoring:visit_action", args=[visit.public_id, "arrival"])
    response = staff_client(lead).post(
        url, {"arrival-arrival_at": "2025-10-15T09:00", "arrival-access_at": "2025-10-15T09:10"}
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == S.REPORT_FINAL
