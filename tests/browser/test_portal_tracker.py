"""The public recommendation tracker in a browser: axe-core finds nothing on the list (also in its
error state), a recommendation and the rates, in az, en and ru; at 320 px nothing scrolls sideways
outside a table; the filters are sent with the keyboard (Enter) without JavaScript."""

from datetime import date
from pathlib import Path

import pytest

from ombuds.portal.tests.tracker_helpers import published

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']"


def axe(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(f"async () => await axe.run(document, {{runOnly: {{type: 'tag', values: {TAGS}}}}})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]]


@pytest.fixture
def recs():
    shown = published(
        issued_on=date(2024, 5, 2),
        text_en="Repair the shower block within a month.",
        text_ru="",
        response="The ministry accepts the recommendation.",
    )
    other = published(addressee="mia", place_type="police_division", area="health_care")
    return shown, other


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_tracker_pages_pass_axe(page, live_server, recs, language):
    shown, _other = recs
    for path in (
        f"/{language}/recommendations/",
        f"/{language}/recommendations/?year=1812&source=visit",
        f"/{language}/recommendations/{shown.public_id}/",
        f"/{language}/recommendations/rates/",
    ):
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == language
        assert axe(page) == [], path


def test_at_320_px_nothing_scrolls_sideways(browser, live_server, reference_data, recs):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 700})
    narrow = context.new_page()
    for path in ("/en/recommendations/", "/en/recommendations/rates/", f"/en/recommendations/{recs[0].public_id}/"):
        narrow.goto(live_server.url + path)
        width = narrow.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, path
    context.close()


def test_the_filters_work_by_keyboard_without_javascript(browser, live_server, reference_data, recs):
    shown, other = recs
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/recommendations/")
    page.locator("#id_addressee").select_option("mia")
    page.locator("form[aria-labelledby='h-filters'] button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**addressee=mia**")
    body = page.content()
    assert other.number in body and shown.number not in body
    context.close()
