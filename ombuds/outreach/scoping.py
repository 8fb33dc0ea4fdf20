"""Funnels: the one way views and the API fetch a single plan, item or event. Out of scope and
non-existent look the same (404); `write=True` locks the row for the caller's transaction."""

from __future__ import annotations

import uuid

from django.http import Http404

from ombuds.outreach.models import ActionPlan, Event, Participant, PlanItem


def _get(queryset, user, public_id, *, write: bool = False):
    try:
        key = uuid.UUID(str(public_id))
    except ValueError as exc:
        raise Http404 from exc
    visible = queryset.visible_to(user)
    if write:
        visible = queryset.filter(pk__in=visible.values("pk")).select_for_update(of=("self",))
    obj = visible.filter(public_id=key).first()
    if obj is None:
        raise Http404
    return obj


def get_plan_for_user(user, public_id, *, write: bool = False) -> ActionPlan:
    return _get(ActionPlan.objects.all(), user, public_id, write=write)


def get_item_for_user(user, public_id, *, write: bool = False) -> PlanItem:
    return _get(PlanItem.objects.select_related("plan", "topic"), user, public_id, write=write)


def get_event_for_user(user, public_id, *, write: bool = False) -> Event:
    qs = Event.objects.select_related("plan_item__plan", "plan_item__topic", "host_unit", "region")
    return _get(qs, user, public_id, write=write)


def participants_of(user, event: Event):
    """Named participants of `event` that `user` may read (none for most staff)."""
    return Participant.objects.visible_to(user).filter(event=event)
