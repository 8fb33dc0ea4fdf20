"""The portal's recommendation pages: the body's recommendations, one recommendation as the
authority sees it (never the rationale, the findings, staff notes or internal documents; only the
letter that was sent and the body's own responses), its answer form, drafts and downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ombuds.core import audit, deadlines
from ombuds.core.actions import add_service_errors
from ombuds.core.documents import PDF, attachment, letter_pdf
from ombuds.core.i18n import FALLBACK_LANGUAGE, pick
from ombuds.core.keyset import InvalidCursor, keyset_of
from ombuds.core.models import Attachment
from ombuds.core.once import submit_once
from ombuds.core.uploads import download_response
from ombuds.focal import kept
from ombuds.focal.forms_responses import RecommendationAnswerForm, RecommendationFilterForm
from ombuds.focal.scoping import (
    focal_point_required,
    get_recommendation_for_focal,
    recommendations_for,
    with_response_due,
)
from ombuds.focal.services.activity import record_opening
from ombuds.focal.services.drafts import read_draft, save_draft
from ombuds.focal.services.responses import answer_recommendation
from ombuds.recommendations import choices as rc
from ombuds.recommendations import letters
from ombuds.recommendations.models import AuthorityResponse, Recommendation
from ombuds.recommendations.services.lifecycle import RESPONSE_RULES

PAGE_SIZE = 50
ORDERING = ("-issued_on", "-pk")
TEXT_FIELDS = ("stance", "text")  # what a draft and an expired session keep


def _detail_url(rec) -> str:
    return reverse("focal:recommendation", args=[rec.public_id])


@require_GET
@focal_point_required
def recommendation_list(request):
    """The body's recommendations, the latest first, filtered by status or open/closed."""
    form = RecommendationFilterForm(request.GET or None)
    found = with_response_due(recommendations_for(request.user))
    if form.is_valid():
        state, status = form.cleaned_data["state"], form.cleaned_data["status"]
        if state == "open":
            found = found.filter(status__in=rc.OPEN)
        elif state == "closed":
            found = found.filter(status__in=rc.CLOSED)
        if status:
            found = found.filter(status=status)
    try:
        page = keyset_of(Recommendation, ORDERING).page(found, request.GET.get("cursor"), size=PAGE_SIZE)
    except InvalidCursor as exc:
        raise Http404 from exc
    query = request.GET.copy()
    query.pop("cursor", None)
    return render(
        request,
        "focal/recommendations/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _history(rec) -> list[dict]:
    """The dates and statuses only: notes, evidence and documents are the Ombudsman's own."""
    return [
        {"on": line.happened_on, "old": line.get_old_status_display(), "new": line.get_new_status_display()}
        for line in rec.history.all()
    ]


def _responses(rec) -> list[AuthorityResponse]:
    responses = list(rec.responses.all())
    files: dict[int, list[Attachment]] = {}
    for file in Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(AuthorityResponse), object_id__in=[r.pk for r in responses]
    ):
        files.setdefault(file.object_id, []).append(file)
    for response in responses:
        response.files = files.get(response.pk, [])  # type: ignore[attr-defined]
    return responses


def _text(rec) -> tuple[str, bool]:
    """The text in the reader's language, or in Azerbaijani with a note that it is not translated."""
    language = (translation.get_language() or FALLBACK_LANGUAGE)[:2]
    own = getattr(rec, f"text_{language}", "") if language != FALLBACK_LANGUAGE else rec.text_az
    return pick(rec, "text"), not own


def _answer_form(request, rec, stances, draft: dict):
    """The form as it was left: the draft, or the text kept over an expired session (which
    becomes the draft from now on)."""
    initial = dict(draft)
    restored = kept.restore(request)
    if restored:
        save_draft(request.user, rec, restored)
        initial.update(restored)
    if initial.get("stance") not in stances:
        initial.pop("stance", None)
    return RecommendationAnswerForm(initial=initial, stances=stances)


def _page(request, rec, *, bound=None, status: int = 200):
    stances = rc.answerable_stances(rec.status)
    draft = read_draft(request.user, rec)
    response_due = deadlines.open_for(rec, *RESPONSE_RULES).order_by("due_at").first()
    text, untranslated = _text(rec)
    form = None
    if stances:
        form = bound if bound is not None else _answer_form(request, rec, stances, draft)
    context = {
        "rec": rec,
        "text": text,
        "untranslated": untranslated,
        "places": [pick(place, "name") for place in rec.places.all()],
        "response_due": timezone.localtime(response_due.due_at).date() if response_due else None,
        "history": _history(rec),
        "responses": _responses(rec),
        "form": form,
        "has_draft": bool(draft) or (bound is None and form is not None and bool(form.initial)),
    }
    return render(request, "focal/recommendations/detail.html", context, status=status)


def _remap(exc: ValidationError) -> ValidationError:
    """The safe upload names its field "file"; the form's is "files"."""
    if hasattr(exc, "error_dict") and "file" in exc.error_dict:
        errors = dict(exc.error_dict)
        errors["files"] = errors.pop("file")
        return ValidationError(errors)
    return exc


@kept.keeps_posted(*TEXT_FIELDS)
@focal_point_required
def recommendation_detail(request, public_id):
    rec = get_recommendation_for_focal(request.user, public_id)
    if request.method == "GET":
        record_opening(request.user, rec)
        return _page(request, rec)
    if request.method != "POST":
        return HttpResponse(status=405)
    stances = rc.answerable_stances(rec.status)
    form = RecommendationAnswerForm(request.POST, request.FILES, stances=stances)
    if not stances:
        messages.error(request, _("This recommendation no longer awaits an answer."))
        return redirect(_detail_url(rec))
    if not form.is_valid():
        return _page(request, rec, bound=form, status=400)
    data = form.cleaned_data
    receipt = None
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            receipt = answer_recommendation(
                request.user, rec, stance=data["stance"], text=data["text"], files=data["files"]
            )
        except ValidationError as exc:
            add_service_errors(form, _remap(exc))
        else:
            once.created(_receipt_url(receipt, rec))
    if receipt is None:  # refused by the service: the form again, its errors at the top and by the fields
        rec.refresh_from_db()
        return _page(request, rec, bound=form, status=400)
    messages.success(
        request,
        _("Your answer was received. Its reference number is %(reference)s.") % {"reference": receipt.reference},
    )
    return redirect(_receipt_url(receipt, rec))


def _receipt_url(receipt, rec) -> str:
    """The receipt's own page where the portal has one; the recommendation's page otherwise."""
    try:
        return reverse("focal:receipt", args=[receipt.reference])
    except NoReverseMatch:
        return _detail_url(rec)


@require_POST
@kept.keeps_posted(*TEXT_FIELDS, page=lambda public_id: reverse("focal:recommendation", args=[public_id]))
@focal_point_required
def recommendation_draft(request, public_id):
    """Keep what is being written (HTMX as it is typed, or the "Save draft" button)."""
    rec = get_recommendation_for_focal(request.user, public_id)
    if not rc.answerable_stances(rec.status):
        raise Http404
    save_draft(request.user, rec, {name: request.POST.get(name, "") for name in TEXT_FIELDS})
    if request.headers.get("HX-Request"):
        return render(request, "focal/recommendations/_draft_status.html", {"saved_at": timezone.now()})
    messages.success(request, _("Draft saved. Nothing is sent until you submit the answer."))
    return redirect(_detail_url(rec))


def _sent_letter(rec) -> Attachment | None:
    line = (
        rec.history.filter(new_status=rc.Status.ISSUED, document__isnull=False)
        .select_related("document")
        .order_by("-happened_on", "-created_at")
        .first()
    )
    return line.document if line else None


@require_GET
@focal_point_required
def recommendation_letter(request, public_id):
    """The letter as it was sent; one issued before letters were kept (an import, a paper letter)
    is written again from the recommendation in its letter's language."""
    rec = get_recommendation_for_focal(request.user, public_id)
    stored = _sent_letter(rec)
    if stored is not None:
        audit.record(
            "core.attachment.downloaded", actor=request.user, obj=rec, changes={"attachment": str(stored.public_id)}
        )
        return download_response(stored)
    language = rec.letter_language if rec.letter_language in letters.available_languages(rec) else FALLBACK_LANGUAGE
    try:
        letter = letters.build(rec, language)
    except letters.NotAvailable as exc:
        raise Http404 from exc
    audit.record(
        "recommendations.recommendation.letter_generated",
        actor=request.user,
        obj=rec,
        changes={"format": "pdf", "language": language},
    )
    return attachment(letter_pdf(letter), letters.filename(rec, language, "pdf"), PDF)


@require_GET
@focal_point_required
def recommendation_file(request, public_id, attachment_id):
    """A file of one of this recommendation's responses (and nothing else of it)."""
    rec = get_recommendation_for_focal(request.user, public_id)
    file = Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(AuthorityResponse),
        object_id__in=rec.responses.values("pk"),
        public_id=attachment_id,
    ).first()
    if file is None:
        raise Http404
    audit.record("core.attachment.downloaded", actor=request.user, obj=rec, changes={"attachment": str(attachment_id)})
    return download_response(file)
