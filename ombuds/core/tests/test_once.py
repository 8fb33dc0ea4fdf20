"""One-time form tokens (ombuds/core/once.py): a create form submitted twice makes one record and
the second submit lands on what the first made; a refused submit keeps its token usable."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from ombuds.complaints.models import Application, CaseNote, RightTopic
from ombuds.complaints.testing import make_application
from ombuds.core.models import District, IdempotencyKey
from ombuds.core.once import FIELD, new_token
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.models import Finding
from ombuds.monitoring.testing import make_visit

pytestmark = pytest.mark.django_db


def token_in(page, name: str = FIELD) -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', page.content.decode())
    assert match, f"no {name} field on the page"
    return match[1]


def registration(**extra):
    return {
        "channel": "walk_in",
        "received_at": "2025-10-06T10:00",
        "app_type": "complaint",
        "applicant_kind": "person",
        "surname": "Quliyeva",
        "given_name": "Nərmin",
        "sex": "female",
        "summary": "My pension has not been paid for three months.",
        "district": District.objects.get(code="baku").pk,
        "court_status": "none",
        "sensitivity": "normal",
        "rights": [RightTopic.objects.get(code="social_protection").pk],
        **extra,
    }


def test_a_double_submit_of_the_intake_form_registers_once(staff_client, persona):
    client = staff_client(persona("intake_operator"))
    token = token_in(client.get(reverse("complaints:register") + "?channel=walk_in"))
    first = client.post(reverse("complaints:register"), registration(once=token))
    app = Application.objects.get()
    assert first.status_code == 302 and first["Location"] == app.get_absolute_url()
    with translation.override("az"):
        again = client.post(reverse("complaints:register"), registration(once=token), HTTP_ACCEPT_LANGUAGE="az")
    assert again.status_code == 302 and again["Location"] == app.get_absolute_url()
    assert Application.objects.count() == 1
    notes = [str(m) for m in get_messages(again.wsgi_request)]
    assert any("artıq göndərilib" in note for note in notes), notes  # in the user's language


def test_a_redraw_after_an_error_keeps_a_valid_token(staff_client, persona):
    client = staff_client(persona("intake_operator"))
    token = token_in(client.get(reverse("complaints:register") + "?channel=walk_in"))
    refused = client.post(reverse("complaints:register"), registration(once=token, summary=""))
    assert refused.status_code == 200 and token_in(refused) == token
    assert not IdempotencyKey.objects.exists()
    assert client.post(reverse("complaints:register"), registration(once=token)).status_code == 302
    assert client.post(reverse("complaints:register"), registration(once=token)).status_code == 302
    assert Application.objects.count() == 1


def test_a_forged_or_stale_token_is_refused_with_a_fresh_one(staff_client, persona, settings):
    client = staff_client(persona("intake_operator"))
    forged = client.post(reverse("complaints:register"), registration(once="made-up"))
    assert forged.status_code == 200 and not Application.objects.exists()
    fresh = token_in(forged)
    assert fresh != "made-up"
    assert client.post(reverse("complaints:register"), registration(once=fresh)).status_code == 302
    stale = new_token()
    settings.OMBUDS_IDEMPOTENCY_HOURS = 0  # any token is older than that a few seconds later
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        refused = client.post(reverse("complaints:register"), registration(once=stale))
    assert refused.status_code == 200 and token_in(refused) != stale
    assert Application.objects.count() == 1


def test_a_post_without_the_token_is_processed_unguarded(staff_client, persona):
    client = staff_client(persona("intake_operator"))
    assert client.post(reverse("complaints:register"), registration()).status_code == 302
    assert client.post(reverse("complaints:register"), registration()).status_code == 302
    assert Application.objects.count() == 2


def test_tokens_are_per_user(staff_client, persona):
    token = new_token()
    assert staff_client(persona("intake_operator")).post(reverse("complaints:register"), registration(once=token))
    assert staff_client(persona("complaints_officer")).post(reverse("complaints:register"), registration(once=token))
    assert Application.objects.count() == 2


def test_a_case_page_action_is_saved_once(staff_client, persona):
    head = persona("department_head")
    app = make_application(head)
    client = staff_client(head)
    token = token_in(client.get(app.get_absolute_url()), "note-once")
    url = reverse("complaints:action", args=[app.public_id, "note"])
    for _ in range(2):
        response = client.post(url, {"note-text": "Called the applicant.", "note-once": token})
        assert response.status_code == 302 and response["Location"] == app.get_absolute_url()
    assert CaseNote.objects.filter(application=app).count() == 1


def test_a_record_action_through_run_action_is_saved_once(staff_client, persona):
    member = persona("npm_member")
    visit = make_visit(member)
    monitoring.prepare_visit(None, visit, "")
    monitoring.record_arrival(None, visit)
    client = staff_client(member)
    token = token_in(client.get(visit.get_absolute_url()), "finding-once")
    url = reverse("monitoring:visit_action", args=[visit.public_id, "finding"])
    data = {
        "finding-area": "treatment",
        "finding-text": "No ventilation in cell 4.",
        "finding-sources": ["observation"],
        "finding-severity": "concern",
        "finding-once": token,
    }
    for _ in range(2):
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    assert Finding.objects.filter(visit=visit).count() == 1
