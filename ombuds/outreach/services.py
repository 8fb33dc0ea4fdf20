"""The only doorway that changes action plans and events."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit, uploads
from ombuds.outreach import choices as c
from ombuds.outreach.models import ActionPlan, Attendance, Event, NewsDraft, Participant, PlanItem, Speaker
from ombuds.outreach.news import compose

MANAGE = "outreach.manage_outreach"


def _require(actor) -> None:
    if actor is not None and not actor.has_perm(MANAGE):
        raise PermissionDenied


@transaction.atomic
def create_plan(
    actor, *, year: int, title: str, goals: str = "", budget=None, approved_by=None, approved_on=None
) -> ActionPlan:
    _require(actor)
    plan = ActionPlan.objects.create(
        year=year,
        title=title,
        goals=goals,
        budget=budget,
        approved_by=approved_by,
        approved_on=approved_on,
        created_by=actor,
        updated_by=actor,
    )
    audit.record("outreach.actionplan.created", actor=actor, obj=plan, changes={"year": year})
    return plan


@transaction.atomic
def add_plan_item(actor, plan: ActionPlan, *, audiences=(), **fields) -> PlanItem:
    _require(actor)
    item = PlanItem(plan=plan, created_by=actor, updated_by=actor, **fields)
    if item.planned_to < item.planned_from:
        raise ValidationError({"planned_to": _("The period ends before it starts.")})
    item.save()
    item.audiences.set(audiences)
    audit.record("outreach.planitem.added", actor=actor, obj=plan, changes={"topic": item.topic.code})
    return item


@transaction.atomic
def create_event(actor, plan_item: PlanItem, *, remote_offices=(), audiences=(), speakers=(), **fields) -> Event:
    _require(actor)
    event = Event(plan_item=plan_item, created_by=actor, updated_by=actor, **fields)
    if event.ends_at and event.ends_at < event.starts_at:
        raise ValidationError({"ends_at": _("The event ends before it starts.")})
    if event.event_format == c.EventFormat.IN_PERSON and remote_offices:
        event.event_format = c.EventFormat.HYBRID  # offices joined remotely: it was a hybrid event
    event.save()
    event.remote_offices.set(remote_offices)
    event.audiences.set(audiences or plan_item.audiences.all())
    for speaker in speakers:
        Speaker.objects.create(event=event, **speaker)
    if plan_item.status == c.ItemStatus.PLANNED:
        PlanItem.objects.filter(pk=plan_item.pk).update(status=c.ItemStatus.IN_PROGRESS)
    audit.record(
        "outreach.event.created",
        actor=actor,
        obj=event,
        changes={"remote_offices": sorted(o.code for o in remote_offices)},
    )
    return event


@transaction.atomic
def set_remote_offices(actor, event: Event, offices) -> Event:
    _require(actor)
    event.remote_offices.set(offices)
    if offices and event.event_format == c.EventFormat.IN_PERSON:
        Event.objects.filter(pk=event.pk).update(event_format=c.EventFormat.HYBRID)
    audit.record(
        "outreach.event.remote_offices_set",
        actor=actor,
        obj=event,
        changes={"remote_offices": sorted(o.code for o in offices)},
    )
    return event


@transaction.atomic
def record_attendance(
    actor, event: Event, *, organisation: str, women: int, men: int, remote: bool = False, office=None
) -> Attendance:
    _require(actor)
    if women + men == 0:
        raise ValidationError(_("Count at least one participant."))
    row = Attendance.objects.create(
        event=event, organisation=organisation, women=women, men=men, remote=remote, office=office
    )
    audit.record(
        "outreach.attendance.recorded",
        actor=actor,
        obj=event,
        changes={"organisation": organisation, "count": women + men, "remote": remote},
    )
    return row


@transaction.atomic
def add_participant(actor, event: Event, *, name: str, organisation: str = "", consent: bool) -> Participant:
    _require(actor)
    if not consent:
        raise ValidationError(_("A participant is listed by name only with their consent; count them instead."))
    person = Participant.objects.create(event=event, name=name, organisation=organisation, consent=True)
    audit.record("outreach.participant.listed", actor=actor, obj=event)
    return person


@transaction.atomic
def attach_material(actor, event: Event, uploaded):
    _require(actor)
    return uploads.store(actor, event, uploaded)


@transaction.atomic
def record_outcome(
    actor,
    event: Event,
    *,
    questions: str = "",
    pre_test_score=None,
    post_test_score=None,
    satisfied_share=None,
    follow_up: str = "",
) -> Event:
    """The event was held: questions and answers, evaluation, follow-up."""
    _require(actor)
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == c.EventStatus.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be recorded as held."))
    for value in (pre_test_score, post_test_score, satisfied_share):
        if value is not None and not 0 <= value <= 100:
            raise ValidationError(_("Scores and shares are percentages between 0 and 100."))
    event.status = c.EventStatus.HELD
    event.questions, event.follow_up = questions.strip(), follow_up.strip()
    event.pre_test_score, event.post_test_score, event.satisfied_share = (
        pre_test_score,
        post_test_score,
        satisfied_share,
    )
    event.updated_by = actor
    event.save()
    item = event.plan_item
    if item.events.filter(status=c.EventStatus.HELD).count() >= item.target_events:
        PlanItem.objects.filter(pk=item.pk).update(status=c.ItemStatus.DONE)
    audit.record("outreach.event.held", actor=actor, obj=event)
    return event


@transaction.atomic
def draft_news(actor, event: Event) -> NewsDraft:
    """A news draft from the event's record, in az/en/ru; staff edit it before the portal publishes it."""
    _require(actor)
    event = Event.objects.get(pk=event.pk)  # the current state, not the caller's copy
    if event.status != c.EventStatus.HELD:
        raise ValidationError(_("News is drafted once the event has been held."))
    texts = compose(event)
    draft, _created = NewsDraft.objects.update_or_create(
        event=event, defaults={**texts, "created_by": actor, "updated_by": actor}
    )
    audit.record("outreach.newsdraft.drafted", actor=actor, obj=event)
    return draft


@transaction.atomic
def approve_plan(actor, plan: ActionPlan) -> ActionPlan:
    """The Commissioner approves the action plan."""
    if actor is not None and not actor.has_perm("accounts.view_all_records"):
        raise PermissionDenied
    if plan.approved_on:
        raise ValidationError(_("This plan is already approved."))
    plan.approved_by, plan.approved_on = actor, timezone.localdate()
    plan.save(update_fields=["approved_by", "approved_on", "updated_at"])
    audit.record("outreach.actionplan.approved", actor=actor, obj=plan)
    return plan


@transaction.atomic
def add_speaker(actor, event: Event, *, name: str, topic: str = "", staff=None) -> Speaker:
    _require(actor)
    speaker = Speaker.objects.create(event=event, name=name, topic=topic, staff=staff)
    audit.record("outreach.speaker.added", actor=actor, obj=event, changes={"name": name})
    return speaker
