"""Scenario 1 of domain.md §9: the founding training of 12 March 2024."""

import pytest
from django.urls import reverse

from ombuds.accounts.testing import make_user
from ombuds.complaints.testing import make_application
from ombuds.outreach import demo, services
from ombuds.outreach.models import ActionPlan, Audience, Topic
from ombuds.outreach.progress import plan_progress

pytestmark = pytest.mark.django_db


def test_scenario_01_founding_training(persona, staff_client):
    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Region

    awareness = persona("awareness_staff")
    commissioner = persona("commissioner")
    make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")
    make_user(username="npm.member", roles=["npm_member"], unit="npg")
    units = {u.code: u for u in OrgUnit.objects.all()}
    plan = services.create_plan(awareness, year=2024, **demo.PLAN_TITLES)
    services.approve_plan(commissioner, plan)
    from datetime import date

    item = services.add_plan_item(
        awareness,
        plan,
        topic=Topic.objects.get(code="npm_activity"),
        planned_from=date(2024, 3, 1),
        planned_to=date(2024, 3, 31),
        region=Region.objects.get(code="hq"),
        responsible_unit=units["dept_awareness"],
        target_events=2,
        audiences=[Audience.objects.get(code="boarding_school_staff")],
    )
    assert plan_progress(plan).completion == 0
    event = demo.founding(awareness, commissioner, item, units)

    assert event.plan_item.topic.code == "npm_activity"
    assert event.event_format == "hybrid" and event.starts_at.date().isoformat() == "2024-03-12"
    progress = plan_progress(plan)
    assert progress.remote_reach == 5
    assert {o.code for o in progress.remote_offices} == {
        "rc_north",
        "rc_south",
        "rc_west",
        "rc_northwest",
        "nakhchivan_ombudsman",
    }
    assert progress.completion == 50 and progress.participants == 42 + 25
    assert "Nakhchivan" in event.news.body_en and "boarding schools" in event.news.body_en

    # Awareness staff see plans and events but no case data.
    client = staff_client(awareness)
    assert client.get(plan.get_absolute_url()).status_code == 200
    assert client.get(event.get_absolute_url()).status_code == 200
    app = make_application(commissioner)
    assert client.get(app.get_absolute_url()).status_code == 403  # no register section: 403 whatever the id
    assert client.get(reverse("complaints:list")).status_code == 403
    assert client.get(reverse("monitoring:visit_list")).status_code == 403


def test_named_participants_only_with_consent(persona):
    from django.core.exceptions import ValidationError

    from ombuds.outreach.models import Event

    awareness = persona("awareness_staff")
    ActionPlan.objects.all()
    plan = services.create_plan(awareness, year=2025, title_az="Plan")
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Region

    item = services.add_plan_item(
        awareness,
        plan,
        topic=Topic.objects.first(),
        planned_from=date(2025, 1, 1),
        planned_to=date(2025, 1, 31),
        responsible_unit=OrgUnit.objects.get(code="office"),
    )
    event = services.create_event(
        awareness,
        item,
        title_az="T",
        starts_at=datetime(2025, 1, 10, tzinfo=ZoneInfo("UTC")),
        host_unit=OrgUnit.objects.get(code="office"),
        region=Region.objects.get(code="hq"),
        event_format="in_person",
    )
    with pytest.raises(ValidationError):
        services.add_participant(awareness, event, name="Aynur", consent=False)
    services.add_participant(awareness, event, name="Aynur", consent=True)
    assert Event.objects.get(pk=event.pk).participants.count() == 1
    with pytest.raises(ValidationError):
        services.record_attendance(awareness, event, organisation="X", women=0, men=0)


def test_reminders_before_and_after_an_event(persona):
    from datetime import date, timedelta

    import time_machine
    from django.utils import timezone

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Notification, Region
    from ombuds.outreach.reminders import send_reminders

    awareness = persona("awareness_staff")
    plan = services.create_plan(awareness, year=2025, title_az="Plan")
    office = OrgUnit.objects.get(code="dept_awareness")
    item = services.add_plan_item(
        awareness,
        plan,
        topic=Topic.objects.first(),
        planned_from=date(2025, 1, 1),
        planned_to=date(2025, 12, 31),
        responsible_unit=office,
    )
    start = timezone.now() + timedelta(days=2)
    event = services.create_event(
        awareness,
        item,
        title_az="Seminar",
        starts_at=start,
        host_unit=office,
        region=Region.objects.get(code="hq"),
        event_format="in_person",
    )
    assert send_reminders() == 1 and send_reminders() == 0  # once
    assert Notification.objects.get(kind="outreach.event.soon").recipient == awareness
    with time_machine.travel(start + timedelta(days=8)):
        assert send_reminders() == 1  # not recorded as held: incomplete
    services.record_attendance(awareness, event, organisation="X", women=3, men=2)
    services.record_outcome(awareness, event, satisfied_share=75)
    with time_machine.travel(start + timedelta(days=9)):
        assert send_reminders() == 0


def test_plan_approval_and_named_participants_through_the_pages(persona, staff_client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Region

    awareness, commissioner = persona("awareness_staff"), persona("commissioner")
    plan = services.create_plan(awareness, year=2026, title_az="Plan 2026")
    assert staff_client(awareness).post(reverse("outreach:plan_approve", args=[plan.public_id])).status_code == 403
    staff_client(commissioner).post(reverse("outreach:plan_approve", args=[plan.public_id]))
    plan.refresh_from_db()
    assert plan.approved_by == commissioner and plan.approved_on is not None
    from datetime import date

    item = services.add_plan_item(
        awareness,
        plan,
        topic=Topic.objects.first(),
        planned_from=date(2026, 1, 1),
        planned_to=date(2026, 1, 31),
        responsible_unit=OrgUnit.objects.get(code="office"),
    )
    event = services.create_event(
        awareness,
        item,
        title_az="T",
        starts_at=datetime(2026, 1, 9, tzinfo=ZoneInfo("UTC")),
        host_unit=OrgUnit.objects.get(code="office"),
        region=Region.objects.get(code="hq"),
        event_format="online",
    )
    client = staff_client(awareness)
    url = reverse("outreach:event_action", args=[event.public_id, "participant"])
    client.post(url, {"participant-name": "Aynur Əliyeva"})  # no consent: refused
    client.post(url, {"participant-name": "Leyla Məmmədova", "participant-consent": "on"})
    assert list(event.participants.values_list("name", flat=True)) == ["Leyla Məmmədova"]


def test_plan_page_queries_do_not_grow_with_items(persona, staff_client, django_assert_max_num_queries):
    from datetime import date

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Region

    awareness = persona("awareness_staff")
    plan = services.create_plan(awareness, year=2025, title_az="Plan")
    services.approve_plan(persona("commissioner"), plan)
    unit = OrgUnit.objects.get(code="dept_awareness")
    audiences = list(Audience.objects.all()[:2])

    def add_item():
        services.add_plan_item(
            awareness,
            plan,
            topic=Topic.objects.first(),
            planned_from=date(2025, 3, 1),
            planned_to=date(2025, 3, 31),
            region=Region.objects.get(code="hq"),
            responsible_unit=unit,
            target_events=1,
            audiences=audiences,
        )

    client = staff_client(awareness)
    add_item()
    with CaptureQueriesContext(connection) as one:
        assert client.get(plan.get_absolute_url()).status_code == 200
    for _ in range(4):
        add_item()
    with django_assert_max_num_queries(len(one)):
        response = client.get(plan.get_absolute_url())
    assert response.content.decode().count(audiences[0].name) >= 5
