"""Service functions for deadlines: start, pause, resume, extend, close, mark overdue.

The due time always comes from the rule through the legal clock (ombuds/core/clock.py); each
change is audited with the reason given.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit, notifications
from ombuds.core.choices import DeadlineStatus, TermUnit
from ombuds.core.clock import WorkingCalendar, due_after
from ombuds.core.i18n import CONTENT_LANGUAGES, pick
from ombuds.core.models import Deadline, DeadlineRule

OPEN = (DeadlineStatus.RUNNING, DeadlineStatus.PAUSED)


def _log(action: str, actor, deadline: Deadline, **changes) -> None:
    changes.setdefault("rule", deadline.rule.code)
    changes.setdefault(
        "subject", f"{deadline.content_type.app_label}.{deadline.content_type.model}:{deadline.object_id}"
    )
    audit.record(f"core.deadline.{action}", actor=actor, obj=deadline, changes=changes)


def _need_reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    return reason.strip()


@transaction.atomic
def start_deadline(
    actor,
    subject,
    rule_code: str,
    *,
    start: datetime | None = None,
    responsible=None,
    cal: WorkingCalendar | None = None,
) -> Deadline:
    rule = DeadlineRule.objects.filter(code=rule_code, is_active=True).first()
    if rule is None:
        raise ValidationError(_("No active deadline rule %(code)s.") % {"code": rule_code})
    start = start or timezone.now()
    due = due_after(start, rule.term, rule.unit, roll=rule.roll_to_working_day, cal=cal or WorkingCalendar.load())
    deadline = Deadline.objects.create(
        rule=rule,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        started_at=start,
        due_at=due,
        responsible=responsible,
        created_by=actor,
        updated_by=actor,
    )
    _log("started", actor, deadline, due_at=due.isoformat())
    return deadline


def _locked(deadline: Deadline) -> Deadline:
    return Deadline.objects.select_for_update().select_related("rule", "content_type").get(pk=deadline.pk)


@transaction.atomic
def pause_deadline(actor, deadline: Deadline, reason: str, *, at: datetime | None = None) -> Deadline:
    reason = _need_reason(reason)
    deadline = _locked(deadline)
    if deadline.status != DeadlineStatus.RUNNING:
        raise ValidationError(_("Only a running deadline can be paused."))
    deadline.status, deadline.paused_at, deadline.updated_by = DeadlineStatus.PAUSED, at or timezone.now(), actor
    deadline.save(update_fields=["status", "paused_at", "updated_by", "updated_at"])
    _log("paused", actor, deadline, reason=reason)
    return deadline


@transaction.atomic
def resume_deadline(
    actor, deadline: Deadline, *, at: datetime | None = None, cal: WorkingCalendar | None = None
) -> Deadline:
    """The clock restarts where it stopped: the time that was left is counted from now."""
    deadline = _locked(deadline)
    if deadline.status != DeadlineStatus.PAUSED:
        raise ValidationError(_("Only a paused deadline can be resumed."))
    now, cal = at or timezone.now(), cal or WorkingCalendar.load()
    old_due = deadline.due_at
    if deadline.rule.unit == TermUnit.WORKING_DAYS:
        left = max(cal.working_days_between(timezone.localdate(deadline.paused_at), timezone.localdate(old_due)), 0)
        deadline.due_at = due_after(now, left, TermUnit.WORKING_DAYS, roll=True, cal=cal)
    else:
        assert deadline.paused_at is not None  # a paused deadline knows since when
        deadline.due_at = old_due + (now - deadline.paused_at)
    deadline.status, deadline.paused_at, deadline.updated_by = DeadlineStatus.RUNNING, None, actor
    deadline.save(update_fields=["status", "paused_at", "due_at", "updated_by", "updated_at"])
    _log("resumed", actor, deadline, due_at=[old_due.isoformat(), deadline.due_at.isoformat()])
    return deadline


@transaction.atomic
def extend_deadline(actor, deadline: Deadline, reason: str, *, cal: WorkingCalendar | None = None) -> Deadline:
    reason = _need_reason(reason)
    deadline = _locked(deadline)
    rule = deadline.rule
    if deadline.status not in (*OPEN, DeadlineStatus.OVERDUE) or deadline.closed_at:
        raise ValidationError(_("A closed deadline cannot be extended."))
    if not rule.extension_term or deadline.extensions >= rule.max_extensions:
        raise ValidationError(_("This term cannot be extended any further."))
    old_due = deadline.due_at
    deadline.due_at = due_after(
        old_due, rule.extension_term, rule.unit, roll=rule.roll_to_working_day, cal=cal or WorkingCalendar.load()
    )
    deadline.extensions += 1
    if deadline.status == DeadlineStatus.OVERDUE and deadline.due_at > timezone.now():
        deadline.status = DeadlineStatus.RUNNING
    deadline.updated_by = actor
    deadline.save(update_fields=["due_at", "extensions", "status", "updated_by", "updated_at"])
    _log("extended", actor, deadline, reason=reason, due_at=[old_due.isoformat(), deadline.due_at.isoformat()])
    return deadline


@transaction.atomic
def close_deadline(actor, deadline: Deadline, *, cancelled: bool = False) -> Deadline:
    """The awaited act happened (met, or met late) — or the deadline no longer applies."""
    deadline = _locked(deadline)
    if deadline.closed_at:
        raise ValidationError(_("This deadline is already closed."))
    now = timezone.now()
    if cancelled:
        deadline.status = DeadlineStatus.CANCELLED
    elif deadline.status != DeadlineStatus.OVERDUE:
        deadline.status = DeadlineStatus.MET if now <= deadline.due_at else DeadlineStatus.OVERDUE
    deadline.closed_at, deadline.updated_by = now, actor
    deadline.save(update_fields=["status", "closed_at", "updated_by", "updated_at"])
    _log("closed", actor, deadline, status=deadline.status, late=now > deadline.due_at)
    return deadline


def open_for(subject, *rule_codes: str):
    """The deadlines of `subject` under `rule_codes` that still await their act."""
    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        rule__code__in=rule_codes,
        closed_at__isnull=True,
    ).exclude(status=DeadlineStatus.CANCELLED)


def close_for(actor, subject, *rule_codes: str) -> list[Deadline]:
    """The act that `rule_codes` wait for happened on `subject`: close each of its open deadlines.
    Every service that starts a deadline has a step that calls this (or `close_deadline`)."""
    return [close_deadline(actor, deadline) for deadline in open_for(subject, *rule_codes).order_by("due_at")]


def mark_overdue(now: datetime | None = None) -> int:
    """Periodic job: running deadlines past their due time become overdue; the responsible person
    is notified in the app and by e-mail. Safe to run concurrently (rows are locked and skipped)."""
    now = now or timezone.now()
    marked = 0
    while True:
        with transaction.atomic():
            batch = list(
                Deadline.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("rule", "content_type", "responsible")
                .filter(status=DeadlineStatus.RUNNING, due_at__lt=now)[:200]
            )
            if not batch:
                return marked
            for deadline in batch:
                deadline.status = DeadlineStatus.OVERDUE
                deadline.save(update_fields=["status", "updated_at"])
                _log("overdue", None, deadline, due_at=deadline.due_at.isoformat())
                if deadline.responsible_id:
                    notifications.notify(
                        deadline.responsible,
                        "core.deadline.overdue",
                        {
                            "rule": {lang: pick(deadline.rule, "name", lang) for lang in CONTENT_LANGUAGES},
                            "due": timezone.localtime(deadline.due_at).strftime("%Y-%m-%d %H:%M"),
                        },
                    )
                marked += 1
