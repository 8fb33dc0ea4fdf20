"""Publications: the annual and NPM reports once published (newest first), each with an HTML
summary and its PDF in every language it was generated in. A report that is not published is 404,
like one that does not exist; so is its PDF."""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from django.utils.translation import get_language

from ombuds.core.uploads import download_response
from ombuds.portal import report_summary
from ombuds.portal.context import render_public
from ombuds.portal.public import NATIVE_NAMES, public_page
from ombuds.portal.published import get_published_report, published_pdfs, published_reports

NAMES = dict(NATIVE_NAMES)


@public_page
def publications(request):
    language = get_language()
    reports = [
        (report, *report_summary.title_of(report, language))
        for report in published_reports().order_by("-year", "kind", "-published_at")
    ]
    return render_public(request, "portal/publications/list.html", {"reports": reports})


@public_page
def publication(request, public_id):
    report = get_published_report(public_id)
    language = get_language()
    title, title_language = report_summary.title_of(report, language)
    pdfs = [
        {"code": code, "name": NAMES.get(code, code), "size": generation.file.size}
        for code, generation in published_pdfs(report).items()
    ]
    context = {
        "report": report,
        "title": title,
        "title_language": title_language,
        "headline": report_summary.headline(report),
        "chapters": report_summary.chapters(report, language),
        "pdfs": pdfs,
    }
    return render_public(request, "portal/publications/detail.html", context)


@public_page
def publication_pdf(request, public_id, language: str):
    report = get_published_report(public_id)
    generation = published_pdfs(report).get(language)
    if generation is None:
        raise Http404
    return download_response(generation.file)


urlpatterns = [
    path("reports/", publications, name="publications"),
    path("reports/<uuid:public_id>/", publication, name="publication"),
    path("reports/<uuid:public_id>/report-<str:language>.pdf", publication_pdf, name="publication_pdf"),
]
