"""The event page: what it shows, to whom, in which language."""

import pytest
from django.conf import settings

from ombuds.accounts.models import OrgUnit
from ombuds.outreach import services
from ombuds.outreach.tests.factories import make_event

pytestmark = pytest.mark.django_db


def _page(client, event, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode().split('id="h-act"')[0]  # the record, not the action forms


def test_a_remote_office_is_named_once_per_table(persona, staff_client):
    north = OrgUnit.objects.get(code="rc_north")
    event = make_event(remote=["rc_north"])
    # The demo and the founding event record a remote office's staff under the office's name.
    services.record_attendance(None, event, organisation=north.name_az, women=3, men=2, remote=True, office=north)
    client = staff_client(persona("awareness_staff"))
    az = _page(client, event, "az")
    assert az.count(north.name_az) == 2  # the list of offices joining, and its participant row
    en = _page(client, event, "en")
    assert en.count(north.name_en) == 2 and north.name_az not in en
