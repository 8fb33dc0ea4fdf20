"""Awareness staff create an event under a plan item, add remote offices and participant counts,
attach slides, and see the plan progress change."""

from datetime import date

import pytest

from ombuds.accounts.models import OrgUnit
from ombuds.accounts.testing import TEST_PASSWORD, make_persona
from ombuds.outreach import services
from ombuds.outreach.models import Topic
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_event_with_remote_offices_counts_and_slides(page, settings, tmp_path):
    from ombuds.outreach.models import Audience
    from ombuds.outreach.reference import load

    load(Topic, Audience)  # reference rows emptied by the transactional flush
    settings.DEMO = True
    awareness = make_persona("awareness_staff")
    plan = services.create_plan(awareness, year=2024, title_az="2024 Action Plan")
    services.add_plan_item(
        awareness,
        plan,
        topic=Topic.objects.get(code="npm_activity"),
        planned_from=date(2024, 3, 1),
        planned_to=date(2024, 3, 31),
        responsible_unit=OrgUnit.objects.get(code="dept_awareness"),
        target_events=1,
    )
    page.goto("/auth/login/")
    page.fill("#id_login", "awareness.staff")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()

    page.goto(plan.get_absolute_url())
    assert page.get_by_test_id("plan-completion").inner_text() == "0 %"
    assert run_axe(page) == []
    page.get_by_role("link", name="New event").click()
    page.fill("#id_title_az", "Ombudsman's National Preventive Mechanism Activity")
    page.fill("#id_starts_at", "2024-03-12T11:00")
    page.select_option("#id_host_unit", label="Office of the Commissioner")
    page.select_option("#id_region", label="Baku (head office)")
    page.select_option("#id_event_format", "hybrid")
    for n in range(5):
        page.check(f"#id_remote_offices_{n}")
    page.get_by_role("button", name="Create the event").click()
    page.wait_for_url("**/outreach/events/*/")
    assert page.get_by_test_id("remote-offices").locator("li").count() == 5

    page.locator("summary", has_text="Count participants").click()
    page.fill("#id_attendance-organisation", "Baku boarding schools")
    page.fill("#id_attendance-women", "31")
    page.fill("#id_attendance-men", "11")
    page.get_by_role("button", name="Add the count").click()
    page.wait_for_load_state()
    slides = tmp_path / "slides.pdf"
    slides.write_bytes(b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n")
    page.locator("summary", has_text="Attach material").click()
    page.set_input_files("#id_material-file", str(slides))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="slides.pdf").is_visible()
    page.locator("summary", has_text="Record as held").click()
    page.fill("#id_outcome-satisfied_share", "90")
    page.get_by_role("button", name="Save").last.click()
    page.wait_for_load_state()
    assert page.get_by_test_id("event-status").inner_text() == "Held"
    assert run_axe(page) == []

    page.goto(plan.get_absolute_url())
    assert page.get_by_test_id("plan-completion").inner_text() == "100 %"
    assert page.get_by_test_id("participants").inner_text() == "42"
    assert page.get_by_test_id("remote-reach").inner_text() == "5"
    assert page.console_errors == []
