"""Lost updates in the monitoring services: every save moves the version on, and a write based on
an older version than the stored one is a Conflict that changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from ombuds.core.exceptions import Conflict
from ombuds.core.models import AuditEvent
from ombuds.monitoring import services
from ombuds.monitoring.models import Place, Visit
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db


def test_every_save_moves_the_version_on_in_the_database():
    place = make_place(None)
    assert place.version == 1
    stale = Place.objects.get(pk=place.pk)
    services.update_place(None, place, capacity=900)
    # A copy read before still saves through the database's counter, not its own.
    stale.save(update_fields=["name_en"])
    assert Place.objects.get(pk=place.pk).version == 3
    assert stale.version == 2  # what it knows: at most the stored number


def test_update_place_refuses_a_stale_version_and_changes_nothing(persona):
    actor = persona("npm_member")
    place = make_place(None)
    services.update_place(actor, place, capacity=900, version=1)
    with pytest.raises(Conflict) as caught:
        services.update_place(actor, place, capacity=800, version=1)
    assert caught.value.current.version == 2 and caught.value.expected == 1
    assert Place.objects.get(pk=place.pk).capacity == 900


def test_update_visit_plan_with_the_read_version(persona):
    actor = persona("npm_member")
    visit = make_visit(actor)
    visit = services.update_visit_plan(actor, visit, version=visit.version, planned_date=date(2025, 11, 3))
    assert Visit.objects.get(pk=visit.pk).planned_date == date(2025, 11, 3)
    event = AuditEvent.objects.filter(action="monitoring.visit.plan_changed").get()
    assert event.changes == {"planned_date": ["2025-10-15", "2025-11-03"]}
    with pytest.raises(Conflict):
        services.update_visit_plan(actor, visit, version=visit.version - 1, objectives="Kitchen.")
    assert Visit.objects.get(pk=visit.pk).objectives == ""


def test_visit_plan_is_frozen_once_the_team_arrived(persona):
    from django.core.exceptions import ValidationError

    actor = persona("npm_member")
    visit = services.record_arrival(actor, services.prepare_visit(actor, make_visit(actor), ""))
    with pytest.raises(ValidationError):
        services.update_visit_plan(actor, visit, objectives="Kitchen.")


def test_edit_finding_refuses_a_stale_version(persona):
    actor = persona("npm_member")
    visit = services.record_arrival(actor, services.prepare_visit(actor, make_visit(actor), ""))
    finding = services.add_finding(
        actor, visit, area="treatment", text="Cold cells.", severity="concern", sources=["observation"]
    )
    services.edit_finding(actor, finding, version=1, text="Cold cells, no blankets.")
    with pytest.raises(Conflict):
        services.edit_finding(actor, finding, version=1, text="Warm cells.")
