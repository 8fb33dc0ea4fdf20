"""The register of places, their population counts and the annual visit plans (domain.md §3.2)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.clock import add_months
from ombuds.core.imports import allocate_ids, insert, maker
from ombuds.core.services import lock_version, require, save
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
def update_place(actor, place: Place, *, version: int | None = None, **fields) -> Place:
    """Change facts of the register (an import row, a corrected capacity), audited field by field.
    `version`: the one the editor read (the API's If-Match); a newer one is a Conflict."""
    require(actor, MANAGE_VISITS)
    unknown = set(fields) - set(PLACE_FIELDS)
    if unknown:
        raise TypeError(f"not a register field: {sorted(unknown)}")
    place = lock_version(place, version)
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
def import_place_rows(actor, rows: list[dict], existing: dict[tuple[str, int], Place]) -> tuple[int, int]:
    """One batch of checked import rows (ombuds/monitoring/importer.py): new places written in one
    insert, changed existing ones through `update_place` (audited field by field, as any edit).
    `existing` maps (name_az, district id) to the places the import knows and learns the new ones.
    The import as a whole is audited once, by core.imports. Returns (created, updated)."""
    require(actor, MANAGE_VISITS)
    due_types = set(CoverageRule.objects.values_list("place_type", flat=True))
    new_place, actor_id = maker(Place), getattr(actor, "pk", None)
    today = timezone.localdate()
    new: list[Place] = []
    updated = 0
    for fields in rows:
        key = (fields["name_az"], fields["district"].pk)
        place = existing.get(key)
        changes = {name: fields[name] for name in PLACE_FIELDS if name in fields}
        if place is None:
            place = new_place(
                **{name: fields[name] for name in PLACE_FIELDS if name in fields and name != "authority"},
                name_az=fields["name_az"],
                authority_id=fields["authority"].pk if fields.get("authority") else None,
                district_id=fields["district"].pk,
                region_id=fields["district"].region_id,
                created_by_id=actor_id,
                updated_by_id=actor_id,
            )
            new.append(place)
            existing[key] = place
        elif place.pk is None:  # twice in the batch: the later row wins
            for name, value in changes.items():
                setattr(place, name, value)
        elif any(getattr(place, name) != value for name, value in changes.items()):
            existing[key] = update_place(actor, place, **changes)
            updated += 1
    for place in new:  # never visited: due now if its type has a coverage rule (as next_due says)
        place.next_due_on = today if place.place_type in due_types else None
    for place, pk in zip(new, allocate_ids(Place, len(new)), strict=False):
        place.pk = pk
    insert(Place, new)
    return len(new), updated


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
