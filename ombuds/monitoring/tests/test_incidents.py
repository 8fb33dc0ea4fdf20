"""Access incidents: shown with the official and the offence protocol on the page and in the API,
escalated to the NPM lead once recorded, and listed by period for the NPM's reports."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from ombuds.accounts.testing import make_user
from ombuds.accounts.tokens import create_api_token
from ombuds.core.models import Notification
from ombuds.monitoring import services
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")


@pytest.fixture
def npm_lead():
    return make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")


@pytest.fixture
def member(persona):
    return persona("npm_member")


def _arrived(member, **place):
    visit = make_visit(member, place=make_place(member, **place), announced=True)
    services.prepare_visit(member, visit, "")
    return services.record_arrival(member, visit)


def _incident(member, visit, **extra):
    return services.record_access_incident(
        member,
        visit,
        kind="delayed",
        description="Kept at the gate.",
        official="Major R. Hüseynov, deputy head",
        minutes_lost=40,
        protocol_reference="İXM-2025/117",
        **extra,
    )


def test_the_npm_lead_is_notified_once_the_incident_is_committed(npm_lead, member, django_capture_on_commit_callbacks):
    visit = _arrived(member)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _incident(member, visit)
    assert not Notification.objects.filter(kind="monitoring.accessincident.recorded").exists()  # not before
    for callback in callbacks:
        callback()
    note = Notification.objects.get(kind="monitoring.accessincident.recorded")
    assert note.recipient == npm_lead and note.link == visit.get_absolute_url()


def test_official_and_protocol_on_the_visit_page_and_in_the_api(member, staff_client):
    visit = _arrived(member)
    _incident(member, visit)
    page = staff_client(member).get(reverse("monitoring:visit_detail", args=[visit.public_id])).content.decode()
    assert "Major R. Hüseynov, deputy head" in page and "İXM-2025/117" in page
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, member, 'test')}")
    [row] = api.get("/api/v1/access-incidents/").json()["results"]
    assert (row["official"], row["protocol_reference"], row["visit"]) == (
        "Major R. Hüseynov, deputy head",
        "İXM-2025/117",
        str(visit.public_id),
    )
    assert api.get("/api/v1/access-incidents/?from=2025-13-01").status_code == 400


def test_incidents_by_period_and_scope(member, persona, staff_client):
    ours = _arrived(member)
    with time_machine.travel(datetime(2025, 3, 10, 12, tzinfo=BAKU)):
        march = _incident(member, ours)
    with time_machine.travel(datetime(2025, 6, 1, 0, 30, tzinfo=BAKU)):  # just after midnight in Baku
        june = _incident(member, ours)
    assert list(services.access_incidents(member, start=date(2025, 3, 1), end=date(2025, 3, 31))) == [march]
    assert list(services.access_incidents(member, start=date(2025, 6, 1))) == [june]
    assert list(services.access_incidents(member)) == [march, june]

    other = make_user(roles=["npm_member"], unit="npg")
    secret = make_visit(other, place=make_place(other, name_az="Başqa yer"), announced=False)
    services.prepare_visit(other, secret, "")
    secret = services.record_arrival(other, secret)
    services.record_access_incident(other, secret, kind="refused", description="Refused.")
    regional = persona("regional_officer")  # another region, not on the team: not theirs to see
    assert list(services.access_incidents(regional)) == []
    assert services.access_incidents(persona("commissioner")).count() == 3

    client = staff_client(member)
    url = reverse("monitoring:incident_list")
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as one:
        body = client.get(url, {"start": "2025-03-01", "end": "2025-03-31"}).content.decode()
    assert "İXM-2025/117" in body and body.count("Kept at the gate.") == 1
    with CaptureQueriesContext(connection) as both:
        assert client.get(url).content.decode().count("Kept at the gate.") == 2
    assert len(both) == len(one)  # constant in the number of rows
    assert staff_client(persona("analyst")).get(url).status_code == 403
