"""Entered figures: the yearly figures the system does not record (pardons, repatriation,
elections, international cooperation, posters), typed in by staff with their source. The figures
one may enter, their units and definitions are the catalogue of measures/entered.py; a snapshot
freezes them with the computed ones (services/datasets.py)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.services import lock, require, save
from ombuds.reports.measures.entered import ENTERED_FIGURES, FREE_CATEGORIES, categories_of
from ombuds.reports.models import EnteredFigure
from ombuds.reports.permissions import PREPARE

FIRST_YEAR = 2002  # the institution's first annual report
SOURCE_MAX_LENGTH = 300  # EnteredFigure.source
CATEGORY_MAX_LENGTH = 80  # EnteredFigure.category


def _clean(*, year: Any, measure: str, category: str, value: Any, source: str) -> tuple[int, str, str, int, str]:
    errors: dict[str, str] = {}
    if measure not in ENTERED_FIGURES:
        errors["measure"] = _("Choose one of the figures that can be entered.")
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = 0
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        errors["year"] = _("Give a year between %(first)s and this year.") % {"first": FIRST_YEAR}
    category = (category or "").strip()
    allowed = [cat.key for cat in categories_of(measure)]
    if len(category) > CATEGORY_MAX_LENGTH:
        errors["category"] = _("The category is too long.")
    elif (
        measure in ENTERED_FIGURES
        and measure not in FREE_CATEGORIES
        and (category not in allowed if allowed else category)
    ):
        errors["category"] = (
            _("Choose a category of this figure.") if allowed else _("This figure is entered without a category.")
        )
    try:
        value = int(value)
    except (TypeError, ValueError):
        value = -1
    if value < 0:
        errors["value"] = _("Give a whole number, zero or more.")
    source = (source or "").strip()
    if not source:
        errors["source"] = _("Say where the figure comes from.")
    elif len(source) > SOURCE_MAX_LENGTH:
        errors["source"] = _("The source is too long.")
    if errors:
        raise ValidationError(errors)
    return year, measure, category, value, source


@transaction.atomic
def set_entered_figure(actor, *, year: int, measure: str, category: str = "", value: int, source: str) -> EnteredFigure:
    """Enter (or correct) one figure of a year, with its source. A dataset already taken keeps the
    figure it froze; the next snapshot reads the new one."""
    require(actor, PREPARE)
    year, measure, category, value, source = _clean(
        year=year, measure=measure, category=category, value=value, source=source
    )
    figure = EnteredFigure.objects.select_for_update().filter(year=year, measure=measure, category=category).first()
    if figure is None:
        figure = EnteredFigure.objects.create(
            year=year,
            measure=measure,
            category=category,
            value=value,
            source=source,
            created_by=actor,
            updated_by=actor,
        )
        audit.record(
            "reports.enteredfigure.created",
            actor=actor,
            obj=figure,
            changes={"year": year, "figure": measure, "category": category, "value": value, "source": source},
        )
        return figure
    changes: dict[str, list[Any]] = {}
    if figure.value != value:
        changes["value"] = [figure.value, value]
    if figure.source != source:
        changes["source"] = [figure.source, source]
    if changes:
        figure.value, figure.source = value, source
        save(figure, actor, "value", "source")
        audit.record("reports.enteredfigure.changed", actor=actor, obj=figure, changes=changes)
    return figure


@transaction.atomic
def delete_entered_figure(actor, figure: EnteredFigure) -> None:
    """Remove a figure entered by mistake (a dataset already taken keeps it)."""
    require(actor, PREPARE)
    figure = lock(figure)
    audit.record(
        "reports.enteredfigure.deleted",
        actor=actor,
        obj=figure,
        changes={"year": figure.year, "figure": figure.measure, "category": figure.category, "value": figure.value},
    )
    figure.delete()
