"""Repeat applications: linked to the earlier one by its number (among those the clerk may see),
with whether new facts were given, on the form, the case page and the API; the admissibility
assistant then proposes the repeat ground."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ombuds.complaints.admissibility import assess
from ombuds.complaints.models import Application
from ombuds.complaints.testing import make_application
from ombuds.complaints.tests.test_api import NEW, token_client
from ombuds.complaints.tests.test_forms import as_drawn
from ombuds.core.models import District

pytestmark = pytest.mark.django_db


def _register(client, **extra):
    url = reverse("complaints:register") + "?channel=post"
    data = as_drawn(client.get(url).content.decode())
    data.update(
        applicant_kind="person",
        surname="Həsənov",
        summary="The same eviction again.",
        district=str(District.objects.get(code="baku").pk),
        **extra,
    )
    return client.post(url, data)


def test_a_repeat_without_new_facts_is_linked_shown_and_the_repeat_ground_proposed(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    earlier = make_application(head)
    response = _register(client, repeat_of=earlier.number.lower())
    assert response.status_code == 302
    app = Application.objects.exclude(pk=earlier.pk).get()
    assert app.repeat_of == earlier and app.new_facts is False
    page = client.get(app.get_absolute_url()).content.decode()
    shown = page[page.index('data-testid="repeat-of"') :]
    assert f'href="{earlier.get_absolute_url()}"' in shown[: shown.index("</dd>")]
    assert assess(app).suggested_ground == "repeat"
    assert '<option value="repeat" selected>' in page  # the decision form proposes the ground


def test_a_repeat_with_new_facts_is_not_proposed_for_refusal(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    earlier = make_application(head)
    assert _register(client, repeat_of=earlier.number, new_facts="on").status_code == 302
    app = Application.objects.exclude(pk=earlier.pk).get()
    assert app.new_facts is True
    assert '<option value="repeat" selected>' not in client.get(app.get_absolute_url()).content.decode()


def test_only_an_application_the_clerk_may_see_can_be_linked(staff_client, persona):
    officer = persona("regional_officer")  # West
    client = staff_client(officer)
    north = make_application(None, unit="rc_north", district="guba")
    body = _register(client, repeat_of=north.number).content.decode()
    assert 'id="id_repeat_of_error"' in body and 'href="#id_repeat_of"' in body
    assert Application.objects.count() == 1
    with pytest.raises(ValidationError):
        make_application(officer, unit="rc_west", district="ganja", repeat_of=north)


def test_new_facts_without_a_repeat_number_is_refused(staff_client, persona):
    client = staff_client(persona("department_head"))
    body = _register(client, new_facts="on").content.decode()
    assert 'id="id_repeat_of_error"' in body and not Application.objects.exists()


def test_the_api_records_and_returns_the_link(persona):
    officer = persona("complaints_officer")
    client = token_client(officer)
    earlier = make_application(officer)
    response = client.post("/api/v1/applications/", {**NEW, "repeat_of": earlier.number}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["repeat_of"] == earlier.number and response.json()["new_facts"] is False
    assert Application.objects.get(public_id=response.json()["id"]).repeat_of == earlier
    hidden = make_application(None, unit="rc_north", district="guba")
    response = client.post("/api/v1/applications/", {**NEW, "repeat_of": hidden.number}, format="json")
    assert response.status_code == 400 and "repeat_of" in response.json()
