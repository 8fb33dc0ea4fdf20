"""Pages of the reports app: the annual and NPM reports — the list by year, a new report, one
report with its chapters (narrative and tables), recipients and lifecycle, a chapter's editor
with the figures it may quote, the lifecycle steps and the cover letters.

Reading needs `accounts.view_aggregates`; writing the draft `reports.prepare_reports`; approving,
reopening, submitting, presenting and publishing `reports.approve_reports`. A report is looked up
through `reports.scoping` (unknown: 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ombuds.core import audit
from ombuds.core.actions import add_service_errors, form_errors
from ombuds.core.documents import DOCX, PDF, attachment, letter_docx, letter_pdf
from ombuds.core.i18n import CONTENT_LANGUAGES
from ombuds.core.models import Deadline
from ombuds.core.once import submit_once
from ombuds.reports import figures, letters, tables
from ombuds.reports import forms_reports as f
from ombuds.reports.choices import ReportStatus
from ombuds.reports.documents import report_title
from ombuds.reports.lists import recommendations_of
from ombuds.reports.models import Recipient, Report
from ombuds.reports.permissions import APPROVE, PREPARE, VIEW, may_approve, may_prepare
from ombuds.reports.scoping import get_report_for_user, reports_for
from ombuds.reports.services import reports as services

S = ReportStatus
STEPS = [S.DRAFT, S.APPROVED, S.SUBMITTED, S.PRESENTED, S.PUBLISHED]


def _clocks(report_ids) -> dict[int, Deadline]:
    """The annual report's legal clock per report, in one query."""
    found = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Report),
        object_id__in=list(report_ids),
        rule__code=services.DEADLINE_RULE,
    ).order_by("object_id", "-pk")
    clocks: dict[int, Deadline] = {}
    for deadline in found:
        clocks.setdefault(deadline.object_id, deadline)
    return clocks


def _overdue(deadline: Deadline | None) -> bool:
    return bool(deadline and deadline.closed_at is None and deadline.due_at < timezone.now())


@permission_required(VIEW, raise_exception=True)
def report_list(request):
    found = list(reports_for(request.user).order_by("-year", "kind"))
    clocks = _clocks(r.pk for r in found)
    rows = [(r, clocks.get(r.pk), _overdue(clocks.get(r.pk))) for r in found]
    return render(request, "reports/reports/list.html", {"rows": rows, "may_prepare": may_prepare(request.user)})


@require_http_methods(["GET", "POST"])
@permission_required(PREPARE, raise_exception=True)
def report_new(request):
    form = f.ReportNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                report = services.create_report(request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                once.created(report.get_absolute_url())
                messages.success(request, _("The report was started."))
                return redirect(report.get_absolute_url())
    return render(request, "reports/reports/new.html", {"form": form})


def _chapters(report: Report, language: str) -> list[dict]:
    """Every chapter in order: its rendered narrative and its tables."""
    texts = {n.chapter: n for n in report.narratives.all()}
    out = []
    for chapter in tables.chapters(report.kind):
        narrative = texts.get(chapter.key)
        text = ""
        if narrative is not None:
            text = getattr(narrative, f"text_{language}", "") or narrative.text_az
        out.append(
            {
                "chapter": chapter,
                "narrative": figures.render(text, report.dataset, report.previous_dataset, language) if text else "",
                "has_az": bool(narrative and narrative.text_az.strip()),
                "tables": [
                    tables.render(spec, report.dataset, report.previous_dataset, language)
                    for spec in tables.specs(report.kind)
                    if spec.chapter == chapter.key
                ],
            }
        )
    return out


def _language(request) -> str:
    language = (get_language() or "az")[:2]
    return language if language in CONTENT_LANGUAGES else "az"


@permission_required(VIEW, raise_exception=True)
def report_detail(request, public_id):
    report = get_report_for_user(request.user, public_id)
    user = request.user
    clock = _clocks([report.pk]).get(report.pk)
    recipients = list(report.recipients.select_related("authority"))
    editable = report.status == S.DRAFT and may_prepare(user)
    context = {
        "report": report,
        "steps": [(step, S(step).label, STEPS.index(step) <= STEPS.index(report.status)) for step in STEPS],
        "clock": clock,
        "overdue": _overdue(clock),
        "chapters": _chapters(report, _language(request)),
        "recommendations": recommendations_of(report.dataset, _language(request)),
        "title": report_title(report, _language(request)),  # the report's own title, in the page's language
        "recipients": recipients,
        "recipients_open": report.status in services.RECIPIENTS_OPEN and may_prepare(user),
        "recipient_form": f.RecipientForm(),
        "editable": editable,
        "may_approve": may_approve(user),
        "languages": CONTENT_LANGUAGES,
    }
    return render(request, "reports/reports/detail.html", context)


@require_http_methods(["GET", "POST"])
@permission_required(PREPARE, raise_exception=True)
def narrative_edit(request, public_id, chapter):
    report = get_report_for_user(request.user, public_id)
    chapters = {c.key: c for c in tables.chapters(report.kind)}
    if chapter not in chapters:
        raise Http404
    narrative = report.narratives.filter(chapter=chapter).first()
    initial = {f"text_{lang}": getattr(narrative, f"text_{lang}", "") for lang in CONTENT_LANGUAGES}
    form = f.NarrativeForm(request.POST or None, initial=initial)
    language = _language(request)
    if request.method == "POST" and form.is_valid():
        if "preview" not in request.POST:
            try:
                services.save_narrative(request.user, report, chapter, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The chapter was saved."))
                return redirect(f"{report.get_absolute_url()}#chapter-{chapter}")
    texts = form.cleaned_data if form.is_bound and form.is_valid() else initial
    previews = [
        (lang, figures.render(texts.get(f"text_{lang}", ""), report.dataset, report.previous_dataset, lang))
        for lang in CONTENT_LANGUAGES
    ]
    context = {
        "report": report,
        "chapter": chapters[chapter],
        "form": form,
        "catalogue": figures.catalogue(report, language),
        "previews": previews,
        "editable": report.status == S.DRAFT,
    }
    if request.headers.get("HX-Request"):
        return render(request, "reports/reports/_preview.html", context)
    return render(request, "reports/reports/narrative.html", context)


def _action(request, public_id, *, perm_form, call, title, explanation, button, danger=False):
    """A lifecycle step: GET shows what it does and its form; POST runs the service and goes back
    to the report (a refusal is shown on the form, nothing written)."""
    report = get_report_for_user(request.user, public_id)
    form = perm_form(report, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                call(request.user, report, form)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect(report.get_absolute_url())
        messages.error(request, form_errors(form) or _("Check the form."))
    context = {"report": report, "form": form, "title": title, "explanation": explanation, "button": button}
    context["danger"] = danger
    return render(request, "reports/reports/action.html", context, status=400 if form.errors else 200)


class _Empty(f.forms.Form):
    pass


@require_http_methods(["GET", "POST"])
@permission_required(APPROVE, raise_exception=True)
def report_approve(request, public_id):
    return _action(
        request,
        public_id,
        perm_form=lambda _r, data: _Empty(data),
        call=lambda user, report, _form: services.approve_report(user, report),
        title=_("Approve the report"),
        explanation=_(
            "The text and figures are approved as they stand; the draft can no longer be edited unless the "
            "report is reopened. Every chapter needs its Azerbaijani text."
        ),
        button=_("Approve"),
    )


@require_http_methods(["GET", "POST"])
@permission_required(APPROVE, raise_exception=True)
def report_reopen(request, public_id):
    return _action(
        request,
        public_id,
        perm_form=lambda _r, data: f.ReasonForm(data),
        call=lambda user, report, form: services.reopen_report(user, report, form.cleaned_data["reason"]),
        title=_("Reopen the report"),
        explanation=_("The approved report goes back to draft for a correction; the reason is kept."),
        button=_("Reopen"),
    )


@require_http_methods(["GET", "POST"])
@permission_required(APPROVE, raise_exception=True)
def report_submit(request, public_id):
    return _action(
        request,
        public_id,
        perm_form=lambda report, data: f.SubmitForm(data, recipients=report.recipients.select_related("authority")),
        call=lambda user, report, form: services.submit_report(
            user, report, submitted_on=form.cleaned_data["submitted_on"], references=form.references()
        ),
        title=_("Record the submission"),
        explanation=_(
            "The report was sent to every recipient on this day, each with its cover letter. For the annual "
            "report this stops the legal clock."
        ),
        button=_("Record the submission"),
    )


@require_http_methods(["GET", "POST"])
@permission_required(APPROVE, raise_exception=True)
def report_present(request, public_id):
    return _action(
        request,
        public_id,
        perm_form=lambda _r, data: f.PresentForm(data),
        call=lambda user, report, form: services.present_report(
            user, report, presented_on=form.cleaned_data["presented_on"]
        ),
        title=_("Record the presentation"),
        explanation=_("The day the report was presented to the Milli Majlis."),
        button=_("Record the presentation"),
    )


@require_http_methods(["GET", "POST"])
@permission_required(APPROVE, raise_exception=True)
def report_publish(request, public_id):
    return _action(
        request,
        public_id,
        perm_form=lambda _r, data: _Empty(data),
        call=lambda user, report, _form: services.publish_report(user, report),
        title=_("Publish the report"),
        explanation=_(
            "Publication is final: the report becomes public, and its dataset with it (if not yet published), "
            "so that the public statistics show the numbers the report prints."
        ),
        button=_("Publish"),
        danger=True,
    )


@require_http_methods(["GET", "POST"])
@permission_required(PREPARE, raise_exception=True)
def report_datasets(request, public_id):
    return _action(
        request,
        public_id,
        perm_form=lambda report, data: f.DatasetsForm(data, report=report),
        call=lambda user, report, form: services.set_datasets(user, report, **form.cleaned_data),
        title=_("Datasets of the report"),
        explanation=_(
            "Read the report from another version of its datasets: the figures of the text and tables follow, "
            "the text does not change."
        ),
        button=_("Use these datasets"),
    )


@require_POST
@permission_required(PREPARE, raise_exception=True)
def recipient_add(request, public_id):
    report = get_report_for_user(request.user, public_id)
    form = f.RecipientForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
    else:
        try:
            services.add_recipient(request.user, report, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, _("The recipient was added."))
    return redirect(f"{report.get_absolute_url()}#recipients")


def _recipient(report: Report, recipient_id) -> Recipient:
    recipient = report.recipients.select_related("authority").filter(public_id=recipient_id).first()
    if recipient is None:
        raise Http404
    return recipient


@require_POST
@permission_required(PREPARE, raise_exception=True)
def recipient_remove(request, public_id, recipient_id):
    report = get_report_for_user(request.user, public_id)
    recipient = _recipient(report, recipient_id)
    try:
        services.remove_recipient(request.user, recipient)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("The recipient was removed."))
    return redirect(f"{report.get_absolute_url()}#recipients")


@permission_required(VIEW, raise_exception=True)
def cover_letter(request, public_id, recipient_id, fmt):
    """The cover letter to one recipient as PDF or DOCX, in the language asked for (az unless)."""
    if fmt not in ("pdf", "docx"):
        raise Http404
    report = get_report_for_user(request.user, public_id)
    recipient = _recipient(report, recipient_id)
    language = request.GET.get("lang") or "az"
    if language not in CONTENT_LANGUAGES:
        raise Http404
    letter = letters.build(report, recipient, language)
    audit.record(
        "reports.recipient.exported",
        actor=request.user,
        obj=recipient,
        changes={"report": str(report.public_id), "format": fmt, "language": language},
    )
    name = letters.filename(report, recipient, language, fmt)
    if fmt == "pdf":
        return attachment(letter_pdf(letter), name, PDF)
    return attachment(letter_docx(letter), name, DOCX)


urlpatterns = [
    path("", report_list, name="report_list"),
    path("new/", report_new, name="report_new"),
    path("<uuid:public_id>/", report_detail, name="report_detail"),
    path("<uuid:public_id>/chapters/<str:chapter>/", narrative_edit, name="narrative_edit"),
    path("<uuid:public_id>/approve/", report_approve, name="report_approve"),
    path("<uuid:public_id>/reopen/", report_reopen, name="report_reopen"),
    path("<uuid:public_id>/submit/", report_submit, name="report_submit"),
    path("<uuid:public_id>/present/", report_present, name="report_present"),
    path("<uuid:public_id>/publish/", report_publish, name="report_publish"),
    path("<uuid:public_id>/datasets/", report_datasets, name="report_datasets"),
    path("<uuid:public_id>/recipients/add/", recipient_add, name="recipient_add"),
    path("<uuid:public_id>/recipients/<uuid:recipient_id>/remove/", recipient_remove, name="recipient_remove"),
    path("<uuid:public_id>/recipients/<uuid:recipient_id>/letter.<slug:fmt>", cover_letter, name="cover_letter"),
]
