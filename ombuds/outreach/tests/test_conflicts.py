"""The list of offices joining an event remotely replaces the one the page showed: a submit
based on an older version of the event is redrawn (409) with the person's choice kept."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ombuds.accounts.models import OrgUnit
from ombuds.core.exceptions import Conflict
from ombuds.outreach import services
from ombuds.outreach.models import Event
from ombuds.outreach.tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_set_remote_offices_refuses_a_stale_version(persona):
    staff = persona("awareness_staff")
    event = make_event()
    north, south = OrgUnit.objects.get(code="rc_north"), OrgUnit.objects.get(code="rc_south")
    services.set_remote_offices(staff, event, [north], version=event.version)
    with pytest.raises(Conflict):
        services.set_remote_offices(staff, event, [south], version=event.version - 1)
    assert list(Event.objects.get(pk=event.pk).remote_offices.all()) == [north]


def test_a_stale_remote_offices_submit_is_redrawn(persona, staff_client):
    staff = persona("awareness_staff")
    event = make_event()
    north, south = OrgUnit.objects.get(code="rc_north"), OrgUnit.objects.get(code="rc_south")
    client = staff_client(staff)
    read = Event.objects.get(pk=event.pk).version
    assert f'name="remote-version" value="{read}"' in client.get(event.get_absolute_url()).content.decode()
    services.set_remote_offices(staff, event, [north], version=read)
    url = reverse("outreach:event_action", args=[event.public_id, "remote"])
    response = client.post(url, {"remote-version": str(read), "remote-remote_offices": [str(south.pk)]})
    assert response.status_code == 409
    assert list(Event.objects.get(pk=event.pk).remote_offices.all()) == [north]
    again = {"remote-version": str(read + 1), "remote-remote_offices": [str(south.pk)]}  # a deliberate overwrite
    assert client.post(url, again).status_code == 302
    assert list(Event.objects.get(pk=event.pk).remote_offices.all()) == [south]
