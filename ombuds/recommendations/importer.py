"""Import of past recommendations from CSV or XLSX, on core's bulk import (ombuds/core/imports.py).

The columns are documented in docs/import/recommendations.md (sample beside it). Each row is
checked against what `prepare` loaded once (authorities, places, rights, units, the numbers
already in the register) and becomes an issued recommendation with its number kept, its dated
history and, when given, the authority's response; services/imports.py writes a batch in bulk,
the same rows the services would write, and the import is audited once by core.imports.

A status is only taken with what it rests on, as the services require: "implemented" needs a
verification source and a note of it; accepted, rejected and "reported implemented" the authority's
response; "no longer relevant" a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombuds.accounts.models import OrgUnit
from ombuds.complaints.models import RightTopic
from ombuds.core import imports
from ombuds.core.clock import WorkingCalendar
from ombuds.core.imports import Importer, ImportRefused, RowProblem
from ombuds.core.models import Authority, DeadlineRule, Import
from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.monitoring.models import Place
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import IMPORT
from ombuds.recommendations.services.imports import import_recommendation_rows
from ombuds.recommendations.services.lifecycle import IMPLEMENTATION_RULE, implementation_due

REQUIRED = ("number", "issued_on", "source", "addressee", "text_az")
NUMBER = re.compile(r"^(\d{4})/(\d{1,6})$")
TEXT_LIMITS = {"report_title": 300, "text_az": 20000, "text_en": 20000, "text_ru": 20000, "response_text": 20000}
# Without a `kind` column the source says which kind it is.
KIND_OF_SOURCE = {
    c.Source.VISIT: c.Kind.AFTER_VISIT,
    c.Source.APPLICATION: c.Kind.THEMATIC,
    c.Source.THEMATIC_REPORT: c.Kind.THEMATIC,
    c.Source.ANNUAL_REPORT: c.Kind.THEMATIC,
}
# Statuses only the authority's response leads to (record_response); the stance the response had.
BY_RESPONSE = {
    c.Status.ACCEPTED: c.Stance.ACCEPTS,
    c.Status.REJECTED: c.Stance.REJECTS,
    c.Status.REPORTED_IMPLEMENTED: c.Stance.IMPLEMENTED,
}
# What an assessment may rest on in the `verification` column (implemented: only the first three).
VERIFICATIONS = frozenset({*c.VERIFICATION_SOURCES, c.Evidence.STAFF_DECISION})
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")


@dataclass
class Context:
    unit: OrgUnit
    today: date
    authorities: dict[str, Authority]
    places: dict[str, list[Place]]
    rights: dict[str, RightTopic]
    units: dict[str, OrgUnit]
    rule: DeadlineRule
    calendar: WorkingCalendar
    file_name: str
    # number -> id for the register, None for a row earlier in this file not yet written
    known: dict[str, int | None] = field(default_factory=dict)


class RecommendationsImporter(Importer):
    kind = "recommendations"
    label = gettext_lazy("Past recommendations")
    permission = IMPORT
    audit_action = "recommendations.recommendation.imported"

    def required(self, options: dict) -> list[str]:
        return list(REQUIRED)

    def prepare(self, imp: Import) -> Context:
        unit = getattr(imp.created_by, "org_unit", None)
        if unit is None:
            raise ImportRefused(_("Your account has no unit: a recommendation belongs to one."))
        authorities: dict[str, Authority] = {}
        for authority in Authority.objects.all():
            for key in (authority.name_az, authority.name_en, authority.name_ru, authority.code):
                if key:
                    authorities[key.strip().casefold()] = authority
        places: dict[str, list[Place]] = {}
        for place in Place.objects.only("pk", "name_az", "name_en", "name_ru", "place_type", "region_id"):
            for key in {n.strip().casefold() for n in (place.name_az, place.name_en, place.name_ru) if n}:
                places.setdefault(key, []).append(place)
        return Context(
            unit=unit,
            today=timezone.localdate(),
            authorities=authorities,
            places=places,
            rights={r.code: r for r in RightTopic.objects.all()},
            units={u.code: u for u in OrgUnit.objects.all()},
            rule=DeadlineRule.objects.get(code=IMPLEMENTATION_RULE),
            calendar=WorkingCalendar.load(),
            file_name=imp.file_name,
            known=dict(Recommendation.objects.values_list("number", "pk").iterator(chunk_size=10000)),
        )

    def parse(self, ctx: Context, row: dict[str, str]) -> dict:
        cell = {name: (value or "").strip() for name, value in row.items() if name}
        for name in REQUIRED:
            if not cell.get(name):
                raise RowProblem(name, _("This column is required."))
        for name, limit in TEXT_LIMITS.items():
            if len(cell.get(name, "")) > limit:
                raise RowProblem(name, _("Longer than %(max)s characters.") % {"max": limit})
        year, sequence, number = _number(ctx, cell["number"])
        issued_on = _date(ctx, cell, "issued_on")
        assert issued_on is not None  # required above
        source = _coded(cell, "source", c.Source.values)
        if not cell.get("report_title"):
            # Nothing links an imported row to a visit or a case: the title says where it came from.
            raise RowProblem("report_title", _("Name the report, visit or case the recommendation comes from."))
        addressee = ctx.authorities.get(cell["addressee"].casefold())
        if addressee is None:
            raise RowProblem("addressee", _("Unknown authority “%(value)s”.") % {"value": cell["addressee"]})
        places = _places(ctx, cell.get("places", ""))
        place_type = _coded(cell, "place_type", PlaceType.values, blank=True)
        if not place_type and len({p.place_type for p in places}) == 1:
            place_type = places[0].place_type
        right = None
        if cell.get("right"):
            right = ctx.rights.get(cell["right"])
            if right is None:
                raise RowProblem("right", _("Unknown right or issue “%(value)s”.") % {"value": cell["right"]})
        unit = ctx.unit
        if cell.get("unit"):
            unit = ctx.units.get(cell["unit"])
            if unit is None:
                raise RowProblem("unit", _("Unknown unit “%(value)s”.") % {"value": cell["unit"]})
        due_date = _date(ctx, cell, "due_date")
        if due_date is not None and due_date <= issued_on:
            raise RowProblem("due_date", _("The due date must be after the day of issue."))
        repeats = cell.get("repeats", "")
        if repeats:
            repeats = _normalised(repeats)
            if repeats == number or repeats not in ctx.known:
                raise RowProblem(
                    "repeats",
                    _("No recommendation %(value)s in the register or earlier in the file.") % {"value": repeats},
                )
        item = {
            "number": number,
            "year": year,
            "sequence": sequence,
            "source": source,
            "report_title": cell["report_title"],
            "addressee": addressee,
            "places": places,
            "place_type": place_type,
            "area": _coded(cell, "area", ThematicArea.values, blank=True),
            "right": right,
            "kind": _coded(cell, "kind", c.Kind.values, blank=True) or KIND_OF_SOURCE[c.Source(source)],
            "priority": _coded(cell, "priority", c.Priority.values, blank=True) or c.Priority.MEDIUM,
            "text_az": cell["text_az"],
            "text_en": cell.get("text_en", ""),
            "text_ru": cell.get("text_ru", ""),
            "issued_on": issued_on,
            "due_date": due_date or implementation_due(issued_on, ctx.calendar, ctx.rule),
            "due_set_by_hand": due_date is not None,
            "repeats": repeats or None,
            "unit": unit,
            "region_id": _region(places),
            **_outcome(ctx, cell, issued_on),
        }
        ctx.known[number] = None  # later rows may repeat it; written by services/imports.py
        return item

    def write(self, actor, ctx: Context, items: list[dict]) -> tuple[int, int]:
        return import_recommendation_rows(actor, items, known=ctx.known, file_name=ctx.file_name), 0


def _normalised(text: str) -> str:
    match = NUMBER.match(text.strip())
    return f"{match[1]}/{int(match[2]):04d}" if match else text.strip()


def _number(ctx: Context, text: str) -> tuple[int, int, str]:
    match = NUMBER.match(text)
    if not match or int(match[2]) == 0:
        raise RowProblem("number", _("A number looks like 2024/0012."))
    year, sequence = int(match[1]), int(match[2])
    number = f"{year}/{sequence:04d}"
    if number in ctx.known:
        raise RowProblem("number", _("Number %(value)s is already in the register or the file.") % {"value": number})
    return year, sequence, number


def _date(ctx: Context, cell: dict[str, str], name: str) -> date | None:
    text = cell.get(name, "")
    if not text:
        return None
    found = None
    for fmt in DATE_FORMATS:
        try:
            found = datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time of day
            break
        except ValueError:
            continue
    if found is None:
        try:  # a spreadsheet's own date cells arrive as "2021-03-04 00:00:00"
            found = datetime.fromisoformat(text).date()
        except ValueError:
            raise RowProblem(name, _("Not a date (YYYY-MM-DD or DD.MM.YYYY): “%(value)s”.") % {"value": text}) from None
    if found > ctx.today and name != "due_date":
        raise RowProblem(name, _("The date cannot be in the future."))
    return found


def _coded(cell: dict[str, str], name: str, allowed, *, blank: bool = False) -> str:
    value = cell.get(name, "")
    if not value and blank:
        return ""
    if value not in allowed:
        raise RowProblem(name, _("Unknown value “%(value)s”.") % {"value": value})
    return value


def _places(ctx: Context, text: str) -> list[Place]:
    places = []
    for name in filter(None, (part.strip() for part in text.split(";"))):
        found = ctx.places.get(name.casefold(), [])
        if not found:
            raise RowProblem("places", _("Unknown place “%(value)s”.") % {"value": name})
        if len(found) > 1:
            raise RowProblem("places", _("Several places are called “%(value)s”.") % {"value": name})
        if found[0] not in places:
            places.append(found[0])
    return places


def _region(places: list[Place]) -> int | None:
    """The places' region when they share one (the regional staff then see it), else none."""
    regions = {p.region_id for p in places}
    return regions.pop() if len(regions) == 1 else None


def _outcome(ctx: Context, cell: dict[str, str], issued_on: date) -> dict[str, Any]:
    """The status, the authority's response and the history lines from issue to the status, with
    the evidence each rests on; refused when the file does not give what the services would need."""
    status = _coded(cell, "status", set(c.Status.values) - {c.Status.DRAFT}, blank=True) or c.Status.ISSUED
    note = cell.get("status_note", "")
    response = None
    response_date = _date(ctx, cell, "response_date")
    answered = bool(response_date or cell.get("response_text"))
    if status in (c.Status.ISSUED, c.Status.NO_RESPONSE) and answered:
        raise RowProblem("status", _("A response was received: the status cannot be “%(value)s”.") % {"value": status})
    if answered:
        if response_date is None:
            raise RowProblem("response_date", _("Give the date the response was received."))
        if not cell.get("response_text"):
            raise RowProblem("response_text", _("Enter the response."))
        if response_date < issued_on:
            raise RowProblem("response_date", _("The response cannot come before the recommendation was issued."))
        stance = _coded(cell, "response_stance", c.Stance.values, blank=True) or _stance_of(status, cell)
        response = {"received_on": response_date, "stance": stance, "text": cell["response_text"]}
    if status in BY_RESPONSE and response is None:
        raise RowProblem("response_text", _("This status rests on the authority's response: give its date and text."))
    verification = _coded(cell, "verification", VERIFICATIONS, blank=True)
    if status == c.Status.IMPLEMENTED:
        if verification not in c.VERIFICATION_SOURCES:
            raise RowProblem(
                "verification",
                _("Implemented needs a verification: document, follow_up_visit or authority_report, with a note."),
            )
        if not note:
            raise RowProblem("status_note", _("Say what verified the implementation."))
    if verification == c.Evidence.AUTHORITY_REPORT_VERIFIED and (
        response is None or response["stance"] != c.Stance.IMPLEMENTED
    ):
        raise RowProblem("verification", _("The authority has not reported it implemented."))
    if status == c.Status.NO_LONGER_RELEVANT and not note:
        raise RowProblem("status_note", _("Give a reason."))

    lines = [(c.Status.DRAFT, c.Status.ISSUED, issued_on, c.Evidence.STAFF_DECISION, False)]
    current, on = c.Status.ISSUED, issued_on
    if response is not None:
        target = c.STANCE_STATUS[c.Stance(response["stance"])]
        if status in BY_RESPONSE and target != status:
            raise RowProblem("response_stance", _("The status must be what the authority's response says."))
        if target != current:
            lines.append((current, target, response["received_on"], c.Evidence.AUTHORITY_RESPONSE, True))
            current, on = target, response["received_on"]
    if status != current:
        if status not in c.TRANSITIONS[current]:
            raise RowProblem("status", _("The status cannot follow the authority's response as given."))
        status_date = _date(ctx, cell, "status_date")
        if status_date is None:
            raise RowProblem("status_date", _("Give the date of the status."))
        if status_date < on:
            raise RowProblem("status_date", _("The status cannot be dated before the issue or the response."))
        lines.append((current, status, status_date, _evidence(status, verification), False))
        on = status_date
    return {"status": status, "status_changed_on": on, "response": response, "note": note, "lines": lines}


def _stance_of(status: str, cell: dict[str, str]) -> str:
    if status in BY_RESPONSE:
        return BY_RESPONSE[c.Status(status)]
    if status == c.Status.IN_PROGRESS:
        return c.Stance.PROGRESS
    if status == c.Status.IMPLEMENTED and cell.get("verification") == c.Evidence.AUTHORITY_REPORT_VERIFIED:
        return c.Stance.IMPLEMENTED
    raise RowProblem(
        "response_stance", _("Say what the authority answered: accepts, rejects, progress or implemented.")
    )


def _evidence(status: str, verification: str) -> str:
    if status == c.Status.NO_RESPONSE:
        return c.Evidence.CLOCK
    if status == c.Status.NO_LONGER_RELEVANT:
        return c.Evidence.STAFF_DECISION
    return verification or c.Evidence.STAFF_DECISION


imports.register(RecommendationsImporter())
