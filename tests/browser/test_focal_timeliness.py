"""An analyst reads the timeliness of authorities: the table changes year without a full page
load, opens one authority's portal activity, and both pages pass axe and fit a 320 px screen."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ombuds.accounts.testing import TEST_PASSWORD, make_persona
from ombuds.complaints.models import InfoRequest
from ombuds.focal.testing import info_request_to, make_focal_point
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_timeliness_table_and_authority_activity(page, settings):
    settings.DEMO = True
    make_persona("analyst")
    make_focal_point(authority="mia")
    sent = info_request_to("mia")
    # A request of last year, answered late: it shows only when that year is chosen.
    last_year = timezone.now().replace(year=timezone.now().year - 1)
    InfoRequest.objects.create(
        application=sent.application,
        addressee=sent.addressee,
        basis=sent.basis,
        questions="Which officers were on duty?",
        sent_at=last_year,
        due_at=last_year + timedelta(days=5),
        reply_at=last_year + timedelta(days=9),
        reply="Officers A and B.",
        status="answered",
    )
    page.goto("/auth/login/")
    page.fill("#id_login", "analyst")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Timeliness of authorities").first.click()
    page.wait_for_url("**/focal-points/timeliness/")
    row = page.get_by_test_id("timeliness-row-mia")
    assert row.locator("td").nth(0).inner_text() == "1"  # sent this year
    assert run_axe(page) == []

    page.select_option("#id_year", str(last_year.year))
    page.wait_for_url(f"**/focal-points/timeliness/?year={last_year.year}&start=&end=")
    assert row.locator("td").nth(2).inner_text() == "1"  # answered late
    assert page.get_by_test_id("timeliness-total").locator("td").nth(0).inner_text() == "1"

    page.set_viewport_size({"width": 320, "height": 700})
    assert _fits(page)
    row.get_by_role("link").click()
    page.wait_for_url("**/focal-points/timeliness/mia/**")
    assert page.get_by_test_id("activity-points").is_visible()
    assert _fits(page)
    assert run_axe(page) == []
    assert page.console_errors == []
