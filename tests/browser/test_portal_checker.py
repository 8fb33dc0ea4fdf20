"""The checker "Can the Ombudsman help?" in a real browser: axe-core (WCAG 2.0–2.2 A/AA) finds
nothing on the questions, the error state or any outcome in az, en and ru; it works with
JavaScript switched off and the keyboard alone, and reflows at 320 px."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import WCAG22_AA, run_axe

pytestmark = pytest.mark.browser

ANSWERS = {"respondent": 0, "court_delay": 1, "court_pending": 1, "anonymous": 1, "detention": 1, "urgent": 1}


def _answer(page, **changes):
    for name, option in {**ANSWERS, **changes}.items():
        page.check(f"#id_{name}_{option}")


@pytest.fixture
def slow(page):
    page.set_default_timeout(30000)  # two cores shared by many: the first page renders slowly
    return page


def test_no_axe_violations_on_the_questions_errors_and_outcomes(slow, live_server):
    page = slow
    for language in ("az", "en", "ru"):
        page.goto(f"{live_server.url}/{language}/help/")
        assert page.locator("html").get_attribute("lang") == language
        assert run_axe(page, WCAG22_AA) == [], f"{language} form"
        page.click("button[type=submit]")
        assert page.get_by_test_id("error-summary").is_visible()
        assert run_axe(page, WCAG22_AA) == [], f"{language} errors"
        for outcome, changes in (("call", {"urgent": 0}), ("apply", {}), ("refer", {"respondent": 5})):
            page.goto(f"{live_server.url}/{language}/help/")
            _answer(page, **changes)
            page.click("button[type=submit]")
            assert page.get_by_test_id("checker-result").get_attribute("data-outcome") == outcome
            assert run_axe(page, WCAG22_AA) == [], f"{language} {outcome}"
    assert page.console_errors == []


def test_the_result_reflows_at_320_px(slow, live_server):
    page = slow
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/ru/help/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    _answer(page, respondent=2, urgent=0)
    page.click("button[type=submit]")
    assert page.get_by_test_id("checker-result").get_attribute("data-outcome") == "call"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page, WCAG22_AA) == []


def test_without_javascript_by_keyboard_at_320_px(browser, live_server, reference_data):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(30000)
    try:
        page.goto(f"{live_server.url}/en/help/")
        # Submitting with nothing answered: the error summary is focused and links to the first question.
        page.locator("button[type=submit]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        summary = page.get_by_test_id("error-summary")
        assert summary.is_visible()
        assert page.locator(":focus").get_attribute("data-testid") == "error-summary"
        # Answer by keyboard: focus a group's first option, arrows move within it, Space selects.
        page.locator("#id_respondent_0").focus()
        page.keyboard.press("ArrowDown")  # the second option: a municipality
        for name in ("court_delay", "court_pending", "anonymous", "detention", "urgent"):
            page.locator(f"#id_{name}_0").focus()
            page.keyboard.press("ArrowDown")  # "No"
        page.locator("#id_when").fill((timezone.localdate() - timedelta(days=30)).isoformat())
        page.locator("button[type=submit]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        result = page.get_by_test_id("checker-result")
        assert result.get_attribute("data-outcome") == "apply"
        # Changing the answers brings them back, selected, without JavaScript.
        with page.expect_navigation():
            page.get_by_role("button", name="Change your answers").click()
        assert page.locator("#id_respondent_1").is_checked()
        assert page.locator("#id_urgent_1").is_checked()
    finally:
        context.close()
