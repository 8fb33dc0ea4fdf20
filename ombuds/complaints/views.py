"""Thin views: parse → funnel → service → render."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.accounts.scoping import get_object_for_user
from ombuds.complaints import exports, letters, services
from ombuds.complaints import forms as f
from ombuds.complaints.admissibility import assess
from ombuds.complaints.choices import InfoRequestStatus, Status
from ombuds.complaints.listing import (
    audited_filters,
    filtered_applications,
    may_use_register,
    page_of,
    register_lists,
    render_rows,
)
from ombuds.complaints.models import Application, InfoRequest
from ombuds.complaints.permissions import HANDLE, REGISTER, TRANSFER
from ombuds.complaints.visibility import contact_lines, party_fields
from ombuds.core import audit, refcache
from ombuds.core.choices import DeadlineStatus
from ombuds.core.documents import DOCX, PDF, attachment, letter_docx, letter_pdf
from ombuds.core.exceptions import Conflict, PurposeRequired
from ombuds.core.exports import csv_response, xlsx_response
from ombuds.core.models import Attachment, Deadline
from ombuds.core.once import submit_once
from ombuds.core.uploads import download_response
from ombuds.core.versions import CONFLICT, VersionedForm, show_conflict, versioned_initial


def get_application_for_user(
    user, public_id, *, write: bool = False, purpose: str = "", with_repeat_visible: bool = False
) -> Application:
    # Without the register's permission the whole section is 403 whatever the id; with it, a
    # record out of scope is 404 like a missing one (the same rule as the API).
    if not may_use_register(user):
        raise PermissionDenied
    qs = Application.objects.select_related("unit", "district", "applicant", "assignee", "repeat_of")
    if with_repeat_visible:
        # The case page links the earlier application only for those who may open it; asked in
        # the same query; so is the applicant's status key (templatetags/status_keys.py).
        qs = qs.select_related("status_key").annotate(
            repeat_visible=Exists(Application.objects.visible_to(user).filter(pk=OuterRef("repeat_of_id")))
        )
    return get_object_for_user(
        qs,
        user,
        public_id,
        write=write,
        purpose=purpose,
    )


def application_list(request):
    if not may_use_register(request.user):
        raise PermissionDenied
    lists = register_lists()
    qs, filters, form = filtered_applications(request.user, request.GET, lists)
    page = page_of(qs, filters, request.GET.get("cursor"))
    query = request.GET.copy()
    query.pop("cursor", None)
    query.pop("page", None)  # links of the page-numbered register, still in bookmarks

    def link(cursor, *, first=False):
        if first:
            return f"?{query.urlencode()}"
        return f"?{urlencode([*query.lists(), ('cursor', [cursor])], doseq=True)}"

    context = {
        "rows": render_rows(page.rows, lists) if page.rows else "",
        "page": page,
        "next_url": link(page.next_cursor) if page.next_cursor else "",
        "previous_url": link(page.previous_cursor, first=page.number == 2) if page.previous_cursor else "",
        "filters": filters,
        "form": form,
        "export_query": query.urlencode(),
    }
    template = "complaints/_application_rows.html" if request.htmx else "complaints/application_list.html"
    return render(request, template, context)


def application_export(request, fmt):
    """The filtered register as CSV or XLSX, streamed; who exported what is audited."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if not may_use_register(request.user):
        raise PermissionDenied
    lists = register_lists()
    qs, filters, _form = filtered_applications(request.user, request.GET, lists)
    audit.record(
        "complaints.application.exported",
        actor=request.user,
        object_type="complaints.application",
        changes={"format": fmt, "filters": audited_filters(filters, lists), "searched": bool(filters.get("q"))},
    )
    filename = f"register-{timezone.localdate():%Y-%m-%d}.{fmt}"
    lines = exports.rows(request.user, qs)
    if fmt == "csv":
        return csv_response(filename, exports.header(), lines)
    return xlsx_response(filename, _("Register"), exports.header(), lines)


@permission_required(REGISTER, raise_exception=True)
def application_register(request):
    channel = request.POST.get("channel") or request.GET.get("channel") or "post"
    form = f.RegisterForm(request.POST or None, initial={"channel": channel}, channel=channel, user=request.user)
    if request.method == "POST" and form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                app = services.register_application(request.user, unit=request.user.org_unit, **form.service_kwargs())
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                once.created(app.get_absolute_url())
        if not form.errors:
            messages.success(
                request, _("Registered as %(number)s. The acknowledgement is ready.") % {"number": app.number}
            )
            return redirect(app.get_absolute_url())
    return render(
        request,
        "complaints/application_register.html",
        {"form": form, "channel": channel, "sections": form.sections, "channels": f.c.Channel.choices},
    )


def application_detail(request, public_id):
    purpose = request.GET.get("purpose", "")
    try:
        app = get_application_for_user(request.user, public_id, purpose=purpose, with_repeat_visible=True)
    except PurposeRequired:
        return render(request, "components/purpose_required.html", {"public_id": public_id})
    return _render_detail(request, app, purpose)


def _render_detail(
    request, app: Application, purpose: str, bound: dict | None = None, bound_request=None, status: int = 200
):
    """The case page; `bound` holds an action form refused with its errors (shown in place), and
    `bound_request` (request pk, action, form) one of an information request.

    Its queries do not grow with the case: each related list is one query, the respondents and
    rights are read once for the page, the assistant and the duplicate hint (tests:
    test_case_page.py)."""
    can_handle = request.user.has_perm(HANDLE)
    prefetch_related_objects([app], "respondents", "rights")
    info_requests = list(app.info_requests.select_related("addressee"))
    reply_files: dict[int, list] = {}
    answered = [r.pk for r in info_requests if r.status == InfoRequestStatus.ANSWERED]
    # Files come only with a reply: one query, and none while nothing is answered.
    files = Attachment.objects.none()
    if answered:
        files = Attachment.objects.filter(
            content_type__app_label="complaints", content_type__model="inforequest", object_id__in=answered
        )
    for doc in files:
        reply_files.setdefault(doc.object_id, []).append(doc)
    for info_request in info_requests:
        info_request.reply_files = reply_files.get(info_request.pk, [])
        info_request.forms = _info_request_forms(info_request) if can_handle else {}
        if bound_request and bound_request[0] == info_request.pk:
            info_request.forms[bound_request[1]] = bound_request[2]
    deadlines = list(
        Deadline.objects.filter(
            content_type__model="application", content_type__app_label="complaints", object_id=app.pk
        ).select_related("rule")
    )
    token = refcache.version()  # one read for the calendar, the rule and the option lists
    assessment = assess(app, token=token) if app.status in (Status.REGISTERED, Status.INFO_REQUESTED) else None
    context = {
        "app": app,
        "purpose": purpose,
        "assessment": assessment,
        "duplicates": services.duplicate_candidates(request.user, app),
        "deadlines": deadlines,
        "extended": any(d.extensions and d.closed_at is None for d in deadlines),
        "info_requests": info_requests,
        "measures": app.measures.select_related("addressee"),
        "notes": app.notes.select_related("created_by"),
        "attachments": Attachment.objects.filter(
            content_type__app_label="complaints", content_type__model="application", object_id=app.pk
        ),
        "can_handle": can_handle,
        # The earlier application is linked only for those who may open it.
        "repeat_visible": _repeat_visible(request.user, app),
        "forms": {
            **_action_forms(
                request.user, app, assessment, deadlines, editing=request.GET.get("edit") == "1", token=token
            ),
            **(bound or {}),
        },
        "editable": request.user.has_perm(HANDLE) and app.status != Status.CLOSED,
        "applicant_contacts": contact_lines(request.user, app, app.applicant),
        "contacts_hidden": "address" not in party_fields(request.user, app, app.applicant),
    }
    return render(request, "complaints/application_detail.html", context, status=status)


def _repeat_visible(user, app: Application) -> bool:
    """Whether the earlier application is linked: only for those who may open it (read with the
    case on the page itself; asked here after a refused action re-read the case)."""
    if not app.repeat_of_id:
        return False
    known = getattr(app, "repeat_visible", None)
    if known is not None:
        return known
    return Application.objects.visible_to(user).filter(pk=app.repeat_of_id).exists()


def _action_forms(
    user, app: Application, assessment, deadlines: list[Deadline], editing: bool = False, token: str | None = None
) -> dict:
    """The action forms that fit the state and the user; each has its own prefix (they share
    field names). The clerk who registered an intake may only hand it on. `assessment` and
    `deadlines` are the page's own (read once). The form correcting the case details (its lists
    of districts, authorities and rights) is drawn only when asked for (`editing`, ?edit=1): the
    case page is read far more often than corrected."""
    if not user.has_perm(HANDLE):
        if not user.has_perm(TRANSFER, app):
            return {}
        return {"transfer": f.TransferForm(prefix="transfer", initial=versioned_initial(app))}
    names = ["assign", "transfer", "note"]
    if app.status != Status.CLOSED:
        names += ["attach", *(["edit"] if editing else [])]
    if app.status in (Status.REGISTERED, Status.INFO_REQUESTED):
        names.append("decide")
    if app.status in (Status.REGISTERED, Status.INFO_REQUESTED, Status.UNDER_CONSIDERATION):
        names.append("info_request")
    if app.status == Status.UNDER_CONSIDERATION:
        names += ["measure", "conclude", "extend"]
    if any(
        d.rule.code == "urgent_measure_response" and d.closed_at is None and d.status != DeadlineStatus.CANCELLED
        for d in deadlines
    ):
        names.append("measure_response")  # the step that stops the urgent measure's clock (deadlines.open_for)
    if app.status == Status.CONCLUDED:
        names.append("notify")
    if app.status in (Status.REFUSED, Status.REFERRED, Status.APPLICANT_NOTIFIED):
        names.append("close")
    if app.status == Status.CLOSED:
        names.append("reopen")
    forms = {}
    for name in names:
        form_class = ACTIONS[name][0]
        kwargs = {"unit": app.unit} if form_class is f.AssignForm else {}
        if name == "decide":
            kwargs["initial"] = {"ground": (assessment or assess(app)).suggested_ground}
        elif name == "edit":
            kwargs["initial"] = f.ApplicationEditForm.initial_for(app)
        elif issubclass(form_class, VersionedForm):
            kwargs["initial"] = versioned_initial(app)
        forms[name] = form_class(prefix=name, **kwargs)
    f.share_choices(forms.values(), token=token)
    return forms


# action name -> (form class, call of the service with the cleaned data)
ACTIONS = {
    "decide": (
        f.DecideForm,
        lambda u, a, d: services.decide_admissibility(
            u, a, d["decision"], reason=d["reason"], ground=d["ground"], referred_to=d["referred_to"]
        ),
    ),
    # The forms that overwrite what the page showed carry its version (core/versions.py).
    "edit": (f.ApplicationEditForm, lambda u, a, d: services.update_application(u, a, **d)),
    "assign": (
        f.AssignForm,
        lambda u, a, d: services.assign_application(u, a, d["assignee"], version=d["version"]),
    ),
    "transfer": (
        f.TransferForm,
        lambda u, a, d: services.transfer_application(u, a, d["unit"], d["reason"], version=d["version"]),
    ),
    "note": (f.TextForm, lambda u, a, d: services.add_note(u, a, d["text"])),
    "info_request": (
        f.InfoRequestForm,
        lambda u, a, d: services.send_info_request(
            u, a, addressee=d["addressee"], basis=d["basis"], questions=d["questions"]
        ),
    ),
    "measure": (
        f.MeasureForm,
        lambda u, a, d: services.add_measure(u, a, kind=d["kind"], addressee=d["addressee"], text=d["text"]),
    ),
    "measure_response": (
        f.MeasureResponseForm,
        lambda u, a, d: services.record_measure_response(u, a, d["response"]),
    ),
    "conclude": (
        f.ConcludeForm,
        lambda u, a, d: services.conclude_application(
            u, a, d["outcome"], rights_restored=d["rights_restored"], reason=d["reason"]
        ),
    ),
    "extend": (f.TextForm, lambda u, a, d: services.extend_consideration(u, a, d["text"])),
    "notify": (f.EmptyForm, lambda u, a, d: services.notify_applicant(u, a)),
    "close": (f.EmptyForm, lambda u, a, d: services.close_application(u, a)),
    "reopen": (f.TextForm, lambda u, a, d: services.reopen_application(u, a, d["text"])),
    "attach": (f.AttachForm, lambda u, a, d: services.attach_file(u, a, d["file"])),
}


def _for_post(user, public_id, purpose: str) -> Application:
    try:
        return get_application_for_user(user, public_id, purpose=purpose)
    except PurposeRequired as exc:
        raise PermissionDenied from exc


def _add_service_errors(form, exc: ValidationError) -> None:
    """A service's refusal shown on the form: next to the field it names, else at the top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@require_POST
def application_action(request, public_id, action):
    """One action of the case page. Refused input redraws the page with the form's errors next to
    its fields and listed above it; success goes back to the page (post/redirect/get)."""
    if action not in ACTIONS:
        raise Http404
    purpose = request.POST.get("purpose", "")
    app = _for_post(request.user, public_id, purpose)
    if not (request.user.has_perm(TRANSFER, app) if action == "transfer" else request.user.has_perm(HANDLE)):
        raise PermissionDenied
    form_class, call = ACTIONS[action]
    kwargs = {"unit": app.unit} if form_class is f.AssignForm else {}
    form = form_class(request.POST, request.FILES, prefix=action, **kwargs)
    back = app.get_absolute_url() + (f"?{urlencode({'purpose': purpose})}" if purpose else "")
    status = 200
    if form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                call(request.user, app, form.cleaned_data)
            except ValidationError as exc:
                _add_service_errors(form, exc)
            except Conflict as exc:  # someone saved the case since this page was drawn
                show_conflict(form, exc)
                status = CONFLICT
            else:
                once.created(back)
        if not form.errors:
            messages.success(request, _("Saved."))
            return redirect(back)
    app.refresh_from_db()
    return _render_detail(request, app, purpose, {action: form}, status=status)


# action name -> (form class, call of the service with the cleaned data)
INFO_REQUEST_ACTIONS = {
    "reply": (
        f.ReplyForm,
        lambda u, r, d: services.record_reply(
            u, r, d["text"], channel=d["channel"] or "letter", files=d.get("files") or ()
        ),
    ),
    "remind": (f.EmptyForm, lambda u, r, d: services.remind_info_request(u, r)),
    "escalate": (f.EscalateForm, lambda u, r, d: services.escalate_info_request(u, r, d["text"])),
}


def _info_request_form(info_request: InfoRequest, name: str, data=None, files=None):
    # Several requests share the page: the ids carry the request, the field names stay plain.
    return INFO_REQUEST_ACTIONS[name][0](data, files, auto_id=f"ir{info_request.pk}-{name}-%s")


def _info_request_forms(info_request: InfoRequest) -> dict:
    if info_request.status == InfoRequestStatus.ANSWERED:
        return {}
    names = ["reply", "remind"]
    if info_request.status in (InfoRequestStatus.OVERDUE, InfoRequestStatus.REMINDED):
        names.append("escalate")
    return {name: _info_request_form(info_request, name) for name in names}


@require_POST
def info_request_action(request, public_id, action):
    """Reply received, reminder sent, or escalation to the superior body — on a request whose
    application the user may work on."""
    if action not in INFO_REQUEST_ACTIONS:
        raise Http404
    if not may_use_register(request.user):  # before the lookup: the answer must not tell what exists
        raise PermissionDenied
    request_obj = InfoRequest.objects.filter(public_id=public_id).select_related("application").first()
    if request_obj is None:
        raise Http404
    purpose = request.POST.get("purpose", "")
    app = _for_post(request.user, request_obj.application.public_id, purpose)
    if not request.user.has_perm(HANDLE):
        raise PermissionDenied
    form = _info_request_form(request_obj, action, request.POST, request.FILES)
    back = app.get_absolute_url() + (f"?{urlencode({'purpose': purpose})}" if purpose else "")
    if form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                INFO_REQUEST_ACTIONS[action][1](request.user, request_obj, form.cleaned_data)
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                once.created(back)
        if not form.errors:
            messages.success(request, _("Saved."))
            return redirect(back)
    return _render_detail(request, app, purpose, bound_request=(request_obj.pk, action, form))


def application_letter(request, public_id, kind, fmt):
    """A letter of the procedure as PDF or DOCX, in the language asked for (default: the UI's)."""
    if kind not in letters.KINDS or fmt not in ("pdf", "docx"):
        raise Http404
    app = get_application_for_user(request.user, public_id, purpose=request.GET.get("purpose", ""))
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if language not in ("az", "en", "ru"):
        raise Http404
    info_request = None
    if kind == "info_request":
        requests = app.info_requests.select_related("addressee")
        wanted = request.GET.get("request")
        try:
            info_request = requests.filter(public_id=uuid.UUID(wanted)).first() if wanted else requests.last()
        except ValueError as exc:
            raise Http404 from exc
    try:
        letter = letters.build(app, kind, language, viewer=request.user, info_request=info_request)
    except letters.NotAvailable as exc:
        raise Http404 from exc
    audit.record(
        "complaints.application.letter_generated",
        actor=request.user,
        obj=app,
        changes={"kind": kind, "format": fmt, "language": language},
    )
    filename = f"{app.number.replace('/', '-')}-{kind}-{language}.{fmt}"
    if fmt == "pdf":
        return attachment(letter_pdf(letter), filename, PDF)
    return attachment(letter_docx(letter), filename, DOCX)


def application_attachment(request, public_id, attachment_id):
    """Download a document of the case file: the application's funnel decides, then the file must
    belong to that application or to the reply to one of its information requests."""
    app = get_application_for_user(request.user, public_id, purpose=request.GET.get("purpose", ""))
    # The case's own documents, and the files an authority sent with its reply to a request.
    attachment = (
        Attachment.objects.filter(public_id=attachment_id, content_type__app_label="complaints")
        .filter(
            Q(content_type__model="application", object_id=app.pk)
            | Q(content_type__model="inforequest", object_id__in=app.info_requests.values("pk"))
        )
        .first()
    )
    if attachment is None:
        raise Http404
    audit.record("core.attachment.downloaded", actor=request.user, obj=app, changes={"attachment": str(attachment_id)})
    return download_response(attachment)
