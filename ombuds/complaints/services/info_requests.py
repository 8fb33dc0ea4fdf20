"""Information requests to authorities (§3.6): due date from the legal clock, reminders,
overdue marking, escalation, the reply."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, InfoRequest
from ombuds.complaints.permissions import HANDLE
from ombuds.core import audit, deadlines
from ombuds.core.services import lock, require, save

RULE_FOR_BASIS: dict[str, str] = {
    c.InfoRequestBasis.ACCESS_TO_INFORMATION: "info_request_reply_access_to_information",
    c.InfoRequestBasis.GENERAL: "info_request_reply",
}


@transaction.atomic
def send_info_request(actor, app: Application, *, addressee, basis: str, questions: str, sent_at=None) -> InfoRequest:
    """`sent_at` records a letter that left earlier (imports, the demo); the reply clock counts from it."""
    require(actor, HANDLE)
    if app.status not in (c.Status.UNDER_CONSIDERATION, c.Status.REGISTERED, c.Status.INFO_REQUESTED):
        raise ValidationError(_("Information can only be requested while the application is open."))
    if basis not in RULE_FOR_BASIS:
        raise ValidationError({"basis": _("Choose the legal basis.")})
    if not questions.strip():
        raise ValidationError({"questions": _("Write the questions.")})
    now = timezone.now()
    if sent_at is not None:
        if sent_at > now:
            raise ValidationError({"sent_at": _("The date cannot be in the future.")})
        if sent_at < app.received_at:
            raise ValidationError({"sent_at": _("A request cannot leave before the application was received.")})
        now = sent_at
    deadline = deadlines.start_deadline(actor, app, RULE_FOR_BASIS[basis], start=now, responsible=app.assignee)
    request = InfoRequest.objects.create(
        application=app,
        addressee=addressee,
        basis=basis,
        questions=questions.strip(),
        sent_at=now,
        due_at=deadline.due_at,
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "complaints.inforequest.sent",
        actor=actor,
        obj=request,
        changes={"application": app.number, "addressee": addressee.code, "due_at": request.due_at.isoformat()},
    )
    return request


@transaction.atomic
def record_reply(actor, request: InfoRequest, reply: str) -> InfoRequest:
    require(actor, HANDLE)
    request = lock(request, "application")
    if request.status == c.InfoRequestStatus.ANSWERED:
        raise ValidationError(_("The reply is already recorded."))
    if not reply.strip():
        raise ValidationError({"reply": _("The reply is empty.")})
    request.status, request.reply, request.reply_at = c.InfoRequestStatus.ANSWERED, reply.strip(), timezone.now()
    save(request, actor, "status", "reply", "reply_at")
    late = request.reply_at > request.due_at
    audit.record("complaints.inforequest.answered", actor=actor, obj=request, changes={"late": late})
    # The reply is what the request's deadline (kept on the application) waits for; with several
    # requests open, theirs is the one due when this request is.
    waiting = deadlines.open_for(request.application, RULE_FOR_BASIS[request.basis]).order_by("due_at")
    deadline = waiting.filter(due_at=request.due_at).first() or waiting.first()
    if deadline is not None:
        deadlines.close_deadline(actor, deadline)
    return request


@transaction.atomic
def remind_info_request(actor, request: InfoRequest) -> InfoRequest:
    require(actor, HANDLE)
    request = lock(request, "application")
    if request.status not in (c.InfoRequestStatus.SENT, c.InfoRequestStatus.OVERDUE, c.InfoRequestStatus.REMINDED):
        raise ValidationError(_("Only an unanswered request can be reminded."))
    request.status, request.reminders = c.InfoRequestStatus.REMINDED, request.reminders + 1
    save(request, actor, "status", "reminders")
    audit.record("complaints.inforequest.reminded", actor=actor, obj=request, changes={"reminders": request.reminders})
    return request


@transaction.atomic
def escalate_info_request(actor, request: InfoRequest, reason: str) -> InfoRequest:
    """After reminders: to the authority's superior body (recorded with the reason)."""
    require(actor, HANDLE)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    request = lock(request, "application")
    if request.status not in (c.InfoRequestStatus.OVERDUE, c.InfoRequestStatus.REMINDED):
        raise ValidationError(_("Only an overdue or reminded request can be escalated."))
    request.status = c.InfoRequestStatus.ESCALATED
    save(request, actor, "status")
    audit.record("complaints.inforequest.escalated", actor=actor, obj=request, changes={"reason": reason.strip()})
    return request


def mark_overdue_info_requests(now=None) -> int:
    """Periodic job, run by the system (no actor, so no permission to check): unanswered
    requests past their due time become overdue."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            InfoRequest.objects.select_for_update(skip_locked=True, of=("self",)).filter(
                status=c.InfoRequestStatus.SENT, due_at__lt=now
            )
        )
        for request in due:
            request.status = c.InfoRequestStatus.OVERDUE
            request.save(update_fields=["status", "updated_at"])
            audit.record("complaints.inforequest.overdue", obj=request)
    return len(due)
