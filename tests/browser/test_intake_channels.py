"""Every intake channel, registered in the browser by the role that uses it; a refused form says
why at the top and next to the field (the 916 form once redrew itself without a word)."""

import pytest

from ombuds.accounts.choices import RoleCode
from ombuds.accounts.testing import TEST_PASSWORD, make_persona, make_user
from ombuds.complaints.choices import Channel
from ombuds.complaints.models import Application
from ombuds.core.models import District
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# channel -> (who takes it: a persona or (username, role, unit)), district code, applicant's surname or None
DESKS = {
    Channel.POST: ("complaints_officer", "sumgayit", "Quliyeva"),
    Channel.EMAIL: ("complaints_officer", "baku", "Məmmədli"),
    Channel.ONLINE: ("complaints_officer", "baku", "Əliyev"),
    Channel.WALK_IN: (("reception.operator", RoleCode.INTAKE_OPERATOR, "reception"), "baku", "Həsənova"),
    Channel.REGIONAL_OFFICE: ("regional_officer", "ganja", "Babayev"),
    Channel.CALL_916: ("intake_operator", "baku", None),
    Channel.TORTURE_HOTLINE: ("npm_medical", "baku", None),
    Channel.DURING_VISIT: ("npm_member", "shaki", "Rzayev"),
    Channel.OWN_INITIATIVE: ("commissioner", "baku", None),
}


def _user(who):
    if isinstance(who, str):
        return make_persona(who)
    username, role, unit = who
    return make_user(username=username, roles=[role], unit=unit)


def _sign_in(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(8000)
    page.goto("/auth/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()
    return context, page


def test_every_channel_is_registered_by_the_role_that_uses_it(browser, live_server, reference_data, settings):
    settings.DEMO = True
    users = {}
    for channel, (who, district_code, surname) in DESKS.items():
        key = who if isinstance(who, str) else who[0]
        if key not in users:
            users[key] = _user(who)
        user = users[key]
        context, page = _sign_in(browser, live_server, user.username)
        errors: list[str] = []
        page.on("console", lambda msg, errors=errors: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(f"/complaints/new/?channel={channel}")
        if channel == Channel.CALL_916:
            # Sent empty: the errors are listed at the top, each linking to its field.
            page.get_by_role("button", name="Register", exact=True).click()
            page.wait_for_load_state()
            summary = page.get_by_test_id("form-errors")
            assert summary.is_visible()
            assert summary.locator('a[href="#id_summary"]').count() == 1
            assert page.locator("#id_summary_error").is_visible()
            assert run_axe(page) == []
        if surname:
            page.select_option("#id_applicant_kind", "person")
            page.fill("#id_surname", surname)
        else:
            page.select_option("#id_applicant_kind", "anonymous")
        page.fill("#id_summary", f"Registered through the {channel} desk.")
        page.select_option("#id_district", str(District.objects.get(code=district_code).pk))
        if channel in (Channel.CALL_916, Channel.TORTURE_HOTLINE):
            page.check("#id_urgent_torture")
        page.get_by_role("button", name="Register", exact=True).click()
        page.wait_for_url("**/complaints/*-*/")
        assert "Registered as" in page.locator(".messages").inner_text(), channel
        app = Application.objects.get(channel=channel)
        assert app.created_by == user and app.unit == user.org_unit
        assert page.get_by_test_id("status").inner_text() == "Registered"
        assert errors == [], (channel, errors)
        context.close()
    assert Application.objects.count() == len(Channel.values)
