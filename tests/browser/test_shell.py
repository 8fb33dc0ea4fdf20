"""Log in, switch language to English and back, and check accessibility with axe-core."""

import pytest

from ombuds.accounts.testing import TEST_PASSWORD, make_persona
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, username):
    page.goto("/auth/login/")
    page.get_by_label("İstifadəçi adı").fill(username)
    page.get_by_label("Şifrə").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Daxil ol").click()


def test_login_switch_language_and_back(page, settings, tmp_path):
    settings.DEMO = True
    make_persona("regional_officer")
    _sign_in(page, "regional.officer")
    page.wait_for_url("**/")
    assert page.locator("html").get_attribute("lang") == "az"
    assert page.get_by_test_id("home-unit").inner_text() == "Qərb regional mərkəzi (Gəncə)"

    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_test_id("home-unit").inner_text() == "Western Regional Centre (Ganja)"
    assert page.get_by_role("heading", name="My roles").is_visible()
    page.screenshot(path=str(tmp_path / "home-en.png"), full_page=True)

    page.get_by_test_id("lang-az").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "az"
    assert page.get_by_role("heading", name="Rollarım").is_visible()
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_axe_finds_no_wcag_violations_on_login_and_home(page, settings, language):
    settings.DEMO = True
    make_persona("commissioner")
    page.goto("/auth/login/")
    if language != "az":
        page.get_by_test_id(f"lang-{language}").click()
        page.wait_for_load_state()
    assert run_axe(page) == []
    page.fill("#id_login", "commissioner")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    assert run_axe(page) == []
    page.goto("/accounts/units/")
    assert run_axe(page) == []
    assert page.console_errors == []


def test_keyboard_user_can_skip_to_content(page, settings):
    page.goto("/auth/login/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
