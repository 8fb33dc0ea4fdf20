"""A 916 operator gives the caller a reference and PIN from the case page: the slip is whole in the
language chosen, axe-core (WCAG 2.0–2.2 A/AA) finds nothing on it, and the PIN it shows opens the
public status page."""

import pytest

from ombuds.accounts.testing import TEST_PASSWORD, make_persona
from ombuds.complaints.choices import Channel
from ombuds.complaints.testing import make_application
from tests.browser.conftest import WCAG22_AA, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_operator_prints_a_slip_whose_pin_opens_the_status(page, settings, live_server):
    settings.DEMO = True
    page.set_default_timeout(30000)  # two cores shared by many: the first page renders slowly
    operator = make_persona("intake_operator")
    app = make_application(operator, unit="call916", channel=Channel.CALL_916)
    page.goto("/auth/login/")
    page.fill("#id_login", operator.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")

    page.goto(app.get_absolute_url())
    panel = page.get_by_test_id("status-key")
    panel.locator("select").select_option("ru")
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()
    slip = page.get_by_test_id("slip")
    assert slip.get_attribute("lang") == "ru"
    assert "Как проверить своё обращение" in slip.inner_text()
    reference = page.get_by_test_id("slip-reference").inner_text()
    pin = page.get_by_test_id("slip-pin").inner_text()
    assert run_axe(page, WCAG22_AA) == []

    page.goto(f"{live_server.url}/ru/status/")
    page.fill("#id_reference", reference)
    page.fill("#id_pin", pin)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.get_by_test_id("status-result").is_visible()
    assert page.console_errors == []
