"""The clerk's "Give the applicant a reference and PIN" (complaints:status_key): who may, the slip
shown once in the applicant's language and never kept, and what the case page says afterwards."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from ombuds.accounts.testing import make_user
from ombuds.complaints.choices import Channel
from ombuds.complaints.models import StatusKey
from ombuds.complaints.services.status import lookup_status
from ombuds.complaints.testing import make_application
from ombuds.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _slip(client, app, language="en"):
    return client.post(reverse("complaints:status_key", args=[app.public_id]), {"status_key-language": language})


def _pin(html: str) -> str:
    return re.search(r'data-testid="slip-pin">(\d{6})<', html).group(1)


@pytest.mark.parametrize(
    ("unit", "channel"),
    [("reception", Channel.WALK_IN), ("call916", Channel.CALL_916)],
    ids=["reception operator", "916 operator"],
)
def test_an_operator_hands_out_a_key_for_an_application_they_registered(staff_client, unit, channel):
    operator = make_user(roles=["intake_operator"], unit=unit)
    app = make_application(operator, unit=unit, channel=channel)
    client = staff_client(operator)
    page = client.get(app.get_absolute_url()).content.decode()
    assert "Ərizəçiyə istinad nömrəsi və PIN verin" in page  # the staff read Azerbaijani by default
    response = _slip(client, app, "ru")
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = StatusKey.objects.get(application=app)
    assert key.issued_by == operator and key.language == "ru"
    assert key.reference in html
    pin = _pin(html)
    # The slip speaks the applicant's language and sends them to the portal page in it.
    assert 'lang="ru"' in html and "Как проверить своё обращение" in html and "/ru/status/" in html
    assert lookup_status(key.reference, pin).reference == key.reference
    # Stored and logged nowhere in clear.
    assert pin not in key.pin_digest
    written = json.dumps(list(AuditEvent.objects.values("action", "changes", "purpose")), ensure_ascii=False)
    assert "complaints.statuskey.issued" in written and pin not in written
    # The case page says that a key was given, and when, never the PIN.
    page = client.get(app.get_absolute_url()).content.decode()
    assert "Ərizəçiyə istinad nömrəsi və PIN" in page and "tarixində verilib" in page
    assert "Ərizəçiyə yeni PIN verin" in page
    assert pin not in page


def test_an_officer_of_another_region_cannot(staff_client, persona):
    app = make_application(None, unit="rc_north", district="guba")
    response = _slip(staff_client(persona("regional_officer")), app)
    assert response.status_code == 404
    assert not StatusKey.objects.filter(application=app).exists()


def test_a_role_that_does_not_register_cannot(staff_client, persona):
    app = make_application(None)
    response = _slip(staff_client(persona("analyst")), app)
    assert response.status_code == 403
    assert not StatusKey.objects.filter(application=app).exists()


def test_the_slip_is_post_only(staff_client, persona):
    app = make_application(None)
    response = staff_client(persona("complaints_officer")).get(reverse("complaints:status_key", args=[app.public_id]))
    assert response.status_code == 405


def test_an_unknown_language_is_refused_on_the_case_page(staff_client, persona):
    head = persona("department_head")
    app = make_application(head)
    response = _slip(staff_client(head), app, "fr")
    assert response.status_code == 400
    assert 'data-testid="form-errors"' in response.content.decode()
    assert not StatusKey.objects.filter(application=app).exists()


def test_a_new_pin_replaces_the_old_and_keeps_the_reference(staff_client, persona):
    head = persona("department_head")
    app = make_application(head)
    client = staff_client(head)
    first = _slip(client, app).content.decode()
    reference = StatusKey.objects.get(application=app).reference
    second = _slip(client, app).content.decode()
    assert StatusKey.objects.get(application=app).reference == reference
    assert lookup_status(reference, _pin(second)).reference == reference
    if _pin(first) != _pin(second):
        with pytest.raises(Exception):  # noqa: B017, PT011 - the old PIN no longer opens it
            lookup_status(reference, _pin(first))
