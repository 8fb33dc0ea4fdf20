"""The case page's panel for the applicant's reference and PIN: whether one was given and when (never
the PIN, which is not stored), and for clerks who may register the button that gives one."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from ombuds.complaints.forms import StatusKeyForm
from ombuds.complaints.models import StatusKey
from ombuds.complaints.permissions import REGISTER

register = template.Library()


@register.inclusion_tag("complaints/_status_key.html", takes_context=True)
def status_key_panel(context, app) -> dict:
    user = context["request"].user
    form = (context.get("forms") or {}).get("status_key")
    if form is None and user.has_perm(REGISTER):
        language = (get_language() or "az")[:2]
        language = language if language in ("az", "en", "ru") else "az"
        form = StatusKeyForm(prefix="status_key", initial={"language": language})
    try:
        key = app.status_key  # read with the case by the page's funnel (no query of its own)
    except StatusKey.DoesNotExist:
        key = None
    return {"app": app, "key": key, "form": form, "purpose": context.get("purpose", "")}
