"""The report as documents: the PDF and the DOCX say the same thing, in the chosen language, with
their tables, a table of contents, page numbers and the dataset they were read from."""

import io
import zipfile

import pytest
from docx import Document

from ombuds.reports import documents
from ombuds.reports.tests.documents_fixtures import pdf_objects, pdf_string, small_annual_report

pytestmark = pytest.mark.django_db


def test_the_context_lists_chapters_in_order_with_their_tables_and_definitions():
    report = small_annual_report()
    steps = []
    context = documents.report_context(report, "en", lambda step, fraction: steps.append((step, fraction)))
    assert [c.key for c in context["chapters"]][:2] == ["rights", "prevention"]
    rights = context["chapters"][0]
    assert [t.code for t in rights.tables][:10] == [f"A{n}" for n in range(10)]
    assert rights.paragraphs == ["The Commissioner examined appeals all year.", "A second paragraph <b>not bold</b>."]
    assert "&lt;b&gt;" in rights.narrative  # typed markup is text, never HTML
    keys = [d.key for d in context["definitions"]]
    assert "applications.by_channel" in keys and len(keys) == len(set(keys))
    assert len(steps) == len(context["chapters"]) and steps[0][1] == 0
    assert context["title"].startswith("Annual report")


def test_the_recommendations_of_the_dataset_are_listed_when_present():
    report = small_annual_report()
    report.dataset.data["lists"] = {
        "recommendations": [
            {
                "number": "R-2025-0001",
                "issued_on": "2025-03-01",
                "addressee": {"az": "Daxili İşlər Nazirliyi", "en": "Ministry of Internal Affairs", "ru": "МВД"},
                "text_en": "Build ramps",
                "text_az": "Pandus tikin",
                "status": "in_progress",
                "bucket": "open",
            },
            {"number": "R-2025-0002", "text_az": "Yalnız azərbaycanca", "status": "implemented"},
        ]
    }
    listed = documents.report_context(report, "en")["recommendations"]
    assert [(r.number, r.addressee, r.text, r.translated, r.status) for r in listed] == [
        ("R-2025-0001", "Ministry of Internal Affairs", "Build ramps", True, "Implementation in progress"),
        ("R-2025-0002", "", "Yalnız azərbaycanca", False, "Implemented"),
    ]
    html = documents.report_html(documents.report_context(report, "en"))
    assert "Ministry of Internal Affairs" in html and '<span lang="az">Yalnız azərbaycanca</span>' in html
    report.dataset.data.pop("lists")
    assert documents.report_context(report, "en")["recommendations"] == []


# Rendering reads the report once and is the same on either database: run once (pyproject `once`).
@pytest.mark.once
def test_the_docx_has_headings_a_toc_field_page_numbers_language_and_real_tables():
    report = small_annual_report()
    content = documents.report_docx(report, "az")
    doc = Document(io.BytesIO(content))
    assert doc.core_properties.title == report.title_az
    assert doc.core_properties.language == "az-Latn-AZ"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert any(text.startswith("1. ") for text in headings)
    assert any("A2" in text for text in headings)
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    assert 'w:instr="TOC \\o &quot;1-3&quot; \\h \\z \\u"' in xml
    styles = zipfile.ZipFile(io.BytesIO(content)).read("word/styles.xml").decode()
    assert 'w:val="az-Latn-AZ"' in styles
    footer = zipfile.ZipFile(io.BytesIO(content)).read("word/footer1.xml").decode()
    assert 'w:instr="PAGE"' in footer
    # A2: one row per channel, the header row repeats on every page.
    channel_table = next(t for t in doc.tables if any("poçt" in c.text.lower() for c in t.columns[0].cells))
    assert (
        channel_table.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert report.dataset.content_hash in texts and report.previous_dataset.content_hash in texts
    assert "Müvəkkil ilboyu şikayətləri araşdırmışdır." in texts


@pytest.mark.once
def test_the_pdf_is_tagged_with_its_language_title_and_bookmarks():
    report = small_annual_report()
    content = documents.report_pdf(report, "ru")
    assert content.startswith(b"%PDF-")
    objects = pdf_objects(content)
    assert any(b"/Lang " + spelling in objects for spelling in pdf_string("ru-RU"))
    assert b"/StructTreeRoot" in objects and b"/MarkInfo" in objects  # tagged
    assert b"/Outlines" in objects  # bookmarks from the headings
    assert any(spelling in objects for spelling in pdf_string(report.title_ru))
