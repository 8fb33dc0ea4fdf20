"""Thin views of the recommendations app: parse → funnel → service → render."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from ombuds.accounts.scoping import get_object_for_user
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import may_use_register
from ombuds.recommendations.services import smart_warnings


def get_recommendation_for_user(user, public_id, *, write: bool = False) -> Recommendation:
    """The section first (403 to roles without it), then the record's scope (404, as missing)."""
    if not may_use_register(user):
        raise PermissionDenied
    return get_object_for_user(Recommendation.objects.select_related("addressee", "unit"), user, public_id, write=write)


def recommendation_detail(request, public_id):
    rec = get_recommendation_for_user(request.user, public_id)
    history = rec.history.select_related("response", "visit__place", "created_by")
    return render(
        request,
        "recommendations/detail.html",
        {
            "rec": rec,
            "history": history,
            "responses": rec.responses.all(),
            "escalations": rec.escalations.all(),
            "findings": rec.findings.all(),
            "places": rec.places.all(),
            "warnings": smart_warnings(rec) if rec.status == "draft" else [],
        },
    )
