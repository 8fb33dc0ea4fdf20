"""Recommendations on the visit page: drafting from the visit's findings, issuing them once the
report is final, and the follow-up checklist of the place's open recommendations.

The visit page belongs to monitoring, which does not import this app: it loads the template tags
of `templatetags/recommendations_visits.py`, which read what to show from the functions below; the
forms post here, and a refused form is drawn again on the visit page with the input kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ombuds.core.once import submit_once
from ombuds.monitoring import choices as mc
from ombuds.monitoring.models import Finding
from ombuds.monitoring.views import _visit_page, get_visit_for_user
from ombuds.recommendations import choices as c
from ombuds.recommendations import services
from ombuds.recommendations.forms_visits import FollowUpChecksForm, VisitDraftForm
from ombuds.recommendations.models import FollowUpCheck, Recommendation
from ombuds.recommendations.permissions import ISSUE, MANAGE
from ombuds.recommendations.services.followup import open_for_place

VS = mc.VisitStatus
# Drafting and the follow-up checklist need the team to have been on site; a closed or cancelled
# visit takes no more work.
_NOT_ON_SITE_YET = mc.BEFORE_ARRIVAL | {VS.CANCELLED}
_FINISHED = {VS.CLOSED, VS.CANCELLED}
DRAFT_FORM, CHECKS_FORM = "rec_draft", "rec_checks"  # their keys among the visit page's bound forms


def arrived(visit) -> bool:
    return visit.arrival_at is not None and visit.status not in _NOT_ON_SITE_YET


def drafting_open(visit) -> bool:
    return arrived(visit) and visit.status not in _FINISHED


def issuing_open(visit) -> bool:
    return visit.status == VS.REPORT_FINAL


def visit_recommendations(user, visit):
    """The visit's recommendations the user may read, with what the section shows of them."""
    findings = Finding.objects.order_by("created_at")
    return (
        Recommendation.objects.filter(visit=visit, pk__in=Recommendation.objects.visible_to(user).values("pk"))
        .select_related("addressee")
        .prefetch_related(Prefetch("findings", queryset=findings))
        .order_by("sequence")
    )


def place_open(user, place):
    """The place's open recommendations the user may read: the dossier of its next visit."""
    return open_for_place(place).filter(pk__in=Recommendation.objects.visible_to(user).values("pk"))


def to_check(user, visit):
    """The open recommendations a follow-up visit checks: issued to the place before the visit,
    not the visit's own, not yet checked on it."""
    arrival_day = timezone.localtime(visit.arrival_at).date()
    return (
        place_open(user, visit.place)
        .filter(issued_on__lte=arrival_day)
        .exclude(visit=visit)
        .exclude(checks__visit=visit)
    )


def recorded_checks(user, visit):
    visible = Recommendation.objects.visible_to(user).values("pk")
    return (
        FollowUpCheck.objects.filter(visit=visit, recommendation__in=visible)
        .select_related("recommendation__addressee")
        .order_by("created_at")
    )


def _redraw(request, visit, name: str, form):
    """The visit page again with the refused form and its input; 400, nothing was written."""
    response = _visit_page(request, visit, {name: form})
    response.status_code = 400
    return response


def _visit_for(request, public_id, permission: str):
    """The visit's funnel first (403 for the section, 404 out of scope), then the permission."""
    visit = get_visit_for_user(request.user, public_id)
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return visit


@require_POST
def visit_draft(request, public_id):
    visit = _visit_for(request, public_id, MANAGE)
    if not drafting_open(visit):
        messages.error(request, _("Recommendations are drafted once the team has been on site."))
        return redirect(visit.get_absolute_url())
    form = VisitDraftForm(request.POST, visit=visit)
    if not form.is_valid():
        return _redraw(request, visit, DRAFT_FORM, form)
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            rec = services.draft_recommendation(
                request.user, source=c.Source.VISIT, visit=visit, **form.service_kwargs()
            )
        except ValidationError as exc:
            by_field = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
            for field, errors in by_field.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
            return _redraw(request, visit, DRAFT_FORM, form)
        once.created(visit.get_absolute_url())
    messages.success(request, _("Recommendation %(number)s drafted.") % {"number": rec.number})
    for warning in services.smart_warnings(rec):
        messages.warning(request, f"{rec.number}: {warning}")
    return redirect(visit.get_absolute_url())


@require_POST
def visit_issue(request, public_id):
    """Issue every draft of the visit (the NPM lead or the Commissioner) and move the visit on."""
    visit = _visit_for(request, public_id, ISSUE)
    if not issuing_open(visit):
        messages.error(request, _("The recommendations of a visit are issued once its report is final."))
        return redirect(visit.get_absolute_url())
    try:
        issued = services.issue_visit_recommendations(request.user, visit)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(
            request,
            ngettext("%(count)d recommendation issued.", "%(count)d recommendations issued.", len(issued))
            % {"count": len(issued)},
        )
    return redirect(visit.get_absolute_url())


class _Refused(Exception):
    """A line of the checklist was refused: nothing of the checklist is kept."""


@require_POST
def visit_checks(request, public_id):
    """The follow-up checklist: every line recorded, or none (the refusals named on their lines)."""
    visit = _visit_for(request, public_id, MANAGE)
    if not drafting_open(visit):
        messages.error(request, _("A follow-up check is recorded once the team has been on site."))
        return redirect(visit.get_absolute_url())
    form = FollowUpChecksForm(request.POST, recommendations=to_check(request.user, visit))
    if not form.is_valid():
        return _redraw(request, visit, CHECKS_FORM, form)
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        lines = form.lines()
        try:
            with transaction.atomic():
                refused = False
                for rec, observed, note in lines:
                    try:
                        services.record_follow_up_check(request.user, visit, rec, observed, note=note)
                    except ValidationError as exc:
                        refused = True
                        for message in exc.messages:
                            form.line_error(rec, message)
                            messages.error(request, f"{rec.number}: {message}")
                if refused:
                    raise _Refused
        except _Refused:
            return _redraw(request, visit, CHECKS_FORM, form)
        once.created(visit.get_absolute_url())
    messages.success(
        request,
        ngettext("%(count)d follow-up check recorded.", "%(count)d follow-up checks recorded.", len(lines))
        % {"count": len(lines)},
    )
    return redirect(visit.get_absolute_url())
