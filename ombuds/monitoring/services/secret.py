"""Allegations of torture or ill-treatment (§3.4) and reprisal cases (§3.5).

Consent comes first: without consent to refer, an allegation is used only anonymised; without
consent to an examination, no medical record is made. A high reprisal risk starts the 72-hour
first-contact clock for the NPM lead.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.core import audit, deadlines
from ombuds.core.services import lock, move, require, save
from ombuds.monitoring import choices as c
from ombuds.monitoring.models import Allegation, Interview, Lesion, ReprisalCase
from ombuds.monitoring.permissions import MANAGE_VISITS, VIEW_MEDICAL
from ombuds.monitoring.services.onsite import start_first_contact
from ombuds.monitoring.services.visits import _lock as _lock_visit
from ombuds.monitoring.services.visits import _on_site

NARRATIVE = ("events_place", "methods", "perpetrators", "witnesses", "injuries", "psychological_evidence")


@transaction.atomic
def record_allegation(
    actor,
    interview: Interview,
    *,
    events_date: date | None = None,
    detaining_authority=None,
    treatment_needed: bool = False,
    **narrative,
) -> Allegation:
    require(actor, MANAGE_VISITS)
    unknown = set(narrative) - set(NARRATIVE)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _on_site(_lock_visit(interview.visit))  # the visit's current state, not the caller's copy
    allegation = Allegation.objects.create(
        visit=interview.visit,
        interview=interview,
        events_date=events_date,
        detaining_authority=detaining_authority,
        treatment_needed=treatment_needed,
        created_by=actor,
        updated_by=actor,
        **narrative,
    )
    audit.record("monitoring.allegation.recorded", actor=actor, obj=allegation, changes=dict(narrative))
    return allegation


@transaction.atomic
def capture_consent(actor, allegation: Allegation, *, exam: bool, refer: bool) -> Allegation:
    """Informed consent, asked before anything else (Istanbul Protocol, Principle 6(a))."""
    require(actor, MANAGE_VISITS)
    allegation = lock(allegation)
    if allegation.status != c.AllegationStatus.RECORDED:
        raise ValidationError(_("Consent is recorded once, right after the allegation."))
    allegation.consent_exam, allegation.consent_refer = exam, refer
    allegation.status = c.AllegationStatus.CONSENT_CAPTURED
    save(allegation, actor, "consent_exam", "consent_refer", "status")
    audit.record(
        "monitoring.allegation.consent_captured", actor=actor, obj=allegation, changes={"exam": exam, "refer": refer}
    )
    return allegation


@transaction.atomic
def document_medical(actor, allegation: Allegation, *, examined_on: date, lesions: list[dict]) -> Allegation:
    """The physician's record, lesion by lesion with the consistency opinion."""
    require(actor, VIEW_MEDICAL)
    allegation = lock(allegation)
    if allegation.status != c.AllegationStatus.CONSENT_CAPTURED:
        raise ValidationError(_("Record the consent first."))
    if not allegation.consent_exam:
        raise ValidationError(_("The person did not consent to a medical examination."))
    for lesion in lesions:
        if lesion.get("consistency") not in c.Consistency.values:
            raise ValidationError({"consistency": _("Give the consistency of every lesion.")})
        Lesion.objects.create(allegation=allegation, **lesion)
    allegation.examined_by, allegation.examined_on = actor, examined_on
    allegation.status = c.AllegationStatus.MEDICAL_DOCUMENTED
    save(allegation, actor, "examined_by", "examined_on", "status")
    audit.record(
        "monitoring.allegation.medically_documented", actor=actor, obj=allegation, changes={"lesions": len(lesions)}
    )
    return allegation


@transaction.atomic
def refer_allegation(actor, allegation: Allegation, *, to, on: date) -> Allegation:
    require(actor, MANAGE_VISITS)
    allegation = lock(allegation)
    if not allegation.consent_refer:
        raise ValidationError(_("No consent to refer: the allegation may only be used anonymised."))
    if allegation.status not in (c.AllegationStatus.CONSENT_CAPTURED, c.AllegationStatus.MEDICAL_DOCUMENTED):
        raise ValidationError(_("This allegation cannot be referred now."))
    allegation.referred_to, allegation.referred_on, allegation.status = to, on, c.AllegationStatus.REFERRED
    save(allegation, actor, "referred_to", "referred_on", "status")
    audit.record("monitoring.allegation.referred", actor=actor, obj=allegation, changes={"to": to.code})
    return allegation


@transaction.atomic
def keep_unreferred(actor, allegation: Allegation, reason: str) -> Allegation:
    require(actor, MANAGE_VISITS)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    allegation = lock(allegation)
    if allegation.status not in (c.AllegationStatus.CONSENT_CAPTURED, c.AllegationStatus.MEDICAL_DOCUMENTED):
        raise ValidationError(_("Record the consent first."))
    allegation.not_referred_reason, allegation.status = reason.strip(), c.AllegationStatus.NOT_REFERRED
    save(allegation, actor, "not_referred_reason", "status")
    audit.record("monitoring.allegation.not_referred", actor=actor, obj=allegation, changes={"reason": reason.strip()})
    return allegation


@transaction.atomic
def report_reprisal(
    actor, *, pseudonym: str, measure: str, risk: str, account: str = "", visit=None, interview=None, application=None
) -> ReprisalCase:
    require(actor, MANAGE_VISITS)
    if not pseudonym.strip():
        raise ValidationError({"pseudonym": _("Give a pseudonym.")})
    visit = visit or getattr(interview, "visit", None)
    visit = _lock_visit(visit) if visit is not None else None  # the current state, not the caller's copy
    # Reprisals follow contact with the team: never before its arrival, nor on a cancelled visit.
    if visit is not None and visit.status in c.BEFORE_ARRIVAL | {c.VisitStatus.CANCELLED}:
        raise ValidationError(_("Reprisals are reported once the team has visited the place."))
    case = ReprisalCase.objects.create(
        pseudonym=pseudonym.strip(),
        measure=measure,
        risk=risk,
        account=account,
        visit=visit,
        interview=interview,
        application=application,
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "monitoring.reprisalcase.reported",
        actor=actor,
        obj=case,
        changes={"measure": measure, "risk": risk, "account": account},
    )
    if risk == c.Risk.HIGH:
        start_first_contact(actor, case)
    return case


REPRISAL_STEPS: dict[str, set[str]] = {
    c.ReprisalStatus.REPORTED: {c.ReprisalStatus.RISK_ASSESSED},
    c.ReprisalStatus.RISK_ASSESSED: {c.ReprisalStatus.ACTION_TAKEN, c.ReprisalStatus.MONITORING},
    c.ReprisalStatus.ACTION_TAKEN: {c.ReprisalStatus.MONITORING, c.ReprisalStatus.CLOSED},
    c.ReprisalStatus.MONITORING: {c.ReprisalStatus.ACTION_TAKEN, c.ReprisalStatus.CLOSED},
}


@transaction.atomic
def advance_reprisal(
    actor, case: ReprisalCase, target: str, *, note: str = "", risk: str = "", outcome: str = ""
) -> ReprisalCase:
    """§3.5: risk assessed → action taken (contact, visit, letter to the supervising body, referral
    with consent) → monitoring → closed with an outcome. Each step appends to the (encrypted) log."""
    require(actor, MANAGE_VISITS)
    case = lock(case)
    if target == c.ReprisalStatus.CLOSED and not outcome.strip():
        raise ValidationError({"outcome": _("Record the outcome when closing the case.")})
    if target == c.ReprisalStatus.ACTION_TAKEN and not note.strip():
        raise ValidationError({"note": _("Describe the action taken.")})
    old = move(case, target, REPRISAL_STEPS)
    if risk:
        case.risk = risk
    if note.strip():
        case.actions = f"{case.actions}\n{note.strip()}".strip()
    if outcome.strip():
        case.outcome = outcome.strip()
    save(case, actor, "status", "risk", "actions", "outcome")
    audit.record(
        "monitoring.reprisalcase.advanced", actor=actor, obj=case, changes={"status": [old, target], "actions": note}
    )
    if target in AFTER_CONTACT:
        deadlines.close_for(actor, case, FIRST_CONTACT)
    return case


FIRST_CONTACT = "reprisal_first_contact"
# Every step after the risk assessment (an action: a contact, a visit, a letter; monitoring; the
# outcome) is taken with the person: the first-contact clock stops at the first of them.
AFTER_CONTACT = {c.ReprisalStatus.ACTION_TAKEN, c.ReprisalStatus.MONITORING, c.ReprisalStatus.CLOSED}


@transaction.atomic
def record_first_contact(actor, subject: Interview | ReprisalCase, note: str) -> Interview | ReprisalCase:
    """The NPM reached the person at risk (a call, a visit, a meeting): the 72-hour clock that
    `start_first_contact` started on the interview or the reprisal case stops. The note joins the
    interview's sealed notes or the case's encrypted action log."""
    require(actor, MANAGE_VISITS)
    if not note.strip():
        raise ValidationError({"note": _("Describe the contact.")})
    subject = lock(subject)
    if not deadlines.open_for(subject, FIRST_CONTACT).exists():
        raise ValidationError(_("No first contact is awaited here."))
    field = "notes" if isinstance(subject, Interview) else "actions"
    setattr(subject, field, f"{getattr(subject, field)}\n{note.strip()}".strip())
    save(subject, actor, field)
    audit.record(
        f"monitoring.{subject._meta.model_name}.first_contact_recorded",
        actor=actor,
        obj=subject,
        changes={field: note.strip()},
    )
    deadlines.close_for(actor, subject, FIRST_CONTACT)
    return subject
