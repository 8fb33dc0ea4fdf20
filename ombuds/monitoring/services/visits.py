"""The only doorway that changes visits: from scheduling with a team to closure (domain.md §3.2)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints import services as complaints
from ombuds.complaints.choices import Channel
from ombuds.core import audit
from ombuds.core.services import check_version, lock, move, require, save
from ombuds.monitoring import choices as c
from ombuds.monitoring.models import Place, PlanItem, TeamMember, Visit
from ombuds.monitoring.permissions import MANAGE_VISITS
from ombuds.monitoring.services.register import next_due, record_population


def _lock(visit: Visit) -> Visit:
    return lock(visit, "place")


def _move(visit: Visit, target: str) -> str:
    return move(visit, target, c.VISIT_TRANSITIONS)


def _check_team(team: Sequence[tuple[Any, str]]) -> None:
    roles = [role for _user, role in team]
    if c.TeamRole.LEADER not in roles:
        raise ValidationError({"team": _("Name the team leader.")})
    if set(roles) - set(c.TeamRole.values):
        raise ValidationError({"team": _("Choose a role for every team member.")})
    if len({user.pk for user, _role in team}) != len(team):
        raise ValidationError({"team": _("Each person joins the team once.")})


@transaction.atomic
def schedule_visit(
    actor,
    *,
    place: Place,
    unit,
    visit_type: str,
    planned_date: date,
    team: Sequence[tuple[Any, str]],
    announced: bool = False,
    plan_item: PlanItem | None = None,
    trigger: str = "",
    trigger_application=None,
    objectives: str = "",
) -> Visit:
    """A visit from a plan item (scheduled) or unscheduled (triggered by an application, a call,
    media), with its team: `team` is (user, role) pairs and names a leader, so that no visit is
    ever without one (the visit and its team are one write)."""
    require(actor, MANAGE_VISITS)
    if plan_item is None and not (trigger.strip() or trigger_application):
        raise ValidationError({"trigger": _("Say what prompted the unscheduled visit.")})
    if plan_item is not None and hasattr(plan_item, "visit"):
        raise ValidationError(_("This plan item already has its visit."))
    _check_team(team)
    visit = Visit.objects.create(
        place=place,
        region_id=place.region_id,
        unit=unit,
        plan_item=plan_item,
        visit_type=visit_type,
        announced=announced,
        trigger=trigger.strip(),
        trigger_application=trigger_application,
        planned_date=planned_date,
        objectives=objectives,
        status=c.VisitStatus.PLANNED if plan_item else c.VisitStatus.UNSCHEDULED_REQUESTED,
        is_secret=not announced,
        created_by=actor,
        updated_by=actor,
    )
    TeamMember.objects.bulk_create([TeamMember(visit=visit, user=user, role=role) for user, role in team])
    audit.record(
        "monitoring.visit.scheduled",
        actor=actor,
        obj=visit,
        changes={
            "type": visit_type,
            "announced": announced,
            "scheduled": plan_item is not None,
            "team": {user.username: role for user, role in team},
        },
    )
    return visit


@transaction.atomic
def add_team_member(actor, visit: Visit, user, role: str) -> TeamMember:
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)
    if visit.status not in c.BEFORE_ARRIVAL | {c.VisitStatus.IN_PROGRESS}:
        raise ValidationError(_("The team can only change before or during the visit."))
    leaders = set(visit.team.filter(role=c.TeamRole.LEADER).values_list("user_id", flat=True))
    if role != c.TeamRole.LEADER and leaders == {user.pk}:
        raise ValidationError(_("Name another leader before this person takes another role."))
    member, _created = TeamMember.objects.update_or_create(visit=visit, user=user, defaults={"role": role})
    audit.record("monitoring.teammember.added", actor=actor, obj=visit, changes={"user": user.username, "role": role})
    return member


def team_warnings(visit: Visit) -> list[str]:
    """domain.md §3.2 [design]: warnings, not blocks — the lead decides."""
    team = list(visit.team.select_related("user"))
    warnings = []
    if len(team) < 2:
        warnings.append(_("A visit needs at least two people."))
    if not any(m.role == c.TeamRole.LEADER for m in team):
        warnings.append(_("The team has no leader."))
    if len({m.user.gender for m in team if m.user.gender != "unspecified"}) < 2:
        warnings.append(_("The team is not gender-balanced (CAT/OP/1 §11)."))
    if visit.visit_type == c.VisitType.IN_DEPTH and not any(
        m.role == c.TeamRole.PHYSICIAN or m.user.is_medical for m in team
    ):
        warnings.append(_("An in-depth visit should include a physician."))
    return warnings


@transaction.atomic
def prepare_visit(actor, visit: Visit, objectives: str) -> Visit:
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)
    if not visit.team.filter(role=c.TeamRole.LEADER).exists():
        raise ValidationError(_("Name the team leader before the visit is prepared."))
    old = _move(visit, c.VisitStatus.PREPARED)
    visit.objectives = objectives.strip() or visit.objectives
    save(visit, actor, "status", "objectives")
    audit.record("monitoring.visit.prepared", actor=actor, obj=visit, changes={"status": [old, visit.status]})
    return visit


PLAN_FIELDS = ("planned_date", "objectives", "trigger")


@transaction.atomic
def update_visit_plan(actor, visit: Visit, *, version: int | None = None, **fields: Any) -> Visit:
    """Move the planned date or restate the objectives or trigger while the team has not arrived
    (the visit page's plan form and PATCH in the API); old and new values in the audit trail.
    `version`: the one the editor read; a newer one is a Conflict."""
    require(actor, MANAGE_VISITS)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"not a plan field of a visit: {sorted(unknown)}")
    visit = check_version(_lock(visit), version)
    if visit.status not in c.BEFORE_ARRIVAL:
        raise ValidationError(_("The team has arrived: the plan of the visit can no longer change."))
    fields = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    if "trigger" in fields and visit.plan_item_id is None and not (fields["trigger"] or visit.trigger_application_id):
        raise ValidationError({"trigger": _("Say what prompted the unscheduled visit.")})
    changes = {name: [getattr(visit, name), value] for name, value in fields.items() if getattr(visit, name) != value}
    if not changes:
        return visit
    for name in changes:
        setattr(visit, name, fields[name])
    save(visit, actor, *changes)
    if "planned_date" in changes:
        changes["planned_date"] = [str(day) for day in changes["planned_date"]]
    audit.record("monitoring.visit.plan_changed", actor=actor, obj=visit, changes=changes)
    return visit


@transaction.atomic
def record_arrival(actor, visit: Visit, *, arrival_at=None, access_at=None) -> Visit:
    """The team is at the gate: the announced flag is frozen and the visit leaves the secret tier."""
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)
    old = _move(visit, c.VisitStatus.IN_PROGRESS)
    visit.arrival_at = arrival_at or timezone.now()
    visit.access_at = access_at or visit.arrival_at
    if visit.access_at < visit.arrival_at:
        raise ValidationError({"access_at": _("Access cannot come before arrival.")})
    visit.is_secret = False
    save(visit, actor, "status", "arrival_at", "access_at", "is_secret")
    minutes = int((visit.access_at - visit.arrival_at).total_seconds() // 60)
    audit.record(
        "monitoring.visit.arrived",
        actor=actor,
        obj=visit,
        changes={"status": [old, visit.status], "minutes_to_access": minutes},
    )
    return visit


def _on_site(visit: Visit) -> None:
    if visit.status not in (c.VisitStatus.IN_PROGRESS, c.VisitStatus.ONSITE_COMPLETED, c.VisitStatus.REPORT_DRAFT):
        raise ValidationError(_("This is recorded once the team has arrived."))


@transaction.atomic
def complete_onsite(
    actor, visit: Visit, *, people_held: int | None, immediate_observations: str = "", end_at=None
) -> Visit:
    """Debrief done: counts are taken from the records, the place's last visit and population updated."""
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)
    old = _move(visit, c.VisitStatus.ONSITE_COMPLETED)
    interviews = list(visit.interviews.all())
    visit.private_interviews = sum(1 for i in interviews if i.private)
    visit.group_interviews = sum(1 for i in interviews if not i.private)
    visit.people_held = people_held
    visit.immediate_observations = immediate_observations.strip()
    visit.end_at = end_at or timezone.now()
    save(
        visit,
        actor,
        "status",
        "private_interviews",
        "group_interviews",
        "people_held",
        "immediate_observations",
        "end_at",
    )
    day = timezone.localtime(visit.arrival_at).date()
    place = lock(visit.place)
    place.last_visit_at = day
    if visit.visit_type == c.VisitType.IN_DEPTH or place.next_due_on is None:
        place.next_due_on = next_due(place)
    save(place, actor, "last_visit_at", "next_due_on")  # audited with the visit below
    if people_held is not None:
        record_population(actor, visit.place, day, people_held, source=_("counted during the visit"))
    audit.record(
        "monitoring.visit.onsite_completed",
        actor=actor,
        obj=visit,
        changes={"status": [old, visit.status], "place_last_visit": day.isoformat()},
    )
    return visit


@transaction.atomic
def file_application_on_site(actor, visit: Visit, **fields):
    """An application received during the visit goes into the register with channel "during visit"."""
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)  # the current state, not the caller's copy
    _on_site(visit)
    app = complaints.register_application(actor, channel=Channel.DURING_VISIT, **fields)
    visit.applications_received += 1
    save(visit, actor, "applications_received")
    audit.record("monitoring.visit.application_filed", actor=actor, obj=visit, changes={"application": app.number})
    return app


@transaction.atomic
def advance_visit(actor, visit: Visit, target: str) -> Visit:
    """Report drafted → (factual check) → final → recommendations issued → follow-up → closed."""
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)
    if target in c.BEFORE_ARRIVAL | {
        c.VisitStatus.IN_PROGRESS,
        c.VisitStatus.ONSITE_COMPLETED,
        c.VisitStatus.CANCELLED,
    }:
        raise ValidationError(_("Use the dedicated step for this change."))
    if target == c.VisitStatus.RECOMMENDATIONS_ISSUED:
        # The recommendations app (a layer above) owns the drafts; the reverse relation is read,
        # not imported. The step means every recommendation of the visit has left as a letter.
        if not visit.recommendations.exists():
            raise ValidationError(_("Draft and issue the recommendations of this visit first."))
        if visit.recommendations.filter(status="draft").exists():
            raise ValidationError(_("Some recommendations of this visit are still drafts: issue them first."))
    old = _move(visit, target)
    save(visit, actor, "status")
    audit.record("monitoring.visit.advanced", actor=actor, obj=visit, changes={"status": [old, visit.status]})
    return visit


@transaction.atomic
def cancel_visit(actor, visit: Visit, reason: str) -> Visit:
    require(actor, MANAGE_VISITS)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    visit = _lock(visit)
    old = _move(visit, c.VisitStatus.CANCELLED)
    visit.cancel_reason = reason.strip()
    save(visit, actor, "status", "cancel_reason")
    audit.record("monitoring.visit.cancelled", actor=actor, obj=visit, changes={"status": [old, visit.status]})
    return visit
