"""Register search by name through the blind word index: any spelling, scoped, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.complaints.models import SearchToken
from ombuds.complaints.testing import make_application

pytestmark = pytest.mark.django_db


def _found(client, text):
    response = client.get(reverse("complaints:list"), {"q": text}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode().count('href="/complaints/')


def _person(surname, given_name, patronymic=""):
    return {"surname": surname, "given_name": given_name, "patronymic": patronymic, "sex": "male"}


@pytest.mark.parametrize(
    "typed",
    ["Məmmədov", "məmmədov", "Mammadov", "MAMEDOV", "Мамедов", "Elçin Məmmədov", "mamedov elchin", "Эльчин"],
)
def test_applicant_found_by_any_spelling_of_the_name(staff_client, persona, typed):
    head = persona("department_head")
    make_application(head, applicant=_person("Məmmədov", "Elçin", "Rauf oğlu"))
    make_application(head, applicant=_person("Həsənov", "Rauf"))
    assert _found(staff_client(head), typed) == 1


def test_victim_names_are_found_and_every_word_must_match(staff_client, persona):
    head = persona("department_head")
    make_application(head, victims=[{"surname": "Əliyeva", "given_name": "Aynur"}])
    make_application(head, applicant=_person("Əliyev", "Kamran"))
    client = staff_client(head)
    assert _found(client, "Aliyeva Aynur") == 1
    assert _found(client, "Алиев") == 1  # Əliyev, not Əliyeva
    assert _found(client, "Aliyev Aynur") == 0


def test_name_search_is_scoped_as_the_list(staff_client, persona):
    head = persona("department_head")
    make_application(head, applicant=_person("Məmmədov", "Elçin"))
    # The regional officer in Ganja sees only the cases of the West region.
    assert _found(staff_client(persona("regional_officer")), "Mammadov") == 0
    assert _found(staff_client(head), "Mammadov") == 1


def test_the_index_holds_no_readable_name():
    from ombuds.accounts.testing import make_persona

    app = make_application(make_persona("department_head"), applicant=_person("Məmmədov", "Elçin"))
    digests = list(SearchToken.objects.filter(application=app).values_list("digest", flat=True))
    assert digests and all(len(d) == 32 and "mam" not in d for d in digests)


def test_name_search_query_count_is_constant(staff_client, persona, django_assert_num_queries):
    head = persona("department_head")
    client = staff_client(head)
    make_application(head, applicant=_person("Məmmədov", "Elçin"))
    url = reverse("complaints:list") + "?q=Mammadov+Elchin"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url, HTTP_HX_REQUEST="true")
    for _ in range(6):
        make_application(head, applicant=_person("Mamedov", "Elçin"))
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.content.decode().count('href="/complaints/') == 7
