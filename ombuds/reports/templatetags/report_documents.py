"""The documents panel of a report page: the latest generation of each language and format, in
one query, and the report's tables for the spreadsheet links."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings

from ombuds.reports import tables
from ombuds.reports.choices import OutputFormat
from ombuds.reports.models import Generation, Report
from ombuds.reports.permissions import may_prepare

register = template.Library()


@dataclass
class DocumentRow:
    language: str
    language_name: str
    output: str
    output_label: str
    generation: Generation | None

    @property
    def stale(self) -> bool:
        g = self.generation
        return bool(g and g.dataset_hash and g.dataset_hash != g.report.dataset.content_hash)

    @property
    def key(self) -> str:
        return f"{self.language}-{self.output}"


def document_rows(report: Report, only: Generation | None = None) -> list[DocumentRow]:
    latest: dict[tuple[str, str], Generation] = {}
    if only is not None:
        latest[(only.language, only.output)] = only
    else:
        # Newest first: the first seen of each (language, format) is its latest.
        for generation in Generation.objects.filter(report=report).select_related("file").order_by("-created_at"):
            generation.report = report  # the page's report (and its dataset) already loaded
            latest.setdefault((generation.language, generation.output), generation)
    rows = []
    for code, name in settings.LANGUAGES:
        for output, label in OutputFormat.choices:
            if only is not None and (code, output) != (only.language, only.output):
                continue
            rows.append(DocumentRow(code, str(name), output, str(label), latest.get((code, output))))
    return rows


@register.simple_tag(takes_context=True)
def documents_panel(context, report: Report) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "rows": document_rows(report),
        "may_prepare": bool(user and may_prepare(user)),
        "tables": tables.specs(report.kind),
    }
