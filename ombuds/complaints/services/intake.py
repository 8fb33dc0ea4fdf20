"""Intake on every channel: register an application, log a 916 call, convert a call."""

from __future__ import annotations

import difflib
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.accounts.choices import OrgUnitKind, RoleCode
from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, Call, Party, RegisterCounter, SearchToken
from ombuds.complaints.permissions import REGISTER
from ombuds.complaints.routing import urgent_contacts
from ombuds.complaints.tokens import index_application, name_key, repeat_digests
from ombuds.core import audit, crypto, deadlines, notifications
from ombuds.core.clock import WorkingCalendar, due_after
from ombuds.core.models import DeadlineRule
from ombuds.core.search import among
from ombuds.core.services import require, save

PARTY_FIELDS = {
    "kind",
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "sex",
    "citizenship",
    "organisation",
    "is_ngo",
    "district",
    "address",
    "phone",
    "email",
    "contacts_secret",
    "is_minor",
    "vulnerability",
}
M2M = {"respondents", "rights"}


def _next_number(unit, year: int) -> tuple[int, str]:
    counter, _ = RegisterCounter.objects.select_for_update().get_or_create(year=year, unit=unit)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, f"{year}/{unit.number_prefix or unit.code.upper()}/{counter.last:05d}"


def _make_party(actor, data: dict, *, secret: bool = False) -> Party:
    unknown = set(data) - PARTY_FIELDS
    if unknown:
        raise TypeError(f"unknown party fields: {sorted(unknown)}")
    party = Party(**data, is_secret=secret, created_by=actor, updated_by=actor)
    if party.phone:
        party.phone_index = crypto.blind_index(party.phone, "party.phone")
    party.name_key = name_key(party)
    party.save()
    return party


def _staff_with(role: str, *, unit=None, unit_kind: str | None = None):
    users = get_user_model().objects.filter(is_active=True, roles__code=role)
    if unit is not None:
        users = users.filter(org_unit=unit)
    if unit_kind is not None:
        users = users.filter(org_unit__kind=unit_kind)
    return users.distinct()


def _check_detention_mail(app: Application, cal: WorkingCalendar) -> None:
    """Letters from detention must be forwarded within the configured term (24 h by default)."""
    if not (app.from_detention and app.facility_received_at and app.facility_forwarded_at):
        return
    rule = DeadlineRule.objects.get(code="detention_mail_forwarding")
    limit = due_after(app.facility_received_at, rule.term, rule.unit, roll=rule.roll_to_working_day, cal=cal)
    app.forwarding_breach = app.facility_forwarded_at > limit


@transaction.atomic
def register_application(
    actor,
    *,
    unit,
    channel: str,
    summary: str,
    district,
    applicant_kind: str,
    applicant: dict | None = None,
    received_at: datetime | None = None,
    respondents=(),
    rights=(),
    victims: list[dict] | tuple = (),
    **fields,
) -> Application:
    """Register an application from any channel: number, acknowledgement, deadlines, alerts."""
    require(actor, REGISTER)
    repeat_of = fields.get("repeat_of")
    if repeat_of is not None and not Application.objects.visible_to(actor).filter(pk=repeat_of.pk).exists():
        # Forms and the API look the number up among what the clerk may see; a caller may not
        # link (and so learn of) an application outside its scope.
        raise ValidationError({"repeat_of": _("No application with this number is open to you.")})
    received_at = received_at or timezone.now()
    cal = WorkingCalendar.load()
    sequence, number = _next_number(unit, timezone.localtime(received_at).year)
    party = None
    secret = fields.get("sensitivity") == c.Sensitivity.HIGHLY_SENSITIVE
    if applicant_kind != c.ApplicantKind.ANONYMOUS and applicant:
        party = _make_party(actor, {"kind": applicant_kind, **applicant}, secret=secret)
    app = Application(
        number=number,
        year=timezone.localtime(received_at).year,
        sequence=sequence,
        unit=unit,
        channel=channel,
        summary=summary,
        district=district,
        region_id=district.region_id,
        applicant_kind=applicant_kind,
        applicant=party,
        received_at=received_at,
        created_by=actor,
        updated_by=actor,
        **fields,
    )
    app.is_secret = app.sensitivity == c.Sensitivity.HIGHLY_SENSITIVE
    _check_detention_mail(app, cal)
    app.full_clean(exclude=["applicant", "respondents", "rights", "victims"])
    app.save()
    app.respondents.set(respondents)
    app.rights.set(rights)
    if victims:
        app.victims.set(
            [_make_party(actor, {"kind": c.ApplicantKind.PERSON, **victim}, secret=secret) for victim in victims]
        )
    index_application(app)
    audit.record(
        "complaints.application.registered",
        actor=actor,
        obj=app,
        changes={"number": number, "channel": channel, "unit": unit.code, "urgent": app.is_urgent},
    )
    # The acknowledgement is generated with the registration; its deadline is met at once.
    ack = deadlines.start_deadline(actor, app, "acknowledgement", start=received_at, cal=cal)
    deadlines.close_deadline(actor, ack)
    deadlines.start_deadline(actor, app, "reasoned_refusal", start=received_at, cal=cal)
    if app.is_urgent:
        contacts = urgent_contacts(app)
        deadlines.start_deadline(
            actor, app, "urgent_triage", start=received_at, cal=cal, responsible=contacts[0] if contacts else None
        )
        for person in contacts:
            notifications.notify(person, "complaints.application.urgent", {"number": number}, app.get_absolute_url())
    if app.forwarding_breach:
        audit.record(
            "complaints.application.forwarding_breach",
            actor=actor,
            obj=app,
            changes={
                "received": app.facility_received_at.isoformat(),  # type: ignore[union-attr]
                "forwarded": app.facility_forwarded_at.isoformat(),  # type: ignore[union-attr]
            },
        )
        for lead in _staff_with(RoleCode.DEPARTMENT_HEAD, unit_kind=OrgUnitKind.NPG):
            notifications.notify(
                lead, "complaints.application.forwarding_breach", {"number": number}, app.get_absolute_url()
            )
    return app


def duplicate_candidates(user, app: Application, limit: int = 5) -> list[Application]:
    """Earlier applications that `user` may see, by the same applicant (the name however it was
    spelt, sealed or not) against a common respondent, with similar text. Reads only; one query:
    the pairs of name and respondent are looked up in the blind index, never by scanning parties,
    and an application out of the user's scope (a secret-tier one included) is never hinted at."""
    if app.applicant is None:
        return []
    digests = repeat_digests(app.applicant.name_key, [r.pk for r in app.respondents.all()])
    if not digests:
        return []
    earlier = (
        Application.objects.visible_to(user)
        .filter(
            among(SearchToken.objects.filter(digest__in=digests).values("application_id")),
            received_at__lt=app.received_at,
        )
        .exclude(pk=app.pk)
        .only("public_id", "number", "summary", "is_secret")
        .order_by("-received_at")[:50]
    )
    scored = [
        (difflib.SequenceMatcher(None, app.summary.lower(), other.summary.lower()).ratio(), other) for other in earlier
    ]
    return [other for score, other in sorted(scored, key=lambda pair: -pair[0]) if score >= 0.5][:limit]


@transaction.atomic
def log_call(
    actor,
    *,
    topic,
    received_at: datetime | None = None,
    caller_name: str = "",
    caller_phone: str = "",
    district=None,
    urgent: bool = False,
    note: str = "",
) -> Call:
    require(actor, REGISTER)
    call = Call.objects.create(
        received_at=received_at or timezone.now(),
        caller_name=caller_name,
        caller_phone=caller_phone,
        topic=topic,
        district=district,
        urgent=urgent,
        note=note,
        created_by=actor,
        updated_by=actor,
    )
    audit.record("complaints.call.logged", actor=actor, obj=call, changes={"topic": topic.code, "urgent": urgent})
    return call


@transaction.atomic
def convert_call(actor, call: Call, *, unit, summary: str, district, **fields) -> Application:
    """Turn a 916 call into an application (one click in the call log); the call stays linked."""
    require(actor, REGISTER)
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.application_id:
        raise ValidationError(_("This call is already an application."))
    applicant = {"given_name": call.caller_name} if call.caller_name else None
    if applicant and call.caller_phone:
        applicant["phone"] = call.caller_phone
    app = register_application(
        actor,
        unit=unit,
        channel=c.Channel.CALL_916,
        summary=summary,
        district=district,
        applicant_kind=c.ApplicantKind.PERSON if applicant else c.ApplicantKind.ANONYMOUS,
        applicant=applicant,
        received_at=call.received_at,
        rights=[call.topic],
        urgent_life=fields.pop("urgent_life", call.urgent),
        **fields,
    )
    call.application = app
    save(call, actor, "application")
    audit.record("complaints.call.converted", actor=actor, obj=call, changes={"application": app.number})
    return app
