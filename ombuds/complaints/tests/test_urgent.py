"""Urgent applications always reach a person: the unit's head, else the head of the Applications
Department, else the Commissioner (complaints/routing.py) — for the alert and the triage deadline."""

import pytest
from django.urls import reverse

from ombuds.accounts.choices import RoleCode
from ombuds.accounts.testing import make_user
from ombuds.complaints.choices import Channel
from ombuds.complaints.testing import make_application
from ombuds.core.models import Deadline, Notification

pytestmark = pytest.mark.django_db


def triage_responsible(app):
    return Deadline.objects.get(object_id=app.pk, rule__code="urgent_triage").responsible


def alerted(app):
    return set(
        Notification.objects.filter(kind="complaints.application.urgent", params__number=app.number).values_list(
            "recipient__username", flat=True
        )
    )


def test_an_urgent_916_call_with_no_head_anywhere_reaches_the_commissioner_page(persona, staff_client):
    """The 916 centre has no head: the torture case notified nobody and its deadline had no one."""
    boss = persona("commissioner")
    app = make_application(persona("intake_operator"), unit="call916", channel=Channel.CALL_916, urgent_torture=True)
    assert triage_responsible(app) == boss and alerted(app) == {boss.username}
    page = staff_client(boss).get(reverse("core:notification_list")).content.decode()
    assert app.number in page and app.get_absolute_url() in page


def test_the_complaints_head_answers_for_units_without_a_head_and_may_open_their_urgent_cases(persona, staff_client):
    persona("commissioner")
    head = persona("department_head")  # Applications Department
    operator = persona("intake_operator")
    urgent = make_application(operator, unit="call916", channel=Channel.CALL_916, urgent_child=True)
    routine = make_application(operator, unit="call916", channel=Channel.CALL_916)
    west = make_application(persona("regional_officer"), unit="rc_west", district="ganja", urgent_life=True)
    assert triage_responsible(urgent) == head and alerted(urgent) == {head.username}
    assert triage_responsible(west) == head
    client = staff_client(head)
    assert client.get(urgent.get_absolute_url()).status_code == 200
    assert client.get(west.get_absolute_url()).status_code == 200
    assert client.get(routine.get_absolute_url()).status_code == 404  # only the urgent ones


def test_a_unit_with_its_own_head_keeps_its_urgent_cases(persona):
    persona("department_head")
    west_head = make_user(roles=[RoleCode.DEPARTMENT_HEAD], unit="rc_west", username="head.west")
    app = make_application(persona("regional_officer"), unit="rc_west", district="ganja", urgent_life=True)
    assert triage_responsible(app) == west_head and alerted(app) == {"head.west"}


def test_a_secret_tier_urgent_case_goes_to_someone_who_may_open_it(persona):
    boss, head = persona("commissioner"), persona("department_head")
    app = make_application(
        persona("intake_operator"), unit="call916", urgent_torture=True, sensitivity="highly_sensitive"
    )
    assert triage_responsible(app) == boss and alerted(app) == {boss.username}  # the head may not see it
    assert head.username not in alerted(app)
