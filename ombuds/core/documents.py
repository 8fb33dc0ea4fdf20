"""Document rendering shared by every app: PDF from an HTML template (WeasyPrint) and DOCX
(python-docx), always in a chosen language, always served as an attachment."""

from __future__ import annotations

import io
import re
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
class Numbered:
    """A numbered list inside a letter (e.g. the questions of an information request)."""

    items: list[str]

    numbered = True  # what the letter template tests for


_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,3})[.)]\s+")


def text_blocks(text: str) -> list[str | Numbered]:
    """Free text typed into a form as letter blocks: a run of items numbered 1, 2, 3… (each on its
    own line or one after another on a line) becomes a Numbered list, other lines paragraphs.
    Only the next number in sequence starts an item, so "Article 5." or "3 October" inside a
    question does not split it."""
    blocks: list[str | Numbered] = []
    expected = 1
    items: list[str] = []
    preamble: list[str] = []
    position = 0
    for match in _NUMBER.finditer(text):
        if int(match.group(1)) != expected:
            continue
        chunk = text[position : match.start()]
        if items:
            items[-1] += chunk
        else:
            preamble.append(chunk)
        items.append("")
        position = match.end()
        expected += 1
    if items:
        items[-1] += text[position:]
    else:
        preamble.append(text[position:])
    blocks.extend(line.strip() for line in "".join(preamble).splitlines() if line.strip())
    if items:
        blocks.append(Numbered([" ".join(item.split()) for item in items]))
    return blocks


@dataclass
class Letter:
    """A letter as data, so that the PDF and the DOCX say exactly the same thing."""

    language: str
    reference: str
    date: str
    addressee: list[str]
    subject: str
    paragraphs: list[str | Numbered]
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
        if isinstance(paragraph, Numbered):
            for number, item in enumerate(paragraph.items, start=1):
                # Numbers written out, not Word's auto-numbering: they survive a copy and paste.
                document.add_paragraph(f"{number}. {item}").paragraph_format.left_indent = Pt(18)
        else:
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
