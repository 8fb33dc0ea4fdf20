"""The online application in a real browser: axe-core (WCAG 2.0–2.2 A/AA) finds nothing on the form,
its error state, a saved draft and the receipt in az, en and ru; the form reflows at 320 px; and a
keyboard-only visitor, with JavaScript off, applies, receives a reference and a PIN, and looks the
status up with them."""

from __future__ import annotations

import re

import pytest

from ombuds.complaints.models import Application
from tests.browser.conftest import WCAG22_AA, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def slow(page):
    page.set_default_timeout(30000)  # two cores shared by many: the first page renders slowly
    return page


def test_no_axe_violations_on_the_form_its_errors_a_draft_and_the_receipt(slow, live_server):
    page = slow
    for language in ("az", "en", "ru"):
        page.goto(f"{live_server.url}/{language}/apply/")
        assert page.locator("html").get_attribute("lang") == language
        assert run_axe(page, WCAG22_AA) == [], f"{language} form"
        page.get_by_test_id("submit").click()  # nothing filled in: the error state
        assert page.get_by_test_id("form-errors").is_visible()
        assert page.evaluate("document.activeElement.dataset.testid") == "form-errors"
        assert run_axe(page, WCAG22_AA) == [], f"{language} errors"
        page.fill("#id_what_happened", "Half written")
        page.get_by_test_id("save").click()
        assert page.get_by_test_id("draft-saved").is_visible()
        assert run_axe(page, WCAG22_AA) == [], f"{language} draft"
        page.fill("#id_given_name", "Leyla")
        page.fill("#id_respondent", "Ministry of Labour")
        page.select_option("#id_district", "baku")
        page.get_by_test_id("submit").click()
        assert page.get_by_test_id("reference").is_visible()
        assert run_axe(page, WCAG22_AA) == [], f"{language} receipt"
    # The refused form answers 400 on purpose (the browser logs it); nothing else may fail.
    assert [e for e in page.console_errors if "status of 400" not in e] == []


def test_the_form_reflows_at_320_px(slow, live_server):
    page = slow
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/en/apply/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until `selector` has the focus (fails if it is never reached)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} was never reached by keyboard")


def test_a_keyboard_only_visitor_without_javascript_applies_and_looks_the_status_up(
    browser, live_server, reference_data
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30000)
    page.goto("/en/apply/")
    _tab_to(page, "#id_given_name")
    page.keyboard.type("Samir")
    _tab_to(page, "input[name=citizenship]:checked")  # Tab enters a radio group at its checked button
    page.keyboard.press("ArrowUp")  # from "prefer not to say" up to "stateless"
    _tab_to(page, "#id_respondent")
    page.keyboard.type("Penitentiary Service")
    page.keyboard.press("Tab")
    page.keyboard.type("My brother was beaten in the remand prison and gets no medical care.")
    _tab_to(page, "#id_district")
    page.keyboard.type("Baku")
    _tab_to(page, "#id_urgent_torture")
    page.keyboard.press("Space")
    _tab_to(page, "[data-testid=submit]")
    page.keyboard.press("Enter")
    reference = page.get_by_test_id("reference").inner_text()
    pin = page.get_by_test_id("pin").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", reference) and re.fullmatch(r"\d{6}", pin)
    # ...and looks the status up with them, still by keyboard.
    _tab_to(page, "a[href='/en/status/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "#id_reference")
    page.keyboard.type(reference)
    _tab_to(page, "#id_pin")
    page.keyboard.type(pin)
    page.keyboard.press("Enter")  # implicit submission: no JavaScript needed
    assert reference in page.get_by_test_id("status-result").inner_text()
    app = Application.objects.get()
    assert app.applicant.citizenship == "stateless" and app.urgent_torture and app.channel == "online"
    assert app.district.code == "baku"
    context.close()
