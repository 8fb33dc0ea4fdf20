"""A focal point answers a recommendation addressed to its body (domain.md §3.3, issue 12):
accepts or rejects it with reasons, reports progress, or reports it implemented with evidence.
The answer is recorded by `recommendations` (channel "portal"); a report of implementation gives
"reported implemented, unverified" until Ombudsman staff verify it (`record_outcome`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.focal.models import Receipt, ReceiptKind
from ombuds.focal.receipts import issue_receipt
from ombuds.focal.scoping import focal_point_of, may_answer
from ombuds.focal.services.drafts import discard_draft
from ombuds.recommendations import choices as rc
from ombuds.recommendations.services import record_response


@transaction.atomic
def answer_recommendation(actor, rec, *, stance: str, text: str, files=(), via_api: bool = False) -> Receipt:
    """Record the body's answer to `rec` (one of the focal point's own items), acknowledge it with
    a receipt and drop the draft. The responsible staff member is told by `record_response`."""
    if focal_point_of(actor) is None or not may_answer(actor, rec):
        raise PermissionDenied
    if stance == rc.Stance.IMPLEMENTED and not text.strip():
        raise ValidationError({"text": _("Describe what was done and the evidence of it.")})
    response = record_response(actor, rec, stance=stance, text=text, files=tuple(files))
    receipt = issue_receipt(
        actor, kind=ReceiptKind.RECOMMENDATION_RESPONSE, via_api=via_api, recommendation=rec, response=response
    )
    discard_draft(actor, rec)
    return receipt
