"""The register of places, their population counts and the annual visit plans (domain.md §3.2)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.clock import add_months
from ombuds.core.services import lock, require, save
from ombuds.monitoring.models import CoverageRule, Place, PlanItem, PopulationCount, VisitPlan
from ombuds.monitoring.permissions import MANAGE_VISITS

# What an import or an edit of the register may change on a place (the rest comes from visits).
PLACE_FIELDS = ("name_en", "name_ru", "place_type", "authority", "capacity", "source", "note", "address", "categories")


def next_due(place: Place) -> date | None:
    """When the place's next in-depth visit is due under the coverage rule of its type; a place
    never visited is due now."""
    rule = CoverageRule.objects.filter(place_type=place.place_type).first()
    if rule is None:
        return None
    if place.last_visit_at is None:
        return timezone.localdate()
    return add_months(place.last_visit_at, rule.months)


@transaction.atomic
def register_place(actor, **fields) -> Place:
    require(actor, MANAGE_VISITS)
    place = Place(**fields, created_by=actor, updated_by=actor)
    place.region_id = place.district.region_id
    place.next_due_on = next_due(place)
    place.full_clean()
    place.save()
    audit.record("monitoring.place.registered", actor=actor, obj=place, changes={"type": place.place_type})
    return place


def _plain(value):
    return getattr(value, "code", value)


@transaction.atomic
def update_place(actor, place: Place, **fields) -> Place:
    """Change facts of the register (an import row, a corrected capacity), audited field by field."""
    require(actor, MANAGE_VISITS)
    unknown = set(fields) - set(PLACE_FIELDS)
    if unknown:
        raise TypeError(f"not a register field: {sorted(unknown)}")
    place = lock(place)
    changes = {
        name: [_plain(getattr(place, name)), _plain(value)]
        for name, value in fields.items()
        if getattr(place, name) != value
    }
    if not changes:
        return place
    for name in changes:
        setattr(place, name, fields[name])
    if "place_type" in changes:
        place.next_due_on = next_due(place)
    place.full_clean()
    save(place, actor, *changes, *(["next_due_on"] if "place_type" in changes else []))
    audit.record("monitoring.place.updated", actor=actor, obj=place, changes=changes)
    return place


@transaction.atomic
def record_population(actor, place: Place, counted_on: date, count: int, source: str = "") -> PopulationCount:
    require(actor, MANAGE_VISITS)
    entry, _created = PopulationCount.objects.update_or_create(
        place=place,
        counted_on=counted_on,
        defaults={"count": count, "source": source, "created_by": actor, "updated_by": actor},
    )
    audit.record(
        "monitoring.place.population_recorded",
        actor=actor,
        obj=place,
        changes={"date": counted_on.isoformat(), "count": count},
    )
    return entry


@transaction.atomic
def create_plan(actor, year: int, title: str) -> VisitPlan:
    require(actor, MANAGE_VISITS)
    plan = VisitPlan.objects.create(year=year, title=title, created_by=actor, updated_by=actor)
    audit.record("monitoring.visitplan.created", actor=actor, obj=plan, changes={"year": year})
    return plan


@transaction.atomic
def add_plan_item(actor, plan: VisitPlan, *, place: Place, quarter: int, visit_type: str, theme: str = "") -> PlanItem:
    require(actor, MANAGE_VISITS)
    if quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("The quarter must be 1 to 4.")})
    item = PlanItem.objects.create(
        plan=plan, place=place, quarter=quarter, visit_type=visit_type, theme=theme, created_by=actor, updated_by=actor
    )
    audit.record("monitoring.planitem.added", actor=actor, obj=plan, changes={"place": str(place.public_id)})
    return item
