"""Two people correcting the same case: the second, stale submit is redrawn (409) with the
person's input and a message naming who changed what; the API answers 428 without If-Match, 412
when stale and 200 with a new ETag when fresh."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from ombuds.complaints import services
from ombuds.complaints.models import Application
from ombuds.complaints.testing import make_application
from ombuds.complaints.tests.test_api import token_client
from ombuds.core.models import District

pytestmark = pytest.mark.django_db


def _edit_post(app, version, summary):
    return {
        "edit-version": str(version),
        "edit-summary": summary,
        "edit-district": str(District.objects.get(code="baku").pk),
        "edit-respondents": [str(a.pk) for a in app.respondents.all()],
        "edit-rights": [str(r.pk) for r in app.rights.all()],
    }


def test_the_edit_form_is_drawn_on_request_with_the_version(staff_client, persona):
    officer = persona("complaints_officer")
    app = make_application(None)
    page = staff_client(officer).get(app.get_absolute_url())
    assert 'data-testid="edit-link"' in page.text and 'name="edit-summary"' not in page.text
    page = staff_client(officer).get(app.get_absolute_url() + "?edit=1")
    assert 'name="edit-summary"' in page.text
    assert 'name="edit-version" value="1"' in page.text
    assert 'name="assign-version" value="1"' in page.text


def test_a_stale_submit_is_redrawn_with_the_input_and_who_changed_what(staff_client, persona):
    first, second = persona("complaints_officer"), persona("department_head")
    app = make_application(None)
    services.update_application(first, app, version=1, summary="The first officer's correction.")
    client = staff_client(second)
    response = client.post(
        reverse("complaints:action", args=[app.public_id, "edit"]), _edit_post(app, 1, "My own correction.")
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "My own correction." in text  # the input is kept
    assert (first.get_full_name() or first.username) in text
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        label = str(Application._meta.get_field("summary").verbose_name)
    assert label in text  # what the other person changed, in the reader's language
    assert 'name="edit-version" value="2"' in text  # saving again is a deliberate overwrite
    assert Application.objects.get(pk=app.pk).summary == "The first officer's correction."
    again = client.post(
        reverse("complaints:action", args=[app.public_id, "edit"]), _edit_post(app, 2, "My own correction.")
    )
    assert again.status_code == 302
    assert Application.objects.get(pk=app.pk).summary == "My own correction."


def test_the_conflict_is_told_in_the_users_language(staff_client, persona):
    first, second = persona("complaints_officer"), persona("department_head")
    app = make_application(None)
    services.update_application(first, app, version=1, summary="Corrected.")
    client = staff_client(second)
    client.cookies["django_language"] = "ru"
    response = client.post(
        reverse("complaints:action", args=[app.public_id, "edit"]),
        _edit_post(app, 1, "Mine."),
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 409
    assert "после того как вы открыли эту запись" in response.content.decode().lower()


def test_a_stale_assignment_is_redrawn(staff_client, persona):
    head = persona("department_head")
    app = make_application(None)
    services.assign_application(head, app, persona("complaints_officer"))
    response = staff_client(head).post(
        reverse("complaints:action", args=[app.public_id, "assign"]),
        {"assign-version": "1", "assign-assignee": str(head.pk)},
    )
    assert response.status_code in (409, 200)  # 200: the head is not of the unit, the form refuses first
    assert Application.objects.get(pk=app.pk).assignee != head


def _url(app):
    return f"/api/v1/applications/{app.public_id}/"


def test_api_get_gives_the_etag_and_patch_requires_it(persona):
    officer = persona("complaints_officer")
    app = make_application(None)
    client = token_client(officer)
    got = client.get(_url(app))
    assert got.status_code == 200 and got["ETag"] == '"1"'
    missing = client.patch(_url(app), {"summary": "New."}, format="json")
    assert missing.status_code == 428
    fresh = client.patch(_url(app), {"summary": "New.", "district": "guba"}, format="json", HTTP_IF_MATCH='"1"')
    assert fresh.status_code == 200, fresh.content
    assert fresh["ETag"] == '"2"' and fresh.json()["district"] == "guba"
    stale = client.patch(_url(app), {"summary": "Older."}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert stale.json()["current_version"] == 2 and stale["ETag"] == '"2"'
    garbled = client.patch(_url(app), {"summary": "Older."}, format="json", HTTP_IF_MATCH="yesterday")
    assert garbled.status_code == 412
    assert Application.objects.get(pk=app.pk).summary == "New."


def test_api_patch_is_scoped_and_checks_the_permission(persona):
    app = make_application(None, district="guba")  # a northern case: out of the southern officer's region
    regional = persona("regional_officer")
    if not Application.objects.visible_to(regional).filter(pk=app.pk).exists():
        assert token_client(regional).patch(_url(app), {}, format="json", HTTP_IF_MATCH='"1"').status_code == 404
    operator = persona("intake_operator")
    assert token_client(operator).patch(_url(app), {}, format="json", HTTP_IF_MATCH='"1"').status_code == 403
