"""Reminders to the responsible unit: an event coming up in three days, and an event whose record
is still incomplete a week after its date. Each reminder is sent once per event."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from ombuds.core import notifications
from ombuds.core.models import Notification
from ombuds.outreach.choices import EventStatus
from ombuds.outreach.models import Event


def _notify_unit(event: Event, kind: str) -> int:
    if Notification.objects.filter(kind=kind, params__event=str(event.public_id)).exists():
        return 0
    units = {event.plan_item.responsible_unit_id, event.host_unit_id}
    people = (
        get_user_model()
        .objects.filter(is_active=True, org_unit__in=units, roles__code__in=["awareness_staff", "department_head"])
        .distinct()
    )
    for person in people:
        notifications.notify(
            person, kind, {"event": str(event.public_id), "title": event.title}, event.get_absolute_url()
        )
    return len(people)


def send_reminders(now=None) -> int:
    now = now or timezone.now()
    sent = 0
    upcoming = Event.objects.filter(
        status=EventStatus.PLANNED, starts_at__gte=now, starts_at__lte=now + timedelta(days=3)
    ).select_related("plan_item")
    for event in upcoming:
        sent += _notify_unit(event, "outreach.event.soon")
    stale = Event.objects.filter(starts_at__lte=now - timedelta(days=7)).exclude(status=EventStatus.CANCELLED)
    for event in stale.select_related("plan_item").prefetch_related("attendance"):
        if event.status != EventStatus.HELD or not event.attendance.all():
            sent += _notify_unit(event, "outreach.event.record_incomplete")
    return sent
