"""Outreach services: the plan is approved only by the Commissioner's own step; items and events
are cancelled with a reason; every status change of an item is an audited service step."""

import inspect
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ombuds.core.models import AuditEvent
from ombuds.outreach import services
from ombuds.outreach.choices import EventStatus, ItemStatus
from ombuds.outreach.models import PlanItem
from ombuds.outreach.tests.factories import make_event, make_item, make_plan

pytestmark = pytest.mark.django_db


def _actions(obj):
    return list(
        AuditEvent.objects.filter(object_id__in=[str(obj.pk), str(obj.public_id)]).values_list("action", flat=True)
    )


def test_creating_a_plan_cannot_approve_it(persona):
    assert "approved_by" not in inspect.signature(services.create_plan).parameters
    plan = services.create_plan(persona("awareness_staff"), year=2025, title_az="Plan")
    assert plan.approved_by is None and plan.approved_on is None


def test_only_the_commissioner_approves_a_plan_once(persona):
    plan = make_plan()
    with pytest.raises(PermissionDenied):
        services.approve_plan(persona("awareness_staff"), plan)
    commissioner = persona("commissioner")
    services.approve_plan(commissioner, plan, on=date(2024, 1, 15))
    plan.refresh_from_db()
    assert plan.approved_by == commissioner and plan.approved_on == date(2024, 1, 15)
    with pytest.raises(ValidationError):
        services.approve_plan(commissioner, plan)


def test_item_status_changes_are_audited_service_steps(persona):
    awareness = persona("awareness_staff")
    item = make_item(target_events=1)
    event = make_event(item)
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS
    services.record_outcome(awareness, event, satisfied_share=80)
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE
    assert {"outreach.planitem.started", "outreach.planitem.completed"} <= set(_actions(item))
    with pytest.raises(ValidationError):  # a finished item is not cancelled afterwards
        services.cancel_plan_item(awareness, item, reason="Too late.")


def test_an_event_is_cancelled_with_a_reason_and_then_takes_no_records(persona):
    awareness = persona("awareness_staff")
    event = make_event()
    with pytest.raises(ValidationError):
        services.cancel_event(awareness, event, reason="  ")
    services.cancel_event(awareness, event, reason="The hall is closed for repairs.")
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED and event.cancel_reason == "The hall is closed for repairs."
    assert "outreach.event.cancelled" in _actions(event)
    for call in (
        lambda: services.record_attendance(awareness, event, organisation="X", women=1, men=0),
        lambda: services.record_outcome(awareness, event),
        lambda: services.cancel_event(awareness, event, reason="Again."),
    ):
        with pytest.raises(ValidationError):
            call()


def test_a_held_event_cannot_be_cancelled(persona):
    event = make_event()
    services.record_outcome(None, event, satisfied_share=90)
    with pytest.raises(ValidationError):
        services.cancel_event(persona("awareness_staff"), event, reason="No.")


def test_cancelling_an_item_cancels_its_events_not_yet_held(persona):
    item = make_item(target_events=3)
    held, planned = make_event(item), make_event(item)
    services.record_outcome(None, held, satisfied_share=90)
    services.cancel_plan_item(persona("awareness_staff"), item, reason="Moved to next year.")
    item.refresh_from_db()
    held.refresh_from_db()
    planned.refresh_from_db()
    assert item.status == ItemStatus.CANCELLED and item.cancel_reason == "Moved to next year."
    assert held.status == EventStatus.HELD and planned.status == EventStatus.CANCELLED
    with pytest.raises(ValidationError):
        make_event(item)


def test_cancel_through_the_pages_and_the_api(persona, staff_client):
    client = staff_client(persona("awareness_staff"))
    event = make_event()
    response = client.post(
        reverse("outreach:event_action", args=[event.public_id, "cancel"]), {"cancel-reason": "Flooded hall."}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert "Flooded hall." in client.get(event.get_absolute_url()).content.decode()

    item = make_item()
    client.post(reverse("outreach:item_cancel", args=[item.public_id]), {"reason": "No budget."})
    assert PlanItem.objects.get(pk=item.pk).status == ItemStatus.CANCELLED
    assert "No budget." in client.get(item.plan.get_absolute_url()).content.decode()

    other = make_event()
    answer = client.post(f"/api/v1/events/{other.public_id}/cancel/", {"reason": ""}, content_type="application/json")
    assert answer.status_code == 400
    answer = client.post(
        f"/api/v1/events/{other.public_id}/cancel/", {"reason": "Speaker ill."}, content_type="application/json"
    )
    assert answer.status_code == 200 and answer.json()["status"] == "cancelled"
    assert answer.json()["cancel_reason"] == "Speaker ill."
