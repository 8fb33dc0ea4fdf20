"""Information requests to authorities (§3.6): due date from the legal clock, reminders,
overdue marking, escalation, the reply."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.accounts.choices import RoleCode
from ombuds.accounts.scoping import answers_for
from ombuds.complaints import choices as c
from ombuds.complaints.disclosure import check_no_undisclosed_names
from ombuds.complaints.models import Application, InfoRequest
from ombuds.complaints.permissions import HANDLE
from ombuds.core import audit, deadlines, notifications, uploads
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
    # The questions go to the authority as they are written (the letter, its portal).
    check_no_undisclosed_names(app, [("questions", questions)])
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


def _may_record_reply(actor, request: InfoRequest) -> bool:
    """Staff with the case-handling permission enter a reply received by letter or e-mail; the
    addressee's own focal point answers through the portal. Returns whether `actor` is that
    focal point."""
    if getattr(actor, "is_focal_point", False):
        if not answers_for(actor, request.addressee_id):
            raise PermissionDenied
        return True
    require(actor, HANDLE)
    return False


def _responsible_staff(app: Application) -> list:
    """Who hears of an online reply: the case's assignee, else the heads of the case's unit."""
    if app.assignee is not None and app.assignee.is_active:
        return [app.assignee]
    return list(
        get_user_model()
        .objects.filter(is_active=True, org_unit=app.unit_id, roles__code=RoleCode.DEPARTMENT_HEAD)
        .distinct()
    )


@transaction.atomic
def record_reply(
    actor, request: InfoRequest, reply: str, *, channel: str = c.ReplyChannel.LETTER, files=()
) -> InfoRequest:
    """The authority's reply: kept with its files, the request answered and its clock stopped.
    Entered by staff (`channel` letter or e-mail) or submitted by the addressee's focal point
    (always the portal; the responsible staff member is notified)."""
    online = _may_record_reply(actor, request)
    if online:
        channel = c.ReplyChannel.PORTAL
    elif channel not in (c.ReplyChannel.LETTER, c.ReplyChannel.EMAIL):
        raise ValidationError({"channel": _("Say how the reply was received.")})
    request = lock(request, "application")
    if request.status == c.InfoRequestStatus.ANSWERED:
        raise ValidationError(_("The reply is already recorded."))
    if not reply.strip():
        raise ValidationError({"reply": _("The reply is empty.")})
    for uploaded in files:  # every file checked before anything is written
        uploads.check(uploaded)
    request.status, request.reply, request.reply_at = c.InfoRequestStatus.ANSWERED, reply.strip(), timezone.now()
    request.reply_channel = channel
    save(request, actor, "status", "reply", "reply_at", "reply_channel")
    for uploaded in files:
        uploads.store(actor, request, uploaded)
    late = request.reply_at > request.due_at
    audit.record(
        "complaints.inforequest.answered",
        actor=actor,
        obj=request,
        changes={"late": late, "channel": channel, "files": len(files)},
    )
    # The reply is what the request's deadline (kept on the application) waits for; with several
    # requests open, theirs is the one due when this request is.
    waiting = deadlines.open_for(request.application, RULE_FOR_BASIS[request.basis]).order_by("due_at")
    deadline = waiting.filter(due_at=request.due_at).first() or waiting.first()
    if deadline is not None:
        deadlines.close_deadline(actor, deadline)
    if online:
        # Created with the reply (rolled back with it); the e-mail copy leaves on commit.
        app = request.application
        for person in _responsible_staff(app):
            notifications.notify(
                person, "complaints.inforequest.answered_online", {"number": app.number}, app.get_absolute_url()
            )
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
