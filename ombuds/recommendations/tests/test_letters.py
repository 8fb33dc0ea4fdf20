"""The letter to the addressee: in the recommendation's letter language, with its number, date,
addressee, text, due date and response term; kept as sent when the recommendation is issued."""

from __future__ import annotations

import io
import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from ombuds.accounts.testing import make_user
from ombuds.core.models import AuditEvent
from ombuds.recommendations import services
from ombuds.recommendations.testing import make_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    return make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")


def pdf_text(content: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True)  # noqa: S607
    return " ".join(result.stdout.decode().split())


def docx_text(content: bytes) -> str:
    return " ".join(" ".join(p.text for p in Document(io.BytesIO(content)).paragraphs).split())


def test_the_letter_in_english_says_what_is_asked_by_when(staff_client, lead):
    rec = make_recommendation(lead, text_ru="Отремонтировать душевую в течение месяца.")
    services.issue_recommendation(lead, rec, language="en")
    rec.refresh_from_db()
    client = staff_client(lead)
    response = client.get(reverse("recommendations:letter", args=[rec.public_id, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert rec.number in text and "Ministry of Justice" in text
    assert "Repair the shower block within a month" in text
    assert f"implemented by {rec.due_date:%-d}" in text or rec.due_date.strftime("%Y") in text
    assert "within 30 calendar days" in text
    assert "Following the visit of" in text
    assert AuditEvent.objects.filter(action="recommendations.recommendation.letter_generated").count() == 1


def test_the_docx_and_another_language_on_request(staff_client, lead):
    rec = make_recommendation(lead, text_ru="Отремонтировать душевую в течение месяца.")
    client = staff_client(lead)
    response = client.get(reverse("recommendations:letter", args=[rec.public_id, "docx"]) + "?lang=ru")
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "Отремонтировать душевую" in text and "Рекомендация" in text and rec.number in text
    # The Azerbaijani letter, the default of a draft.
    text = docx_text(client.get(reverse("recommendations:letter", args=[rec.public_id, "docx"])).content)
    assert "Duş otağı" in text
    # A language without a text, or an unknown format: nothing to download.
    fresh = make_recommendation(lead, text_en="")
    assert client.get(reverse("recommendations:letter", args=[fresh.public_id, "pdf"]) + "?lang=en").status_code == 404
    assert client.get(reverse("recommendations:letter", args=[rec.public_id, "odt"])).status_code == 404


def test_issuing_keeps_the_letter_that_was_sent(lead):
    rec = make_recommendation(lead)
    services.issue_recommendation(lead, rec, language="az")
    letter = rec.history.get(new_status="issued").document
    assert letter.owner == rec and letter.original_name == f"recommendation-{rec.number.replace('/', '-')}-az.pdf"
    from django.core.files.storage import default_storage

    from ombuds.core.uploads import storage_name

    with default_storage.open(storage_name(letter.stored_name), "rb") as stored:
        text = pdf_text(stored.read())
    assert "Duş otağı bir ay ərzində təmir edilsin" in text and rec.number in text
    assert timezone.localdate().strftime("%Y") in text


def test_a_letter_issued_on_an_earlier_day_was_not_written_here(lead):
    rec = make_recommendation(lead)
    services.issue_recommendation(lead, rec, issued_on=timezone.localdate() - timedelta(days=3))
    assert rec.history.get(new_status="issued").document is None
