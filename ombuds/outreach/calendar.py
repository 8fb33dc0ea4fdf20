"""The events feed for calendar applications: the events the token's owner may see (the same
`visible_to` as the pages), from a month back, without the cancelled ones. Entries carry no
personal data: a title in the owner's language, times, a place and a link."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalEvent

from ombuds.outreach.choices import EventStatus
from ombuds.outreach.models import Event

DEFAULT_LENGTH = timedelta(hours=2)


def feed(user, base_url: str) -> bytes:
    """`base_url`: scheme and host the links point to (as the request came in)."""
    cal = Calendar()
    cal.add("prodid", "-//Ombuds//outreach//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Ombuds")
    now = timezone.now()
    events = (
        Event.objects.visible_to(user)
        .filter(starts_at__gte=now - timedelta(days=30))
        .exclude(status=EventStatus.CANCELLED)
        .select_related("region")
        .order_by("starts_at")
    )
    host = base_url.split("://", 1)[-1]
    for event in events:
        entry = CalEvent()
        entry.add("uid", f"outreach-{event.public_id}@{host}")
        entry.add("dtstamp", now)
        entry.add("summary", event.title)
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at or event.starts_at + DEFAULT_LENGTH)
        entry.add("location", event.venue or str(event.region))
        entry.add("url", f"{base_url}{event.get_absolute_url()}")
        cal.add_component(entry)
    return cal.to_ical()
