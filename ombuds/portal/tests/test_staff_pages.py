"""Staff editing and publishing of the portal's pages, as the real roles: awareness staff write,
a department head publishes, others are refused; stale edits are refused with the input kept."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ombuds.core.models import AuditEvent
from ombuds.portal.models import AccessibilityStatement, Page
from ombuds.portal.tests.factories_pages import TEXTS, make_page, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["django_language"] = "en"  # the messages checked below are the English ones


def _version(html: str) -> str:
    return re.search(r'name="version" value="(\d+)"', html)[1]


def test_awareness_staff_edit_and_a_department_head_publishes(client, persona, staff_client):
    awareness = staff_client(persona("awareness_staff"))
    edit = reverse("portal_staff:page_edit", args=["npm"])
    assert awareness.get(edit).status_code == 200
    response = awareness.post(edit, {**TEXTS, "title_en": "National Preventive Mechanism", "version": "0"})
    assert response.status_code == 302 and response["Location"] == reverse("portal_staff:page_preview", args=["npm"])
    page = Page.objects.get(slug="npm")
    assert page.title_en == "National Preventive Mechanism" and page.published == {}
    assert AuditEvent.objects.filter(action="portal.page.created", actor_id=persona("awareness_staff").pk).exists()
    # The writer may not publish; the public does not see the page yet.
    publish = reverse("portal_staff:page_publish", args=["npm"])
    assert awareness.post(publish, {"version": page.version}).status_code == 403
    assert client.get("/en/pages/npm/").status_code == 404

    head = staff_client(persona("department_head"))
    preview = head.get(reverse("portal_staff:page_preview", args=["npm"])).content.decode()
    assert 'data-testid="page-publish"' in preview
    assert head.post(publish, {"version": _version(preview)}).status_code == 302
    page.refresh_from_db()
    assert page.published["title_en"] == "National Preventive Mechanism" and page.published_by == persona(
        "department_head"
    )
    assert AuditEvent.objects.filter(action="portal.page.published", actor_id=persona("department_head").pk).exists()
    assert "National Preventive Mechanism" in client.get("/en/pages/npm/").content.decode()


@pytest.mark.parametrize("who", ["complaints_officer", "regional_officer", "analyst", "intake_operator"])
def test_other_staff_are_refused(persona, staff_client, who):
    http = staff_client(persona(who))
    make_page("mandate", publish=False)
    assert http.get(reverse("portal_staff:page_list")).status_code == 403
    assert http.post(reverse("portal_staff:page_edit", args=["mandate"]), {**TEXTS, "version": 1}).status_code == 403
    assert http.post(reverse("portal_staff:page_publish", args=["mandate"]), {"version": 1}).status_code == 403
    assert http.post(reverse("portal_staff:statement_edit"), {"compliance": "full", "standard": "x"}).status_code == 403
    assert Page.objects.get(slug="mandate").published == {} and not AccessibilityStatement.objects.exists()


def test_list_shows_the_five_pages_with_their_published_date(persona, staff_client, django_assert_max_num_queries):
    make_page("mandate")
    make_page("npm", publish=False)
    http = staff_client(persona("awareness_staff"))
    http.get(reverse("portal_staff:page_list"))
    with django_assert_max_num_queries(12):
        html = http.get(reverse("portal_staff:page_list")).content.decode()
    for slug in ("mandate", "how-to-apply", "npm", "nakhchivan", "accessibility"):
        assert f'data-testid="page-{slug}"' in html
    rows = dict(re.findall(r'data-testid="page-([a-z-]+)">(.*?)</tr>', html, re.S))
    assert "Not published" not in rows["mandate"] and "Not published" in rows["npm"]


def test_a_stale_edit_is_refused_and_the_input_kept(persona, staff_client):
    make_page("mandate", publish=False)
    http = staff_client(persona("awareness_staff"))
    edit = reverse("portal_staff:page_edit", args=["mandate"])
    read = _version(http.get(edit).content.decode())
    # Someone else saves meanwhile.
    staff_client(persona("commissioner")).post(edit, {**TEXTS, "body_en": "The Commissioner's words.", "version": read})
    http = staff_client(persona("awareness_staff"))
    response = http.post(edit, {**TEXTS, "body_en": "My words.", "version": read})
    html = response.content.decode()
    assert response.status_code == 409
    assert "after you opened it" in html and "My words." in html
    assert Page.objects.get(slug="mandate").body_en == "The Commissioner's words."
    # Saving again, having read the message, writes over it deliberately.
    assert http.post(edit, {**TEXTS, "body_en": "My words.", "version": _version(html)}).status_code == 302
    assert Page.objects.get(slug="mandate").body_en == "My words."


def test_publishing_a_text_changed_after_the_preview_is_refused(persona, staff_client):
    page = make_page("mandate", publish=False)
    head = staff_client(persona("department_head"))
    read = _version(head.get(reverse("portal_staff:page_preview", args=["mandate"])).content.decode())
    from ombuds.portal.services import pages as services

    services.edit_page(None, "mandate", body_en="Changed after the preview.")
    response = head.post(reverse("portal_staff:page_publish", args=["mandate"]), {"version": read}, follow=True)
    assert "changed after you opened the preview" in response.content.decode()
    page.refresh_from_db()
    assert page.published == {}


def test_a_page_made_by_someone_else_meanwhile_is_a_conflict(persona, staff_client):
    http = staff_client(persona("awareness_staff"))
    edit = reverse("portal_staff:page_edit", args=["npm"])
    read = _version(http.get(edit).content.decode())
    assert read == "0"
    make_page("npm", publish=False, title_en="NPM", body_en="Written first.")
    response = http.post(edit, {**TEXTS, "version": read})
    assert response.status_code == 409 and Page.objects.get(slug="npm").body_en == "Written first."


def test_half_a_language_is_refused_next_to_its_field(persona, staff_client):
    http = staff_client(persona("awareness_staff"))
    response = http.post(
        reverse("portal_staff:page_edit", args=["mandate"]),
        {"title_az": "Səlahiyyətlər", "body_az": "", "version": "0"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'data-testid="form-errors"' in html
    assert 'id="id_body_az_error"' in html and "Səlahiyyətlər" in html
    assert not Page.objects.exists()


def test_statement_is_edited_and_reviewed_when_published(persona, staff_client):
    http = staff_client(persona("awareness_staff"))
    form = http.get(reverse("portal_staff:statement_edit")).content.decode()
    assert 'value="WCAG 2.2 AA"' in form
    data = {"compliance": "partial", "standard": "WCAG 2.2 AA", "method_en": "axe-core and keyboard.", "version": "0"}
    assert http.post(reverse("portal_staff:statement_edit"), data).status_code == 302
    statement = AccessibilityStatement.objects.get()
    assert statement.method_en == "axe-core and keyboard."
    stale = {**data, "method_en": "Old read.", "version": statement.version}
    make_statement(method_en="Changed by someone else.")
    assert http.post(reverse("portal_staff:statement_edit"), stale).status_code == 409
    assert AccessibilityStatement.objects.get().method_en == "Changed by someone else."
