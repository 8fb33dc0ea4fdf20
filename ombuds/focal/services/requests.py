"""A focal point answers an information request addressed to its body (domain.md §3.6, issue
12): the reply is recorded by complaints (its clock stops, the responsible staff member hears of
it), acknowledged with a receipt, and the draft being written is discarded."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.complaints import services as complaints
from ombuds.complaints.choices import InfoRequestStatus, ReplyChannel
from ombuds.core import audit
from ombuds.focal.models import Receipt, ReceiptKind
from ombuds.focal.receipts import issue_receipt
from ombuds.focal.scoping import may_answer
from ombuds.focal.services.drafts import discard_draft


@transaction.atomic
def answer_info_request(actor, info_request, *, text: str, files=(), via_api: bool = False) -> Receipt:
    """Record the body's answer to `info_request` (text and files through the safe upload);
    return the receipt with its reference number. Nothing is written if anything is refused."""
    if not may_answer(actor, info_request):
        raise PermissionDenied
    # Checked here too (complaints checks it again under the row lock) for a message that says
    # what happened from the authority's side.
    if info_request.status == InfoRequestStatus.ANSWERED:
        raise ValidationError(_("Your body has already answered this request; the answer cannot be sent twice."))
    if not text.strip():
        raise ValidationError({"text": _("Write the answer.")})
    files = list(files)
    try:
        answered = complaints.record_reply(actor, info_request, text, channel=ReplyChannel.PORTAL, files=files)
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "reply" in exc.error_dict:
            raise ValidationError({"text": exc.error_dict["reply"]}) from exc
        if hasattr(exc, "error_dict") and "file" in exc.error_dict:
            raise ValidationError({"files": exc.error_dict["file"]}) from exc
        raise
    receipt = issue_receipt(actor, kind=ReceiptKind.INFO_REQUEST_REPLY, via_api=via_api, info_request=answered)
    discard_draft(actor, answered)
    audit.record(
        "complaints.inforequest.answered_online",
        actor=actor,
        obj=answered,
        changes={
            "receipt": receipt.reference,
            "late": answered.reply_at is not None and answered.reply_at > answered.due_at,
            "files": len(files),
            "via_api": via_api,
        },
    )
    return receipt
