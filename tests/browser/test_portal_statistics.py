"""The published statistics and reports in a real browser: axe-core (WCAG 2.0–2.2 A/AA) finds
nothing on the statistics and publications pages in az, en and ru; the year's statistics reflow
at 320 px (tables scroll inside their own focusable region); the PDF link downloads the file."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WCAG22_AA, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def published(page, reference_data):
    page.set_default_timeout(30000)  # two cores shared by many: the first page renders slowly
    from ombuds.portal.tests.statistics_fixtures import make_dataset, make_pdf, make_report, sample_measures

    make_dataset(2022, sample_measures(scale=2))
    report = make_report(2023)
    make_pdf(report, "en")
    return report


def test_no_axe_violations_on_the_statistics_and_reports_pages(page, live_server, published):
    for language in ("az", "en", "ru"):
        for path in ("statistics/", "statistics/2023/", "reports/", f"reports/{published.public_id}/"):
            page.goto(f"{live_server.url}/{language}/{path}")
            assert page.locator("html").get_attribute("lang") == language
            assert run_axe(page, WCAG22_AA) == [], f"{language} {path}"
    assert page.console_errors == []


def test_the_year_reflows_at_320_px_and_the_pdf_downloads(page, live_server, published):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/en/statistics/2023/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page, WCAG22_AA) == []
    page.goto(f"{live_server.url}/en/reports/{published.public_id}/")
    with page.expect_download() as download:
        page.locator("a[type='application/pdf']").click()
    assert download.value.suggested_filename.endswith(".pdf")
