"""The authority portal in a browser (issue 12).

- The focal point of the Penitentiary Service signs in on the portal's own page with its second
  factor, sees its body's items, answers an information request (the draft is kept as it types,
  a file is attached) and gets a receipt with a reference number; then it reports a
  recommendation implemented with an evidence file and sees "reported implemented, unverified".
- The responsible staff member is told, sees the portal's response on the recommendation's page
  and verifies it through the page's own form; the focal point then sees "implemented".
- Every portal page has no WCAG 2.1 A/AA violation (axe-core) in az, en and ru and reflows at
  320 px (no horizontal scrolling, WCAG 1.4.10).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ombuds.accounts.testing import TEST_PASSWORD, enrol_totp, make_user, totp_code
from ombuds.complaints import services as complaints
from ombuds.core.models import Authority
from ombuds.focal.models import Draft, Receipt
from ombuds.focal.services.accounts import create_focal_point
from ombuds.focal.testing import make_focal_point
from ombuds.monitoring.testing import make_place
from ombuds.recommendations import services as recs
from ombuds.recommendations.testing import case_under_consideration, make_recommendation, visit_with_finding
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTIONS = "Məhkumun son üç ayda tibbi hissəyə müraciətləri barədə məlumat təqdim edin."
ANSWER = "Məhkum son üç ayda tibbi hissəyə dörd dəfə müraciət edib; hər dəfə həkim tərəfindən müayinə olunub."
REPORT = "Duş bloku təmir olunub, isti su var. Təhvil-təslim aktı əlavə olunur."
# The safe upload checks a PDF's leading bytes; a one-line PDF is enough for a browser test.
PDF = b"%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"


def _items():
    """The Penitentiary Service's focal point, one information request in a case handled by a
    complaints officer, and one issued recommendation about the Shuvalan isolator for which the
    NPM lead is responsible."""
    service = Authority.objects.get(code="penitentiary_service")
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg", gender="male")
    officer = make_user(username="officer.baku", roles=["complaints_officer"], gender="female")
    focal = make_focal_point(authority=service, username="penitentiary.focal", first_name="Lalə", last_name="Orucova")
    app = case_under_consideration(assignee=officer)
    request = complaints.send_info_request(None, app, addressee=service, basis="general", questions=QUESTIONS)
    place = make_place(None, name_en="Investigative Isolator No. 3 (Shuvalan)", authority=service)
    visit, finding = visit_with_finding(None, place=place)
    draft = make_recommendation(None, visit=visit, findings=[finding], addressee=service, responsible=lead)
    rec = recs.issue_recommendation(None, draft)
    return focal, lead, request, rec


def _sign_in(page, login_url: str, username: str, secret: str, landing: str) -> None:
    """Password, then the second factor, as every account signs in outside demo mode."""
    page.goto(login_url)
    page.fill("#id_login", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    page.fill("#id_code", totp_code(secret))
    page.locator("main button[type=submit]").first.click()  # the other one cancels the sign-in
    page.wait_for_url(f"**{landing}")


def _english(page) -> None:
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()


def _file(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def _shot(page, tmp_path, name: str) -> None:
    """Screenshots go to OMBUDS_SCREENSHOTS when set (to look at them), else the test's folder."""
    folder = Path(os.environ.get("OMBUDS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"focal-{name}.png"), full_page=True)


def test_a_focal_point_answers_and_staff_verify_the_report(browser, page, live_server, tmp_path):
    focal, lead, request, rec = _items()
    focal_secret, lead_secret = enrol_totp(focal.user), enrol_totp(lead)

    # The portal's own sign-in page, with the second factor; the portal's home lists the items.
    _sign_in(page, reverse("focal:login"), "penitentiary.focal", focal_secret, reverse("focal:home"))
    _english(page)
    expect(page.get_by_test_id("focal-banner")).to_contain_text("Penitentiary Service")
    main = page.locator("main")
    expect(main).to_contain_text(request.application.number)
    expect(main).to_contain_text(rec.number)

    # The information request: the answer is kept as a draft while it is typed, a file is
    # attached, and sending it gives a receipt with its reference number.
    main.get_by_role("link", name=request.application.number).first.click()
    page.wait_for_url(f"**{reverse('focal:request', args=[request.public_id])}")
    expect(page.get_by_test_id("questions")).to_contain_text(QUESTIONS)
    page.fill("#id_text", ANSWER)
    expect(page.get_by_test_id("draft-status")).not_to_be_empty(timeout=10_000)
    assert Draft.objects.filter(focal_point=focal, data__text=ANSWER).exists()
    page.set_input_files("#id_files", _file("tibbi-kart.pdf"))
    page.get_by_role("button", name="Send the answer").click()
    page.wait_for_load_state()
    receipt = Receipt.objects.get(info_request=request)
    assert page.url.endswith(reverse("focal:receipt", args=[receipt.reference]))
    expect(page.get_by_test_id("reference")).to_have_text(receipt.reference)
    expect(page.get_by_test_id("submitted-files")).to_contain_text("tibbi-kart.pdf")
    request.refresh_from_db()
    assert request.status == "answered" and request.reply == ANSWER
    assert not Draft.objects.filter(focal_point=focal).exists()
    _shot(page, tmp_path, "journey-receipt")

    # The recommendation: reported implemented with an evidence file, and it stays unverified.
    page.goto(reverse("focal:home"))
    page.locator("main").get_by_role("link", name=rec.number).first.click()
    page.wait_for_url(f"**{reverse('focal:recommendation', args=[rec.public_id])}")
    page.get_by_label("Reports it implemented").check()
    page.fill("#id_text", REPORT)
    page.set_input_files("#id_files", _file("tehvil-teslim-akti.pdf"))
    page.get_by_role("button", name="Submit the answer").click()
    page.wait_for_load_state()
    answer = Receipt.objects.get(recommendation=rec)
    expect(page.locator("main")).to_contain_text(answer.reference)
    page.goto(reverse("focal:recommendation", args=[rec.public_id]))
    expect(page.get_by_test_id("status")).to_have_text("Reported implemented, unverified")
    expect(page.get_by_test_id("response").last).to_contain_text("tehvil-teslim-akti.pdf")
    rec.refresh_from_db()
    assert rec.status == "reported_implemented"
    _shot(page, tmp_path, "journey-reported")
    assert page.console_errors == []

    # The responsible staff member, in a browser of their own: told, reads the portal's response
    # on the recommendation's page and records the verification with the page's own form.
    staff = browser.new_context(base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900})
    office = staff.new_page()
    office.set_default_timeout(8000)
    try:
        _sign_in(office, reverse("account_login"), "npm.lead", lead_secret, "/")
        _english(office)
        office.goto(reverse("core:notification_list"))
        expect(office.locator("main")).to_contain_text(rec.number)
        office.goto(rec.get_absolute_url())
        response = office.get_by_test_id("response").last
        expect(response).to_contain_text(REPORT)
        expect(response).to_contain_text(re.compile(f"authority portal.*{answer.reference}", re.IGNORECASE))
        expect(response).to_contain_text("tehvil-teslim-akti.pdf")
        office.locator("summary", has_text="Record the implementation").click()
        office.select_option("#id_outcome-status", "implemented")
        office.select_option("#id_outcome-evidence", "authority_report")
        office.fill("#id_outcome-note", "The act of acceptance and the photographs were checked.")
        office.get_by_role("button", name="Record the outcome").click()
        office.wait_for_load_state()
        expect(office.get_by_test_id("history")).to_contain_text("Reported implemented, unverified → Implemented")
    finally:
        staff.close()
    rec.refresh_from_db()
    assert rec.status == "implemented"

    # The focal point sees it verified.
    page.reload()
    expect(page.get_by_test_id("status")).to_have_text("Implemented")
    assert page.console_errors == []


def _portal_pages(focal, request, answered, rec) -> list[tuple[str, str]]:
    """(name, URL) of every portal page a focal point reaches, with an item of each kind."""
    receipt = Receipt.objects.get(info_request=answered)
    return [
        ("home", reverse("focal:home")),
        ("requests", reverse("focal:requests")),
        ("request", reverse("focal:request", args=[request.public_id])),
        ("request-answered", reverse("focal:request", args=[answered.public_id])),
        ("receipt", reverse("focal:receipt", args=[receipt.reference])),
        ("recommendations", reverse("focal:recommendations")),
        ("recommendation", reverse("focal:recommendation", args=[rec.public_id])),
        ("api-tokens", reverse("focal:api_tokens")),
    ]


def _reflows(page) -> bool:
    """No horizontal scrolling at 320 CSS pixels (WCAG 1.4.10)."""
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return width <= 320


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_every_portal_page_passes_axe_and_reflows_at_320_px(page, settings, tmp_path, language):
    from ombuds.focal.services.requests import answer_info_request

    settings.DEMO = True  # the second factor is walked through above
    focal, _lead, request, rec = _items()
    second = complaints.send_info_request(
        None,
        request.application,
        addressee=request.addressee,
        basis="general",
        questions="Köçürülmə barədə ərizəyə baxılmasının nəticəsi barədə məlumat verin.",
    )
    answer_info_request(focal.user, second, text=ANSWER)
    _invited, token = create_focal_point(
        None, authority=request.addressee, username="new.focal", first_name="Vüqar", last_name="Bağırov"
    )

    page.goto(reverse("focal:login"))
    if language != "az":
        page.get_by_test_id(f"lang-{language}").click()
        page.wait_for_load_state()
    problems: dict[str, object] = {}
    # The pages before signing in: the portal's sign-in and the invitation link's password page.
    for name, url in (("login", reverse("focal:login")), ("invitation", reverse("focal:invitation", args=[token]))):
        page.goto(url)
        assert page.locator("header nav.bg-ombuds-authority").count() == 1, name  # the portal's colour
        _check(page, tmp_path, name, language, problems)
    page.goto(reverse("focal:login"))
    page.fill("#id_login", "penitentiary.focal")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{reverse('focal:home')}")
    assert page.locator("html").get_attribute("lang") == language
    for name, url in _portal_pages(focal, request, second, rec):
        page.goto(url)
        _check(page, tmp_path, name, language, problems)
    assert not problems, json.dumps(problems, indent=1)
    assert page.console_errors == []


def _check(page, tmp_path, name: str, language: str, problems: dict) -> None:
    """axe-core and the 320 px reflow on the current page; the screenshots in az."""
    if violations := run_axe(page):
        problems[name] = violations
    if not _reflows(page):
        problems[f"{name}-320"] = "horizontal scrolling"
    if language == "az":
        _screens(page, tmp_path, name)


def _screens(page, tmp_path, name: str) -> None:
    """The page as a clerk sees it on a phone and on a desktop."""
    page.set_viewport_size({"width": 320, "height": 640})
    _shot(page, tmp_path, f"{name}-320")
    page.set_viewport_size({"width": 1280, "height": 900})
    _shot(page, tmp_path, f"{name}-1280")
