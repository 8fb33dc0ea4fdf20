"""Lost updates on an application: the edit, assignment and transfer refuse an old version; the
state transitions refuse a stale state (core.services.move)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ombuds.accounts.models import OrgUnit
from ombuds.complaints import services
from ombuds.complaints.models import Application, RightTopic
from ombuds.complaints.testing import authority, make_application
from ombuds.core.exceptions import Conflict
from ombuds.core.models import AuditEvent, District

pytestmark = pytest.mark.django_db


def test_update_application_changes_the_fields_and_the_region(persona):
    officer = persona("complaints_officer")
    app = make_application(None)
    guba = District.objects.get(code="guba")
    app = services.update_application(
        officer,
        app,
        version=app.version,
        summary="Beaten at the station.",
        district=guba,
        respondents=[authority("pgo")],
        rights=[RightTopic.objects.get(code="police"), RightTopic.objects.get(code="labour")],
    )
    stored = Application.objects.get(pk=app.pk)
    assert stored.summary == "Beaten at the station."
    assert stored.region_id == guba.region_id
    assert stored.version == app.version == 2
    event = AuditEvent.objects.filter(action="complaints.application.edited").get()
    assert event.changes["summary"] == "changed"  # never the text: it may name people
    assert event.changes["respondents"] == [["mia"], ["pgo"]]


def test_a_list_only_change_still_moves_the_version(persona):
    app = make_application(None)
    app = services.update_application(persona("complaints_officer"), app, respondents=[authority("pgo")])
    assert Application.objects.get(pk=app.pk).version == 2


def test_update_application_refuses_a_stale_version(persona):
    officer = persona("complaints_officer")
    app = make_application(None)
    services.update_application(officer, app, version=1, summary="First correction.")
    with pytest.raises(Conflict) as caught:
        services.update_application(officer, app, version=1, summary="Second correction.")
    assert caught.value.current.summary == "First correction."
    assert Application.objects.get(pk=app.pk).summary == "First correction."


def test_assign_and_transfer_refuse_a_stale_version(persona):
    officer = persona("complaints_officer")
    app = make_application(None)
    services.assign_application(officer, app, officer, version=1)
    with pytest.raises(Conflict):
        services.assign_application(officer, app, persona("department_head"), version=1)
    with pytest.raises(Conflict):
        services.transfer_application(officer, app, OrgUnit.objects.get(code="rc_north"), "Guba.", version=1)


def test_a_transition_from_a_stale_state_is_refused(persona):
    """Two clerks decide the same intake: the second decision is refused, not written over the first."""
    officer = persona("complaints_officer")
    app = make_application(None)
    stale_copy = Application.objects.get(pk=app.pk)
    services.decide_admissibility(officer, app, "accept")
    with pytest.raises(ValidationError):
        services.decide_admissibility(officer, stale_copy, "refuse", ground="anonymous", reason="No evidence.")
    services.conclude_application(officer, app, "not_confirmed")
    with pytest.raises(ValidationError):
        services.conclude_application(officer, stale_copy, "violation_found")
    assert Application.objects.get(pk=app.pk).outcome == "not_confirmed"


def test_a_closed_application_is_not_edited(persona):
    officer = persona("complaints_officer")
    app = make_application(None)
    app = services.decide_admissibility(officer, app, "refuse", ground="anonymous", reason="No evidence.")
    app = services.close_application(officer, app)
    with pytest.raises(ValidationError):
        services.update_application(officer, app, summary="Late correction.")


def test_a_corrected_respondent_moves_the_repeat_hint_with_it(persona):
    """The repeat hint pairs the applicant's name with each respondent (complaints.tokens): after
    a correction of the respondents, the later case is hinted at under the new respondent only."""
    head = persona("department_head")
    first = make_application(None)
    later = make_application(None, respondents=[authority("pgo")])
    assert services.duplicate_candidates(head, later) == []
    services.update_application(head, first, respondents=[authority("pgo")])
    assert services.duplicate_candidates(head, later) == [first]
