"""The portal's staff-edited pages in a real browser: axe-core (WCAG 2.0–2.2 A/AA) finds nothing on
any of them in az, en and ru; the how-to-apply page reflows at 320 px and its map is out of the
keyboard's way (the list is the way through)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WCAG22_AA, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def published(page, reference_data):
    page.set_default_timeout(30000)  # two cores shared by many: the first page renders slowly
    from ombuds.portal import demo_pages
    from ombuds.portal.services import pages as services

    services.edit_statement(None, **demo_pages.STATEMENT)
    for slug, texts in demo_pages.PAGES.items():
        services.publish_page(None, services.edit_page(None, slug, **texts))
    # One page missing a language, for the notice.
    services.edit_page(None, "npm", title_ru="", body_ru="")
    services.publish_page(None, services.edit_page(None, "npm"))


def test_no_axe_violations_on_any_page_in_any_language(page, live_server, published):
    for language in ("az", "en", "ru"):
        for slug in ("mandate", "how-to-apply", "npm", "nakhchivan", "accessibility"):
            page.goto(f"{live_server.url}/{language}/pages/{slug}/")
            assert page.locator("html").get_attribute("lang") == language
            assert run_axe(page, WCAG22_AA) == [], f"{language} {slug}"
    assert page.console_errors == []


def test_how_to_apply_at_320_px_and_by_keyboard(page, live_server, published):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/en/pages/how-to-apply/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page, WCAG22_AA) == []
    # Tab through the whole page: nothing inside the map takes focus; the list's headings are reached
    # by reading on, and every link of the page is passed in order without a trap.
    seen_in_map = 0
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg')"):
            seen_in_map += 1
        if page.evaluate("document.activeElement.closest('footer') !== null"):
            break
    else:
        pytest.fail("the footer was never reached by keyboard")
    assert seen_in_map == 0
    # A click on a point of the map shows its entry in the list.
    page.locator("svg a[href='#centre-west']").click()
    assert page.evaluate("location.hash") == "#centre-west"
    assert page.locator("#centre-west").is_visible()


def test_missing_language_notice_links_the_others(page, live_server, published):
    page.goto(f"{live_server.url}/ru/pages/npm/")
    notice = page.get_by_test_id("missing-language")
    assert notice.is_visible()
    notice.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/pages/npm/")
    assert page.get_by_test_id("missing-language").count() == 0
