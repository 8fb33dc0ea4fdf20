"""The funnels through which the portal reads the reports app: published datasets, published
reports and their generated PDFs. Nothing else of `reports` is reachable from a public page.

The scope is the anonymous visitor's whoever asks: a signed-in member of staff who may read drafts
gets the same public page as everyone (the answer is shared by caches), so drafts are never shown
here. Out of scope is 404, like a missing record.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import F, QuerySet
from django.http import Http404

from ombuds.reports.choices import GenerationState, OutputFormat
from ombuds.reports.models import Dataset, Generation, Report
from ombuds.reports.scoping import datasets_for, reports_for

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def published_datasets() -> QuerySet[Dataset]:
    """Published datasets covering one whole calendar year (the statistics compare whole years)."""
    return (
        datasets_for(AnonymousUser())
        .filter(period_start__month=1, period_start__day=1, period_end__month=12, period_end__day=31)
        .filter(period_end__year=F("period_start__year"))
    )


def dataset_of_year(year: int) -> Dataset | None:
    """The latest published version of `year`'s dataset: a newer snapshot replaces an older one."""
    if not 1 <= year <= 9999:
        return None
    start, end = date(year, 1, 1), date(year, 12, 31)
    return published_datasets().filter(period_start=start, period_end=end).order_by("-number").first()


def get_dataset_of_year(year: int) -> Dataset:
    dataset = dataset_of_year(year)
    if dataset is None:
        raise Http404
    return dataset


def published_reports() -> QuerySet[Report]:
    return reports_for(AnonymousUser())


def get_published_report(public_id) -> Report:
    try:
        return published_reports().get(public_id=public_id)
    except (Report.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def published_pdfs(report: Report) -> dict[str, Generation]:
    """The report's PDF in each language it was generated in, as published: the latest finished
    file read from the report's dataset and generated after its (last) approval, when its text
    could no longer change. An earlier file may carry a draft's text: it is never served."""
    if report.approved_at is None:
        return {}
    files = (
        Generation.objects.filter(
            report=report,
            output=OutputFormat.PDF,
            state=GenerationState.DONE,
            file__isnull=False,
            dataset_hash=report.dataset.content_hash,
            language__in=LANGUAGES,
            finished_at__gte=report.approved_at,
        )
        .select_related("file")
        .order_by("-finished_at", "-pk")
    )
    out: dict[str, Generation] = {}
    for generation in files:
        out.setdefault(generation.language, generation)
    return {code: out[code] for code in LANGUAGES if code in out}
