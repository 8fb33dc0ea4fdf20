"""A report as documents: the same content (`report_context`) rendered as a tagged PDF (WeasyPrint)
or as a DOCX (python-docx, `documents_docx.py`), in one language.

The content is read from the report's frozen dataset and the dataset of the year before, never
from live records: a document generated twice from the same dataset says the same thing, and its
annex prints the dataset's snapshot time and full SHA-256 so a reader can match it to the data.
Builders take an optional `progress(step, fraction)` callback: the background generation
(`services/generation.py`) moves its progress bar with it, chapter by chapter."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ombuds.reports import tables
from ombuds.reports.charts import block_chart
from ombuds.reports.choices import Unit
from ombuds.reports.lists import recommendations_of
from ombuds.reports.measures import REGISTRY

Progress = Callable[[str, float], None]

# The language of a document's text, as Word and LibreOffice spell it (w:lang, /Lang).
LOCALES = {"az": "az-Latn-AZ", "en": "en-GB", "ru": "ru-RU"}


def _noop(_step: str, _fraction: float) -> None:
    return None


def narrative_html(text: str, dataset, previous, language: str) -> SafeString:
    """A chapter's narrative as HTML: through `reports.figures.render` (which fills the figure
    references from the dataset) when it exists, else the text escaped, a paragraph per blank-line
    separated block. The one place to switch when the figures module changes."""
    if not text.strip():
        return mark_safe("")
    try:
        from ombuds.reports import figures  # type: ignore[attr-defined]
    except ImportError:
        figures = None
    if figures is not None and hasattr(figures, "render"):
        return mark_safe(str(figures.render(text, dataset, previous, language)))  # noqa: S308 - rendered escaped
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return mark_safe("".join(f"<p>{escape(block)}</p>" for block in blocks))  # noqa: S308 - escaped above


_BLOCK_END = re.compile(r"</(?:p|li|h\d|div)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_paragraphs(markup: str) -> list[str]:
    """Rendered narrative HTML back to plain paragraphs (for the DOCX)."""
    parts = _BLOCK_END.split(str(markup))
    out = []
    for part in parts:
        text = " ".join(html.unescape(_TAG.sub("", part)).split())
        if text:
            out.append(text)
    return out


@dataclass
class ChapterContent:
    key: str
    title: str
    narrative: SafeString
    paragraphs: list[str]
    tables: list[tables.TableView]
    charts: dict[str, SafeString] = field(default_factory=dict)  # "A1:applications.by_type" -> SVG


@dataclass
class Definition:
    key: str
    title: str
    unit: str
    definition: str
    dated_by: str


def report_title(report, language: str) -> str:
    title = getattr(report, f"title_{language}", "") or report.title_az
    if title:
        return title
    with translation.override(language):
        return f"{report.get_kind_display()} — {report.year}"


def report_context(report, language: str, progress: Progress | None = None) -> dict[str, Any]:
    """Everything a report document says, in `language`, in the order it is printed."""
    progress = progress or _noop
    dataset, previous = report.dataset, report.previous_dataset
    narratives = {n.chapter: getattr(n, f"text_{language}", "") for n in report.narratives.all()}
    with translation.override(language):
        chapter_list = tables.chapters(report.kind)
        specs = tables.specs(report.kind)
        chapters: list[ChapterContent] = []
        used: dict[str, Definition] = {}
        for index, chapter in enumerate(chapter_list):
            progress(_("Chapter: %(title)s") % {"title": chapter.title}, index / max(len(chapter_list), 1))
            markup = narrative_html(narratives.get(chapter.key, ""), dataset, previous, language)
            views = [tables.render(spec, dataset, previous, language) for spec in specs if spec.chapter == chapter.key]
            charts = {}
            for view in views:
                for block in view.blocks:
                    if block.measure not in used and not block.missing:
                        used[block.measure] = _definition(block)
                    drawn = view.spec.chart == "bar" and view.spec.layout != "headline"
                    if drawn and block.rows and not block.is_cross and not block.not_entered:
                        chart_id = f"chart-{view.code}-{block.measure.replace('.', '-')}"
                        charts[f"{view.code}:{block.measure}"] = block_chart(block, chart_id=chart_id)
            chapters.append(
                ChapterContent(chapter.key, str(chapter.title), markup, html_paragraphs(markup), views, charts)
            )
        recommendations = recommendations_of(dataset, language)
        return {
            "report": report,
            "language": language,
            "locale": LOCALES.get(language, language),
            "title": report_title(report, language),
            "year": report.year,
            "kind": report.get_kind_display(),
            "chapters": chapters,
            "recommendations": recommendations,
            "definitions": list(used.values()),
            "dataset": dataset,
            "previous": previous,
        }


def _definition(block: tables.Block) -> Definition:
    measure = REGISTRY.get(block.measure)
    unit = block.unit_label or (str(Unit(block.unit).label) if block.unit else "")
    return Definition(
        block.measure,
        block.title,
        unit,
        block.definition or (str(measure.definition) if measure else ""),
        block.dated_by or (str(measure.dated_by) if measure else ""),
    )


def report_html(context: dict[str, Any]) -> str:
    with translation.override(context["language"]):
        return render_to_string("reports/documents/report_pdf.html", context)


def report_pdf(report, language: str, progress: Progress | None = None) -> bytes:
    """A tagged PDF (PDF/UA-1): language and title in the catalogue, a bookmark per heading, a
    table of contents with page numbers, every chart beside its data table."""
    from weasyprint import HTML  # loads Pango: only where PDFs are made

    progress = progress or _noop
    context = report_context(report, language, progress)
    progress(_("Laying out the pages"), 0.9)
    document = HTML(string=report_html(context))
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def report_docx(report, language: str, progress: Progress | None = None) -> bytes:
    from ombuds.reports.documents_docx import build_docx

    progress = progress or _noop
    context = report_context(report, language, progress)
    progress(_("Writing the document"), 0.9)
    return build_docx(context)
