"""A clerk registers a walk-in application, decides admissibility, downloads the acknowledgement."""

import pytest

from ombuds.accounts.testing import TEST_PASSWORD, make_persona
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_walk_in_registration_decision_and_acknowledgement(page, settings, tmp_path):
    settings.DEMO = True
    make_persona("department_head")
    page.goto("/auth/login/")
    page.fill("#id_login", "department.head")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()

    page.goto("/complaints/new/?channel=walk_in")
    assert run_axe(page) == []
    page.select_option("#id_applicant_kind", "person")
    page.fill("#id_surname", "Quliyeva")
    page.fill("#id_given_name", "Nərmin")
    page.fill("#id_summary", "My pension has not been paid for three months.")
    page.select_option("#id_district", label="Sumgayit")
    page.select_option("#id_rights", label="Social protection")
    page.get_by_role("button", name="Register", exact=True).click()
    page.wait_for_url("**/complaints/*/")
    assert page.get_by_test_id("status").inner_text() == "Registered"
    assert "Registered as" in page.locator(".messages").inner_text()
    page.screenshot(path=str(tmp_path / "detail.png"), full_page=True)
    assert run_axe(page) == []

    page.select_option("#id_decide-decision", "accept")
    page.get_by_role("button", name="Decide").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("status").inner_text() == "Under consideration"

    with page.expect_download() as download:
        page.get_by_test_id("letter-acknowledgement-pdf-az").click()
    path = tmp_path / "ack.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename.endswith("-acknowledgement-az.pdf")
    assert page.console_errors == []
