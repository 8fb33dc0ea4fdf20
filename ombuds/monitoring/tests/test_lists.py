import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.monitoring import services
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db


def _on_site(lead, name):
    visit = make_visit(lead, place=make_place(lead, name_az=name), announced=True)
    services.add_team_member(lead, visit, lead, "leader")
    services.prepare_visit(lead, visit, "")
    return services.record_arrival(lead, visit)


def test_visit_list_filters_search_and_constant_queries(persona, staff_client):
    lead = persona("npm_member")
    client = staff_client(lead)
    first = _on_site(lead, "Yer 1")
    services.add_finding(
        lead, first, area="health_care", text="No register of injuries kept.", severity="serious", sources=["document"]
    )
    client.get(reverse("monitoring:visit_list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("monitoring:visit_list"))
    for n in range(6):
        _on_site(lead, f"Yer {n + 2}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("monitoring:visit_list"))
    assert len(many.captured_queries) == len(few.captured_queries)
    assert page.content.decode().count("/monitoring/visits/") >= 7
    found = client.get(reverse("monitoring:visit_list") + "?q=injuries", HTTP_HX_REQUEST="true").content.decode()
    assert found.count('href="/monitoring/visits/') == 1 and "Yer 1" in found
    status = client.get(reverse("monitoring:visit_list") + "?status=planned", HTTP_HX_REQUEST="true").content.decode()
    assert 'href="/monitoring/visits/' not in status
