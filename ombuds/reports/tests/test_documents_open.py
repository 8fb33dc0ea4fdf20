"""The report's documents open in the tools readers use: the PDF renders page by page (pdftoppm),
carries its language, its bookmarks and a table of contents with page numbers (pdftotext); the DOCX
opens in LibreOffice (converted headless to PDF, then rendered). Skipped when the tools are missing,
unless REQUIRE_BROWSER=1 (CI), which makes a missing tool a failure. One LibreOffice conversion per
language, for az and ru only (Latin with ə, and Cyrillic): each costs seconds."""

import os
import re
import shutil
import subprocess

import pytest
from django.utils import translation

from ombuds.reports import documents
from ombuds.reports.tests.documents_fixtures import pdf_objects, pdf_string, small_annual_report

# The PDF and DOCX are rendered from a report the database has handed over already: the database
# engine plays no part in what WeasyPrint, poppler and LibreOffice do, and these are the suite's
# costliest tests, so the PostgreSQL pass of .ci/run leaves them to the SQLite one (pyproject `once`).
pytestmark = [pytest.mark.django_db, pytest.mark.once]


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{name} (Debian {package}) is required")
        pytest.skip(f"{name} not installed (Debian {package})")
    return path


def _pages(pdf, tmp_path) -> list:
    out = tmp_path / "page"
    subprocess.run([_tool("pdftoppm", "poppler-utils"), "-r", "40", "-png", str(pdf), str(out)], check=True)  # noqa: S603
    return sorted(tmp_path.glob("page*.png"))


def _text(pdf) -> str:
    tool = _tool("pdftotext", "poppler-utils")
    return subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.mark.parametrize(("language", "locale"), [("az", "az-Latn-AZ"), ("en", "en-GB"), ("ru", "ru-RU")])
def test_the_pdf_renders_with_its_language_bookmarks_and_contents(tmp_path, language, locale):
    report = small_annual_report()
    content = documents.report_pdf(report, language)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(content)
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 5 and all(page.stat().st_size > 500 for page in pages)
    objects = pdf_objects(content)
    assert any(b"/Lang " + spelling in objects for spelling in pdf_string(locale))
    assert b"/Outlines" in objects and b"/StructTreeRoot" in objects
    text = _text(pdf)
    title = getattr(report, f"title_{language}")
    assert title.split()[0] in text  # ə and Cyrillic come out as text, not as missing glyphs
    with translation.override(language):
        contents = translation.gettext("Contents")
        first_chapter = str(documents.report_context(report, language)["chapters"][0].title)
    assert contents in text
    # "1. <first chapter> ........ 3": the entry with the page it starts on, filled in by the layout.
    entry = re.search(rf"1\. {re.escape(first_chapter)}[ .]*?(\d+)\s*$", text, re.MULTILINE)
    assert entry is not None and 2 < int(entry.group(1)) <= len(pages)


@pytest.mark.parametrize("language", ["az", "ru"])
def test_libreoffice_opens_the_docx(tmp_path, language):
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    report = small_annual_report()
    docx = tmp_path / "report.docx"
    docx.write_bytes(documents.report_docx(report, language))
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not share a lock
    subprocess.run(  # noqa: S603
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = tmp_path / "out" / "report.pdf"
    assert converted.exists()
    assert len(_pages(converted, tmp_path)) >= 5
    text = _text(converted)
    assert getattr(report, f"title_{language}").split()[0] in text
    assert report.dataset.content_hash in text.replace("\n", "").replace(" ", "")
