"""Entered figures (A12 pardons, A13 repatriation and elections, N10 cooperation): only the figures
of the catalogue can be entered, with a source and a value of zero or more; a correction is
audited; the measures read the figures of the period's year."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ombuds.accounts.testing import make_persona
from ombuds.core.models import AuditEvent
from ombuds.reports.measures import REGISTRY, Period
from ombuds.reports.measures.entered import ENTERED_FIGURES, FREE_CATEGORIES
from ombuds.reports.models import EnteredFigure
from ombuds.reports.services.entered import delete_entered_figure, set_entered_figure

pytestmark = pytest.mark.django_db


def test_an_entered_figure_becomes_the_measure_of_its_year_and_a_correction_is_audited():
    analyst = make_persona("analyst")
    set_entered_figure(analyst, year=2025, measure="pardons.petitions", value=21, source="Prezident sərəncamı")
    figure = set_entered_figure(analyst, year=2025, measure="pardons.petitions", value=22, source="Sərəncam, düzəliş")
    assert EnteredFigure.objects.count() == 1 and figure.value == 22
    changed = AuditEvent.objects.get(action="reports.enteredfigure.changed")
    assert changed.changes["value"] == [21, 22]
    set_entered_figure(analyst, year=2025, measure="repatriation.persons", category="women", value=5, source="DTX")
    set_entered_figure(analyst, year=2025, measure="repatriation.persons", category="children", value=13, source="DTX")
    set_entered_figure(analyst, year=2024, measure="pardons.petitions", value=7, source="Sərəncam")
    petitions = REGISTRY["pardons.petitions"].compute(Period.year(2025))
    assert (petitions["unit"], petitions["total"]) == ("petition", 22)
    repatriated = REGISTRY["repatriation.persons"].compute(Period.year(2025))
    assert repatriated["values"] == {"women": 5, "men": 0, "children": 13} and repatriated["total"] == 18
    assert REGISTRY["pardons.granted"].compute(Period.year(2025))["total"] == 0  # not entered
    delete_entered_figure(analyst, figure)
    assert REGISTRY["pardons.petitions"].compute(Period.year(2025))["total"] == 0
    assert AuditEvent.objects.filter(action="reports.enteredfigure.deleted").count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"measure": "pardons.unknown"}, "measure"),
        ({"value": -1}, "value"),
        ({"value": "many"}, "value"),
        ({"source": "  "}, "source"),
        ({"year": 1990}, "year"),
        ({"category": "women"}, "category"),  # pardons have no categories
        ({"measure": "repatriation.persons", "category": ""}, "category"),  # repatriation has
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_written(fields, field):
    data = {"year": 2025, "measure": "pardons.petitions", "value": 3, "source": "Sərəncam", **fields}
    with pytest.raises(ValidationError) as error:
        set_entered_figure(make_persona("analyst"), **data)
    assert field in error.value.message_dict
    assert not EnteredFigure.objects.exists()


def test_persons_received_are_entered_by_any_unit_or_place():
    analyst = make_persona("analyst")
    set_entered_figure(analyst, year=2025, measure="received.persons", category="rc_north", value=812, source="Jurnal")
    set_entered_figure(analyst, year=2025, measure="received.persons", value=9060, source="Hesabat")
    assert sorted(EnteredFigure.objects.values_list("category", "value")) == [("", 9060), ("rc_north", 812)]


def test_only_those_preparing_reports_enter_figures():
    with pytest.raises(PermissionDenied):
        set_entered_figure(
            make_persona("complaints_officer"), year=2025, measure="pardons.petitions", value=1, source="x"
        )


def test_every_entered_figure_is_a_measure_and_its_catalogue_entry_reads_title_unit_definition():
    for key, (title, unit, definition) in ENTERED_FIGURES.items():
        if key in FREE_CATEGORIES:  # persons received, by any unit or place: frozen, printed beside A9
            assert key not in REGISTRY
            continue
        measure = REGISTRY[key]
        assert (measure.title, measure.unit, measure.definition) == (title, unit, definition)
