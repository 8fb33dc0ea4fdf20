"""Document rendering shared by every app: PDF from an HTML template (WeasyPrint) and DOCX
(python-docx), always in a chosen language, always served as an attachment."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from urllib.parse import quote

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from docx import Document
from docx.shared import Pt

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Letter:
    """A letter as data, so that the PDF and the DOCX say exactly the same thing."""

    language: str
    reference: str
    date: str
    addressee: list[str]
    subject: str
    paragraphs: list[str]
    signature: list[str]
    header: list[str] = field(default_factory=list)


def html_pdf(html: str) -> bytes:
    # Imported here, not at the top: WeasyPrint loads the system's Pango, and a machine without it
    # should still run everything but PDF output.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def letter_pdf(letter: Letter) -> bytes:
    with translation.override(letter.language):
        html = render_to_string("documents/letter.html", {"letter": letter})
    return html_pdf(html)


def letter_docx(letter: Letter) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(11)
    for line in letter.header:
        document.add_paragraph(line).runs[0].bold = True
    document.add_paragraph(f"{letter.reference}    {letter.date}")
    for line in letter.addressee:
        document.add_paragraph(line)
    document.add_heading(letter.subject, level=2)
    for paragraph in letter.paragraphs:
        document.add_paragraph(paragraph)
    for line in letter.signature:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
