"""Need to know for outreach: events are read by outreach staff, the Commissioner and the units
that host or join them; named participants by outreach staff only. Out of scope is 404, on the
pages, the API and the calendar feed alike."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from ombuds.accounts.testing import make_user
from ombuds.accounts.tokens import create_api_token
from ombuds.outreach import services
from ombuds.outreach.models import Event, Participant
from ombuds.outreach.tests.factories import make_event, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    item = make_item()
    soon = timezone.now() + timedelta(days=7)  # the calendar feed shows the coming weeks
    return {
        "hq": make_event(item, title_az="Bakıda təlim", host="office", starts_at=soon),
        "joined": make_event(
            item, title_az="Qərbin qoşulduğu seminar", host="office", remote=["rc_west"], starts_at=soon
        ),
        "ganja": make_event(item, title_az="Gəncədə təlim", host="rc_west", starts_at=soon),
    }


def test_each_role_sees_the_events_it_needs(persona, events):
    def titles(user):
        return set(Event.objects.visible_to(user).values_list("title_az", flat=True))

    everything = {e.title_az for e in events.values()}
    assert titles(persona("awareness_staff")) == everything
    assert titles(persona("commissioner")) == everything
    assert titles(persona("regional_officer")) == {"Qərbin qoşulduğu seminar", "Gəncədə təlim"}
    assert titles(persona("intake_operator")) == set()
    speaker = persona("npm_member")
    services.add_speaker(None, events["hq"], name=speaker.display_name, staff=speaker)
    assert titles(speaker) == {"Bakıda təlim"}


def test_an_event_out_of_scope_is_not_found_on_pages_and_api(persona, staff_client, events):
    client = staff_client(persona("regional_officer"))
    hq = events["hq"]
    assert client.get(hq.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/events/{hq.public_id}/").status_code == 404
    assert client.get(events["ganja"].get_absolute_url()).status_code == 200
    listed = client.get(reverse("outreach:event_list")).content.decode()
    assert "Gəncədə təlim" in listed and "Bakıda təlim" not in listed
    api = client.get("/api/v1/events/").json()
    rows = api["results"] if isinstance(api, dict) else api
    assert {row["title_az"] for row in rows} == {"Qərbin qoşulduğu seminar", "Gəncədə təlim"}
    counts = client.get("/api/v1/participant-counts/").json()
    assert (counts["results"] if isinstance(counts, dict) else counts) == []


def test_named_participants_are_read_by_outreach_staff_only(persona, staff_client, events):
    joined = events["joined"]
    services.add_participant(None, joined, name="Leyla Məmmədova", organisation="Gəncə məktəbi", consent=True)
    officer = persona("regional_officer")  # their centre joined the event: counts yes, names no
    assert Participant.objects.visible_to(officer).count() == 0
    page = staff_client(officer).get(joined.get_absolute_url())
    assert page.status_code == 200 and "Leyla Məmmədova" not in page.content.decode()
    awareness = persona("awareness_staff")
    assert Participant.objects.visible_to(awareness).count() == 1
    assert "Leyla Məmmədova" in staff_client(awareness).get(joined.get_absolute_url()).content.decode()


def test_the_calendar_feed_lists_only_what_its_owner_may_see(persona, client, events):
    officer = persona("regional_officer")
    token = create_api_token(None, officer, "calendar", scope="calendar")
    services.cancel_event(None, events["joined"], reason="The hall is closed.")
    feed = Calendar.from_ical(client.get(reverse("outreach:calendar_feed", args=[token])).content)
    entries = feed.walk("VEVENT")
    # "Bakıda təlim" is out of scope; the remote seminar was cancelled.
    assert [str(e["SUMMARY"]) for e in entries] == ["Gəncədə təlim"]
    assert entries[0].get("DTSTAMP") is not None
    assert str(entries[0]["URL"]) == f"http://testserver{events['ganja'].get_absolute_url()}"


def test_a_user_without_roles_sees_no_event(events):
    assert not Event.objects.visible_to(make_user(roles=[], unit="rc_west")).exists()


def test_the_responsible_unit_sees_the_events_of_its_items(persona):
    head = make_user(roles=["department_head"], unit="dept_awareness")
    event = make_event(make_item(unit="dept_awareness"), host="office")
    assert list(Event.objects.visible_to(head)) == [event]


def test_the_event_list_costs_the_same_for_many_events(persona, staff_client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = staff_client(persona("regional_officer"))
    item = make_item()
    make_event(item, host="rc_west", remote=["rc_west"])
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("outreach:event_list")).status_code == 200
    for _ in range(5):
        make_event(item, host="rc_west", remote=["rc_north"])
    with django_assert_max_num_queries(len(one)):
        response = client.get(reverse("outreach:event_list"))
    assert response.content.decode().count("Training") == 6
