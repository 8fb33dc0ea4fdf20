"""The case file after intake: admissibility decision, assignment, transfer, consideration,
conclusion with measures, notification of the applicant, closure and reopening (§3.1)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, CaseNote, Measure
from ombuds.complaints.permissions import HANDLE, TRANSFER
from ombuds.core import audit, deadlines, notifications, uploads
from ombuds.core.services import lock, lock_version, move, require, save

DECISIONS = {"accept", "refuse", "refer", "request_info"}


@transaction.atomic
def decide_admissibility(
    actor, app: Application, decision: str, *, reason: str = "", ground: str = "", referred_to=None
) -> Application:
    """Accept, refuse (with a ground and reasons), refer (to a body), or ask the applicant for more."""
    require(actor, HANDLE)
    if decision not in DECISIONS:
        raise ValidationError(_("Unknown decision."))
    app = lock(app, "unit")
    if app.status not in c.INTAKE_STATUSES:
        raise ValidationError(_("Admissibility has already been decided."))
    if decision == "refuse":
        if ground not in c.RefusalGround.values:
            raise ValidationError({"ground": _("Choose the ground for the refusal.")})
        if not reason.strip():
            raise ValidationError({"reason": _("A refusal must give its reasons.")})
    if decision == "refer" and referred_to is None:
        raise ValidationError({"referred_to": _("Choose the body the application is referred to.")})
    target = {
        "accept": c.Status.UNDER_CONSIDERATION,
        "refuse": c.Status.REFUSED,
        "refer": c.Status.REFERRED,
        "request_info": c.Status.INFO_REQUESTED,
    }[decision]
    old = move(app, target, c.TRANSITIONS)
    now = timezone.now()
    app.refusal_ground = ground if decision == "refuse" else ""
    app.referred_to = referred_to if decision == "refer" else None
    app.decision_reason = reason.strip()
    app.in_intake = decision == "request_info"
    if decision != "request_info":
        app.decided_at = now
        deadlines.close_for(actor, app, "reasoned_refusal", "urgent_triage")
    save(app, actor, "status", "refusal_ground", "referred_to", "decision_reason", "in_intake", "decided_at")
    if decision == "accept":
        rule = (
            "consideration_access_to_information"
            if app.rights.filter(code="access_to_information").exists()
            else "consideration"
        )
        deadlines.start_deadline(actor, app, rule, responsible=app.assignee)
    audit.record(
        "complaints.application.admissibility_decided",
        actor=actor,
        obj=app,
        changes={
            "status": [old, app.status],
            "decision": decision,
            "ground": app.refusal_ground,
            "referred_to": getattr(referred_to, "code", ""),
        },
    )
    return app


@transaction.atomic
def assign_application(actor, app: Application, assignee, *, version: int | None = None) -> Application:
    """`version`: the one the page showed; a newer one is a Conflict (someone assigned meanwhile)."""
    require(actor, HANDLE)
    app = lock_version(app, version, "unit")
    if app.status == c.Status.CLOSED:
        raise ValidationError(_("A closed application cannot be assigned."))
    previous = app.assignee.username if app.assignee else None
    app.assignee = assignee
    save(app, actor, "assignee")
    for deadline in deadlines.open_for(app, "consideration", "consideration_access_to_information"):
        deadline.responsible = assignee
        deadline.save(update_fields=["responsible", "updated_at"])
    audit.record(
        "complaints.application.assigned", actor=actor, obj=app, changes={"assignee": [previous, assignee.username]}
    )
    notifications.notify(assignee, "complaints.application.assigned", {"number": app.number}, app.get_absolute_url())
    return app


@transaction.atomic
def transfer_application(actor, app: Application, unit, reason: str, *, version: int | None = None) -> Application:
    """Hand the case to another unit (e.g. a regional centre to the head office); the assignee is cleared."""
    require(actor, TRANSFER, app)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    app = lock_version(app, version, "unit")
    if app.status == c.Status.CLOSED:
        raise ValidationError(_("A closed application cannot be transferred."))
    old_unit = app.unit.code
    # Handed on: the receiving unit has it now, the desk that registered it no longer does.
    app.unit, app.assignee, app.in_intake = unit, None, False
    save(app, actor, "unit", "assignee", "in_intake")
    audit.record(
        "complaints.application.transferred",
        actor=actor,
        obj=app,
        changes={"unit": [old_unit, unit.code], "reason": reason.strip()},
    )
    return app


@transaction.atomic
def add_note(actor, app: Application, text: str) -> CaseNote:
    require(actor, HANDLE)
    if not text.strip():
        raise ValidationError({"text": _("The note is empty.")})
    note = CaseNote.objects.create(application=app, text=text.strip(), created_by=actor, updated_by=actor)
    audit.record("complaints.application.note_added", actor=actor, obj=app, changes={"note": str(note.public_id)})
    return note


@transaction.atomic
def extend_consideration(actor, app: Application, reason: str) -> Application:
    """Once, with reasons; the applicant is to be informed (recorded in the audit trail)."""
    require(actor, HANDLE)
    app = lock(app, "unit")
    if app.status != c.Status.UNDER_CONSIDERATION:
        raise ValidationError(_("Only an application under consideration can be extended."))
    deadline = deadlines.open_for(app, "consideration", "consideration_access_to_information").first()
    if deadline is None:
        raise ValidationError(_("This application has no consideration deadline."))
    deadlines.extend_deadline(actor, deadline, reason)
    audit.record(
        "complaints.application.consideration_extended",
        actor=actor,
        obj=app,
        changes={"reason": reason.strip(), "applicant_to_be_informed": True},
    )
    return app


@transaction.atomic
def add_measure(actor, app: Application, *, kind: str, addressee, text: str, recommendation_ref: str = "") -> Measure:
    """A letter or an urgent measure, recorded by the handler. A recommendation measure is recorded
    only by the recommendations register when it drafts a recommendation from the case: it names
    that recommendation by number (`recommendation_ref`), so it must exist and answer this case."""
    require(actor, HANDLE)
    if app.status not in (c.Status.UNDER_CONSIDERATION, c.Status.CONCLUDED):
        raise ValidationError(_("Measures are taken while the application is considered."))
    if not text.strip():
        raise ValidationError({"text": _("Describe the measure.")})
    if kind == c.MeasureKind.RECOMMENDATION:
        # Read through the reverse relation: complaints does not import the recommendations app.
        if not recommendation_ref or not app.recommendations.filter(number=recommendation_ref).exists():
            raise ValidationError(
                {"kind": _("A recommendation is drafted from the case page's Recommendations section.")}
            )
        if app.measures.filter(kind=kind, recommendation_ref=recommendation_ref).exists():
            raise ValidationError({"kind": _("This recommendation is already recorded as a measure.")})
    elif recommendation_ref:
        raise ValidationError({"kind": _("Only a recommendation measure names a recommendation.")})
    measure = Measure.objects.create(
        application=app,
        kind=kind,
        addressee=addressee,
        text=text.strip(),
        taken_at=timezone.now(),
        recommendation_ref=recommendation_ref,
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "complaints.application.measure_taken",
        actor=actor,
        obj=app,
        changes={"kind": kind, "addressee": addressee.code},
    )
    if kind == c.MeasureKind.URGENT:
        # An urgent measure is followed in hours, not days.
        deadlines.start_deadline(actor, app, "urgent_measure_response", responsible=app.assignee)
    return measure


@transaction.atomic
def record_measure_response(actor, app: Application, response: str) -> CaseNote:
    """The authority answered an urgent measure: the response goes on the case file and the
    earliest open response deadline (started by `add_measure`) is closed."""
    require(actor, HANDLE)
    if not response.strip():
        raise ValidationError({"response": _("Write the authority's response.")})
    app = lock(app)
    deadline = deadlines.open_for(app, "urgent_measure_response").order_by("due_at").first()
    if deadline is None:
        raise ValidationError(_("No urgent measure awaits a response."))
    note = CaseNote.objects.create(application=app, text=response.strip(), created_by=actor, updated_by=actor)
    deadlines.close_deadline(actor, deadline)
    audit.record(
        "complaints.application.measure_response_recorded",
        actor=actor,
        obj=app,
        changes={"note": str(note.public_id)},
    )
    return note


@transaction.atomic
def conclude_application(
    actor, app: Application, outcome: str, *, rights_restored: bool = False, reason: str = ""
) -> Application:
    """Conclusion of §6; a violation found needs at least one measure already taken."""
    require(actor, HANDLE)
    if outcome not in c.Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    app = lock(app, "unit")
    if outcome == c.Outcome.VIOLATION_FOUND and not app.measures.exists():
        raise ValidationError(_("A violation was found: record at least one measure first."))
    old = move(app, c.Status.CONCLUDED, c.TRANSITIONS)
    app.outcome, app.rights_restored, app.concluded_at = outcome, rights_restored, timezone.now()
    if reason.strip():
        app.decision_reason = reason.strip()
    save(app, actor, "status", "outcome", "rights_restored", "concluded_at", "decision_reason")
    deadlines.close_for(actor, app, "consideration", "consideration_access_to_information")
    deadlines.start_deadline(actor, app, "applicant_notification", responsible=app.assignee)
    audit.record(
        "complaints.application.concluded",
        actor=actor,
        obj=app,
        changes={"status": [old, app.status], "outcome": outcome},
    )
    return app


@transaction.atomic
def notify_applicant(actor, app: Application) -> Application:
    require(actor, HANDLE)
    app = lock(app, "unit")
    old = move(app, c.Status.APPLICANT_NOTIFIED, c.TRANSITIONS)
    app.notified_at = timezone.now()
    save(app, actor, "status", "notified_at")
    deadlines.close_for(actor, app, "applicant_notification")
    audit.record(
        "complaints.application.applicant_notified", actor=actor, obj=app, changes={"status": [old, app.status]}
    )
    return app


@transaction.atomic
def close_application(actor, app: Application) -> Application:
    require(actor, HANDLE)
    app = lock(app, "unit")
    old = move(app, c.Status.CLOSED, c.TRANSITIONS)
    app.closed_at = timezone.now()
    save(app, actor, "status", "closed_at")
    audit.record("complaints.application.closed", actor=actor, obj=app, changes={"status": [old, app.status]})
    return app


@transaction.atomic
def reopen_application(actor, app: Application, new_facts: str) -> Application:
    """Only with new facts (§3.1): consideration starts again with a fresh deadline."""
    require(actor, HANDLE)
    if not new_facts.strip():
        raise ValidationError({"new_facts": _("Describe the new facts.")})
    app = lock(app, "unit")
    if app.status != c.Status.CLOSED:
        raise ValidationError(_("Only a closed application can be reopened."))
    old = move(app, c.Status.UNDER_CONSIDERATION, c.TRANSITIONS)
    app.closed_at, app.outcome, app.concluded_at, app.notified_at = None, "", None, None
    save(app, actor, "status", "closed_at", "outcome", "concluded_at", "notified_at")
    deadlines.start_deadline(actor, app, "consideration", responsible=app.assignee)
    audit.record(
        "complaints.application.reopened",
        actor=actor,
        obj=app,
        changes={"status": [old, app.status], "new_facts": new_facts.strip()},
    )
    return app


@transaction.atomic
def attach_file(actor, app: Application, uploaded):
    """A document for the case file (safe upload: type, content and size checked)."""
    require(actor, HANDLE)
    if app.status == c.Status.CLOSED:
        raise ValidationError(_("Reopen the application before adding documents."))
    return uploads.store(actor, app, uploaded)
