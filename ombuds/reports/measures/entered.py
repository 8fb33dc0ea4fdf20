"""Figures the system does not record, entered by staff with their source (`EnteredFigure`) —
annual report tables A12 (pardons) and A13 (repatriation, elections), NPM report table N10
(international cooperation, posters). Each key of `ENTERED_FIGURES` is both the `measure` of the
`EnteredFigure` rows and the key of a measure of the dataset, read from the rows of the period's
year (a period spanning two years reads none: its entered figures are all zero).

A figure with categories (`ENTERED_CATEGORIES`) is entered per category and its total is their
sum; one without is entered once, with an empty category. A figure not entered for the year counts
zero among the measures; the dataset's `entered` part (services/datasets.py) holds what was really
entered, with its source, so a report can tell "0" from "not entered".

The catalogue:
- pardons.petitions (petitions): petitions for pardon the Commissioner submitted in the year;
- pardons.granted (persons): persons pardoned on the Commissioner's petition in the year;
- repatriation.persons (persons; women, men, children): persons repatriated with the Commissioner's
  involvement in the year;
- elections.polling_stations (places): polling stations the Commissioner's staff observed;
- elections.complaints (appeals): complaints received on election day (hotline and observers);
- cooperation.spt_visits (visits): visits of the UN Subcommittee on Prevention of Torture the NPM
  took part in or met;
- cooperation.cpt (visits): visits of the European Committee for the Prevention of Torture the NPM
  met or cooperated with;
- cooperation.icrc (events): meetings and joint activities with the International Committee of the
  Red Cross;
- posters.placed (posters): posters of the 916 line placed in places of deprivation of liberty;
- received.persons (persons; any category: a unit or a place of field reception, or none for the
  total): persons received at field receptions (table A9). Its categories are free, so it is not a
  measure: A9 prints it from the dataset's `entered` part (measures/applications_outcome.py).
"""

from __future__ import annotations

from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ombuds.core.routers import reporting
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Custom, Measure, Period, register
from ombuds.reports.models import EnteredFigure


class EnteredFigureSpec(NamedTuple):
    title: str | Promise
    unit: Unit
    definition: str | Promise


ENTERED_FIGURES: dict[str, EnteredFigureSpec] = {
    "pardons.petitions": EnteredFigureSpec(
        _("Petitions for pardon"),
        Unit.PETITION,
        _("Petitions for pardon the Commissioner submitted to the President in the year."),
    ),
    "pardons.granted": EnteredFigureSpec(
        _("Persons pardoned on the Commissioner's petition"),
        Unit.PERSON,
        _("Persons pardoned in the year on the Commissioner's petition."),
    ),
    "repatriation.persons": EnteredFigureSpec(
        _("Persons repatriated"),
        Unit.PERSON,
        _("Persons repatriated in the year with the Commissioner's involvement: women, men and children."),
    ),
    "elections.polling_stations": EnteredFigureSpec(
        _("Polling stations observed"),
        Unit.PLACE,
        _("Polling stations the Commissioner's staff observed on election day."),
    ),
    "elections.complaints": EnteredFigureSpec(
        _("Complaints on election day"),
        Unit.APPEAL,
        _("Complaints received on election day, by the hotline and the observers."),
    ),
    "cooperation.spt_visits": EnteredFigureSpec(
        _("Visits of the UN Subcommittee on Prevention of Torture"),
        Unit.VISIT,
        _("Visits of the UN Subcommittee on Prevention of Torture (SPT) the NPM took part in or met."),
    ),
    "cooperation.cpt": EnteredFigureSpec(
        _("Visits of the European Committee for the Prevention of Torture"),
        Unit.VISIT,
        _("Visits of the European Committee for the Prevention of Torture (CPT) the NPM met or cooperated with."),
    ),
    "cooperation.icrc": EnteredFigureSpec(
        _("Cooperation with the International Committee of the Red Cross"),
        Unit.EVENT,
        _("Meetings and joint activities with the International Committee of the Red Cross (ICRC)."),
    ),
    "posters.placed": EnteredFigureSpec(
        _("916 posters placed"),
        Unit.POSTER,
        _("Posters of the 916 line placed in places of deprivation of liberty in the year."),
    ),
    "received.persons": EnteredFigureSpec(
        _("Persons received at field receptions"),
        Unit.PERSON,
        _("Persons received in the year at field receptions, by the unit or place that received them."),
    ),
}

# Figures whose categories are free text (any unit or place): entered, frozen, never a measure.
FREE_CATEGORIES = frozenset({"received.persons"})

# The figures entered per category (the others are entered once, with an empty category).
ENTERED_CATEGORIES: dict[str, list[Category]] = {
    "repatriation.persons": [
        Category("women", _("Women")),
        Category("men", _("Men")),
        Category("children", _("Children")),
    ],
}


def categories_of(key: str) -> list[Category]:
    return list(ENTERED_CATEGORIES.get(key, []))


def _entered(key: str) -> Custom:
    def count(period: Period) -> dict[str, int]:
        if period.start.year != period.end.year:
            return {}
        rows = reporting(EnteredFigure.objects.filter(year=period.start.year, measure=key)).order_by()
        return {(category or "total"): value for category, value in rows.values_list("category", "value")}

    return Custom(count)  # no records behind an entered figure: no drill-down


register(
    *(
        Measure(
            key=key,
            title=spec.title,
            unit=spec.unit,
            definition=spec.definition,
            dated_by=_("year it was entered for (entered by staff with its source, not counted)"),
            source=_entered(key),
            categories=categories_of(key),
        )
        for key, spec in ENTERED_FIGURES.items()
        if key not in FREE_CATEGORIES
    )
)
