"""Contact details kept secret at the applicant's request never reach a generated document of a
user who may not see them on the page: every letter kind, PDF and DOCX, every persona."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse

from ombuds.accounts.testing import PERSONAS
from ombuds.complaints import services
from ombuds.complaints.choices import RefusalGround
from ombuds.complaints.testing import authority, make_application

pytestmark = pytest.mark.django_db

ADDRESS = "Canaryaddr küçəsi 7731"
PHONE = "+994 55 773 17 31"
EMAIL = "canary7731@example.org"
APPLICANT = {
    "surname": "Həsənova",
    "given_name": "Lalə",
    "sex": "female",
    "address": ADDRESS,
    "phone": PHONE,
    "email": EMAIL,
    "contacts_secret": True,
}


def _text(content: bytes, fmt: str, tmp_path) -> str:
    if fmt == "docx":
        from docx import Document

        document = Document(io.BytesIO(content))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext not installed (Debian poppler-utils)")
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.fixture
def cases(persona):
    """Two applications from Ganja (the regional officer's region) with secret contacts: one
    refused, one worked by an assignee through to its result, one extended; every letter kind is
    available."""
    head = persona("department_head")
    officer = persona("complaints_officer")
    refused = make_application(head, district="ganja", applicant=APPLICANT)
    services.decide_admissibility(head, refused, "refuse", ground=RefusalGround.TIME_BARRED, reason="Too late.")
    worked = make_application(head, district="ganja", applicant=APPLICANT)
    worked = services.decide_admissibility(head, worked, "accept")
    services.assign_application(head, worked, officer)
    request = services.send_info_request(
        head, worked, addressee=authority("mia"), basis="access_to_information", questions="1. Who? 2. When?"
    )
    extended = services.decide_admissibility(
        head, make_application(head, district="ganja", applicant=APPLICANT), "accept"
    )
    services.assign_application(head, extended, officer)
    services.extend_consideration(head, extended, "An on-site check is needed.")
    services.add_measure(head, worked, kind="letter", addressee=authority("mia"), text="Register the complaint.")
    services.conclude_application(head, worked, "violation_found")
    return {
        "refused": (refused, ["acknowledgement", "refusal"], None),
        "worked": (worked, ["acknowledgement", "info_request", "result"], request),
        "extended": (extended, ["extension"], None),
    }


# Who may see contacts kept secret: the case's assignee and the secret tier (domain.md §2).
SEES_SECRET_CONTACTS = {
    "refused": {"commissioner"},
    "worked": {"commissioner", "complaints_officer"},
    "extended": {"commissioner", "complaints_officer"},
}


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_no_letter_shows_secret_contacts_to_whom_the_page_hides_them(staff_client, persona, cases, name, tmp_path):
    client = staff_client(persona(name))
    opened = 0
    for case, (app, kinds, request) in cases.items():
        page = client.get(app.get_absolute_url())
        if page.status_code != 200:
            continue
        allowed = name in SEES_SECRET_CONTACTS[case]
        assert (ADDRESS in page.content.decode()) == allowed, (case, "page")
        for kind in kinds:
            for fmt in ("pdf", "docx"):
                # Every language for the acknowledgement (where the leak was found), Azerbaijani otherwise.
                for language in ("az", "en", "ru") if kind == "acknowledgement" else ("az",):
                    query = f"?lang={language}" + (f"&request={request.public_id}" if kind == "info_request" else "")
                    url = reverse("complaints:letter", args=[app.public_id, kind, fmt]) + query
                    response = client.get(url)
                    assert response.status_code == 200, (case, kind, fmt, language)
                    text = _text(response.content, fmt, tmp_path)
                    assert app.number in text
                    for canary in (PHONE, EMAIL):
                        assert canary not in text, (case, kind, fmt, language)
                    # The address is printed only on letters to the applicant, for those who may see it.
                    expected = allowed and kind != "info_request"
                    assert (ADDRESS in " ".join(text.split())) == expected, (case, kind, fmt, language)
                    opened += 1
    if name in ("commissioner", "department_head", "complaints_officer", "regional_officer"):
        assert opened, "the persona should reach these letters"


@pytest.mark.parametrize("name", sorted(PERSONAS))
def test_the_api_shows_secret_contacts_only_to_whom_the_page_shows_them(persona, cases, name):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(persona(name))
    for case, (app, _kinds, _request) in cases.items():
        response = client.get(f"/api/v1/applications/{app.public_id}/")
        if response.status_code != 200:
            continue
        details = response.json()["applicant_details"]
        assert details["surname"] == "Həsənova"
        assert ("address" in details) == (name in SEES_SECRET_CONTACTS[case]), case
        listed = client.get("/api/v1/applications/").content.decode()
        assert ADDRESS not in listed and PHONE not in listed
