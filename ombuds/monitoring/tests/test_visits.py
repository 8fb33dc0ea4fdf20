"""Visits (domain.md §3.2) and scenario 9 of §9: an in-depth unannounced visit to a pre-trial centre."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ombuds.accounts.testing import make_user
from ombuds.monitoring import services
from ombuds.monitoring.choices import VISIT_TRANSITIONS, ThematicArea, VisitStatus
from ombuds.monitoring.models import Place, PopulationCount, Visit
from ombuds.monitoring.services.visits import _move
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")


@pytest.fixture
def lead(persona):
    from ombuds.accounts import services as accounts

    user = persona("npm_member")
    accounts.grant_role(None, user, "department_head")  # the head of the NPG: the NPM lead
    return user


def team_of_four(lead):
    doctor = make_user(username="doctor", roles=["npm_medical"], unit="npg", gender="female", is_medical=True)
    psychologist = make_user(username="psych", roles=["npm_member"], unit="npg", gender="female", is_psychologist=True)
    member = make_user(username="member2", roles=["npm_member"], unit="npg", gender="male")
    return [(lead, "leader"), (doctor, "physician"), (psychologist, "psychologist"), (member, "member")]


def test_scenario_09_in_depth_unannounced_visit(lead):
    place = make_place(lead, capacity=1050)
    visit = make_visit(lead, place=place)
    assert visit.status == VisitStatus.UNSCHEDULED_REQUESTED and visit.is_secret
    for user, role in team_of_four(lead):
        services.add_team_member(lead, visit, user, role)
    assert services.team_warnings(visit) == []
    services.prepare_visit(lead, visit, "Overcrowding, medical admission exams, registers.")
    arrival = datetime(2025, 10, 15, 9, 0, tzinfo=BAKU)
    visit = services.record_arrival(lead, visit, arrival_at=arrival, access_at=arrival + timedelta(minutes=25))
    assert visit.status == VisitStatus.IN_PROGRESS and not visit.is_secret
    for n in range(12):
        services.add_interview(
            lead,
            visit,
            pseudonym=f"D-{n + 1:02d}",
            kind="detainee",
            identity=f"Real name {n}",
            consent_anonymised_use=True,
        )
    services.add_interview(lead, visit, pseudonym="G-01", kind="detainee", private=False, group_size=6)
    for area in ThematicArea.values:
        services.add_finding(
            lead, visit, area=area, text=f"Finding on {area}.", severity="concern", sources=["observation", "detainee"]
        )
    visit = services.complete_onsite(
        lead,
        visit,
        people_held=1400,
        end_at=arrival + timedelta(hours=9),
        immediate_observations="Cells at twice their capacity.",
    )
    assert (visit.private_interviews, visit.group_interviews) == (12, 1)
    assert round(visit.occupancy * 100) == 133
    assert visit.findings.values("area").distinct().count() == 6
    place.refresh_from_db()
    assert place.last_visit_at.isoformat() == "2025-10-15"
    assert PopulationCount.objects.get(place=place).count == 1400
    for target in ("report_draft", "factual_check", "report_final"):
        visit = services.advance_visit(lead, visit, target)
    assert visit.status == VisitStatus.REPORT_FINAL


def test_team_warnings(lead):
    visit = make_visit(lead)
    warnings = services.team_warnings(visit)
    assert len(warnings) == 3  # fewer than two, one gender, no physician on an in-depth visit
    with pytest.raises(ValidationError):  # the visit is never without its leader
        services.add_team_member(lead, visit, lead, "member")
    assert len(services.team_warnings(visit)) == 3


@pytest.mark.parametrize("source", list(VISIT_TRANSITIONS))
def test_only_the_listed_transitions(lead, source):
    visit = make_visit(lead)
    for target in VisitStatus.values:
        Visit.objects.filter(pk=visit.pk).update(status=source)
        visit.refresh_from_db()
        allowed = target in VISIT_TRANSITIONS[source]
        try:
            _move(visit, target)
        except ValidationError:
            assert not allowed
        else:
            assert allowed


def test_unscheduled_visit_needs_a_trigger_and_cancel_needs_a_reason(lead):
    with pytest.raises(ValidationError):
        make_visit(lead, trigger="")
    visit = make_visit(lead)
    with pytest.raises(ValidationError):
        services.cancel_visit(lead, visit, " ")
    assert services.cancel_visit(lead, visit, "Facility under quarantine.").status == VisitStatus.CANCELLED


def test_findings_and_interviews_need_the_team_on_site(lead):
    visit = make_visit(lead)
    with pytest.raises(ValidationError):
        services.add_finding(lead, visit, area="treatment", text="x", severity="info", sources=["observation"])
    services.add_team_member(lead, visit, lead, "leader")
    services.prepare_visit(lead, visit, "")
    services.record_arrival(lead, visit)
    with pytest.raises(ValidationError):
        services.add_finding(lead, visit, area="treatment", text="x", severity="info", sources=[])


def test_interview_identity_is_sealed(lead, persona):
    visit = make_visit(lead)
    services.add_team_member(lead, visit, lead, "leader")
    services.prepare_visit(lead, visit, "")
    services.record_arrival(lead, visit)
    interview = services.add_interview(lead, visit, pseudonym="A-1", kind="detainee", identity="CANARY-Məmməd-991")
    from ombuds.core.models import AuditEvent

    assert "CANARY" not in str(AuditEvent.objects.get(action="monitoring.visit.interview_recorded").changes)
    assert services.unseal_identity(lead, interview, "referral to a physician") == "CANARY-Məmməd-991"
    assert AuditEvent.objects.get(action="monitoring.interview.identity_read").purpose == "referral to a physician"
    with pytest.raises(PermissionDenied):
        services.unseal_identity(persona("regional_officer"), interview, "curious")


def test_unannounced_visit_is_hidden_until_arrival(lead, persona):
    visit = make_visit(lead, place=make_place(lead, district="ganja", name_az="Gəncə TSY"))
    member = make_user(username="npg.member", roles=["npm_member"], unit="npg")
    west = persona("regional_officer")
    outsiders = [west, persona("awareness_staff"), persona("intake_operator"), member]
    for user in outsiders:
        assert not Visit.objects.visible_to(user).filter(pk=visit.pk).exists(), user.username
    assert Visit.objects.visible_to(lead).filter(pk=visit.pk).exists()
    assert Visit.objects.visible_to(persona("commissioner")).filter(pk=visit.pk).exists()
    services.add_team_member(lead, visit, member, "member")
    assert Visit.objects.visible_to(member).filter(pk=visit.pk).exists()  # the team sees it
    services.add_team_member(lead, visit, lead, "leader")
    services.prepare_visit(lead, visit, "")
    services.record_arrival(lead, visit)
    assert Visit.objects.visible_to(west).filter(pk=visit.pk).exists()  # after arrival: the region sees it
    assert not Visit.objects.visible_to(persona("awareness_staff")).filter(pk=visit.pk).exists()


def test_only_monitoring_roles_manage_visits(persona):
    with pytest.raises(PermissionDenied):
        make_place(persona("awareness_staff"))
    assert not Place.objects.exists()


def _visited(lead, **place):
    visit = make_visit(lead, place=make_place(lead, **place))
    services.add_team_member(lead, visit, lead, "leader")
    services.prepare_visit(lead, visit, "")
    return services.record_arrival(lead, visit)


def test_visit_report_with_occupancy_and_publication_guard(lead, staff_client):
    import io

    from django.urls import reverse
    from docx import Document

    visit = _visited(lead, capacity=1050)
    services.add_interview(lead, visit, pseudonym="D-01", kind="detainee", identity="Rəşid Quliyev")
    services.add_finding(
        lead,
        visit,
        area="material_conditions",
        text="Cells hold twice their capacity.",
        severity="serious",
        sources=["observation"],
    )
    visit = services.complete_onsite(lead, visit, people_held=1400)
    client = staff_client(lead)
    url = reverse("monitoring:visit_report", args=[visit.public_id, "docx"]) + "?lang=en"
    body = "\n".join(p.text for p in Document(io.BytesIO(client.get(url).content)).paragraphs)
    assert "1400 people held for 1050 places (133 %)" in body and "Cells hold twice" in body
    assert "Rəşid" not in body and "D-01" not in body
    services.add_finding(
        lead,
        visit,
        area="treatment",
        text="Rəşid Quliyev reported being beaten.",
        severity="urgent",
        sources=["detainee"],
    )
    client.cookies["django_language"] = "en"  # the refusal message is read below in English
    refused = client.get(url, follow=True)
    assert refused.redirect_chain and "field “text”" in refused.content.decode()
    pdf = client.get(reverse("monitoring:visit_report", args=[visit.public_id, "pdf"]))
    assert pdf.status_code == 302  # the guard applies to every format


def test_a_visit_is_scheduled_with_its_team_and_never_without_a_leader(lead, persona):
    from ombuds.core.models import AuditEvent

    member = persona("npm_medical")
    with pytest.raises(ValidationError):
        make_visit(lead, team=[(lead, "member"), (member, "physician")])
    with pytest.raises(ValidationError):
        make_visit(lead, team=[])
    with pytest.raises(ValidationError):
        make_visit(lead, team=[(lead, "leader"), (lead, "member")])
    assert not Visit.objects.exists()  # one write: nothing is left behind
    visit = make_visit(lead, team=[(lead, "leader"), (member, "physician")])
    assert dict(visit.team.values_list("user__username", "role")) == {
        lead.username: "leader",
        member.username: "physician",
    }
    assert AuditEvent.objects.get(action="monitoring.visit.scheduled").changes["team"][lead.username] == "leader"


def test_the_pages_schedule_a_visit_led_by_the_scheduler(lead, staff_client):
    from django.urls import reverse

    from ombuds.accounts.models import OrgUnit
    from ombuds.monitoring.models import PlanItem

    client = staff_client(lead)
    place = make_place(lead)
    response = client.post(
        reverse("monitoring:visit_schedule"),
        {
            "place": str(place.public_id),
            "unit": OrgUnit.objects.get(code="npg").pk,
            "visit_type": "ad_hoc",
            "planned_date": "2025-11-03",
            "trigger": "A call to 916",
        },
    )
    visit = Visit.objects.get()
    assert response.status_code == 302 and visit.team.get().user == lead and visit.team.get().role == "leader"
    plan = services.create_plan(lead, 2026, "Plan")
    item = services.add_plan_item(lead, plan, place=place, quarter=1, visit_type="in_depth")
    client.post(reverse("monitoring:plan_item_visit", args=[item.public_id]), {"planned_date": "2026-02-02"})
    planned = PlanItem.objects.get(pk=item.pk).visit
    assert list(planned.team.values_list("user", "role")) == [(lead.pk, "leader")]
