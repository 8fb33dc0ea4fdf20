"""The NPM member walks a visit through every state of its lifecycle on the visit page, which offers
only the actions that state allows; the visits list and the plan pages reflow at 320 px (WCAG 1.4.10)
without a horizontal scrollbar, with 0 axe violations."""

from datetime import date

import pytest
from django.urls import reverse

from ombuds.accounts.models import OrgUnit
from ombuds.accounts.testing import TEST_PASSWORD, make_user
from ombuds.monitoring import services
from ombuds.monitoring.testing import make_place, make_visit
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = "Change the plan of the visit"
TEAM = "Add to the team"
PREPARE = "Preparation done"
ARRIVAL = "Arrival at the place"
FINDING = "Add a finding"
INTERVIEW = "Record an interview"
ALLEGATION = "Record an allegation of ill-treatment"
APPLICATION = "Application received on site"
REPRISAL = "Report a reprisal"
INCIDENT = "Access obstructed"
COMPLETE = "On-site work completed"
ADVANCE = "Report and follow-up"
CANCEL = "Cancel the visit"
ON_SITE = {FINDING, INTERVIEW, ALLEGATION, APPLICATION, REPRISAL}
OFFERED = {  # domain.md §3.2
    "Planned": {PLAN, TEAM, PREPARE, CANCEL},
    "Unscheduled visit requested": {PLAN, TEAM, PREPARE, CANCEL},
    "Prepared": {PLAN, TEAM, ARRIVAL, CANCEL},
    "In progress": {TEAM, INCIDENT, COMPLETE} | ON_SITE,
    "On-site work completed": {INCIDENT, ADVANCE} | ON_SITE,
    "Report drafted": {ADVANCE} | ON_SITE,
    "Factual check by the authority": {REPRISAL, ADVANCE},
    "Report final": {REPRISAL, ADVANCE},
    "Recommendations issued": {REPRISAL, ADVANCE},
    "Follow-up of recommendations": {REPRISAL, ADVANCE},
    "Closed": {REPRISAL},
    "Cancelled": set(),
}


def sign_in(page, username, language="en"):
    page.goto("/auth/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id(f"lang-{language}").click()
    page.wait_for_load_state()


def offered(page) -> set[str]:
    return {s.strip() for s in page.locator("aside summary").all_inner_texts()}


def status(page) -> str:
    return page.get_by_test_id("visit-status").inner_text()


def act(page, summary, button, fields=None):
    page.locator("summary", has_text=summary).click()
    for selector, value in (fields or {}).items():
        if selector.endswith("target"):
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def test_npm_member_walks_the_visit_page_through_every_state(page, settings):
    settings.DEMO = True
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg", gender="female")
    member = make_user(username="npm.member", roles=["npm_member"], unit="npg", gender="male")
    place = make_place(lead, name_en="Shuvalan pre-trial isolator")
    plan = services.create_plan(lead, 2025, "Plan")
    item = services.add_plan_item(lead, plan, place=place, quarter=4, visit_type="in_depth")
    planned = make_visit(lead, place=place, plan_item=item, announced=True)
    to_cancel = make_visit(lead, place=place, announced=True)
    for visit in (planned, to_cancel):
        services.add_team_member(lead, visit, lead, "leader")
        services.add_team_member(lead, visit, member, "member")
    sign_in(page, "npm.member")
    seen = {}

    def check():
        name = status(page)
        assert offered(page) == OFFERED[name], name
        assert run_axe(page) == [], name
        seen[name] = True

    page.goto(planned.get_absolute_url())
    check()
    act(page, PREPARE, "Mark as prepared")
    check()
    act(
        page,
        ARRIVAL,
        "Record arrival",
        {"#id_arrival-arrival_at": "2025-10-15T09:00", "#id_arrival-access_at": "2025-10-15T09:20"},
    )
    assert "In progress" == status(page)
    act(page, INTERVIEW, "Record the interview", {"#id_interview-pseudonym": "D-01"})
    check()
    page.locator("summary", has_text=FINDING).click()
    page.fill("#id_finding-text", "The shower block is broken.")
    page.check("#id_finding-sources_0")
    page.get_by_role("button", name="Add the finding", exact=True).click()
    page.wait_for_load_state()
    act(page, COMPLETE, "Complete", {"#id_complete-people_held": "900"})
    check()
    assert page.get_by_test_id("interview-counts").inner_text() == "private: 1, in groups: 0"
    for target in ("report_draft", "factual_check", "report_final", "recommendations_issued", "follow_up", "closed"):
        if target == "recommendations_issued":
            # Reached by issuing the visit's recommendations: the member drafts one, the lead issues it.
            page.locator("summary", has_text="Draft a recommendation from the findings").click()
            page.check("#id_rec-findings_0")
            page.select_option("#id_rec-addressee", index=1)
            page.fill("#id_rec-text_az", "Duş otağı bir ay ərzində təmir edilsin.")
            page.get_by_role("button", name="Draft the recommendation", exact=True).click()
            page.wait_for_load_state()
            page.context.clear_cookies()
            sign_in(page, "npm.lead")
            page.goto(planned.get_absolute_url())
            page.get_by_test_id("issue-recommendations").click()
            page.wait_for_load_state()
            check()
            continue
        options = page.locator("#id_advance-target option").evaluate_all("els => els.map(e => e.value)")
        assert target in options
        act(page, ADVANCE, "Move on", {"#id_advance-target": target})
        check()
    page.goto(to_cancel.get_absolute_url())
    check()
    act(page, CANCEL, "Cancel", {"#id_cancel-reason": "Quarantine at the place."})
    check()
    assert set(seen) == set(OFFERED)
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["az", "ru"])
def test_visits_list_and_plan_pages_reflow_at_320_px(page, settings, language):
    from ombuds.outreach import services as outreach
    from ombuds.outreach.models import Audience, Topic
    from ombuds.outreach.reference import load

    load(Topic, Audience)  # reference rows emptied by the transactional flush
    settings.DEMO = True
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member", "awareness_staff"], unit="npg")
    place = make_place(lead, name_az="Şüvəlan istintaq təcridxanası", name_en="Shuvalan pre-trial isolator")
    plan = services.create_plan(lead, 2025, "2025-ci il üzrə baş çəkmə planı")
    item = services.add_plan_item(lead, plan, place=place, quarter=2, visit_type="in_depth", theme="Tibbi xidmət")
    services.add_plan_item(lead, plan, place=place, quarter=3, visit_type="thematic", theme="Qeydiyyat")
    visit = make_visit(lead, place=place, plan_item=item, announced=False)
    services.add_team_member(lead, visit, lead, "leader")
    action_plan = outreach.create_plan(lead, year=2025, title_az="Maarifləndirmə üzrə fəaliyyət planı")
    outreach.add_plan_item(
        lead,
        action_plan,
        topic=Topic.objects.get(code="npm_activity"),
        planned_from=date(2025, 3, 1),
        planned_to=date(2025, 3, 31),
        responsible_unit=OrgUnit.objects.get(code="dept_awareness"),
        target_events=2,
    )
    sign_in(page, "npm.lead", language)
    page.set_viewport_size({"width": 320, "height": 640})
    plan_url = reverse("monitoring:plan_detail", args=[plan.public_id])
    for url in ("/monitoring/visits/", plan_url, action_plan.get_absolute_url()):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (url, width)
        assert run_axe(page) == [], url
    assert page.console_errors == []
