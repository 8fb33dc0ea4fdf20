"""The iCalendar feed: the visits and deadlines a user may see, unannounced visits only for the team."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from ombuds.accounts.testing import make_user
from ombuds.monitoring import services
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db


def feed_url(client):
    page = client.post(reverse("monitoring:calendar_link")).content.decode()
    return re.search(r'value="https?://[^/]+(/monitoring/calendar/[^"]+\.ics)"', page).group(1)


def summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar"
    return [str(e.get("summary")) for e in Calendar.from_ical(response.content).walk("VEVENT")]


def test_feed_shows_the_team_its_unannounced_visit_and_hides_it_from_others(staff_client, persona, client):
    from django.test import Client

    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")
    soon = timezone.localdate() + timedelta(days=7)
    secret = make_visit(
        lead, place=make_place(lead, district="guba", name_az="Quba MSY", name_en="Guba TDP"), planned_date=soon
    )
    services.add_team_member(lead, secret, lead, "leader")
    lead_feed = feed_url(staff_client(lead))
    assert any("Guba TDP" in s or "Quba MSY" in s for s in summaries(Client(), lead_feed))

    outsider_client = Client()
    outsider = persona("regional_officer")
    from ombuds.accounts.testing import enrol_totp

    enrol_totp(outsider)
    outsider_client.force_login(outsider)
    outsider_feed = feed_url(outsider_client)
    assert not any("Guba" in s or "Quba" in s for s in summaries(Client(), outsider_feed))


def test_feed_tokens_are_single_purpose_and_revocable(staff_client, persona):
    from django.test import Client

    user = persona("npm_member")
    client = staff_client(user)
    first = feed_url(client)
    second = feed_url(client)
    anonymous = Client()
    assert anonymous.get(first).status_code == 404  # replaced by the new link
    assert anonymous.get(second).status_code == 200
    token = second.rsplit("/", 1)[1].removesuffix(".ics")
    assert anonymous.get("/api/v1/authorities/", HTTP_AUTHORIZATION=f"Token {token}").status_code in (401, 403)


def test_feed_events_carry_dtstamp_and_links_as_served(staff_client, persona):
    from django.test import Client

    from ombuds.core import deadlines

    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")
    visit = make_visit(lead, place=make_place(lead), planned_date=timezone.localdate() + timedelta(days=3))
    services.add_team_member(lead, visit, lead, "leader")
    deadlines.start_deadline(None, visit, "reprisal_first_contact", responsible=lead)
    url = feed_url(staff_client(lead))
    for secure, scheme in ((False, "http"), (True, "https")):
        response = Client().get(url, secure=secure)
        events = list(Calendar.from_ical(response.content).walk("VEVENT"))
        assert {str(e["uid"]).split("-")[0] for e in events} == {"visit", "deadline"}
        assert all(e.get("dtstamp") is not None for e in events)  # RFC 5545 §3.6.1: required
        links = [str(e["url"]) for e in events if "url" in e]
        assert links == [f"{scheme}://testserver{visit.get_absolute_url()}"]


def test_both_personal_feeds_are_offered_where_people_plan(staff_client, persona):
    from django.test import Client

    user = persona("npm_member")
    client = staff_client(user)
    link_form = f'action="{reverse("monitoring:calendar_link")}"'
    assert link_form in client.get(reverse("monitoring:visit_list")).content.decode()
    assert link_form in client.get(reverse("core:home")).content.decode()
    outreach = staff_client(persona("awareness_staff"))
    assert link_form in outreach.get(reverse("outreach:event_list")).content.decode()
    page = client.post(reverse("monitoring:calendar_link")).content.decode()
    events_feed = re.search(r'value="https?://[^/]+(/outreach/calendar/[^"]+\.ics)"', page).group(1)
    response = Client().get(events_feed)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar"
