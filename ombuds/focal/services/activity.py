"""What a focal point opened: the staff see which items were opened and
answered online (issue 12)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ombuds.core import audit
from ombuds.focal.models import Opening
from ombuds.focal.scoping import focal_point_of, may_answer


def _item_field(item) -> str:
    name = item._meta.model_name
    if name == "inforequest":
        return "info_request"
    if name == "recommendation":
        return "recommendation"
    raise ValueError(f"not a portal item: {name}")


@transaction.atomic
def record_opening(actor, item) -> Opening:
    """The focal point opened `item` (found through its funnel). The first opening is audited;
    later ones only move the counters."""
    profile = focal_point_of(actor)
    if profile is None or not may_answer(actor, item):
        raise PermissionDenied
    now = timezone.now()
    field = _item_field(item)
    updated = Opening.objects.filter(focal_point=profile, **{field: item}).update(
        last_opened_at=now, times=F("times") + 1
    )
    if updated:
        return Opening.objects.get(focal_point=profile, **{field: item})
    opening = Opening.objects.create(focal_point=profile, first_opened_at=now, last_opened_at=now, **{field: item})
    audit.record("focal.opening.created", actor=actor, obj=item)
    return opening
