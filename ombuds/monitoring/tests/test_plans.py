import pytest
from django.urls import reverse

from ombuds.complaints.models import Application
from ombuds.monitoring.models import ReprisalCase, Visit
from ombuds.monitoring.testing import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(persona):
    from ombuds.accounts import services as accounts

    user = persona("npm_member")
    accounts.grant_role(None, user, "department_head")
    return user


def test_plan_item_to_visit_to_on_site_application_and_reprisal(lead, staff_client):
    client = staff_client(lead)
    place = make_place(lead, capacity=300)
    response = client.post(reverse("monitoring:plan_create"), {"year": 2025, "title": "2025 visit plan"})
    plan_url = response["Location"]
    client.post(plan_url, {"place": str(place), "quarter": 2, "visit_type": "in_depth", "theme": "Health care"})
    page = client.get(plan_url).content.decode()
    assert "Health care" in page
    item = place.plan_items.get()
    client.post(reverse("monitoring:plan_item_visit", args=[item.public_id]), {"planned_date": "2025-05-12"})
    visit = Visit.objects.get(plan_item=item)
    assert visit.status == "planned" and visit.objectives == "Health care" and visit.is_secret

    def act(name, data):
        return client.post(
            reverse("monitoring:visit_action", args=[visit.public_id, name]),
            {f"{name}-{k}": v for k, v in data.items()},
        )

    act("prepare", {"text": ""})
    act("arrival", {"arrival_at": "2025-05-12T09:00", "access_at": "2025-05-12T09:10"})
    act("application", {"surname": "Həsənov", "given_name": "Elçin", "summary": "No visits from family for 3 months."})
    app = Application.objects.get()
    assert app.channel == "during_visit" and app.applicant.surname == "Həsənov"
    visit.refresh_from_db()
    assert visit.applications_received == 1
    act("reprisal", {"pseudonym": "R-1", "measure": "isolation", "risk": "high", "account": "Put in isolation."})
    case = ReprisalCase.objects.get()
    assert case.visit == visit and case.account == "Put in isolation."
    assert "R-1" in client.get(visit.get_absolute_url()).content.decode()


def test_reprisal_steps_and_allegation_referral_through_the_pages(lead, staff_client, persona):
    from ombuds.monitoring import services
    from ombuds.monitoring.testing import make_visit

    client = staff_client(lead)
    visit = make_visit(lead, announced=True)
    services.add_team_member(lead, visit, lead, "leader")
    services.prepare_visit(lead, visit, "")
    services.record_arrival(lead, visit)
    case = services.report_reprisal(lead, visit=visit, pseudonym="R-2", measure="threat", risk="low")
    prefix = f"rs-{case.public_id.hex[:8]}"
    page = client.get(visit.get_absolute_url()).content.decode()
    assert f'name="{prefix}-target"' in page
    client.post(
        reverse("monitoring:reprisal_advance", args=[case.public_id]),
        {f"{prefix}-target": "risk_assessed", f"{prefix}-risk": "high"},
    )
    case.refresh_from_db()
    assert (case.status, case.risk) == ("risk_assessed", "high")

    interview = services.add_interview(lead, visit, pseudonym="T-1", kind="detainee")
    allegation = services.record_allegation(lead, interview, methods="Slapped during questioning.")
    services.capture_consent(lead, allegation, exam=False, refer=True)
    url = reverse("monitoring:allegation_action", args=[allegation.public_id, "refer"])
    from ombuds.core.models import Authority

    client.post(url, {"purpose": "referral", "to": Authority.objects.get(code="pgo").pk, "on": "2025-10-08"})
    allegation.refresh_from_db()
    assert allegation.status == "referred" and allegation.referred_to.code == "pgo"
