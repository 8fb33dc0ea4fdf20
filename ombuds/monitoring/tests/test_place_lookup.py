"""Places are chosen through an autocomplete (core/widgets.py), not a dropdown of every place: the
visits list stays small however many places there are, and typing a name works without JavaScript."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ombuds.core.widgets import LIMIT, LOOKUPS
from ombuds.monitoring.models import Visit
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db
PLACES = LOOKUPS["places"]


def test_a_typed_name_resolves_to_one_place_in_any_language_or_says_why_not():
    guba = make_place(None, name_az="Quba MSY", name_en="Guba TDP", name_ru="Губа ИВС", district="guba")
    assert PLACES.resolve("quba msy") == PLACES.resolve("Guba TDP") == PLACES.resolve("Губа ИВС") == guba
    assert PLACES.resolve(str(guba.public_id)) == guba
    other = make_place(None, name_az="Quba MSY", name_en="Guba TDP", district="baku")  # same name elsewhere
    with pytest.raises(ValidationError) as ambiguous:
        PLACES.resolve("Quba MSY")
    assert ambiguous.value.code == "ambiguous"
    assert PLACES.resolve(PLACES.label(other)) == other  # a suggestion names the district too
    assert PLACES.resolve(PLACES.label(guba)) == guba
    with pytest.raises(ValidationError) as missing:
        PLACES.resolve("Nowhere")
    assert missing.value.code == "not_found"


def test_suggestions_are_few_and_need_the_right_to_read_places(persona, staff_client):
    for n in range(LIMIT + 5):
        make_place(None, name_az=f"Yer {n:02d}", name_en=f"Place {n:02d}")
    client = staff_client(persona("npm_member"))
    url = reverse("core:lookup", args=["places"])
    page = client.get(url, {"filter-place": "yer"}, HTTP_HX_REQUEST="true").content.decode()
    assert page.count("<option") == LIMIT and "Yer 00" in page
    assert client.get(url, {"q": "y"}).content.decode().count("<option") == 0  # too short to search
    assert staff_client(persona("awareness_staff")).get(url, {"q": "yer"}).status_code == 403


def _without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_visit_list_does_not_grow_with_the_register_of_places(persona, staff_client):
    lead = persona("npm_member")
    client = staff_client(lead)
    make_visit(lead, place=make_place(lead, name_az="Yer A"), announced=True)
    small = _without_tokens(client.get(reverse("monitoring:visit_list")).content.decode())
    for n in range(60):
        make_place(None, name_az=f"Başqa yer {n}")
    page = _without_tokens(client.get(reverse("monitoring:visit_list")).content.decode())
    assert len(page) == len(small)
    assert "Başqa yer" not in page and '<select name="place"' not in page
    assert 'list="filter_place-options"' in page  # the autocomplete of the place filter
    assert 'list="id_place-options"' in page  # and of the scheduling form


def test_without_javascript_a_place_is_filtered_and_scheduled_by_its_name(persona, staff_client):
    lead = persona("npm_member")
    client = staff_client(lead)
    here = make_place(lead, name_az="Şəki MSY", name_en="Shaki TDP", district="shaki")
    make_visit(lead, place=make_place(lead, name_az="Yer B"), announced=True)
    client.post(
        reverse("monitoring:visit_schedule"),
        {
            "place": "Shaki TDP",
            "unit": lead.org_unit.pk,
            "visit_type": "ad_hoc",
            "planned_date": "2025-11-03",
            "trigger": "Zəng",
        },
    )
    visit = Visit.objects.get(place=here)
    rows = client.get(reverse("monitoring:visit_list"), {"place": "Şəki MSY"}, HTTP_HX_REQUEST="true").content.decode()
    assert rows.count('href="/monitoring/visits/') == 1 and visit.get_absolute_url() in rows
    refused = client.get(reverse("monitoring:visit_list"), {"place": "Nowhere"}).content.decode()
    assert 'aria-invalid="true"' in refused
