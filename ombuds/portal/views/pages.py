"""The staff-edited pages (mandate, how to apply, the NPM, Nakhchivan, accessibility) and the
machine-readable accessibility statement. Only the published copy (`Page.published`) is read: a
text being edited never shows. A page missing in the visitor's language says so, links the
languages it exists in and shows one of them, marked with its `lang`."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language

from ombuds.portal import centres
from ombuds.portal.choices import Compliance, PageSlug
from ombuds.portal.context import render_public
from ombuds.portal.models import LANGUAGES, Page
from ombuds.portal.public import NATIVE_NAMES, alternates, public_page

REVIEW_MONTHS = 12  # the statement is reviewed at least yearly (reports-and-portal.md §3.9)


def _published(slug: str) -> dict:
    if slug not in PageSlug.values:
        raise Http404
    record = Page.objects.filter(slug=slug, published_at__isnull=False).only("published").first()
    if record is None or not _languages(record.published):
        raise Http404
    return record.published


def _languages(published: dict) -> list[str]:
    return [code for code in LANGUAGES if published.get(f"title_{code}") and published.get(f"body_{code}")]


def _in(texts: dict, name: str, language: str, fallback: str) -> tuple[str, str]:
    """A statement field in `language`, else in the language the page text is shown in."""
    for code in (language, fallback, *LANGUAGES):
        if texts.get(f"{name}_{code}"):
            return texts[f"{name}_{code}"], code
    return "", language


def next_review(reviewed_on: dt.date) -> dt.date:
    """A year after the last review (28 February when that was a 29 February)."""
    try:
        return reviewed_on.replace(year=reviewed_on.year + REVIEW_MONTHS // 12)
    except ValueError:
        return reviewed_on.replace(year=reviewed_on.year + REVIEW_MONTHS // 12, day=28)


def _statement(snapshot: dict, language: str, shown: str) -> dict:
    reviewed = dt.date.fromisoformat(snapshot["reviewed_on"])
    due = next_review(reviewed)
    fields = {name: _in(snapshot, name, language, shown) for name in ("non_accessible", "method", "enforcement")}
    return {
        "compliance": Compliance(snapshot["compliance"]).label,
        "standard": snapshot["standard"],
        "prepared_on": dt.date.fromisoformat(snapshot["prepared_on"]),
        "reviewed_on": reviewed,
        "next_review": due,
        "overdue": timezone.localdate() > due,
        "fields": fields,
        "feedback_email": snapshot["feedback_email"],
        "feedback_phone": snapshot["feedback_phone"],
    }


def _contacts(language: str) -> dict[str, str]:
    """The contacts confirmed in settings, in the page's language; an unconfirmed one is left out
    (the page sends the visitor to 916 for it) so that nothing unverified is published."""
    found = {}
    for key, entry in settings.OMBUDS_PORTAL_CONTACTS.items():
        value = entry.get(language) or entry.get("az") or ""
        found[key] = value if entry.get("confirmed") else ""
    return found


@public_page
def page(request, slug):
    published = _published(slug)
    language = get_language()
    present = _languages(published)
    shown = language if language in present else present[0]
    names = dict(NATIVE_NAMES)
    context = {
        "slug": slug,
        "title": published[f"title_{shown}"],
        "body": published[f"body_{shown}"],
        "text_language": shown,
        "missing": shown != language,
        "shown_name": names[shown],
        "existing": [alt for alt in alternates(request) if alt["code"] in present],
    }
    if slug == PageSlug.HOW_TO_APPLY:
        context.update(centres=centres.centres(), map=centres.map_shapes(), contacts=_contacts(language))
    elif slug == PageSlug.NAKHCHIVAN:
        context["partner"] = [centre for centre in centres.centres() if centre.is_partner]
    elif slug == PageSlug.ACCESSIBILITY and "statement" in published:
        context["statement"] = _statement(published["statement"], language, shown)
    return render_public(request, "portal/pages/page.html", context)


@public_page
def statement_json(request):
    """The accessibility statement as data (reports-and-portal.md §3.9: a machine-readable copy),
    every language at once; the same published copy the page shows."""
    published = _published(PageSlug.ACCESSIBILITY)
    snapshot = published.get("statement")
    if not snapshot:
        raise Http404
    reviewed = dt.date.fromisoformat(snapshot["reviewed_on"])
    data = {
        "url": request.build_absolute_uri(reverse("portal:page", args=[PageSlug.ACCESSIBILITY])),
        "standard": snapshot["standard"],
        "compliance_status": snapshot["compliance"],
        "non_accessible_content": {code: snapshot[f"non_accessible_{code}"] for code in LANGUAGES},
        "assessment_method": {code: snapshot[f"method_{code}"] for code in LANGUAGES},
        "enforcement_procedure": {code: snapshot[f"enforcement_{code}"] for code in LANGUAGES},
        "feedback": {"email": snapshot["feedback_email"], "phone": snapshot["feedback_phone"]},
        "prepared_on": snapshot["prepared_on"],
        "last_reviewed_on": snapshot["reviewed_on"],
        "next_review_due": next_review(reviewed).isoformat(),
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})


urlpatterns = [
    path("pages/accessibility/statement.json", statement_json, name="accessibility_statement"),
    path("pages/<slug:slug>/", page, name="page"),
]
