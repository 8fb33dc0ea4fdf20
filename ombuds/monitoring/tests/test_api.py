import pytest
from rest_framework.test import APIClient

from ombuds.accounts.tokens import create_api_token
from ombuds.monitoring import services
from ombuds.monitoring.testing import make_place

pytestmark = pytest.mark.django_db


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, user, 'test')}")
    return client


def test_visit_through_the_api_and_identities_never_leave(persona):
    member = persona("npm_member")
    place = make_place(member, capacity=100)
    client = token_client(member)
    created = client.post(
        "/api/v1/visits/",
        {
            "place": str(place.public_id),
            "unit": "npg",
            "visit_type": "thematic",
            "planned_date": "2025-11-01",
            "announced": False,
            "trigger": "Thematic review of health care",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    from ombuds.monitoring.models import Visit

    visit = Visit.objects.get(public_id=created.json()["id"])
    assert visit.is_secret and visit.team.filter(user=member, role="leader").exists()
    services.prepare_visit(member, visit, "")
    services.record_arrival(member, visit)
    services.add_interview(member, visit, pseudonym="H-1", kind="medical", identity="CANARY-api-identity")
    finding = client.post(
        "/api/v1/findings/",
        {
            "visit": str(visit.public_id),
            "area": "health_care",
            "text": "No register of injuries.",
            "severity": "serious",
            "sources": ["document"],
        },
        format="json",
    )
    assert finding.status_code == 201, finding.content
    bad = client.post(
        "/api/v1/findings/",
        {"visit": str(visit.public_id), "area": "health_care", "text": "x", "severity": "serious", "sources": []},
        format="json",
    )
    assert bad.status_code == 400
    interviews = client.get("/api/v1/interviews/")
    assert interviews.status_code == 200 and b"CANARY" not in interviews.content
    assert interviews.json()["results"][0]["pseudonym"] == "H-1"
    occupancy = client.get(f"/api/v1/places/{place.public_id}/").json()
    assert occupancy["name_az"] == place.name_az
    assert token_client(persona("awareness_staff")).get("/api/v1/visits/").status_code == 403
