"""The public status page (portal:status) through the Django test client: a plain POST form, no
JavaScript, in az, en and ru; the answer on the same page, never in the URL, never cached."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from ombuds.complaints import services
from ombuds.complaints.choices import RefusalGround
from ombuds.complaints.services.status import issue_status_key
from ombuds.complaints.testing import make_application

pytestmark = pytest.mark.django_db
LANGUAGES = ["az", "en", "ru"]
TITLES = {"az": "Müraciətinizi yoxlayın", "en": "Check your application", "ru": "Проверить обращение"}
NOT_FOUND = {
    "az": "İstinad nömrəsi və PIN heç bir müraciətə uyğun gəlmir",
    "en": "The reference and PIN do not match an application",
    "ru": "Номер для справок и PIN-код не соответствуют ни одному обращению",
}
REFUSED = {"az": "İmtina edilib", "en": "Refused", "ru": "Отказано"}


def _url(language: str) -> str:
    with translation.override(language):
        return reverse("portal:status")


@pytest.fixture
def keyed(persona):
    officer = persona("complaints_officer")
    app = make_application(officer)
    app = services.decide_admissibility(officer, app, "refuse", ground=RefusalGround.REPEAT, reason="Staff-only text.")
    return issue_status_key(officer, app, language="en")


def _no_scripts(html: str) -> None:
    assert "<script" not in html  # the page is whole without JavaScript


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_is_a_plain_post_form_in_the_pages_language(client, language):
    response = client.get(_url(language))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert TITLES[language] in html
    assert re.search(r'<form method="post" action="/' + language + r'/status/"', html)
    assert re.search(r'<label[^>]*for="id_reference"', html) and re.search(r'<label[^>]*for="id_pin"', html)
    pin = re.search(r'<input[^>]*id="id_pin"[^>]*>', html, re.S).group(0)
    assert 'inputmode="numeric"' in pin and 'autocomplete="off"' in pin
    assert 'autocomplete="off"' in re.search(r'<input[^>]*id="id_reference"[^>]*>', html, re.S).group(0)
    assert 'href="tel:916"' in html and reverse("portal:page", args=["how-to-apply"]).split("/", 2)[2] in html
    assert "no-store" in response["Cache-Control"]
    _no_scripts(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_right_pin_shows_the_steps_on_the_same_page(client, keyed, language):
    key, pin = keyed
    response = client.post(_url(language), {"reference": key.reference.lower(), "pin": pin})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="status-result"' in html and key.reference in html
    assert REFUSED[language] in html
    assert 'aria-current="step"' in html
    assert "Staff-only text." not in html and "Həsənov" not in html and key.application.number not in html
    assert pin not in html  # the PIN is not drawn again under the answer
    assert "no-store" in response["Cache-Control"]
    _no_scripts(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_pin_and_an_unknown_reference_read_alike(client, keyed, language):
    key, pin = keyed
    wrong = f"{(int(pin) + 1) % 10**6:06d}"
    answers = []
    for reference, typed in ((key.reference, wrong), ("ZZZZ-9999", pin)):
        response = client.post(_url(language), {"reference": reference, "pin": typed})
        html = response.content.decode()
        assert response.status_code == 400
        assert NOT_FOUND[language] in html
        summary = re.search(
            r'<div class="alert alert-danger[^"]*" role="alert" tabindex="-1" autofocus.*?</div>', html, re.S
        )
        assert summary and 'href="#id_reference"' in summary.group(0) and 'href="#id_pin"' in summary.group(0)
        assert 'aria-describedby="id_pin_help id_pin_error"' in html and 'aria-invalid="true"' in html
        answers.append(summary.group(0).replace(reference, "").replace(typed, ""))
    assert answers[0] == answers[1]


def test_the_audit_notes_the_lookup_and_the_lockout_without_the_address_or_pin(client, keyed, settings):
    from ombuds.core.models import AuditEvent

    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS = 1
    key, pin = keyed
    client.post(_url("en"), {"reference": key.reference, "pin": pin}, REMOTE_ADDR="203.0.113.9")
    client.post(_url("en"), {"reference": key.reference, "pin": "000000" if pin != "000000" else "111111"})
    events = AuditEvent.objects.filter(action__in=["complaints.statuskey.looked_up", "complaints.statuskey.locked"])
    assert sorted(e.action for e in events) == ["complaints.statuskey.locked", "complaints.statuskey.looked_up"]
    assert [e.ip for e in events] == [None, None]
    assert all(pin not in str(e.changes) for e in events)


def test_bad_input_is_named_next_to_its_field_and_kept(client):
    response = client.post(_url("en"), {"reference": "AB", "pin": "12x"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "A reference has 8 letters and digits" in html and "The PIN has 6 digits." in html
    assert 'value="AB"' in html
    assert 'id="id_reference_error"' in html and 'id="id_pin_error"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lockout_says_until_when(client, keyed, settings, language):
    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS = 2
    key, pin = keyed
    wrong = f"{(int(pin) + 1) % 10**6:06d}"
    client.post(_url(language), {"reference": key.reference, "pin": wrong})
    response = client.post(_url(language), {"reference": key.reference, "pin": wrong})
    assert response.status_code == 429
    response = client.post(_url(language), {"reference": key.reference, "pin": pin})
    html = response.content.decode()
    assert response.status_code == 429
    assert {"az": "Bakı vaxtı", "en": "Baku time", "ru": "по бакинскому времени"}[language] in html
    assert re.search(r"\d\d:\d\d", html)
    assert 'data-testid="status-result"' not in html


def test_the_page_reads_no_status_key_itself():
    from pathlib import Path

    source = Path(__file__).resolve().parents[1].joinpath("views", "status.py").read_text()
    assert "StatusKey" not in source and "complaints.models" not in source


def test_one_connection_trying_many_lookups_is_slowed_down(client, keyed, settings):
    """The lockout guards one reference; a client trying PINs across references meets this limit."""
    settings.OMBUDS_STATUS_LOOKUPS_PER_HOUR = 3
    key, pin = keyed
    for _ in range(3):
        assert client.post(_url("en"), {"reference": "ABCD-2345", "pin": "123456"}).status_code == 400
    refused = client.post(_url("en"), {"reference": key.reference, "pin": pin})
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Too many lookups from this connection" in html
    assert key.reference in html  # what was typed is kept
    assert "Refused" not in html  # and nothing of the case is shown
