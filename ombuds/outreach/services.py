"""The only doorway that changes action plans and events.

Every function checks its actor (`core.services.require`; actor None is the system: the demo
seed, periodic jobs), checks the state it moves from, runs in one transaction and writes the
audit trail. Awareness-raising staff (and the Commissioner) hold `outreach.manage_outreach`; only
the Commissioner approves the year's plan."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit, uploads
from ombuds.core.services import check_version, lock, move, require, save
from ombuds.outreach import choices as c
from ombuds.outreach.models import ActionPlan, Attendance, Event, NewsDraft, Participant, PlanItem, Speaker
from ombuds.outreach.news import compose
from ombuds.outreach.permissions import APPROVE_PLAN, MANAGE, PUBLISH_NEWS

ITEM_TRANSITIONS: dict[str, set[str]] = {
    c.ItemStatus.PLANNED: {c.ItemStatus.IN_PROGRESS, c.ItemStatus.CANCELLED},
    c.ItemStatus.IN_PROGRESS: {c.ItemStatus.DONE, c.ItemStatus.CANCELLED},
    c.ItemStatus.DONE: set(),
    c.ItemStatus.CANCELLED: set(),
}
EVENT_TRANSITIONS: dict[str, set[str]] = {
    c.EventStatus.PLANNED: {c.EventStatus.HELD, c.EventStatus.CANCELLED},
    c.EventStatus.HELD: {c.EventStatus.HELD},  # the outcome may be corrected
    c.EventStatus.CANCELLED: set(),
}


def _titles(title_az: str, title_en: str, title_ru: str) -> dict[str, str]:
    titles = {"title_az": title_az.strip(), "title_en": title_en.strip(), "title_ru": title_ru.strip()}
    if not titles["title_az"]:
        raise ValidationError({"title_az": _("Give the title in Azerbaijani.")})
    return titles


def _open_event(event: Event) -> Event:
    """The event, locked; a cancelled event takes no more records."""
    event = lock(event)
    if event.status == c.EventStatus.CANCELLED:
        raise ValidationError(_("This event was cancelled."))
    return event


@transaction.atomic
def create_plan(
    actor, *, year: int, title_az: str, title_en: str = "", title_ru: str = "", goals: str = "", budget=None
) -> ActionPlan:
    """A draft plan; it becomes approved only through `approve_plan`."""
    require(actor, MANAGE)
    plan = ActionPlan.objects.create(
        year=year,
        **_titles(title_az, title_en, title_ru),
        goals=goals,
        budget=budget,
        created_by=actor,
        updated_by=actor,
    )
    audit.record("outreach.actionplan.created", actor=actor, obj=plan, changes={"year": year})
    return plan


@transaction.atomic
def approve_plan(actor, plan: ActionPlan, *, on: date | None = None) -> ActionPlan:
    """The Commissioner approves the action plan (`on`: a paper approval recorded later)."""
    require(actor, APPROVE_PLAN)
    plan = lock(plan)
    today = timezone.localdate()
    if plan.approved_on:
        raise ValidationError(_("This plan is already approved."))
    if on is not None and on > today:
        raise ValidationError({"approved_on": _("The approval date cannot be in the future.")})
    plan.approved_by, plan.approved_on = actor, on or today
    save(plan, actor, "approved_by", "approved_on")
    audit.record("outreach.actionplan.approved", actor=actor, obj=plan, changes={"on": plan.approved_on.isoformat()})
    return plan


@transaction.atomic
def add_plan_item(actor, plan: ActionPlan, *, audiences=(), **fields) -> PlanItem:
    require(actor, MANAGE)
    item = PlanItem(plan=plan, created_by=actor, updated_by=actor, **fields)
    if item.planned_to < item.planned_from:
        raise ValidationError({"planned_to": _("The period ends before it starts.")})
    item.save()
    item.audiences.set(audiences)
    audit.record("outreach.planitem.added", actor=actor, obj=plan, changes={"topic": item.topic.code})
    return item


@transaction.atomic
def cancel_plan_item(actor, item: PlanItem, *, reason: str) -> PlanItem:
    """Drop an item from the plan, saying why; its events not yet held are cancelled with it."""
    require(actor, MANAGE)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why it is cancelled.")})
    item = lock(item)
    move(item, c.ItemStatus.CANCELLED, ITEM_TRANSITIONS)
    item.cancel_reason = reason.strip()
    save(item, actor, "status", "cancel_reason")
    for event in item.events.filter(status=c.EventStatus.PLANNED):
        _cancel(actor, event, item.cancel_reason)
    audit.record("outreach.planitem.cancelled", actor=actor, obj=item, changes={"reason": item.cancel_reason})
    return item


def _advance_item(actor, item: PlanItem, target: str, verb: str) -> None:
    item = lock(item)
    if target in ITEM_TRANSITIONS.get(item.status, set()):
        move(item, target, ITEM_TRANSITIONS)
        save(item, actor, "status")
        audit.record(f"outreach.planitem.{verb}", actor=actor, obj=item)


@transaction.atomic
def create_event(
    actor,
    plan_item: PlanItem,
    *,
    title_az: str,
    title_en: str = "",
    title_ru: str = "",
    remote_offices=(),
    audiences=(),
    speakers=(),
    **fields,
) -> Event:
    require(actor, MANAGE)
    if PlanItem.objects.filter(pk=plan_item.pk, status=c.ItemStatus.CANCELLED).exists():
        raise ValidationError(_("This plan item was cancelled."))
    event = Event(plan_item=plan_item, created_by=actor, updated_by=actor, **_titles(title_az, title_en, title_ru))
    for name, value in fields.items():
        setattr(event, name, value)
    if event.ends_at and event.ends_at < event.starts_at:
        raise ValidationError({"ends_at": _("The event ends before it starts.")})
    if event.event_format == c.EventFormat.IN_PERSON and remote_offices:
        event.event_format = c.EventFormat.HYBRID  # offices joined remotely: it was a hybrid event
    event.save()
    event.remote_offices.set(remote_offices)
    event.audiences.set(audiences or plan_item.audiences.all())
    for speaker in speakers:
        Speaker.objects.create(event=event, **speaker)
    _advance_item(actor, plan_item, c.ItemStatus.IN_PROGRESS, "started")
    audit.record(
        "outreach.event.created",
        actor=actor,
        obj=event,
        changes={"remote_offices": sorted(o.code for o in remote_offices)},
    )
    return event


@transaction.atomic
def set_remote_offices(actor, event: Event, offices, *, version: int | None = None) -> Event:
    """The offices joining remotely (the whole list: it replaces the one the page showed, so the
    page's `version` must still be the event's, or the write is a Conflict)."""
    require(actor, MANAGE)
    event = check_version(_open_event(event), version)
    event.remote_offices.set(offices)
    hybrid = bool(offices) and event.event_format == c.EventFormat.IN_PERSON
    if hybrid:
        event.event_format = c.EventFormat.HYBRID
    save(event, actor, *(["event_format"] if hybrid else []))  # the version moves on with the list
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
    require(actor, MANAGE)
    if women + men == 0:
        raise ValidationError(_("Count at least one participant."))
    event = _open_event(event)
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
    require(actor, MANAGE)
    if not consent:
        raise ValidationError(_("A participant is listed by name only with their consent; count them instead."))
    event = _open_event(event)
    person = Participant.objects.create(event=event, name=name, organisation=organisation, consent=True)
    audit.record("outreach.participant.listed", actor=actor, obj=event)
    return person


@transaction.atomic
def add_speaker(actor, event: Event, *, name: str, topic: str = "", staff=None) -> Speaker:
    require(actor, MANAGE)
    event = _open_event(event)
    speaker = Speaker.objects.create(event=event, name=name, topic=topic, staff=staff)
    audit.record("outreach.speaker.added", actor=actor, obj=event, changes={"name": name})
    return speaker


@transaction.atomic
def attach_material(actor, event: Event, uploaded):
    require(actor, MANAGE)
    event = _open_event(event)
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
    require(actor, MANAGE)
    event = lock(event)
    if event.status == c.EventStatus.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be recorded as held."))
    for value in (pre_test_score, post_test_score, satisfied_share):
        if value is not None and not 0 <= value <= 100:
            raise ValidationError(_("Scores and shares are percentages between 0 and 100."))
    move(event, c.EventStatus.HELD, EVENT_TRANSITIONS)
    event.questions, event.follow_up = questions.strip(), follow_up.strip()
    event.pre_test_score, event.post_test_score, event.satisfied_share = (
        pre_test_score,
        post_test_score,
        satisfied_share,
    )
    save(event, actor, "status", "questions", "follow_up", "pre_test_score", "post_test_score", "satisfied_share")
    item = event.plan_item
    if item.events.filter(status=c.EventStatus.HELD).count() >= item.target_events:
        _advance_item(actor, item, c.ItemStatus.DONE, "completed")
    audit.record("outreach.event.held", actor=actor, obj=event)
    return event


def _cancel(actor, event: Event, reason: str) -> Event:
    move(event, c.EventStatus.CANCELLED, EVENT_TRANSITIONS)
    event.cancel_reason = reason
    save(event, actor, "status", "cancel_reason")
    audit.record("outreach.event.cancelled", actor=actor, obj=event, changes={"reason": reason})
    return event


@transaction.atomic
def cancel_event(actor, event: Event, *, reason: str) -> Event:
    """Call off an event that has not been held, saying why."""
    require(actor, MANAGE)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why it is cancelled.")})
    return _cancel(actor, lock(event), reason.strip())


@transaction.atomic
def draft_news(actor, event: Event) -> NewsDraft:
    """A news draft from the event's record, in az/en/ru; staff edit it before the portal publishes it."""
    require(actor, MANAGE)
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
def mark_news_published(actor, draft: NewsDraft) -> NewsDraft:
    """The portal published a news item made from this draft (called by its publish service)."""
    require(actor, PUBLISH_NEWS)
    draft = lock(draft)
    if not draft.published:
        draft.published = True
        save(draft, actor, "published")
        audit.record("outreach.newsdraft.published", actor=actor, obj=draft)
    return draft
