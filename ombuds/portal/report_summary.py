"""A published report's HTML summary on the portal: its title in the page's language, dates, the
headline figures (from the public form of the report's dataset, like the statistics pages) and
each chapter's title with the start of its narrative. The whole text is in the PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import get_language

from ombuds.portal import statistics_tables as st
from ombuds.reports import figures, tables
from ombuds.reports.choices import ReportKind
from ombuds.reports.datasets import public_figures
from ombuds.reports.models import Report

HEADLINE = {
    ReportKind.ANNUAL: ("applications.total", "visits.total", "recommendations.proposals"),
    ReportKind.NPM: ("visits.total", "visits.places_by_type", "interviews.people_met"),
}
EXCERPT_WORDS = 45
FALLBACK = "az"  # the language every report is approved in


@dataclass
class ChapterSummary:
    title: str
    excerpt: str
    language: str  # of the excerpt: the page's, or Azerbaijani when the chapter is not translated


def title_of(report: Report, language: str) -> tuple[str, str]:
    """The title in `language`, else the Azerbaijani one, with the language it is in."""
    own = getattr(report, f"title_{language}", "")
    return (own, language) if own else (report.title_az, FALLBACK)


def _excerpt(text: str, report: Report, language: str) -> str:
    plain = figures.plain(text, report.dataset, report.previous_dataset, language)
    first = next((part.strip() for part in re.split(r"\n\s*\n", plain) if part.strip()), "")
    return Truncator(" ".join(first.split())).words(EXCERPT_WORDS)


def chapters(report: Report, language: str | None = None) -> list[ChapterSummary]:
    language = language or get_language() or FALLBACK
    texts = {n.chapter: n for n in report.narratives.all()}
    out = []
    for chapter in tables.chapters(report.kind):
        narrative = texts.get(chapter.key)
        own = getattr(narrative, f"text_{language}", "") if narrative else ""
        text, text_language = (own, language) if own.strip() else ((narrative.text_az if narrative else ""), FALLBACK)
        out.append(ChapterSummary(str(chapter.title), _excerpt(text, report, text_language), text_language))
    return out


def headline(report: Report) -> list[st.Headline]:
    public = public_figures(report.dataset)["measures"]
    return [
        st.Headline(
            key, st.measure_title(key), st.unit_label(public[key].get("unit", "")), st.total_figure(public[key]), None
        )
        for key in HEADLINE.get(report.kind, ())
        if key in public
    ]
