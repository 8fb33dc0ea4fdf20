"""Answers being written: saved while the focal point types, and when a session expired on
submit, so that nothing it wrote is lost (issue 12). Only the text fields are kept; files are
chosen again."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ombuds.focal.models import Draft
from ombuds.focal.scoping import focal_point_of, may_answer

# Keep a draft to a sane size: it is a form's text, not a document store.
MAX_DRAFT_CHARS = 100_000


def draft_key(item) -> str:
    """ "info_request:<uuid>" or "recommendation:<uuid>"."""
    return f"{item._meta.model_name}:{item.public_id}"


def _profile(actor):
    profile = focal_point_of(actor)
    if profile is None:
        raise PermissionDenied
    return profile


@transaction.atomic
def save_draft(actor, item, data: dict) -> Draft:
    """Keep the text fields of an answer to `item` (which the caller found through the focal
    point's funnel). Not audited: nothing leaves the portal until it is submitted."""
    profile = _profile(actor)
    if not may_answer(actor, item):
        raise PermissionDenied
    kept = {str(k): str(v)[:MAX_DRAFT_CHARS] for k, v in data.items() if isinstance(v, str | int)}
    draft, _created = Draft.objects.update_or_create(focal_point=profile, key=draft_key(item), defaults={"data": kept})
    return draft


def read_draft(actor, item) -> dict:
    profile = focal_point_of(actor)
    if profile is None:
        return {}
    draft = Draft.objects.filter(focal_point=profile, key=draft_key(item)).first()
    return dict(draft.data) if draft else {}


@transaction.atomic
def discard_draft(actor, item) -> None:
    """Called by the answering services once the answer is recorded, and by "discard"."""
    profile = _profile(actor)
    Draft.objects.filter(focal_point=profile, key=draft_key(item)).delete()
