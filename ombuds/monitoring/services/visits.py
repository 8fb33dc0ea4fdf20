"""The only doorway that changes places, plans and visits (domain.md §3.2)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.accounts.choices import OrgUnitKind, RoleCode
from ombuds.accounts.scoping import is_npm_lead
from ombuds.complaints import services as complaints
from ombuds.complaints.choices import Channel
from ombuds.core import audit, deadlines, notifications
from ombuds.core.clock import add_months
from ombuds.monitoring import choices as c
from ombuds.monitoring.models import (
    AccessIncident,
    CoverageRule,
    Finding,
    Interview,
    Place,
    PlanItem,
    PopulationCount,
    TeamMember,
    Visit,
    VisitPlan,
)

MANAGE = "monitoring.manage_visits"


def _require(actor) -> None:
    if actor is not None and not actor.has_perm(MANAGE):
        raise PermissionDenied


def _lock(visit: Visit) -> Visit:
    return Visit.objects.select_for_update(of=("self",)).select_related("place").get(pk=visit.pk)


def _move(visit: Visit, target: str) -> str:
    old = visit.status
    if target not in c.VISIT_TRANSITIONS.get(old, set()):
        raise ValidationError(
            _("A visit that is “%(old)s” cannot become “%(new)s”.")
            % {"old": visit.get_status_display(), "new": c.VisitStatus(target).label}
        )
    visit.status = target
    return old


def _save(visit: Visit, actor, *fields: str) -> None:
    visit.updated_by = actor
    visit.save(update_fields=[*fields, "updated_by", "updated_at"])


def next_due(place: Place) -> date | None:
    """When the place's next in-depth visit is due under the coverage rule of its type; a place
    never visited is due now."""
    rule = CoverageRule.objects.filter(place_type=place.place_type).first()
    if rule is None:
        return None
    if place.last_visit_at is None:
        return timezone.localdate()
    return add_months(place.last_visit_at, rule.months)


@transaction.atomic
def register_place(actor, **fields) -> Place:
    _require(actor)
    place = Place(**fields, created_by=actor, updated_by=actor)
    place.region_id = place.district.region_id
    place.next_due_on = next_due(place)
    place.full_clean()
    place.save()
    audit.record("monitoring.place.registered", actor=actor, obj=place, changes={"type": place.place_type})
    return place


@transaction.atomic
def record_population(actor, place: Place, counted_on: date, count: int, source: str = "") -> PopulationCount:
    _require(actor)
    entry, _created = PopulationCount.objects.update_or_create(
        place=place,
        counted_on=counted_on,
        defaults={"count": count, "source": source, "created_by": actor, "updated_by": actor},
    )
    audit.record(
        "monitoring.place.population_recorded",
        actor=actor,
        obj=place,
        changes={"date": counted_on.isoformat(), "count": count},
    )
    return entry


@transaction.atomic
def create_plan(actor, year: int, title: str) -> VisitPlan:
    _require(actor)
    plan = VisitPlan.objects.create(year=year, title=title, created_by=actor, updated_by=actor)
    audit.record("monitoring.visitplan.created", actor=actor, obj=plan, changes={"year": year})
    return plan


@transaction.atomic
def add_plan_item(actor, plan: VisitPlan, *, place: Place, quarter: int, visit_type: str, theme: str = "") -> PlanItem:
    _require(actor)
    if quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("The quarter must be 1 to 4.")})
    item = PlanItem.objects.create(
        plan=plan, place=place, quarter=quarter, visit_type=visit_type, theme=theme, created_by=actor, updated_by=actor
    )
    audit.record("monitoring.planitem.added", actor=actor, obj=plan, changes={"place": str(place.public_id)})
    return item


@transaction.atomic
def schedule_visit(
    actor,
    *,
    place: Place,
    unit,
    visit_type: str,
    planned_date: date,
    announced: bool = False,
    plan_item: PlanItem | None = None,
    trigger: str = "",
    trigger_application=None,
    objectives: str = "",
) -> Visit:
    """A visit from a plan item (scheduled) or unscheduled (triggered by an application, a call, media)."""
    _require(actor)
    if plan_item is None and not (trigger.strip() or trigger_application):
        raise ValidationError({"trigger": _("Say what prompted the unscheduled visit.")})
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
    audit.record(
        "monitoring.visit.scheduled",
        actor=actor,
        obj=visit,
        changes={"type": visit_type, "announced": announced, "scheduled": plan_item is not None},
    )
    return visit


@transaction.atomic
def add_team_member(actor, visit: Visit, user, role: str) -> TeamMember:
    _require(actor)
    visit = _lock(visit)
    if visit.status not in c.BEFORE_ARRIVAL | {c.VisitStatus.IN_PROGRESS}:
        raise ValidationError(_("The team can only change before or during the visit."))
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
    _require(actor)
    visit = _lock(visit)
    if not visit.team.filter(role=c.TeamRole.LEADER).exists():
        raise ValidationError(_("Name the team leader before the visit is prepared."))
    old = _move(visit, c.VisitStatus.PREPARED)
    visit.objectives = objectives.strip() or visit.objectives
    _save(visit, actor, "status", "objectives")
    audit.record("monitoring.visit.prepared", actor=actor, obj=visit, changes={"status": [old, visit.status]})
    return visit


@transaction.atomic
def record_arrival(actor, visit: Visit, *, arrival_at=None, access_at=None) -> Visit:
    """The team is at the gate: the announced flag is frozen and the visit leaves the secret tier."""
    _require(actor)
    visit = _lock(visit)
    old = _move(visit, c.VisitStatus.IN_PROGRESS)
    visit.arrival_at = arrival_at or timezone.now()
    visit.access_at = access_at or visit.arrival_at
    if visit.access_at < visit.arrival_at:
        raise ValidationError({"access_at": _("Access cannot come before arrival.")})
    visit.is_secret = False
    _save(visit, actor, "status", "arrival_at", "access_at", "is_secret")
    minutes = int((visit.access_at - visit.arrival_at).total_seconds() // 60)
    audit.record(
        "monitoring.visit.arrived",
        actor=actor,
        obj=visit,
        changes={"status": [old, visit.status], "minutes_to_access": minutes},
    )
    return visit


@transaction.atomic
def record_access_incident(
    actor,
    visit: Visit,
    *,
    kind: str,
    description: str,
    official: str = "",
    minutes_lost: int = 0,
    protocol_reference: str = "",
) -> AccessIncident:
    _require(actor)
    visit = _lock(visit)
    if visit.status not in (c.VisitStatus.IN_PROGRESS, c.VisitStatus.ONSITE_COMPLETED):
        raise ValidationError(_("Access incidents are recorded during the visit."))
    if not description.strip():
        raise ValidationError({"description": _("Describe what happened.")})
    incident = AccessIncident.objects.create(
        visit=visit,
        kind=kind,
        description=description.strip(),
        official=official,
        minutes_lost=minutes_lost,
        protocol_reference=protocol_reference,
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "monitoring.accessincident.recorded", actor=actor, obj=visit, changes={"kind": kind, "minutes": minutes_lost}
    )
    return incident


def _on_site(visit: Visit) -> None:
    if visit.status not in (c.VisitStatus.IN_PROGRESS, c.VisitStatus.ONSITE_COMPLETED, c.VisitStatus.REPORT_DRAFT):
        raise ValidationError(_("This is recorded once the team has arrived."))


@transaction.atomic
def add_finding(
    actor,
    visit: Visit,
    *,
    area: str,
    text: str,
    severity: str,
    sources: list[str],
    subtopic: str = "",
    standard: str = "",
) -> Finding:
    _require(actor)
    visit = _lock(visit)  # the current state, not the caller's copy
    _on_site(visit)
    if not text.strip():
        raise ValidationError({"text": _("Write the finding.")})
    unknown = set(sources) - set(c.FindingSource.values)
    if not sources or unknown:
        raise ValidationError({"sources": _("Name at least one source of the finding.")})
    finding = Finding.objects.create(
        visit=visit,
        area=area,
        text=text.strip(),
        severity=severity,
        sources=sources,
        subtopic=subtopic,
        standard=standard,
        created_by=actor,
        updated_by=actor,
    )
    audit.record("monitoring.finding.added", actor=actor, obj=visit, changes={"area": area, "severity": severity})
    return finding


@transaction.atomic
def add_interview(
    actor,
    visit: Visit,
    *,
    pseudonym: str,
    kind: str,
    private: bool = True,
    group_size: int = 1,
    identity: str = "",
    notes: str = "",
    **consents,
) -> Interview:
    _require(actor)
    visit = _lock(visit)  # the current state, not the caller's copy
    _on_site(visit)
    if not pseudonym.strip():
        raise ValidationError({"pseudonym": _("Give the interviewee a pseudonym.")})
    interview = Interview.objects.create(
        visit=visit,
        pseudonym=pseudonym.strip(),
        kind=kind,
        private=private,
        group_size=group_size if not private else 1,
        identity=identity,
        notes=notes,
        created_by=actor,
        updated_by=actor,
        **consents,
    )
    audit.record(
        "monitoring.visit.interview_recorded",
        actor=actor,
        obj=interview,
        changes={"pseudonym": interview.pseudonym, "private": private, "identity": identity, "notes": notes},
    )
    if interview.reprisal_risk:
        start_first_contact(actor, interview)
    return interview


def npm_leads():
    return (
        get_user_model()
        .objects.filter(is_active=True, roles__code=RoleCode.DEPARTMENT_HEAD, org_unit__kind=OrgUnitKind.NPG)
        .distinct()
    )


def start_first_contact(actor, subject) -> None:
    """High risk of reprisals: a first contact within the configured term (72 h by default)."""
    leads = list(npm_leads())
    deadlines.start_deadline(actor, subject, "reprisal_first_contact", responsible=leads[0] if leads else None)
    for lead in leads:
        notifications.notify(lead, "monitoring.reprisalcase.first_contact", {"pseudonym": str(subject)})


def secret_tier_visits(user):
    """Visits whose secret tier (interviewees' identities) the user may open: their own team's, or
    all of them for the NPM lead and the Commissioner."""
    if user.has_perm("accounts.view_secret_tier") or is_npm_lead(user):
        return Visit.objects.all()
    return Visit.objects.filter(team__user=user).distinct()


def unseal_identity(actor, interview: Interview, purpose: str) -> str:
    """The real identity, for the team, the NPM lead and the Commissioner only, with a purpose."""
    if not secret_tier_visits(actor).filter(pk=interview.visit_id).exists():
        raise PermissionDenied
    if not purpose.strip():
        raise ValidationError({"purpose": _("State why you open the identity.")})
    audit.record("monitoring.interview.identity_read", actor=actor, obj=interview, purpose=purpose.strip())
    return interview.identity


@transaction.atomic
def complete_onsite(
    actor, visit: Visit, *, people_held: int | None, immediate_observations: str = "", end_at=None
) -> Visit:
    """Debrief done: counts are taken from the records, the place's last visit and population updated."""
    _require(actor)
    visit = _lock(visit)
    old = _move(visit, c.VisitStatus.ONSITE_COMPLETED)
    interviews = list(visit.interviews.all())
    visit.private_interviews = sum(1 for i in interviews if i.private)
    visit.group_interviews = sum(1 for i in interviews if not i.private)
    visit.people_held = people_held
    visit.immediate_observations = immediate_observations.strip()
    visit.end_at = end_at or timezone.now()
    _save(
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
    place = visit.place
    place.last_visit_at = day
    if visit.visit_type == c.VisitType.IN_DEPTH or place.next_due_on is None:
        place.next_due_on = next_due(place)
    Place.objects.filter(pk=place.pk).update(last_visit_at=day, next_due_on=place.next_due_on)
    if people_held is not None:
        record_population(actor, visit.place, day, people_held, source=_("counted during the visit"))
    audit.record("monitoring.visit.onsite_completed", actor=actor, obj=visit, changes={"status": [old, visit.status]})
    return visit


@transaction.atomic
def file_application_on_site(actor, visit: Visit, **fields):
    """An application received during the visit goes into the register with channel "during visit"."""
    _require(actor)
    visit = _lock(visit)  # the current state, not the caller's copy
    _on_site(visit)
    app = complaints.register_application(actor, channel=Channel.DURING_VISIT, **fields)
    Visit.objects.filter(pk=visit.pk).update(applications_received=visit.applications_received + 1)
    audit.record("monitoring.visit.application_filed", actor=actor, obj=visit, changes={"application": app.number})
    return app


@transaction.atomic
def advance_visit(actor, visit: Visit, target: str) -> Visit:
    """Report drafted → (factual check) → final → recommendations issued → follow-up → closed."""
    _require(actor)
    visit = _lock(visit)
    if target in c.BEFORE_ARRIVAL | {
        c.VisitStatus.IN_PROGRESS,
        c.VisitStatus.ONSITE_COMPLETED,
        c.VisitStatus.CANCELLED,
    }:
        raise ValidationError(_("Use the dedicated step for this change."))
    old = _move(visit, target)
    _save(visit, actor, "status")
    audit.record("monitoring.visit.advanced", actor=actor, obj=visit, changes={"status": [old, visit.status]})
    return visit


@transaction.atomic
def cancel_visit(actor, visit: Visit, reason: str) -> Visit:
    _require(actor)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    visit = _lock(visit)
    old = _move(visit, c.VisitStatus.CANCELLED)
    visit.cancel_reason = reason.strip()
    _save(visit, actor, "status", "cancel_reason")
    audit.record("monitoring.visit.cancelled", actor=actor, obj=visit, changes={"status": [old, visit.status]})
    return visit
