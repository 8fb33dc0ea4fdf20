"""What the team records at the place: findings (and their correction until the report is final),
interviews with their sealed identities, and obstructions of access (domain.md §3.2)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ombuds.accounts.choices import OrgUnitKind, RoleCode
from ombuds.accounts.scoping import is_npm_lead
from ombuds.core import audit, deadlines, notifications
from ombuds.core.i18n import CONTENT_LANGUAGES
from ombuds.core.services import check_version, lock, require, require_any, save
from ombuds.monitoring import choices as c
from ombuds.monitoring.models import AccessIncident, Finding, Interview, Visit
from ombuds.monitoring.permissions import MANAGE_VISITS, VIEW_ALL_RECORDS, VIEW_SECRET_TIER
from ombuds.monitoring.services.visits import _lock, _on_site

# Until the report is final a finding may still be corrected (the factual check by the authority
# exists for that); afterwards the report stands as sent.
FINDINGS_OPEN = {
    c.VisitStatus.IN_PROGRESS,
    c.VisitStatus.ONSITE_COMPLETED,
    c.VisitStatus.REPORT_DRAFT,
    c.VisitStatus.FACTUAL_CHECK,
}
FINDING_FIELDS = ("area", "text", "severity", "sources", "subtopic", "standard")


def _clean_finding(text: str, sources: list[str]) -> None:
    if not text.strip():
        raise ValidationError({"text": _("Write the finding.")})
    unknown = set(sources) - set(c.FindingSource.values)
    if not sources or unknown:
        raise ValidationError({"sources": _("Name at least one source of the finding.")})


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
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)  # the current state, not the caller's copy
    _on_site(visit)
    _clean_finding(text, sources)
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


def _open_finding(finding: Finding) -> Finding:
    finding = Finding.all_objects.select_for_update(of=("self",)).select_related("visit").get(pk=finding.pk)
    if finding.withdrawn_at is not None:
        raise ValidationError(_("This finding has been withdrawn."))
    if lock(finding.visit).status not in FINDINGS_OPEN:
        raise ValidationError(_("The report is final: its findings can no longer change."))
    return finding


@transaction.atomic
def edit_finding(actor, finding: Finding, *, version: int | None = None, **fields) -> Finding:
    """Correct a finding (e.g. one the publication guard stopped), with the old and new values in
    the audit trail. `version`: the one the editor read; a newer one is a Conflict."""
    require(actor, MANAGE_VISITS)
    unknown = set(fields) - set(FINDING_FIELDS)
    if unknown:
        raise TypeError(f"not a finding field: {sorted(unknown)}")
    finding = check_version(_open_finding(finding), version)
    fields = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    _clean_finding(fields.get("text", finding.text), fields.get("sources", finding.sources))
    changes = {
        name: [getattr(finding, name), value] for name, value in fields.items() if getattr(finding, name) != value
    }
    if not changes:
        return finding
    for name in changes:
        setattr(finding, name, fields[name])
    save(finding, actor, *changes)
    audit.record("monitoring.finding.edited", actor=actor, obj=finding, changes=changes)
    return finding


@transaction.atomic
def withdraw_finding(actor, finding: Finding, reason: str) -> Finding:
    """Take a finding out of the report and the lists; it stays in the audit trail with its text."""
    require(actor, MANAGE_VISITS)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    finding = _open_finding(finding)
    finding.withdrawn_at, finding.withdrawal_reason = timezone.now(), reason.strip()
    save(finding, actor, "withdrawn_at", "withdrawal_reason")
    audit.record(
        "monitoring.finding.withdrawn",
        actor=actor,
        obj=finding,
        changes={"reason": reason.strip(), "area": finding.area, "text": finding.text},
    )
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
    require(actor, MANAGE_VISITS)
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
    require(actor, MANAGE_VISITS)
    leads = list(npm_leads())
    deadlines.start_deadline(actor, subject, "reprisal_first_contact", responsible=leads[0] if leads else None)
    for lead in leads:
        notifications.notify(lead, "monitoring.reprisalcase.first_contact", {"pseudonym": str(subject)})


def secret_tier_visits(user):
    """Visits whose secret tier (interviewees' identities) the user may open: their own team's, or
    all of them for the NPM lead and the Commissioner."""
    if user.has_perm(VIEW_SECRET_TIER) or is_npm_lead(user):
        return Visit.objects.all()
    return Visit.objects.filter(team__user=user).distinct()


def unseal_identity(actor, interview: Interview, purpose: str) -> str:
    """The real identity, for the team, the NPM lead and the Commissioner only, with a purpose."""
    require_any(actor, MANAGE_VISITS, VIEW_SECRET_TIER)
    if not secret_tier_visits(actor).filter(pk=interview.visit_id).exists():
        raise PermissionDenied
    if not purpose.strip():
        raise ValidationError({"purpose": _("State why you open the identity.")})
    audit.record("monitoring.interview.identity_read", actor=actor, obj=interview, purpose=purpose.strip())
    return interview.identity


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
    """An obstruction of access is an offence (Code of Administrative Offences): the NPM lead
    hears of it at once, to escalate to the supervising body."""
    require(actor, MANAGE_VISITS)
    visit = _lock(visit)
    if visit.status not in (c.VisitStatus.IN_PROGRESS, c.VisitStatus.ONSITE_COMPLETED):
        raise ValidationError(_("Access incidents are recorded during the visit."))
    if not description.strip():
        raise ValidationError({"description": _("Describe what happened.")})
    incident = AccessIncident.objects.create(
        visit=visit,
        kind=kind,
        description=description.strip(),
        official=official.strip(),
        minutes_lost=minutes_lost,
        protocol_reference=protocol_reference.strip(),
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "monitoring.accessincident.recorded",
        actor=actor,
        obj=visit,
        changes={
            "kind": kind,
            "minutes": minutes_lost,
            "official": incident.official,
            "protocol_reference": incident.protocol_reference,
        },
    )
    with_labels = {}
    for language in CONTENT_LANGUAGES:
        with translation.override(language):
            with_labels[language] = str(c.ObstructionKind(kind).label)
    params = {"place": str(visit.place), "kind": with_labels}
    link = visit.get_absolute_url()
    recipients = [lead.pk for lead in npm_leads()]

    def escalate() -> None:  # after the commit: a rolled-back incident notifies nobody
        for lead in get_user_model().objects.filter(pk__in=recipients):
            notifications.notify(lead, "monitoring.accessincident.recorded", params, link)

    transaction.on_commit(escalate)
    return incident


def access_incidents(user, *, start: date | None = None, end: date | None = None):
    """Access incidents of the visits `user` may see, on days `start`..`end` (inclusive) in Baku
    time, oldest first: what the NPM's reports count and cite."""
    require_any(user, MANAGE_VISITS, VIEW_ALL_RECORDS)
    incidents = AccessIncident.objects.filter(visit__in=Visit.objects.visible_to(user).values("pk"))
    zone = timezone.get_current_timezone()
    if start:
        incidents = incidents.filter(created_at__gte=datetime.combine(start, time.min, zone))
    if end:
        incidents = incidents.filter(created_at__lt=datetime.combine(end, time.max, zone))
    return incidents.select_related("visit__place", "visit__unit").order_by("created_at", "pk")
