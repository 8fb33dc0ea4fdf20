"""Service-matrix rows of the monitoring app (see ombuds/core/testing.py::ServiceRow): every public
service, called as every persona, refuses those without the permission itself."""

from datetime import date

from ombuds.core.testing import ServiceRow
from ombuds.monitoring.services import onsite, register, secret, visits

MANAGERS = frozenset({"commissioner", "department_head", "regional_officer", "npm_member", "npm_medical"})


def _place():
    from ombuds.monitoring.testing import make_place

    return make_place(None)


def _visit(arrived: bool = True):
    from ombuds.monitoring.testing import make_visit

    visit = make_visit(None, place=_place())
    if arrived:
        visits.prepare_visit(None, visit, "")
        visit = visits.record_arrival(None, visit)
    return visit


def _finding():
    return onsite.add_finding(
        None, _visit(), area="treatment", text="Cold cells.", severity="concern", sources=["observation"]
    )


def _interview(**extra):
    return onsite.add_interview(None, _visit(), pseudonym="M-1", kind="detainee", identity="Sealed", **extra)


def _allegation(consent: bool = False):
    allegation = secret.record_allegation(None, _interview(), methods="Beaten.")
    if consent:
        allegation = secret.capture_consent(None, allegation, exam=True, refer=True)
    return allegation


def _case(risk: str = "low"):
    return secret.report_reprisal(None, pseudonym="R-1", measure="threat", risk=risk, visit=_visit())


def _user():
    from ombuds.accounts.testing import make_user

    return make_user(roles=["npm_member"], unit="npg")


def _authority():
    from ombuds.core.models import Authority

    return Authority.objects.get(code="pgo")


def _district():
    from ombuds.core.models import District

    return District.objects.get(code="baku")


def _unit():
    from ombuds.accounts.models import OrgUnit

    return OrgUnit.objects.get(code="npg")


def _on_site_application(actor):
    return visits.file_application_on_site(
        actor, _visit(), unit=_unit(), summary="Beaten in the cell.", district=_district(), applicant_kind="anonymous"
    )


ROWS = [
    # The register and the plans.
    ServiceRow(register.next_due, call=None, note="computes a date; changes nothing"),
    ServiceRow(
        register.register_place,
        MANAGERS,
        lambda a: register.register_place(a, name_az="Yer", place_type="penitentiary", district=_district()),
    ),
    ServiceRow(register.update_place, MANAGERS, lambda a: register.update_place(a, _place(), capacity=7)),
    ServiceRow(
        register.import_place_rows,
        MANAGERS,
        lambda a: register.import_place_rows(
            a, [{"name_az": "Yer", "place_type": "penitentiary", "district": _district()}], {}
        ),
    ),
    ServiceRow(
        register.record_population, MANAGERS, lambda a: register.record_population(a, _place(), date(2025, 1, 1), 9)
    ),
    ServiceRow(register.create_plan, MANAGERS, lambda a: register.create_plan(a, 2030, "Plan")),
    ServiceRow(
        register.add_plan_item,
        MANAGERS,
        lambda a: register.add_plan_item(
            a, register.create_plan(None, 2030, "Plan"), place=_place(), quarter=1, visit_type="in_depth"
        ),
    ),
    # The visit from scheduling to closure.
    ServiceRow(
        visits.schedule_visit,
        MANAGERS,
        lambda a: visits.schedule_visit(
            a,
            place=_place(),
            unit=_unit(),
            visit_type="ad_hoc",
            planned_date=date(2025, 5, 5),
            trigger="A call",
            team=[(_user(), "leader")],
        ),
    ),
    ServiceRow(visits.add_team_member, MANAGERS, lambda a: visits.add_team_member(a, _visit(False), _user(), "member")),
    ServiceRow(visits.team_warnings, call=None, note="reads the team; changes nothing"),
    ServiceRow(visits.prepare_visit, MANAGERS, lambda a: visits.prepare_visit(a, _visit(False), "")),
    ServiceRow(
        visits.update_visit_plan, MANAGERS, lambda a: visits.update_visit_plan(a, _visit(False), objectives="Kitchen.")
    ),
    ServiceRow(
        visits.record_arrival,
        MANAGERS,
        lambda a: visits.record_arrival(a, visits.prepare_visit(None, _visit(False), "")),
    ),
    ServiceRow(visits.complete_onsite, MANAGERS, lambda a: visits.complete_onsite(a, _visit(), people_held=3)),
    ServiceRow(visits.file_application_on_site, MANAGERS, _on_site_application),
    ServiceRow(visits.advance_visit, MANAGERS, lambda a: visits.advance_visit(a, _visit(), "report_draft")),
    ServiceRow(visits.cancel_visit, MANAGERS, lambda a: visits.cancel_visit(a, _visit(False), "Quarantine.")),
    # What the team records on site.
    ServiceRow(
        onsite.add_finding,
        MANAGERS,
        lambda a: onsite.add_finding(
            a, _visit(), area="regime", text="No walks.", severity="concern", sources=["detainee"]
        ),
    ),
    ServiceRow(onsite.edit_finding, MANAGERS, lambda a: onsite.edit_finding(a, _finding(), text="Very cold cells.")),
    ServiceRow(onsite.withdraw_finding, MANAGERS, lambda a: onsite.withdraw_finding(a, _finding(), "Duplicate.")),
    ServiceRow(
        onsite.add_interview, MANAGERS, lambda a: onsite.add_interview(a, _visit(), pseudonym="M-2", kind="staff")
    ),
    ServiceRow(onsite.npm_leads, call=None, note="lists users; changes nothing"),
    ServiceRow(onsite.start_first_contact, MANAGERS, lambda a: onsite.start_first_contact(a, _interview())),
    ServiceRow(onsite.secret_tier_visits, call=None, note="a queryset; changes nothing"),
    ServiceRow(
        onsite.unseal_identity,
        frozenset({"commissioner"}),
        lambda a: onsite.unseal_identity(a, _interview(), "permission matrix"),
    ),
    ServiceRow(
        onsite.record_access_incident,
        MANAGERS,
        lambda a: onsite.record_access_incident(a, _visit(), kind="delayed", description="Kept at the gate."),
    ),
    ServiceRow(onsite.access_incidents, MANAGERS, lambda a: onsite.access_incidents(a)),
    # The secret tier: allegations and reprisals.
    ServiceRow(
        secret.record_allegation, MANAGERS, lambda a: secret.record_allegation(a, _interview(), methods="Beaten.")
    ),
    ServiceRow(
        secret.capture_consent, MANAGERS, lambda a: secret.capture_consent(a, _allegation(), exam=True, refer=False)
    ),
    ServiceRow(
        secret.document_medical,
        frozenset({"npm_medical"}),
        lambda a: secret.document_medical(a, _allegation(consent=True), examined_on=date(2025, 5, 6), lesions=[]),
    ),
    ServiceRow(
        secret.refer_allegation,
        MANAGERS,
        lambda a: secret.refer_allegation(a, _allegation(consent=True), to=_authority(), on=date(2025, 5, 7)),
    ),
    ServiceRow(
        secret.keep_unreferred, MANAGERS, lambda a: secret.keep_unreferred(a, _allegation(consent=True), "No consent.")
    ),
    ServiceRow(
        secret.report_reprisal,
        MANAGERS,
        lambda a: secret.report_reprisal(a, pseudonym="R-2", measure="transfer", risk="medium", visit=_visit()),
    ),
    ServiceRow(secret.advance_reprisal, MANAGERS, lambda a: secret.advance_reprisal(a, _case(), "risk_assessed")),
    ServiceRow(
        secret.record_first_contact,
        MANAGERS,
        lambda a: secret.record_first_contact(a, _case(risk="high"), "Met him on day 2."),
    ),
]
