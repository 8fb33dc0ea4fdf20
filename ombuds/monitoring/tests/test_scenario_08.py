"""Scenario 8 of domain.md §9 (the visit part): a 916 night call about violence in a regional
boarding school leads to an urgent application, triage, and an unannounced ad hoc visit by the
North-West regional centre and the NPG, with child interviews under pseudonyms and consent."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ombuds.accounts.models import OrgUnit
from ombuds.accounts.testing import make_user
from ombuds.complaints import services as complaints
from ombuds.complaints.models import Application, RightTopic
from ombuds.core.models import District
from ombuds.monitoring import services
from ombuds.monitoring.models import Visit
from ombuds.monitoring.testing import make_place

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")


def test_scenario_08_unannounced_ad_hoc_visit_after_a_916_call(persona):
    operator = persona("intake_operator")
    call = complaints.log_call(
        operator,
        topic=RightTopic.objects.get(code="child_rights"),
        urgent=True,
        district=District.objects.get(code="shaki"),
        received_at=datetime(2025, 10, 6, 2, 40, tzinfo=BAKU),
        note="Violence against a pupil in a boarding school.",
    )
    app = complaints.convert_call(
        operator,
        call,
        unit=OrgUnit.objects.get(code="rc_northwest"),
        summary=call.note,
        district=call.district,
        urgent_child=True,
    )
    assert app.is_urgent and Application.objects.visible_to(operator).filter(pk=app.pk).exists()

    sheki = make_user(username="officer.sheki", roles=["regional_officer"], unit="rc_northwest", gender="female")
    complaints.decide_admissibility(sheki, app, "accept")
    assert not Application.objects.visible_to(operator).filter(pk=app.pk).exists()  # access ends at triage

    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg", gender="male")
    school = make_place(
        lead, name_az="Şəki internat məktəbi", place_type="boarding_school", district="shaki", capacity=120
    )
    visit = services.schedule_visit(
        lead,
        place=school,
        unit=OrgUnit.objects.get(code="rc_northwest"),
        visit_type="ad_hoc",
        planned_date=date(2025, 10, 6),
        trigger="916 call",
        trigger_application=app,
        team=[(lead, "leader"), (sheki, "member")],
    )
    assert visit.is_secret and list(app.triggered_visits.all()) == [visit]
    services.add_team_member(lead, visit, lead, "leader")
    services.add_team_member(lead, visit, sheki, "member")
    assert not Visit.objects.visible_to(persona("regional_officer")).filter(pk=visit.pk).exists()  # West RC
    assert Visit.objects.visible_to(sheki).filter(pk=visit.pk).exists()
    services.prepare_visit(lead, visit, "Interviews with the children, staff, registers.")
    services.record_arrival(lead, visit, arrival_at=datetime(2025, 10, 6, 11, tzinfo=BAKU))
    for n in range(3):
        services.add_interview(
            sheki,
            visit,
            pseudonym=f"Uşaq-{n + 1}",
            kind="detainee",
            is_minor=True,
            identity=f"Child {n + 1} real name",
            consent_anonymised_use=True,
        )
    children = visit.interviews.filter(is_minor=True)
    assert children.count() == 3 and all(i.pseudonym.startswith("Uşaq-") for i in children)
    assert not children.filter(consent_publish=True).exists()
