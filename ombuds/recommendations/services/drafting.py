"""Drafting recommendations from their source, editing drafts and repeating unimplemented ones."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints import services as complaints
from ombuds.complaints.choices import MeasureKind, Outcome
from ombuds.complaints.choices import Status as AppStatus
from ombuds.complaints.permissions import HANDLE
from ombuds.core import audit
from ombuds.core.services import lock, lock_version, require, save
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation, RecommendationCounter
from ombuds.recommendations.permissions import MANAGE

# Fields a draft's editor may change (the source, number and unit are fixed at drafting).
EDITABLE = (
    "addressee",
    "place_type",
    "area",
    "right",
    "kind",
    "priority",
    "text_az",
    "text_en",
    "text_ru",
    "rationale",
    "smart",
    "due_date",
    "due_reason",
    "uhri_reference",
    "responsible",
)
# An application may be answered with a recommendation while it is being concluded with a violation.
_APPLICATION_STATES = {AppStatus.UNDER_CONSIDERATION}


def next_number(year: int) -> tuple[int, str]:
    counter, _created = RecommendationCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, f"{year}/{counter.last:04d}"


def _visible(actor, model, obj) -> None:
    """The source must be open to the actor: nobody drafts from a visit or a case they cannot read."""
    if actor is not None and obj is not None and not model.objects.visible_to(actor).filter(pk=obj.pk).exists():
        raise PermissionDenied


def _check_smart(smart: dict | None) -> dict:
    smart = dict(smart or {})
    known = {key for key, _label in c.SMART}
    if set(smart) - known:
        raise ValidationError({"smart": _("Unknown SMART criterion.")})
    return {key: bool(value) for key, value in smart.items()}


def _check_due(due_date: date | None, due_reason: str) -> None:
    if due_date is not None and not due_reason.strip():
        raise ValidationError({"due_reason": _("Say why the due date is set by hand.")})


def _check_text(text_az: str) -> None:
    if not (text_az or "").strip():
        raise ValidationError({"text_az": _("Write the recommendation in Azerbaijani.")})


@transaction.atomic
def draft_recommendation(
    actor,
    *,
    source: str,
    addressee,
    text_az: str,
    kind: str,
    visit=None,
    findings: Iterable = (),
    application=None,
    report_title: str = "",
    places: Iterable = (),
    place_type: str = "",
    area: str = "",
    right=None,
    priority: str = c.Priority.MEDIUM,
    text_en: str = "",
    text_ru: str = "",
    rationale: str = "",
    smart: dict | None = None,
    due_date: date | None = None,
    due_reason: str = "",
    repeats: Recommendation | None = None,
    uhri_reference: str = "",
    responsible=None,
    number: str = "",
) -> Recommendation:
    """A draft answering its source. From a visit: the findings must be the visit's and the place
    and its type follow the visit. From an application: one in which a violation is being or was
    found (a case handler drafting from the case page goes through `draft_from_application`, which
    also records the case's measure). From a report: its title. `due_date` set here is by hand and
    needs `due_reason`; left empty, issuing sets it from the legal clock."""
    require(actor, MANAGE)
    from ombuds.complaints.models import Application
    from ombuds.monitoring.models import Finding, Visit

    _check_text(text_az)
    _check_due(due_date, due_reason)
    findings = list(findings)
    places = list(places)
    unit = getattr(actor, "org_unit", None)
    region = None
    if source == c.Source.VISIT:
        if visit is None:
            raise ValidationError({"visit": _("Choose the visit the recommendation answers.")})
        _visible(actor, Visit, visit)
        if any(f.visit_id != visit.pk for f in findings):
            raise ValidationError({"findings": _("Choose findings of this visit.")})
        if Finding.all_objects.filter(pk__in=[f.pk for f in findings], withdrawn_at__isnull=False).exists():
            raise ValidationError({"findings": _("A withdrawn finding cannot be answered.")})
        places = places or [visit.place]
        place_type = place_type or visit.place.place_type
        unit, region = visit.unit, visit.region
    elif source == c.Source.APPLICATION:
        if application is None:
            raise ValidationError({"application": _("Choose the application.")})
        _visible(actor, Application, application)
        concluded_with_violation = application.outcome == Outcome.VIOLATION_FOUND
        if application.status not in _APPLICATION_STATES and not concluded_with_violation:
            raise ValidationError(
                {"application": _("Only an application in which a violation is found can lead to a recommendation.")}
            )
        unit, region = application.unit, application.region
    elif source in (c.Source.THEMATIC_REPORT, c.Source.ANNUAL_REPORT):
        if not report_title.strip():
            raise ValidationError({"report_title": _("Name the report the recommendation comes from.")})
    else:
        raise ValidationError({"source": _("Choose the source.")})
    if unit is None:
        raise ValidationError(_("Your account has no unit: a recommendation belongs to one."))
    if repeats is not None and repeats.status not in c.REPEATABLE:
        raise ValidationError({"repeats": _("Only a recommendation not or partly implemented can be repeated.")})
    today = timezone.localdate()
    if number:
        # An import keeps the institution's own numbers ("2023/0041").
        try:
            year_part, sequence_part = number.split("/")
            year, sequence = int(year_part), int(sequence_part)
        except ValueError as exc:
            raise ValidationError({"number": _("A number looks like 2024/0012.")}) from exc
        counter, _created = RecommendationCounter.objects.select_for_update().get_or_create(year=year)
        if sequence > counter.last:
            counter.last = sequence
            counter.save(update_fields=["last"])
        number = f"{year}/{sequence:04d}"
        if Recommendation.objects.filter(number=number).exists():
            raise ValidationError({"number": _("A recommendation with this number exists.")})
    else:
        year = today.year
        sequence, number = next_number(year)
    rec = Recommendation.objects.create(
        number=number,
        year=year,
        sequence=sequence,
        source=source,
        visit=visit if source == c.Source.VISIT else None,
        application=application if source == c.Source.APPLICATION else None,
        report_title=report_title.strip(),
        addressee=addressee,
        place_type=place_type,
        area=area,
        right=right,
        kind=kind,
        priority=priority,
        text_az=text_az.strip(),
        text_en=text_en.strip(),
        text_ru=text_ru.strip(),
        rationale=rationale.strip(),
        smart=_check_smart(smart),
        due_date=due_date,
        due_set_by_hand=due_date is not None,
        due_reason=due_reason.strip(),
        repeats=repeats,
        uhri_reference=uhri_reference.strip(),
        responsible=responsible or actor,
        unit=unit,
        region=region,
        status_changed_on=today,
        created_by=actor,
        updated_by=actor,
    )
    if findings:
        rec.findings.set(findings)
    if places:
        rec.places.set(places)
    audit.record(
        "recommendations.recommendation.drafted",
        actor=actor,
        obj=rec,
        changes={
            "number": number,
            "source": source,
            "addressee": addressee.code,
            "findings": [str(f.public_id) for f in findings],
            "repeats": repeats.number if repeats else None,
        },
    )
    return rec


def may_draft_from_application(application) -> bool:
    """A case answers with a recommendation while it is considered or once it is concluded with a
    violation found, as long as measures may still be recorded on it (complaints' `add_measure`)."""
    return application.status == AppStatus.UNDER_CONSIDERATION or (
        application.status == AppStatus.CONCLUDED and application.outcome == Outcome.VIOLATION_FOUND
    )


@transaction.atomic
def draft_from_application(actor, application, **fields: Any) -> Recommendation:
    """A draft answering a case, recorded on the case as its measure of kind "recommendation"
    (which carries the number, and lets the case be concluded with a violation found), in one
    transaction: the handler of the case needs both permissions. Imports and repeats call
    `draft_recommendation` directly: they answer cases already closed."""
    require(actor, MANAGE)
    require(actor, HANDLE)
    application = lock(application)
    from ombuds.complaints.models import Application

    _visible(actor, Application, application)
    if not may_draft_from_application(application):
        raise ValidationError(
            {"application": _("Only an application in which a violation is found can lead to a recommendation.")}
        )
    rec = draft_recommendation(actor, source=c.Source.APPLICATION, application=application, **fields)
    complaints.add_measure(
        actor,
        application,
        kind=MeasureKind.RECOMMENDATION,
        addressee=rec.addressee,
        text=rec.text_az,
        recommendation_ref=rec.number,
    )
    return rec


@transaction.atomic
def update_draft(actor, rec: Recommendation, *, version: int | None = None, **fields: Any) -> Recommendation:
    """Correct a draft before it is issued; old and new values in the audit trail."""
    require(actor, MANAGE)
    unknown = set(fields) - set(EDITABLE) - {"findings", "places"}
    if unknown:
        raise TypeError(f"not an editable field of a recommendation: {sorted(unknown)}")
    rec = lock_version(rec, version)
    _visible(actor, Recommendation, rec)
    if rec.status != c.Status.DRAFT:
        raise ValidationError(_("Only a draft can be edited; an issued recommendation is changed by a new one."))
    findings = fields.pop("findings", None)
    places = fields.pop("places", None)
    if "text_az" in fields:
        _check_text(fields["text_az"])
    if "smart" in fields:
        fields["smart"] = _check_smart(fields["smart"])
    if "due_date" in fields:
        _check_due(fields["due_date"], fields.get("due_reason", rec.due_reason))
        fields["due_set_by_hand"] = fields["due_date"] is not None
    fields = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    changes = {k: [str(getattr(rec, k)), str(v)] for k, v in fields.items() if getattr(rec, k) != v}
    for name in changes:
        setattr(rec, name, fields[name])
    if changes:
        save(rec, actor, *changes)
    if findings is not None:
        findings = list(findings)
        if any(rec.visit_id is None or f.visit_id != rec.visit_id for f in findings):
            raise ValidationError({"findings": _("Choose findings of this visit.")})
        rec.findings.set(findings)
        changes["findings"] = [str(f.public_id) for f in findings]
    if places is not None:
        rec.places.set(list(places))
        changes["places"] = [str(p.public_id) for p in places]
    if changes:
        audit.record("recommendations.recommendation.edited", actor=actor, obj=rec, changes=changes)
    return rec


def smart_warnings(rec: Recommendation) -> list[str]:
    """The Double-SMART checklist as warnings: the drafter decides (domain.md §1.4)."""
    warnings = [
        _("Not confirmed: %(criterion)s.") % {"criterion": label} for key, label in c.SMART if not rec.smart.get(key)
    ]
    if rec.source == c.Source.VISIT and not rec.findings.exists():
        warnings.append(_("No finding is linked: say which finding the recommendation answers."))
    if len(rec.text_az.split()) < 8:
        warnings.append(_("The text is very short: say who should do what, and by when."))
    if not rec.text_en or not rec.text_ru:
        warnings.append(_("The English or Russian text is missing: the public tracker will show the Azerbaijani one."))
    return warnings


@transaction.atomic
def repeat_recommendation(actor, old: Recommendation, **overrides: Any) -> Recommendation:
    """A new draft repeating one that was not, or only partly, implemented: linked to it and
    counted as a repeat. Source, addressee, places and texts are copied unless overridden."""
    require(actor, MANAGE)
    old = lock(old)
    _visible(actor, Recommendation, old)
    if old.status not in c.REPEATABLE:
        raise ValidationError(_("Only a recommendation not or partly implemented can be repeated."))
    fields: dict[str, Any] = {
        "source": old.source,
        "addressee": old.addressee,
        "text_az": old.text_az,
        "text_en": old.text_en,
        "text_ru": old.text_ru,
        "kind": old.kind,
        "priority": old.priority,
        "area": old.area,
        "right": old.right,
        "place_type": old.place_type,
        "places": list(old.places.all()),
        "visit": old.visit,
        "application": old.application,
        "report_title": old.report_title,
        "rationale": old.rationale,
    }
    if old.source == c.Source.VISIT:
        fields["findings"] = list(old.findings.all())
    fields.update(overrides)
    return draft_recommendation(actor, repeats=old, **fields)
