"""Follow-up: checks on a follow-up visit, escalation steps, the response clock running out and
reminders before and after the due date."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit, deadlines, notifications
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Deadline
from ombuds.core.services import lock, require, save
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import EscalationStep, FollowUpCheck, Recommendation
from ombuds.recommendations.permissions import MANAGE
from ombuds.recommendations.services.drafting import _visible
from ombuds.recommendations.services.lifecycle import RESPONSE_RULES, _change

_OBSERVED_STATUS = {
    c.Observed.IMPLEMENTED: c.Status.IMPLEMENTED,
    c.Observed.PARTIALLY_IMPLEMENTED: c.Status.PARTIALLY_IMPLEMENTED,
    c.Observed.NOT_IMPLEMENTED: c.Status.NOT_IMPLEMENTED,
    c.Observed.NO_LONGER_RELEVANT: c.Status.NO_LONGER_RELEVANT,
}


def open_for_place(place):
    """The place's recommendations still open to follow-up: the dossier of its next visit."""
    return (
        Recommendation.objects.filter(places=place, status__in=c.OPEN)
        .select_related("addressee")
        .order_by("due_date", "sequence")
    )


@transaction.atomic
def record_follow_up_check(actor, visit, rec: Recommendation, observed: str, *, note: str = "") -> FollowUpCheck:
    """What the team saw of one open recommendation on a visit to its place. An observed outcome
    moves the recommendation with the visit as verification source (so "implemented" is verified)."""
    from ombuds.monitoring import choices as mc
    from ombuds.monitoring.models import Visit

    require(actor, MANAGE)
    _visible(actor, Visit, visit)
    rec = lock(rec)
    if observed not in c.Observed.values:
        raise ValidationError({"observed": _("Say what the team observed.")})
    if visit.status in mc.BEFORE_ARRIVAL or visit.status == mc.VisitStatus.CANCELLED or visit.arrival_at is None:
        raise ValidationError(_("A follow-up check is recorded once the team has been on site."))
    if not rec.places.filter(pk=visit.place_id).exists():
        raise ValidationError(_("This recommendation does not concern the visited place."))
    if rec.status not in c.OPEN:
        raise ValidationError(_("This recommendation is not open to follow-up."))
    if FollowUpCheck.objects.filter(visit=visit, recommendation=rec).exists():
        raise ValidationError(_("This recommendation was already checked on this visit."))
    check = FollowUpCheck.objects.create(
        visit=visit, recommendation=rec, observed=observed, note=note.strip(), created_by=actor, updated_by=actor
    )
    audit.record(
        "recommendations.followupcheck.recorded",
        actor=actor,
        obj=check,
        changes={"recommendation": rec.number, "visit": str(visit.public_id), "observed": observed},
    )
    target = _OBSERVED_STATUS.get(c.Observed(observed))
    if target and target != rec.status:
        _change(
            actor,
            rec,
            target,
            evidence=c.Evidence.FOLLOW_UP_VISIT,
            happened_on=timezone.localtime(visit.arrival_at).date(),
            note=note,
            visit=visit,
        )
    return check


@transaction.atomic
def record_escalation(actor, rec: Recommendation, step: str, *, taken_on: date, note: str = "") -> EscalationStep:
    """A reminder letter, a meeting, a report to the Milli Majlis or a public statement."""
    require(actor, MANAGE)
    rec = lock(rec)
    _visible(actor, Recommendation, rec)
    if step not in c.Escalation.values:
        raise ValidationError({"step": _("Choose the step taken.")})
    if rec.status == c.Status.DRAFT or rec.status in c.CLOSED:
        raise ValidationError(_("Only an open, issued recommendation is escalated."))
    if taken_on > timezone.localdate():
        raise ValidationError({"taken_on": _("The date cannot be in the future.")})
    escalation = EscalationStep.objects.create(
        recommendation=rec, step=step, taken_on=taken_on, note=note.strip(), created_by=actor, updated_by=actor
    )
    audit.record(
        "recommendations.escalationstep.recorded",
        actor=actor,
        obj=escalation,
        changes={"recommendation": rec.number, "step": step, "on": taken_on.isoformat()},
    )
    return escalation


def mark_no_response(now=None) -> int:
    """Periodic: an issued recommendation whose response term ran out is "no response" (the
    deadline itself was marked overdue and its responsible person told by `mark_overdue`)."""
    now = now or timezone.now()
    due = Deadline.objects.filter(
        rule__code__in=RESPONSE_RULES, status__in=[DeadlineStatus.RUNNING, DeadlineStatus.OVERDUE], due_at__lt=now
    ).values("object_id")
    marked = 0
    for rec_id in Recommendation.objects.filter(status=c.Status.ISSUED, pk__in=due).values_list("pk", flat=True):
        with transaction.atomic():
            rec = Recommendation.objects.select_for_update().get(pk=rec_id)
            if rec.status != c.Status.ISSUED:
                continue
            _change(None, rec, c.Status.NO_RESPONSE, evidence=c.Evidence.CLOCK, happened_on=timezone.localdate(now))
            for deadline in deadlines.open_for(rec, *RESPONSE_RULES).filter(status=DeadlineStatus.RUNNING):
                deadline.status = DeadlineStatus.OVERDUE
                deadline.save(update_fields=["status", "updated_at"])
            if rec.responsible_id:
                notifications.notify(
                    rec.responsible,
                    "recommendations.recommendation.no_response",
                    {"number": rec.number},
                    rec.get_absolute_url(),
                )
            marked += 1
    return marked


def send_reminders(today: date | None = None) -> int:
    """Periodic: the responsible staff member is told once before the due date (the number of days
    is OMBUDS_RECOMMENDATION_REMINDER_DAYS) and once after it passes without implementation."""
    today = today or timezone.localdate()
    ahead = int(getattr(settings, "OMBUDS_RECOMMENDATION_REMINDER_DAYS", 14))
    open_recs = Recommendation.objects.filter(status__in=c.OPEN, responsible__isnull=False, due_date__isnull=False)
    sent = 0
    batches = [
        (
            open_recs.filter(
                reminded_before_due=False, due_date__gte=today, due_date__lte=today + timedelta(days=ahead)
            ),
            "reminded_before_due",
            "recommendations.recommendation.due_soon",
        ),
        (
            open_recs.filter(reminded_after_due=False, due_date__lt=today),
            "reminded_after_due",
            "recommendations.recommendation.overdue",
        ),
    ]
    for qs, flag, kind in batches:
        for rec in qs.select_related("responsible").order_by("pk").iterator(chunk_size=500):
            with transaction.atomic():
                setattr(rec, flag, True)
                save(rec, None, flag)
                notifications.notify(
                    rec.responsible,
                    kind,
                    {"number": rec.number, "due": str(rec.due_date)},
                    rec.get_absolute_url(),
                )
                sent += 1
    return sent
