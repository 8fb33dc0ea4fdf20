"""A commissioner creates a focal point and hands over its link; the focal point chooses its
password, sets up its authenticator app inside the portal's layout and lands on the portal. Every
page passes axe, and the invitation page fits a 320 px screen."""

import pytest

from ombuds.accounts.testing import TEST_PASSWORD, make_persona, totp_code
from ombuds.focal.models import FocalPoint
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-and-fresh-passphrase-2026"


def _axe(page) -> list[dict]:
    """axe on the page at rest: the pointer parked away from the buttons it last clicked."""
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)  # Bootstrap's colour transitions end
    return run_axe(page)


def _fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_create_invite_accept_and_enrol(page, settings):
    settings.DEMO = True  # the staff member signs in without a second factor; the focal point enrols one
    make_persona("commissioner")
    page.goto("/auth/login/")
    page.fill("#id_login", "commissioner")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Focal points", exact=True).click()
    page.wait_for_url("**/focal-points/")
    page.get_by_role("link", name="New focal point").click()
    page.wait_for_url("**/focal-points/new/")
    assert _axe(page) == []
    page.select_option("#id_authority", label="Ministry of Internal Affairs")
    page.fill("#id_first_name", "Aysel")
    page.fill("#id_last_name", "Məmmədova")
    page.fill("#id_username", "mia.aysel")
    page.fill("#id_email", "aysel@mia.example")
    page.select_option("#id_language", "az")
    page.get_by_role("button", name="Create and invite").click()
    page.wait_for_url("**/focal-points/*-*/")
    link = page.get_by_test_id("invitation-url").inner_text().strip()
    assert "/authority/invitation/" in link
    assert page.get_by_test_id("state").inner_text() == "Invited"
    assert _axe(page) == []
    page.get_by_role("button", name="Sign out").click()

    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(link)
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()
    assert _fits(page)
    assert _axe(page) == []
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Save the password and continue").click()
    page.wait_for_url("**/auth/2fa/totp/activate/")
    assert page.get_by_test_id("focal-banner").is_visible()
    assert _axe(page) == []
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("#id_code", totp_code(secret))
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/auth/2fa/recovery-codes/")
    page.get_by_test_id("continue").click()
    page.wait_for_url("**/authority/")
    assert page.get_by_test_id("focal-banner").is_visible()
    assert FocalPoint.objects.get(user__username="mia.aysel").state == "active"
    assert page.console_errors == []
