"""Measures of NPM visits — NPM report tables N1 and N2, and the visits of the annual report's
headline (A0). The unit is the visit, except where a measure counts the distinct places visited
(unit: place): the two are never mixed in one measure.

`visits.total` counts the visits *carried out* in the period: the team arrived (status in
progress or any later step up to closed — never planned, requested, prepared or cancelled),
placed by the day of arrival in Baku time, or by the planned date for a visit carried out
without a recorded arrival (see `npm_base`). The 347 visits of 2023 are such visits.
"""

from __future__ import annotations

from django.db.models import Case, CharField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from ombuds.monitoring import choices as mc
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Grouped, Measure, choices_categories, register
from ombuds.reports.measures.npm_base import VISIT_DAY, either, has_role, labelled, visits_carried_out

MODEL = "monitoring.Visit"
PLACE_TYPES = choices_categories(mc.PlaceType.choices)
VISIT_TYPES = choices_categories(mc.VisitType.choices)
ANNOUNCEMENT = [Category("announced", _("Announced")), Category("unannounced", _("Unannounced"))]
SCHEDULE = [
    Category("planned", _("Planned (in the annual visit plan)")),
    Category("unscheduled", _("Unscheduled")),
]
TEAM = [
    Category("both", _("Physician and psychologist")),
    Category("physician", _("Physician, no psychologist")),
    Category("psychologist", _("Psychologist, no physician")),
    Category("neither", _("Neither")),
]


def _by_announcement():
    return visits_carried_out().annotate(announcement=either(Q(announced=True), "announced", "unannounced"))


def _by_schedule():
    return visits_carried_out().annotate(schedule=either(Q(plan_item__isnull=True), "unscheduled", "planned"))


def _by_team():
    return (
        visits_carried_out()
        .annotate(with_physician=has_role(mc.TeamRole.PHYSICIAN), with_psychologist=has_role(mc.TeamRole.PSYCHOLOGIST))
        .annotate(
            medical=Case(
                When(Q(with_physician=True, with_psychologist=True), then=Value("both")),
                When(with_physician=True, then=Value("physician")),
                When(with_psychologist=True, then=Value("psychologist")),
                default=Value("neither"),
                output_field=CharField(),
            )
        )
    )


def _regions() -> list[Category]:
    from ombuds.core.models import Region

    return [labelled(region) for region in Region.objects.order_by("sort_order", "code")]


def _visiting_units() -> list[Category]:
    """The NPM group and the regional centres, and any other unit that ever led a visit."""
    from ombuds.accounts.choices import OrgUnitKind
    from ombuds.accounts.models import OrgUnit

    units = OrgUnit.objects.filter(
        Q(kind__in=[OrgUnitKind.NPG, OrgUnitKind.REGIONAL_CENTRE]) | Q(visits__isnull=False)
    ).distinct()
    return [labelled(unit) for unit in units.order_by("kind", "code")]


def _grouped(by=None, queryset=visits_carried_out, **kwargs) -> Grouped:
    return Grouped(queryset, "visit_day", by, is_date=True, **kwargs)


register(
    Measure(
        key="visits.total",
        title=_("Visits to places of deprivation of liberty"),
        unit=Unit.VISIT,
        definition=_(
            "Visits carried out: the team arrived at the place (a planned, prepared or cancelled visit is not "
            "counted). One visit to a place is one visit, whatever its length."
        ),
        dated_by=VISIT_DAY,
        source=_grouped(),
        model=MODEL,
    ),
    Measure(
        key="visits.by_place_type_and_type",
        title=_("Visits by type of place and type of visit"),
        unit=Unit.VISIT,
        definition=_("Visits carried out, by the type of the place visited and the type of visit."),
        dated_by=VISIT_DAY,
        source=_grouped(("place__place_type", "visit_type")),
        categories=PLACE_TYPES,
        columns=VISIT_TYPES,
        model=MODEL,
    ),
    Measure(
        key="visits.by_place_type_and_announcement",
        title=_("Announced and unannounced visits by type of place"),
        unit=Unit.VISIT,
        definition=_("Visits carried out, by the type of place and whether the visit was announced to the place."),
        dated_by=VISIT_DAY,
        source=_grouped(("place__place_type", "announcement"), _by_announcement),
        categories=PLACE_TYPES,
        columns=ANNOUNCEMENT,
        model=MODEL,
    ),
    Measure(
        key="visits.by_schedule",
        title=_("Planned and unscheduled visits"),
        unit=Unit.VISIT,
        definition=_(
            "Visits carried out: those of an item of the annual visit plan, and the unscheduled ones "
            "(prompted by an application, a call, the media)."
        ),
        dated_by=VISIT_DAY,
        source=_grouped("schedule", _by_schedule),
        categories=SCHEDULE,
        model=MODEL,
    ),
    Measure(
        key="visits.places_by_type",
        title=_("Places visited by type"),
        unit=Unit.PLACE,
        definition=_(
            "Distinct places visited at least once in the period, by type: a place visited three times is one place."
        ),
        dated_by=VISIT_DAY,
        source=_grouped("place__place_type", distinct="place"),
        categories=PLACE_TYPES,
        model=MODEL,
    ),
    Measure(
        key="visits.by_region",
        title=_("Visits by region"),
        unit=Unit.VISIT,
        definition=_("Visits carried out, by the service region of the place visited."),
        dated_by=VISIT_DAY,
        source=_grouped("region__code"),
        categories=_regions,
        model=MODEL,
    ),
    Measure(
        key="visits.by_unit",
        title=_("Visits by visiting unit"),
        unit=Unit.VISIT,
        definition=_("Visits carried out, by the unit that led the visit (the NPM group or a regional centre)."),
        dated_by=VISIT_DAY,
        source=_grouped("unit__code"),
        categories=_visiting_units,
        model=MODEL,
    ),
    Measure(
        key="visits.medical_team",
        title=_("Visits with a physician or a psychologist on the team"),
        unit=Unit.VISIT,
        definition=_("Visits carried out, by whether the team included a physician, a psychologist, both or neither."),
        dated_by=VISIT_DAY,
        source=_grouped("medical", _by_team),
        categories=TEAM,
        model=MODEL,
    ),
)
