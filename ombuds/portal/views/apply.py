"""The online application (issue 14): the form, its drafts, the receipt and the PDF receipt.

One page, plain HTML: it works without JavaScript. The form posts back to itself with one of three
buttons: send, save and continue later, or start again. Anything refused (invalid answers, the rate
limit, a failed database write) draws the form again with every answer kept; only files must be
chosen again, which the page says. The receipt is drawn only after the application is committed,
from what the submission stored in the visitor's session.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from ombuds.core.actions import add_service_errors
from ombuds.core.documents import html_pdf
from ombuds.portal.context import HOTLINE, render_public
from ombuds.portal.forms_apply import ApplyForm, blank_form
from ombuds.portal.public import public_page
from ombuds.portal.services import apply as services
from ombuds.portal.throttle import allow, without_address

COOKIE = "ombuds_apply_draft"
RECEIPT = "portal_apply_receipt"
TEMPLATE = "portal/apply/form.html"


def _language() -> str:
    return (get_language() or "az")[:2]


def _page(request, form, *, status=200, **context):
    context.setdefault("draft", None)
    return render_public(
        request,
        TEMPLATE,
        {"form": form, "draft_days": services.draft_days(), "hotline": HOTLINE, **context},
        status=status,
    )


def _set_draft_cookie(response, token: str) -> None:
    """Strictly necessary (it only lets this browser offer its own saved answers back), so it
    needs no consent; it lasts as long as the draft."""
    response.set_cookie(
        COOKIE,
        token,
        max_age=services.draft_days() * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


@never_cache
@public_page(cache_seconds=None)
def apply(request):
    token = request.COOKIES.get(COOKIE, "")
    if request.method != "POST":
        draft = services.find_application_draft(token)
        if draft is not None and request.GET.get("resume"):
            return _page(request, blank_form(services.draft_answers(draft), language=draft.language), resumed=True)
        return _page(request, blank_form(language=_language()), draft=draft)
    action = request.POST.get("action", "submit")
    if action == "discard":
        with without_address():
            services.discard_application_draft(token)
        response = HttpResponseRedirect(reverse("portal:apply"))
        response.delete_cookie(COOKIE)
        return response
    form = ApplyForm(request.POST, request.FILES)
    chose_files = bool(request.FILES.getlist("attachments"))
    if action == "save":
        return _save_draft(request, form, token, chose_files)
    return _submit(request, form, token, chose_files)


def _save_draft(request, form: ApplyForm, token: str, chose_files: bool):
    if request.POST.get("website"):  # the honeypot: a robot's draft is not kept
        form.is_valid()
        return _page(request, form, status=400, files_lost=chose_files)
    if not allow(request, "draft"):
        return _page(request, _unbound(form), status=429, limited=True, files_lost=chose_files)
    answers = form.draft_answers()
    language = answers.get("language") if answers.get("language") in ("az", "en", "ru") else _language()
    with without_address():
        _draft, token = services.save_application_draft(answers, language=language, token=token)
    response = HttpResponseRedirect(reverse("portal:apply_draft", args=[token]) + "?saved=1")
    _set_draft_cookie(response, token)
    return response


def _unbound(form: ApplyForm):
    """The answers as typed, drawn without error messages (a refusal that is no fault of theirs)."""
    return blank_form(form.draft_answers(), language=_language())


def _submit(request, form: ApplyForm, token: str, chose_files: bool):
    if not form.is_valid():
        return _page(request, form, status=400, files_lost=chose_files)
    if not allow(request, "submit"):
        return _page(request, _unbound(form), status=429, limited=True, files_lost=chose_files)
    data = form.service_data()
    try:
        with without_address():
            submitted = services.submit_online_application(
                data,
                form.cleaned_data["attachments"],
                language=data["language"],
                draft_token=token,
                once=form.once_nonce,
            )
    except services.AlreadySubmitted:
        # Back and send again, or a double click: the first sending stands.
        return HttpResponseRedirect(reverse("portal:receipt") + "?again=1")
    except ValidationError as exc:
        add_service_errors(form, exc)
        return _page(request, form, status=400, files_lost=chose_files)
    except DatabaseError:
        # Nothing was written (one transaction); the visitor must not believe it was.
        return _page(request, _unbound(form), status=503, failed=True, files_lost=chose_files)
    request.session[RECEIPT] = services.receipt_of(submitted, data["language"])
    response = HttpResponseRedirect(reverse("portal:receipt"))
    response.delete_cookie(COOKIE)
    return response


@never_cache
@public_page(cache_seconds=None)
def apply_draft(request, token: str):
    """The bookmarked resume link: the saved answers in the form (and the cookie set again)."""
    draft = services.find_application_draft(token)
    if draft is None:
        return render_public(request, "portal/apply/draft_missing.html", status=404)
    form = blank_form(services.draft_answers(draft), language=draft.language)
    response = _page(
        request,
        form,
        resumed=True,
        saved=bool(request.GET.get("saved")),
        resume_url=request.build_absolute_uri(request.path),
        expires_at=draft.expires_at,
    )
    _set_draft_cookie(response, token)
    return response


def _receipt_context(receipt: dict) -> dict:
    return {
        "receipt": receipt,
        "received_at": timezone.localtime(datetime.fromisoformat(receipt["received_at"])),
        "terms": services.legal_terms(),
        "hotline": HOTLINE,
    }


@never_cache
@public_page(cache_seconds=None)
def receipt(request):
    stored = request.session.get(RECEIPT)
    if not stored:
        return render_public(request, "portal/apply/receipt_missing.html", status=404)
    context = {**_receipt_context(stored), "again": bool(request.GET.get("again"))}
    return render_public(request, "portal/apply/receipt.html", context)


@never_cache
@public_page(cache_seconds=None)
def receipt_pdf(request):
    stored = request.session.get(RECEIPT)
    if not stored:
        return render_public(request, "portal/apply/receipt_missing.html", status=404)
    with translation.override(stored["language"]):
        html = render_to_string("portal/apply/receipt_pdf.html", _receipt_context(stored))
    response = HttpResponse(html_pdf(html), content_type="application/pdf")
    # An ASCII file name whatever the language: every browser and mail client keeps it as is.
    response["Content-Disposition"] = f'attachment; filename="receipt-{stored["reference"]}.pdf"'
    return response


urlpatterns = [
    path("apply/", apply, name="apply"),
    path("apply/draft/<str:token>/", apply_draft, name="apply_draft"),
    path("apply/receipt/", receipt, name="receipt"),
    path("apply/receipt.pdf", receipt_pdf, name="receipt_pdf"),
]
