"""The public news in a real browser: axe-core (WCAG 2.0–2.2 A/AA) finds nothing on the list, an
item and an item missing the page's language, in az, en and ru; the list reflows at 320 px; the
read beacon counts one read per browser session (a reload sends nothing, a new session from the
same browser is recognised by the server) and sets no cookie."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser.conftest import WCAG22_AA, run_axe

pytestmark = pytest.mark.browser

READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


@pytest.fixture
def news(page, reference_data):
    page.set_default_timeout(30000)  # two cores shared by many: the first page renders slowly
    from ombuds.core.models import Region
    from ombuds.portal.services import news as services
    from ombuds.portal.tests.news_factories import make_news, png, tag

    item = make_news(publish=False, tags=[tag()], region=Region.objects.get(code="hq"), reads_before=1576)
    services.add_image(None, item, png(), alt_az="Təlim zalı", alt_en="The training room", alt_ru="Зал тренинга")
    services.submit_item(None, item)
    services.publish_item(None, item, on=date(2024, 3, 12))
    two = make_news(languages=("az", "en"), title="Two languages", on=date(2024, 4, 18))
    return item, two


def test_no_axe_violations_on_the_news_pages(page, live_server, news):
    item, two = news
    for language in ("az", "en", "ru"):
        for path in ("news/", "news/?tag=npm", f"news/{item.slug}/", f"news/{two.slug}/"):
            page.goto(f"{live_server.url}/{language}/{path}")
            assert page.locator("html").get_attribute("lang") == language
            assert run_axe(page, WCAG22_AA) == [], f"{language} {path}"
    assert page.get_by_test_id("missing-language").is_visible()  # the Russian page of the second item
    assert page.console_errors == []


def test_the_list_reflows_at_320_px(page, live_server, news):
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ("news/", f"news/{news[0].slug}/"):
        page.goto(f"{live_server.url}/ru/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_one_read_per_browser_session(browser, live_server, news):
    item = news[0]
    url = f"{live_server.url}/en/news/{item.slug}/"
    context = browser.new_context(user_agent=READER)
    page = context.new_page()
    page.set_default_timeout(30000)
    beacons: list[str] = []
    page.on("request", lambda request: beacons.append(request.method) if request.url.endswith("/read") else None)
    with page.expect_response(lambda r: r.url.endswith("/read") and r.request.method == "POST") as answer:
        page.goto(url)
    assert answer.value.status == 204 and "set-cookie" not in answer.value.headers
    page.reload()
    page.goto(f"{live_server.url}/en/news/")
    page.goto(url)
    assert beacons == ["POST"]  # the session's flag: a reload or a return sends nothing
    assert context.cookies() == []
    context.close()
    # A new session of the same browser sends the beacon again; the server counts it once a day.
    again = browser.new_context(user_agent=READER)
    second = again.new_page()
    second.set_default_timeout(30000)
    with second.expect_response(lambda r: r.url.endswith("/read") and r.request.method == "POST"):
        second.goto(url)
    again.close()
    item.refresh_from_db()
    assert item.reads == 1 and item.read_total == 1577


def test_staff_write_an_item_through_the_portal_menu(page, live_server, reference_data, settings):
    """Awareness staff reach the news from the Portal menu, write an item (a refused address shows
    its error next to the field and keeps the input) and send it for review; axe-core finds nothing."""
    from ombuds.accounts.testing import TEST_PASSWORD, make_persona
    from ombuds.portal.models import NewsItem
    from ombuds.portal.tests.news_factories import make_news

    settings.DEMO = True
    page.set_default_timeout(30000)
    make_persona("awareness_staff")
    make_news(slug="taken", publish=False)
    page.goto("/auth/login/")
    page.fill("#id_login", "awareness.staff")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()
    page.get_by_test_id("nav-portal").get_by_role("button").click()
    page.get_by_test_id("nav-portal").get_by_role("link", name="News").click()
    page.wait_for_url("**/portal/news/")
    assert run_axe(page, WCAG22_AA) == []
    page.get_by_role("link", name="New news item").click()
    page.fill("#id_slug", "taken")
    page.fill("#id_title_en", "A training")
    page.fill("#id_body_en", "The text.")
    page.get_by_role("button", name="Save as a draft").click()
    assert page.get_by_test_id("form-errors").is_visible()
    assert page.input_value("#id_title_en") == "A training"
    assert run_axe(page, WCAG22_AA) == []
    page.fill("#id_slug", "a-training")
    page.get_by_role("button", name="Save as a draft").click()
    page.wait_for_url("**/portal/news/*/")
    assert run_axe(page, WCAG22_AA) == []
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_load_state()
    assert NewsItem.objects.get(slug="a-training").status == "in_review"
    assert "In review" in page.get_by_test_id("news-status").inner_text()
