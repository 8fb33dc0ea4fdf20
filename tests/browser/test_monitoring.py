"""An NPM lead plans a visit, records the arrival, adds a finding and an interview, and
downloads the visit report."""

import pytest

from ombuds.accounts.testing import TEST_PASSWORD, make_user
from ombuds.monitoring.testing import make_place
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_visit_arrival_finding_interview_report(page, settings, tmp_path):
    settings.DEMO = True
    make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg", gender="female")
    make_place(None, name_az="Şüvəlan istintaq təcridxanası", name_en="Shuvalan pre-trial isolator", capacity=1050)
    page.goto("/auth/login/")
    page.fill("#id_login", "npm.lead")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()

    page.goto("/monitoring/visits/")
    # Wait for each suggestion request: the live server runs on SQLite, which serialises the session writes.
    with page.expect_response(lambda r: "/core/lookup/places/" in r.url):
        page.fill("#id_place", "Shuv")
    suggestion = page.locator("#id_place-options option").first.get_attribute("value")
    assert suggestion.startswith("Shuvalan pre-trial isolator")
    with page.expect_response(lambda r: "/core/lookup/places/" in r.url):
        page.fill("#id_place", suggestion)
    page.select_option("#id_unit", label="National Preventive Group")
    page.select_option("#id_visit_type", "in_depth")
    page.fill("#id_planned_date", "2025-10-15")
    page.fill("#id_trigger", "Reports of overcrowding")
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_url("**/monitoring/visits/*/")
    assert page.get_by_test_id("visit-status").inner_text() == "Unscheduled visit requested"
    assert run_axe(page) == []

    def act(summary, button):
        page.locator("summary", has_text=summary).click()
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()

    act("Preparation done", "Mark as prepared")
    assert page.get_by_test_id("visit-status").inner_text() == "Prepared"
    page.locator("summary", has_text="Arrival at the place").click()
    page.fill("#id_arrival-arrival_at", "2025-10-15T09:00")
    page.fill("#id_arrival-access_at", "2025-10-15T09:20")
    page.get_by_role("button", name="Record arrival").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("visit-status").inner_text() == "In progress"

    page.locator("summary", has_text="Add a finding").click()
    page.select_option("#id_finding-area", "material_conditions")
    page.fill("#id_finding-text", "Cells hold twice their capacity.")
    page.check("#id_finding-sources_0")
    page.select_option("#id_finding-severity", "serious")
    page.get_by_role("button", name="Add the finding").click()
    page.wait_for_load_state()
    findings = page.locator("section[aria-labelledby=h-findings]")  # also a choice of the drafting form
    assert findings.get_by_text("Cells hold twice their capacity.").is_visible()

    page.locator("summary", has_text="Record an interview").click()
    page.fill("#id_interview-pseudonym", "D-01")
    page.select_option("#id_interview-kind", "detainee")
    page.get_by_role("button", name="Record the interview").click()
    page.wait_for_load_state()
    assert page.get_by_text("D-01 · Detainee").is_visible()

    with page.expect_download() as download:
        page.get_by_test_id("report-pdf-az").click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert page.console_errors == []
