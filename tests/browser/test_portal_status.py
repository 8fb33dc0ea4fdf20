"""The portal's status page in a real browser: axe-core (WCAG 2.0–2.2 A/AA) finds nothing on the form,
its error state, the lockout or the answer, in az, en and ru; a keyboard-only visitor at 320 px
looks an application up; and the page works with JavaScript switched off."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WCAG22_AA, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def keyed(page, reference_data):
    """An application under consideration whose term was extended, with its reference and PIN."""
    page.set_default_timeout(30000)  # two cores shared by many: the first page renders slowly
    from ombuds.accounts.testing import make_persona
    from ombuds.complaints import services
    from ombuds.complaints.services.status import issue_status_key
    from ombuds.complaints.testing import make_application

    officer = make_persona("complaints_officer")
    app = services.decide_admissibility(officer, make_application(officer), "accept")
    services.extend_consideration(officer, app, "The ministry has not answered yet.")
    return issue_status_key(officer, app, language="en")


def _wrong(pin: str) -> str:
    return f"{(int(pin) + 1) % 10**6:06d}"


def _submit(page, reference: str, pin: str) -> None:
    page.fill("#id_reference", reference)
    page.fill("#id_pin", pin)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_no_axe_violations_on_the_form_errors_lockout_and_answer(page, live_server, keyed, settings):
    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS = 2
    key, pin = keyed
    for language in ("az", "en", "ru"):
        url = f"{live_server.url}/{language}/status/"
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language
        assert run_axe(page, WCAG22_AA) == [], f"{language} form"
        _submit(page, "", "")
        assert page.get_by_test_id("error-summary").is_visible()
        assert page.evaluate("document.activeElement.dataset.testid") == "error-summary"
        assert run_axe(page, WCAG22_AA) == [], f"{language} empty"
        _submit(page, key.reference, pin)
        assert page.get_by_test_id("status-result").is_visible()
        assert page.url == url  # the answer is never in the address
        assert page.locator("[data-step=extended]").is_visible()
        assert run_axe(page, WCAG22_AA) == [], f"{language} answer"
    page.goto(f"{live_server.url}/en/status/")
    _submit(page, key.reference, _wrong(pin))
    _submit(page, key.reference, _wrong(pin))
    assert "Baku time" in page.get_by_test_id("error-summary").inner_text()
    assert run_axe(page, WCAG22_AA) == [], "lockout"
    # Refused input is answered 400 and the lockout 429 (which the browser notes); nothing else.
    expected = ("status of 400 (Bad Request)", "status of 429 (Too Many Requests)")
    assert [e for e in page.console_errors if not e.endswith(expected)] == []


def test_a_keyboard_user_looks_up_at_320_px(page, live_server, keyed):
    key, pin = keyed
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/en/status/")
    page.keyboard.press("Tab")  # the skip link comes first
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_reference"
    page.keyboard.type(key.reference)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_pin"
    page.keyboard.type(pin)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    result = page.get_by_test_id("status-result")
    assert result.is_visible()
    assert page.evaluate("document.activeElement.dataset.testid") == "status-result"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("[aria-current=step]").get_attribute("data-step") == "extended"


def test_the_page_works_without_javascript(browser, live_server, keyed):
    key, pin = keyed
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(30000)
        page.goto(f"{live_server.url}/ru/status/")
        _submit(page, key.reference.lower(), pin)
        assert page.get_by_test_id("status-result").is_visible()
        assert page.locator("[data-step=received]").is_visible()
    finally:
        context.close()
