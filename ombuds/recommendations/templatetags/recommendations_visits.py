"""The recommendations sections of monitoring's visit and place pages.

Monitoring does not import this app (docs/architecture.md); its templates load this library
instead. Each tag draws nothing for a reader without the recommendations register, so the pages
work the same for everyone else. The page's bound forms (a refused draft or checklist drawn again,
see views_visits._redraw) come in the page's `forms`.
"""

from __future__ import annotations

from django import template

from ombuds.recommendations import choices as c
from ombuds.recommendations import views_visits as v
from ombuds.recommendations.forms_visits import FollowUpChecksForm, VisitDraftForm
from ombuds.recommendations.permissions import ISSUE, MANAGE, may_use_register

register = template.Library()


def _bound(context, name: str):
    return (context.get("forms") or {}).get(name)


@register.inclusion_tag("recommendations/_visit_section.html", takes_context=True)
def visit_recommendations(context, visit):
    """The visit's recommendations, the drafting form and the button that issues them."""
    user = context.request.user
    if not may_use_register(user):
        return {"shown": False}
    recs = list(v.visit_recommendations(user, visit))
    draft_form = None
    if user.has_perm(MANAGE) and v.drafting_open(visit):
        draft_form = _bound(context, v.DRAFT_FORM)
        if draft_form is None and visit.findings.exists():
            draft_form = VisitDraftForm(visit=visit)
    has_drafts = any(rec.status == c.Status.DRAFT for rec in recs)
    return {
        "shown": True,
        "visit": visit,
        "recs": recs,
        "draft_form": draft_form,
        "may_issue": user.has_perm(ISSUE) and v.issuing_open(visit) and has_drafts,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("recommendations/_visit_follow_up.html", takes_context=True)
def visit_follow_up(context, visit):
    """Before arrival, the place's open recommendations (the dossier); once on site, the checklist
    of those issued before the visit, with the checks already recorded."""
    user = context.request.user
    if not may_use_register(user) or visit.status == v.VS.CANCELLED:
        return {"shown": False}
    if not v.arrived(visit):
        dossier = list(v.place_open(user, visit.place))
        return {"shown": bool(dossier), "visit": visit, "dossier": dossier}
    checks = list(v.recorded_checks(user, visit))
    form = None
    pending = []
    if user.has_perm(MANAGE) and v.drafting_open(visit):
        form = _bound(context, v.CHECKS_FORM) or FollowUpChecksForm(recommendations=v.to_check(user, visit))
        pending = form.recommendations
    elif visit.status not in v._FINISHED:
        pending = list(v.to_check(user, visit))
    return {
        "shown": bool(checks or pending),
        "visit": visit,
        "checks": checks,
        "pending": pending,
        "form": form if pending else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("recommendations/_place_dossier.html", takes_context=True)
def place_open_recommendations(context, place):
    user = context.request.user
    if not may_use_register(user):
        return {"shown": False}
    return {"shown": True, "place": place, "recs": list(v.place_open(user, place))}
