"""The figures entered by hand: the year's page, entering, correcting and deleting through the
service, and a figure nobody entered shown as a dash (not a zero) in the report's tables."""

from datetime import date

import pytest
from django.urls import reverse

from ombuds.core.models import AuditEvent
from ombuds.reports.models import EnteredFigure
from ombuds.reports.services.datasets import take_snapshot
from ombuds.reports.tables import render, spec

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(persona, staff_client):
    def sign_in(name):
        client = staff_client(persona(name))
        client.cookies["django_language"] = "en"
        return client

    return sign_in


def test_a_figure_is_entered_corrected_and_deleted_from_the_years_page(signed_in):
    client = signed_in("analyst")
    url = reverse("reports:entered_figures", args=[2025])
    page = client.get(url)
    assert page.status_code == 200
    assert "Petitions for pardon" in page.content.decode() and "not entered" in page.content.decode()
    data = {"measure": "pardons.granted", "value": "21", "source": "Decree of 28 May 2025"}
    assert client.post(url, data).status_code == 302
    figure = EnteredFigure.objects.get(year=2025, measure="pardons.granted")
    assert (figure.value, figure.source) == (21, "Decree of 28 May 2025")
    client.post(url, {**data, "value": "22"})
    figure.refresh_from_db()
    assert figure.value == 22 and EnteredFigure.objects.count() == 1  # corrected, not added
    shown = client.get(url).content.decode()
    assert "Decree of 28 May 2025" in shown and ">22<" in shown
    assert client.post(reverse("reports:entered_figure_delete", args=[figure.public_id])).status_code == 302
    assert not EnteredFigure.objects.exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "reports.enteredfigure.created",
        "reports.enteredfigure.changed",
        "reports.enteredfigure.deleted",
    } <= actions


def test_bad_input_is_explained_on_the_form_and_nothing_is_written(signed_in):
    client = signed_in("department_head")
    url = reverse("reports:entered_figures", args=[2025])
    page = client.post(url, {"measure": "pardons.granted", "value": "-3", "source": ""})
    assert page.status_code == 400
    text = page.content.decode()
    assert "This field is required." in text  # the source
    assert "greater than or equal to 0" in text  # the value
    # A category the figure does not have: the service's message, next to the field.
    page = client.post(url, {"measure": "pardons.granted", "category": "women", "value": "3", "source": "Decree"})
    assert page.status_code == 400
    assert "This figure is entered without a category." in page.content.decode()
    assert not EnteredFigure.objects.exists()


def test_staff_who_do_not_see_aggregates_neither_read_nor_write(signed_in):
    client = signed_in("complaints_officer")
    url = reverse("reports:entered_figures", args=[2025])
    assert client.get(url).status_code == 403
    assert client.post(url, {"measure": "pardons.granted", "value": "3", "source": "x"}).status_code == 403
    assert not EnteredFigure.objects.exists()


def test_a_figure_nobody_entered_is_a_dash_and_an_entered_zero_is_a_zero(persona):
    from ombuds.reports.services.entered import set_entered_figure

    analyst = persona("analyst")
    set_entered_figure(analyst, year=2025, measure="pardons.petitions", value=0, source="No petition this year")
    dataset = take_snapshot(analyst, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    table = render(spec("A12"), dataset, None, "en")
    blocks = {block.measure: block for block in table.blocks}
    assert blocks["pardons.petitions"].total.value == 0 and not blocks["pardons.petitions"].not_entered
    assert blocks["pardons.granted"].total.value is None and blocks["pardons.granted"].not_entered
    assert all(row.value is None for row in blocks["pardons.granted"].rows)
