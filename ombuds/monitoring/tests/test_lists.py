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


@pytest.mark.parametrize(
    ("language", "place_type", "visit_type", "wrong"),
    [
        ("az", "Yerin növü", "Baş çəkmənin növü", "Müraciətin növü"),
        ("ru", "Тип места", "Вид посещения", "Вид обращения"),
        ("en", "Place type", "Visit type", "Application type"),
    ],
)
def test_type_columns_name_the_place_and_the_visit_type(persona, staff_client, language, place_type, visit_type, wrong):
    lead = persona("npm_member")
    make_visit(lead, place=make_place(lead), announced=True)
    client = staff_client(lead)
    client.cookies["django_language"] = language
    places = client.get(reverse("monitoring:place_list")).content.decode()
    visits = client.get(reverse("monitoring:visit_list")).content.decode()
    assert f'<th scope="col">{place_type}</th>' in places and wrong not in places
    assert f'<th scope="col">{visit_type}</th>' in visits and wrong not in visits
