"""The personal iCalendar feed: the visits a user may see and the deadlines they are responsible
for. Unannounced visits before arrival appear only for those who may see them (the team, the NPM
lead, the Commissioner) because the feed uses the same visible_to() as the pages. Events carry
no personal data: a place, a visit type, a deadline rule.

Links in the feed are built from the request that fetched it (scheme and host as the server sees
them, https only behind a proxy that says so), never assumed; every event carries the DTSTAMP that
RFC 5545 requires, taken from the record's last change so that clients see no false updates."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Calendar, Event

from ombuds.core.i18n import pick
from ombuds.core.models import Deadline
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.models import Visit


def feed(user, base_url: str) -> bytes:
    """`base_url`: scheme and host of this server, e.g. request.build_absolute_uri("/")."""
    base_url = base_url.rstrip("/")
    host = urlsplit(base_url).netloc
    cal = Calendar()
    cal.add("prodid", "-//Ombuds//calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Ombuds")
    since = timezone.localdate() - timedelta(days=90)
    visits = (
        Visit.objects.visible_to(user)
        .filter(planned_date__gte=since)
        .exclude(status=VisitStatus.CANCELLED)
        .select_related("place")
    )
    for visit in visits:
        event = Event()
        event.add("uid", f"visit-{visit.public_id}@{host}")
        event.add("dtstamp", visit.updated_at)
        event.add("summary", f"{visit.place} ({visit.get_visit_type_display()})")
        event.add("dtstart", visit.planned_date)
        event.add("dtend", visit.planned_date + timedelta(days=1))
        event.add("url", f"{base_url}{visit.get_absolute_url()}")
        cal.add_component(event)
    for deadline in Deadline.objects.filter(responsible=user, closed_at__isnull=True).select_related("rule"):
        event = Event()
        event.add("uid", f"deadline-{deadline.public_id}@{host}")
        event.add("dtstamp", deadline.updated_at)
        event.add("summary", pick(deadline.rule, "name"))
        event.add("dtstart", deadline.due_at)
        event.add("dtend", deadline.due_at + timedelta(minutes=30))
        cal.add_component(event)
    return cal.to_ical()
