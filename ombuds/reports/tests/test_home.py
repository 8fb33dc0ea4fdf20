"""Each role's home shows its work; counts link to the lists they count; queries do not grow with rows."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.complaints.services import assign_application
from ombuds.complaints.testing import make_application
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_visit


def _link(body: str, testid: str) -> str:
    return unescape(re.search(rf'href="([^"]+)" data-testid="{testid}"', body)[1])


def _cases(officer, count, **overrides):
    for _ in range(count):
        assign_application(None, make_application(officer, **overrides), officer)


@pytest.mark.django_db
def test_a_case_handler_sees_their_open_cases_with_the_next_deadline_and_the_lists_agree(persona, staff_client):
    officer = persona("complaints_officer")
    _cases(officer, 2)
    _cases(officer, 1, urgent_torture=True)
    make_application(officer)  # not assigned to them
    http = staff_client(officer)
    body = http.get(reverse("core:home")).content.decode()
    assert re.search(r'data-testid="home-my-cases">[^<]*<strong>3</strong>', body)
    assert re.search(r'data-testid="home-urgent">[^<]*<strong>1</strong>', body)
    rows = re.search(r'data-testid="home-my-case-rows">(.*?)</table>', body, re.S)[1]
    assert rows.count("<tr>") == 4  # header + 3 cases, each with its next deadline
    assert "—</td>" not in rows

    listed = http.get(_link(body, "home-my-cases")).content.decode()
    assert len(re.findall(r'href="/complaints/[0-9a-f-]{36}/"', listed)) == 3
    urgent = http.get(_link(body, "home-urgent")).content.decode()
    assert len(re.findall(r'href="/complaints/[0-9a-f-]{36}/"', urgent)) == 1


@pytest.mark.django_db
def test_an_npm_member_sees_their_current_visits_and_the_list_agrees(persona, staff_client):
    member = persona("npm_member")
    visit = make_visit(None)
    monitoring.add_team_member(None, visit, member, "member")
    make_visit(None)  # not on its team
    http = staff_client(member)
    body = http.get(reverse("core:home")).content.decode()
    assert re.search(r'data-testid="home-my-visits">[^<]*: 1<', body)
    listed = http.get(_link(body, "home-my-visits")).content.decode()
    assert listed.count(str(visit.public_id)) >= 1
    assert len(set(re.findall(r'href="/monitoring/visits/([0-9a-f-]{36})/"', listed))) == 1


@pytest.mark.django_db
def test_the_analyst_finds_the_statistics_from_home(persona, staff_client):
    http = staff_client(persona("analyst"))
    body = http.get(reverse("core:home")).content.decode()
    assert http.get(_link(body, "home-statistics")).status_code == 200
    assert _link(body, "home-dashboard") == reverse("reports:dashboard")
    assert http.get(_link(body, "home-dashboard")).status_code == 200
    assert 'data-testid="home-my-cases"' not in body  # no case work for this role


@pytest.mark.django_db
def test_the_home_page_runs_the_same_number_of_queries_for_more_cases(persona, staff_client):
    officer = persona("complaints_officer")
    http = staff_client(officer)
    _cases(officer, 2)
    http.get(reverse("core:home"))  # warm caches (content types, permissions)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert http.get(reverse("core:home")).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    _cases(officer, 4, urgent_life=True)
    assert queries() == few


@pytest.mark.django_db
def test_the_home_page_runs_the_same_number_of_queries_for_more_visits(persona, staff_client):
    member = persona("npm_member")
    http = staff_client(member)
    monitoring.add_team_member(None, make_visit(None), member, "member")
    http.get(reverse("core:home"))

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert http.get(reverse("core:home")).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(3):
        monitoring.add_team_member(None, make_visit(None), member, "member")
    assert queries() == few


def _event(host: str, days_ahead: int):
    from datetime import timedelta

    from django.utils import timezone

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Region
    from ombuds.outreach import services as outreach
    from ombuds.outreach.models import ActionPlan, Topic

    start = timezone.now() + timedelta(days=days_ahead)
    plan = ActionPlan.objects.first() or outreach.create_plan(None, year=start.year, title_az="Plan")
    item = outreach.add_plan_item(
        None,
        plan,
        topic=Topic.objects.first(),
        planned_from=start.date() - timedelta(days=60),
        planned_to=start.date() + timedelta(days=60),
        responsible_unit=OrgUnit.objects.get(code=host),
    )
    return outreach.create_event(
        None,
        item,
        title_az=f"Training {host} {days_ahead}",
        starts_at=start,
        host_unit=OrgUnit.objects.get(code=host),
        region=Region.objects.get(code="hq"),
        event_format="in_person",
    )


@pytest.mark.django_db
def test_awareness_staff_see_their_units_upcoming_events_and_the_list_agrees(persona, staff_client):
    staff = persona("awareness_staff")
    _event("dept_awareness", 3)
    _event("dept_awareness", 10)
    _event("dept_awareness", -3)  # already past
    _event("office", 5)  # another unit's
    http = staff_client(staff)
    body = http.get(reverse("core:home")).content.decode()
    assert re.search(r'data-testid="home-my-events">[^<]*: 2<', body)
    listed = http.get(_link(body, "home-my-events")).content.decode()
    assert re.findall(r">Training ([a-z_]+ -?\d+)</a>", listed) == ["dept_awareness 3", "dept_awareness 10"]
