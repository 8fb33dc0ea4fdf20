"""Letters open: PDF rendered to PNG with pdftoppm, DOCX parsed back, in az, en and ru."""

import io
import os
import shutil
import subprocess

import pytest
from django.urls import reverse

from ombuds.complaints import services
from ombuds.complaints.choices import RefusalGround
from ombuds.complaints.testing import authority, make_application
from ombuds.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _pdftoppm():
    path = shutil.which("pdftoppm")
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("pdftoppm (Debian poppler-utils) is required")
        pytest.skip("pdftoppm not installed (Debian poppler-utils)")
    return path


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_acknowledgement_pdf_renders(staff_client, persona, tmp_path, language):
    from django.utils import translation

    with translation.override(language):
        phrase = translation.gettext("Acknowledgement of receipt")
    assert (phrase == "Acknowledgement of receipt") == (language == "en")
    head = persona("department_head")
    app = make_application(head)
    response = staff_client(head).get(
        reverse("complaints:letter", args=[app.public_id, "acknowledgement", "pdf"]) + f"?lang={language}"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(response.content)
    subprocess.run([_pdftoppm(), "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)  # noqa: S603
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 2000
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
    assert phrase in text and app.number in text
    assert AuditEvent.objects.filter(action="complaints.application.letter_generated").count() == 1


def test_refusal_docx_parses_back(staff_client, persona):
    from docx import Document

    head = persona("department_head")
    app = make_application(head)
    services.decide_admissibility(
        head, app, "refuse", ground=RefusalGround.TIME_BARRED, reason="The violation took place more than a year ago."
    )
    response = staff_client(head).get(
        reverse("complaints:letter", args=[app.public_id, "refusal", "docx"]) + "?lang=en"
    )
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Reasoned refusal" in text and "one-year time limit" in text and "more than a year ago" in text


def test_info_request_and_result_letters(staff_client, persona):
    from docx import Document

    head = persona("department_head")
    client = staff_client(head)
    app = services.decide_admissibility(head, make_application(head), "accept")
    request = services.send_info_request(
        head,
        app,
        addressee=authority("mia"),
        basis="access_to_information",
        questions="Provide the register of detainees for 3 October.",
    )
    url = reverse("complaints:letter", args=[app.public_id, "info_request", "docx"])
    body = "\n".join(
        p.text
        for p in Document(io.BytesIO(client.get(url + f"?lang=en&request={request.public_id}").content)).paragraphs
    )
    assert "register of detainees" in body and "Ministry of Internal Affairs" in body
    assert client.get(url + "?request=not-a-uuid").status_code == 404
    result = reverse("complaints:letter", args=[app.public_id, "result", "pdf"])
    assert client.get(result).status_code == 404  # no outcome yet
    services.add_measure(head, app, kind="letter", addressee=authority("mia"), text="Register the complaint.")
    services.conclude_application(head, app, "violation_found")
    assert client.get(result).status_code == 200


def test_unknown_kind_format_or_language_is_404(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    app = make_application(head)
    for kind, fmt, lang in (("poem", "pdf", "az"), ("acknowledgement", "exe", "az"), ("acknowledgement", "pdf", "fr")):
        url = reverse("complaints:letter", args=[app.public_id, kind, fmt]) + f"?lang={lang}"
        assert client.get(url).status_code == 404


def test_extension_letter_after_an_extension(staff_client, persona):
    from docx import Document

    head = persona("department_head")
    client = staff_client(head)
    app = services.decide_admissibility(head, make_application(head), "accept")
    url = reverse("complaints:letter", args=[app.public_id, "extension", "docx"]) + "?lang=en"
    assert client.get(url).status_code == 404
    services.extend_consideration(head, app, "An on-site check is needed.")
    body = "\n".join(p.text for p in Document(io.BytesIO(client.get(url).content)).paragraphs)
    assert "has been extended until" in body and app.number in body
    assert (
        reverse("complaints:letter", args=[app.public_id, "extension", "pdf"])
        in client.get(app.get_absolute_url()).content.decode()
    )


QUESTIONS = {
    "lines": "Please answer:\n1. Who detained him on 3 October?\n2. On what grounds (Article 5. of the law)?\n"
    "3. Was a lawyer present?",
    "inline": "Please answer: 1. Who detained him on 3 October? 2. On what grounds (Article 5. of the law)? "
    "3. Was a lawyer present?",
}
EXPECTED = [
    "1. Who detained him on 3 October?",
    "2. On what grounds (Article 5. of the law)?",
    "3. Was a lawyer present?",
]


@pytest.mark.parametrize("typed", QUESTIONS)
def test_info_request_questions_are_separate_items_in_pdf_and_docx(staff_client, persona, tmp_path, typed):
    from docx import Document

    head = persona("department_head")
    client = staff_client(head)
    app = services.decide_admissibility(head, make_application(head), "accept")
    request = services.send_info_request(
        head, app, addressee=authority("mia"), basis="access_to_information", questions=QUESTIONS[typed]
    )
    query = f"?lang=en&request={request.public_id}"
    docx = client.get(reverse("complaints:letter", args=[app.public_id, "info_request", "docx"]) + query)
    paragraphs = [p.text.strip() for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert all(item in paragraphs for item in EXPECTED), paragraphs
    assert "Please answer:" in paragraphs
    _pdftoppm()
    pdf = tmp_path / "request.pdf"
    url = reverse("complaints:letter", args=[app.public_id, "info_request", "pdf"])
    pdf.write_bytes(client.get(url + query).content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert all(item in lines for item in EXPECTED), lines
