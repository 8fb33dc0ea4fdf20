"""The portal's information requests: the list, one request with the letter that was sent and the
body's answer, its files, and the receipts of what the body submitted (issue 12, domain.md §3.6).

Every item is read through `focal.scoping` (another body's item is 404); the answer goes through
`focal.services.answer_info_request`. The focal point sees the application's number only, and the
applicant's name only with the applicant's consent to disclosure (complaints.visibility)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.complaints import letters
from ombuds.complaints.choices import InfoRequestStatus
from ombuds.complaints.models import InfoRequest
from ombuds.complaints.visibility import party_fields
from ombuds.core import audit
from ombuds.core.actions import add_service_errors
from ombuds.core.documents import PDF, attachment, letter_pdf
from ombuds.core.keyset import InvalidCursor, keyset_of
from ombuds.core.models import Attachment
from ombuds.core.once import submit_once
from ombuds.core.uploads import download_response
from ombuds.focal import kept
from ombuds.focal.forms_requests import TEXT_FIELDS, InfoRequestAnswerForm
from ombuds.focal.models import Receipt
from ombuds.focal.scoping import (
    focal_point_required,
    get_info_request_for_focal,
    info_requests_for,
    recommendations_for,
)
from ombuds.focal.services import activity, drafts
from ombuds.focal.services.requests import answer_info_request

LANGUAGES = ("az", "en", "ru")
PAGE_SIZE = 50
ANSWERED_ORDERING = ("-sent_at", "-pk")


def is_overdue(item: InfoRequest, now) -> bool:
    return item.status != InfoRequestStatus.ANSWERED and item.due_at < now


@focal_point_required
def request_list(request):
    """Open requests first (the one due soonest on top), then the answered ones, the latest sent
    first, a page at a time (a ministry answers hundreds a year)."""
    now = timezone.now()
    mine = info_requests_for(request.user).select_related("application")
    open_items = list(mine.exclude(status=InfoRequestStatus.ANSWERED).order_by("due_at", "pk"))
    try:
        page = keyset_of(InfoRequest, ANSWERED_ORDERING).page(
            mine.filter(status=InfoRequestStatus.ANSWERED), request.GET.get("cursor"), size=PAGE_SIZE
        )
    except InvalidCursor as exc:
        raise Http404 from exc
    for item in open_items:
        item.overdue = is_overdue(item, now)
    for item in page.rows:
        item.late = bool(item.reply_at and item.reply_at > item.due_at)
    return render(request, "focal/requests/list.html", {"open_items": open_items, "page": page})


def _files(item: InfoRequest):
    return Attachment.objects.filter(content_type=ContentType.objects.get_for_model(InfoRequest), object_id=item.pk)


def _applicant_name(user, item: InfoRequest) -> str:
    """The applicant's name, only if the applicant agreed to its disclosure to the authority."""
    app = item.application
    if app.applicant_id is None or "surname" not in party_fields(user, app, app.applicant):
        return ""
    return str(app.applicant)


def _draw(request, item: InfoRequest, form=None, *, status: int = 200):
    answered = item.status == InfoRequestStatus.ANSWERED
    if form is None and not answered:
        initial = drafts.read_draft(request.user, item)
        restored = kept.restore(request)
        if restored:
            initial.update({name: restored[name] for name in TEXT_FIELDS if name in restored})
            # Kept as the draft too: the restored text survives even if this page is left.
            drafts.save_draft(request.user, item, {name: initial.get(name, "") for name in TEXT_FIELDS})
        form = InfoRequestAnswerForm(initial=initial)
    context = {
        "item": item,
        "applicant_name": _applicant_name(request.user, item),
        "overdue": is_overdue(item, timezone.now()),
        "late": bool(answered and item.reply_at and item.reply_at > item.due_at),
        "files": list(_files(item)) if answered else [],
        "receipts": list(item.portal_receipts.order_by("submitted_at")) if answered else [],
        "form": None if answered else form,
    }
    return render(request, "focal/requests/detail.html", context, status=status)


@kept.keeps_posted(*TEXT_FIELDS)
@focal_point_required
def request_detail(request, public_id):
    item = get_info_request_for_focal(request.user, public_id)
    if request.method != "POST":
        activity.record_opening(request.user, item)
        return _draw(request, item)
    if item.status == InfoRequestStatus.ANSWERED and request.POST.get("action") == "draft":
        return redirect("focal:request", public_id=item.public_id)
    if request.POST.get("action") == "draft":
        drafts.save_draft(request.user, item, {name: request.POST.get(name, "") for name in TEXT_FIELDS})
        messages.success(request, _("Draft saved. Files are not kept in a draft: attach them when you send."))
        return redirect("focal:request", public_id=item.public_id)
    form = InfoRequestAnswerForm(request.POST, request.FILES)
    if not form.is_valid():
        if item.status == InfoRequestStatus.ANSWERED:
            return redirect("focal:request", public_id=item.public_id)
        return _draw(request, item, form, status=400)
    receipt = None
    with submit_once(request, form) as once:
        if once.done:  # the same form sent twice: to the first one's receipt
            return once.done
        try:
            receipt = answer_info_request(
                request.user, item, text=form.cleaned_data["text"], files=form.cleaned_data["files"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            once.created(reverse("focal:receipt", args=[receipt.reference]))
    if receipt is None:
        if item.status == InfoRequestStatus.ANSWERED:  # answered meanwhile (another tab, a colleague)
            messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
            return redirect("focal:request", public_id=item.public_id)
        return _draw(request, item, form, status=400)
    messages.success(
        request, _("Your answer was received. Reference number: %(reference)s.") % {"reference": receipt.reference}
    )
    return redirect("focal:receipt", reference=receipt.reference)


def _page(public_id) -> str:
    return reverse("focal:request", kwargs={"public_id": public_id})


@require_POST
@kept.keeps_posted(*TEXT_FIELDS, page=_page)
@focal_point_required
def request_draft(request, public_id):
    """Autosave of the answer being written (HTMX); the page's "Save draft" button does the same
    without JavaScript. After the session expired the text is kept for the page (restored once
    the focal point signs in again) and the form says so (focal.kept)."""
    item = get_info_request_for_focal(request.user, public_id)
    if item.status == InfoRequestStatus.ANSWERED:
        raise Http404
    drafts.save_draft(request.user, item, {name: request.POST.get(name, "") for name in TEXT_FIELDS})
    return render(request, "focal/requests/_draft_saved.html", {"saved_at": timezone.now()})


@focal_point_required
def request_letter(request, public_id):
    """The letter that was sent, as PDF, in the portal's language (or ?lang=az|en|ru)."""
    item = get_info_request_for_focal(request.user, public_id)
    language = request.GET.get("lang") or translation.get_language() or "az"
    if language not in LANGUAGES:
        raise Http404
    letter = letters.build(item.application, "info_request", language, viewer=request.user, info_request=item)
    audit.record(
        "complaints.inforequest.letter_downloaded",
        actor=request.user,
        obj=item,
        changes={"format": "pdf", "language": language},
    )
    return attachment(letter_pdf(letter), f"{item.application.number.replace('/', '-')}-{language}.pdf", PDF)


@focal_point_required
def request_file(request, public_id, attachment_id):
    """A file of the body's answer: the request's funnel decides, then the file must be that
    request's."""
    item = get_info_request_for_focal(request.user, public_id)
    found = _files(item).filter(public_id=attachment_id).first()
    if found is None:
        raise Http404
    audit.record(
        "core.attachment.downloaded", actor=request.user, obj=item, changes={"attachment": str(found.public_id)}
    )
    return download_response(found)


@focal_point_required
def receipt(request, reference):
    """The acknowledgement of an answer: of the focal point's body, about an item it may open."""
    found = (
        Receipt.objects.select_related("focal_point__user", "info_request__application", "recommendation", "response")
        .filter(reference=reference, focal_point__user__authority_id=request.user.authority_id)
        .filter(
            Q(info_request__in=info_requests_for(request.user))
            | Q(recommendation__in=recommendations_for(request.user))
        )
        .first()
    )
    if found is None:
        raise Http404
    owner = found.info_request or found.response
    files = (
        list(Attachment.objects.filter(content_type=ContentType.objects.get_for_model(owner), object_id=owner.pk))
        if owner is not None
        else []
    )
    return render(request, "focal/requests/receipt.html", {"receipt": found, "files": files})
