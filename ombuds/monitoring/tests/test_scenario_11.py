"""Scenario 11 of domain.md §9: a torture allegation at a police temporary detention place; the
person consents to an examination but refuses referral; high risk of reprisals."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ombuds.accounts.testing import make_user
from ombuds.core.models import Authority, Deadline, Notification
from ombuds.monitoring import services
from ombuds.monitoring.choices import AllegationStatus
from ombuds.monitoring.models import Allegation
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_site():
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg", gender="male")
    doctor = make_user(username="npm.doctor", roles=["npm_medical"], unit="npg", gender="female", is_medical=True)
    place = make_place(lead, name_az="Yasamal RPİ MSY", place_type="temporary_detention", capacity=20)
    visit = make_visit(lead, place=place, visit_type="reactive")
    services.add_team_member(lead, visit, lead, "leader")
    services.add_team_member(lead, visit, doctor, "physician")
    services.prepare_visit(lead, visit, "")
    services.record_arrival(lead, visit)
    return lead, doctor, visit


def test_scenario_11_torture_allegation(on_site):
    lead, doctor, visit = on_site
    interview = services.add_interview(
        lead,
        visit,
        pseudonym="T-07",
        kind="detainee",
        identity="Sealed person",
        reprisal_risk=True,
        consent_anonymised_use=True,
        consent_medical_exam=True,
    )
    first_contact = Deadline.objects.get(rule__code="reprisal_first_contact", object_id=interview.pk)
    assert round((first_contact.due_at - first_contact.started_at).total_seconds() / 3600) == 72
    assert Notification.objects.filter(recipient=lead, kind="monitoring.reprisalcase.first_contact").exists()

    allegation = services.record_allegation(
        lead,
        interview,
        events_date=date(2025, 10, 3),
        detaining_authority=Authority.objects.get(code="mia"),
        methods="Beaten with a baton on the soles of the feet during questioning, twice.",
        injuries="Bruises on both soles, swelling of the left wrist.",
    )
    with pytest.raises(ValidationError):  # consent comes first
        services.document_medical(doctor, allegation, examined_on=date(2025, 10, 6), lesions=[])
    services.capture_consent(lead, allegation, exam=True, refer=False)
    with pytest.raises(PermissionDenied):  # only a medical member documents lesions
        services.document_medical(lead, allegation, examined_on=date(2025, 10, 6), lesions=[])
    services.document_medical(
        doctor,
        allegation,
        examined_on=date(2025, 10, 6),
        lesions=[
            {
                "location": "sole of the left foot",
                "description": "Linear bruise 4 cm",
                "consistency": "highly_consistent",
            },
            {"location": "left wrist", "description": "Swelling", "consistency": "consistent"},
        ],
    )
    with pytest.raises(ValidationError):  # no consent to refer
        services.refer_allegation(lead, allegation, to=Authority.objects.get(code="pgo"), on=date(2025, 10, 7))
    allegation = services.keep_unreferred(lead, allegation, "No consent to referral; anonymised use only.")
    assert allegation.status == AllegationStatus.NOT_REFERRED
    assert sorted(allegation.lesions.values_list("consistency", flat=True)) == ["consistent", "highly_consistent"]


def test_allegations_are_seen_by_the_team_lead_and_commissioner_only(on_site, persona):
    lead, doctor, visit = on_site
    interview = services.add_interview(lead, visit, pseudonym="T-08", kind="detainee")
    allegation = services.record_allegation(lead, interview, methods="CANARY-allegation-5521")
    for name in (
        "regional_officer",
        "awareness_staff",
        "intake_operator",
        "npm_member",
        "department_head",
        "analyst",
        "auditor",
    ):
        assert not Allegation.objects.visible_to(persona(name)).filter(pk=allegation.pk).exists(), name
    for user in (lead, doctor, persona("commissioner")):
        assert Allegation.objects.visible_to(user).filter(pk=allegation.pk).exists()


def test_reprisal_case_lifecycle(on_site):
    lead, doctor, visit = on_site
    case = services.report_reprisal(
        lead,
        visit=visit,
        pseudonym="R-9",
        measure="transfer",
        risk="medium",
        account="Transferred to another colony after talking to the NPM.",
    )
    with pytest.raises(ValidationError):
        services.advance_reprisal(lead, case, "closed", outcome="x")  # not from "reported"
    services.advance_reprisal(lead, case, "risk_assessed", risk="high")
    with pytest.raises(ValidationError):
        services.advance_reprisal(lead, case, "action_taken")  # an action must be described
    services.advance_reprisal(lead, case, "action_taken", note="Letter to the Penitentiary Service; call to family.")
    services.advance_reprisal(lead, case, "monitoring", note="Follow-up call in two weeks.")
    with pytest.raises(ValidationError):
        services.advance_reprisal(lead, case, "closed")  # an outcome is required
    case = services.advance_reprisal(lead, case, "closed", outcome="Returned to the original institution.")
    assert case.status == "closed" and "Letter to the Penitentiary Service" in case.actions
