"""A recommendation drafted from a case: the application's handler answers a violation found."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ombuds.complaints.permissions import HANDLE
from ombuds.complaints.views import get_application_for_user
from ombuds.core.exceptions import PurposeRequired
from ombuds.core.once import submit_once
from ombuds.recommendations import services
from ombuds.recommendations.forms_cases import CaseRecommendationForm
from ombuds.recommendations.permissions import MANAGE


def may_draft_from_cases(user) -> bool:
    """Drafting from a case takes both hats: handling the case and managing recommendations."""
    return user.is_authenticated and user.has_perm(MANAGE) and user.has_perm(HANDLE)


def _add_service_errors(form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def draft_from_application(request, public_id):
    """The form on its own page (it is long); the case is read through the complaints funnel, so
    a case out of the user's scope is 404 and a secret-tier one asks for the purpose first."""
    if not may_draft_from_cases(request.user):
        raise PermissionDenied
    purpose = (request.POST if request.method == "POST" else request.GET).get("purpose", "")
    try:
        app = get_application_for_user(request.user, public_id, purpose=purpose)
    except PurposeRequired as exc:
        if request.method == "POST":
            raise PermissionDenied from exc
        return render(request, "components/purpose_required.html", {"public_id": public_id})
    case_url = app.get_absolute_url() + (f"?{urlencode({'purpose': purpose})}" if purpose else "")
    if not services.may_draft_from_application(app):
        messages.error(request, _("Only an application in which a violation is found can lead to a recommendation."))
        return redirect(case_url)
    respondents, rights = list(app.respondents.all()), list(app.rights.all())
    data = request.POST if request.method == "POST" else None  # an empty post is refused, not redrawn blank
    form = CaseRecommendationForm(data, respondents=respondents, rights=rights)
    if request.method == "POST" and form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                rec = services.draft_from_application(request.user, app, **form.service_fields())
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                once.created(rec.get_absolute_url())
        if not form.errors:
            messages.success(
                request, _("Recommendation %(number)s drafted and recorded as a measure.") % {"number": rec.number}
            )
            return redirect(rec.get_absolute_url())
    return render(
        request,
        "recommendations/case_draft.html",
        {"app": app, "form": form, "purpose": purpose, "case_url": case_url},
        status=400 if form.errors else 200,  # refused input: nothing was written
    )
