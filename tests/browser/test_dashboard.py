"""The dashboard reflows at 320 px and passes axe; the staff bar's Reports menu opens and leads to it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.testing import TEST_PASSWORD, make_persona
from ombuds.complaints.testing import make_application
from ombuds.monitoring.models import Place
from ombuds.monitoring.testing import make_place
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, username, language):
    page.goto("/auth/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id(f"lang-{language}").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_dashboard_reflows_at_320_px_and_the_reports_menu_leads_to_it(page, settings, language):
    settings.DEMO = True
    make_persona("commissioner")
    make_application(None, received_at=timezone.now() - timedelta(days=40))
    place = make_place(None)
    Place.objects.filter(pk=place.pk).update(next_due_on=timezone.localdate() - timedelta(days=1))
    _sign_in(page, "commissioner", language)

    menu = page.get_by_test_id("nav-reports")
    menu.locator("button").click()
    menu.locator(f'a[href="{reverse("reports:dashboard")}"]').click()
    page.wait_for_url(f"**{reverse('reports:dashboard')}")
    assert page.locator("[data-testid=panel-places] svg").count() == 1
    assert run_axe(page) == []

    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page) == []
    assert page.console_errors == []
