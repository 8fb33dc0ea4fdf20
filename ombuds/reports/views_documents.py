"""Pages of the reports app: a report's documents (PDF and DOCX, generated in the background with
a progress bar) and each of its tables as a spreadsheet (CSV, XLSX)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from ombuds.core import audit
from ombuds.core.exports import Sheet, csv_response, xlsx_book_response
from ombuds.core.uploads import download_response
from ombuds.reports import table_exports
from ombuds.reports.choices import GenerationState, OutputFormat
from ombuds.reports.models import Generation
from ombuds.reports.permissions import may_prepare, may_view
from ombuds.reports.scoping import get_report_for_user, reports_for
from ombuds.reports.services import generation as service
from ombuds.reports.templatetags.report_documents import document_rows


class GenerationForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    output = forms.ChoiceField(label=gettext_lazy("Format"), choices=OutputFormat.choices)


def _report_page(report) -> str:
    try:
        return report.get_absolute_url()
    except NoReverseMatch:  # the report's page is another area's; until it exists, the generation's own
        return ""


def get_generation_for_user(user, public_id) -> Generation:
    """The funnel: a generation is seen by whoever sees its report and may view reports."""
    if not may_view(user):
        raise PermissionDenied
    try:
        return Generation.objects.select_related("report__dataset", "file").get(
            public_id=public_id, report__in=reports_for(user)
        )
    except (Generation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@require_POST
def generation_start(request, public_id):
    if not may_prepare(request.user):  # no permission: 403 before anything is looked up
        raise PermissionDenied
    report = get_report_for_user(request.user, public_id)
    form = GenerationForm(request.POST)
    generation = None
    if not form.is_valid():
        messages.error(request, _("Choose a language and a format."))
    else:
        try:
            generation = service.start_generation(
                request.user, report, language=form.cleaned_data["language"], output=form.cleaned_data["output"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    if request.htmx:
        return render(request, "reports/documents/_panel.html", {"report": report})
    target = _report_page(report)
    if not target and generation is not None:
        return redirect("reports:generation_detail", generation.public_id)
    return redirect(target or "reports:statistics")


@require_GET
def generation_detail(request, public_id):
    generation = get_generation_for_user(request.user, public_id)
    context = {
        "row": document_rows(generation.report, only=generation)[0],
        "report": generation.report,
        "may_prepare": may_prepare(request.user),
    }
    if request.htmx:
        return render(request, "reports/documents/_generation.html", context)
    context["report_page"] = _report_page(generation.report)
    return render(request, "reports/documents/generation_detail.html", context)


@require_GET
def generation_download(request, public_id):
    generation = get_generation_for_user(request.user, public_id)
    if generation.state != GenerationState.DONE or generation.file is None:
        raise Http404
    audit.record(
        "reports.generation.exported",
        actor=request.user,
        obj=generation,
        changes={"language": generation.language, "output": generation.output, "stale": service.is_stale(generation)},
    )
    return download_response(generation.file)


@require_GET
def table_export(request, public_id, code, fmt):
    if not may_view(request.user):
        raise PermissionDenied
    report = get_report_for_user(request.user, public_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    spec = table_exports.spec_for(report, code)
    header, rows = table_exports.table_rows(report, spec, request.LANGUAGE_CODE)
    audit.record(
        "reports.report.exported",
        actor=request.user,
        obj=report,
        changes={"table": spec.code, "format": fmt, "dataset_hash": report.dataset.content_hash},
    )
    filename = f"{report.kind}-{report.year}-{spec.code}.{fmt}"
    if fmt == "csv":
        return csv_response(filename, header, rows)
    return xlsx_book_response(filename, [Sheet(spec.code, header, rows, widths=(8, 36, 36, 12, 12, 12, 16))])


urlpatterns = [
    path("<uuid:public_id>/documents/", generation_start, name="generation_start"),
    path("documents/<uuid:public_id>/", generation_detail, name="generation_detail"),
    path("documents/<uuid:public_id>/download/", generation_download, name="generation_download"),
    path("<uuid:public_id>/tables/<str:code>.<str:fmt>", table_export, name="table_export"),
]
