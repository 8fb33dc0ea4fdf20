"""Import of the register of places from CSV or XLSX, on core's bulk import (ombuds/core/imports.py).

Columns (those of the sourced list in ombuds/core/data/az-places-of-detention.csv):
name_en, name_az, name_ru, type, supervising_authority, district_code, capacity, source, note.
A row that fails is reported with its number, column and reason and does not stop the others; a
row matching an existing place (same Azerbaijani name and district) updates it through the audited
service. Values are stored as written: a cell such as "=1+1" is a name here and is neutralised by
the exports (`ombuds.core.exports.safe_cell`), not altered on entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombuds.core import imports
from ombuds.core.choices import ImportState
from ombuds.core.imports import Importer, ImportRefused, RowProblem
from ombuds.core.models import Authority, District, Import
from ombuds.monitoring import services
from ombuds.monitoring.choices import PlaceType
from ombuds.monitoring.models import Place
from ombuds.monitoring.permissions import MANAGE_VISITS

__all__ = ["ImportRefused", "PlacesImporter", "import_places"]

# The supervising bodies as written in the reference list, mapped to authority codes.
AUTHORITY_BY_TEXT = {
    "ministry of justice / penitentiary service": "penitentiary_service",
    "ministry of internal affairs": "mia",
    "state security service": "sss",
    "state migration service": "sms",
    "ministry of health": "moh",
    "ministry of labour and social protection of population": "mlspp",
    "ministry of science and education": "mse",
}
REQUIRED = ("name_az", "type", "district_code")
PLACE_TYPES = frozenset(PlaceType.values)
TEXT_LIMITS = {"name_az": 250, "name_en": 250, "name_ru": 250}


@dataclass
class Lookups:
    districts: dict[str, District]
    authorities: dict[str, Authority]
    existing: dict[tuple[str, int], Place]  # (name_az, district id) -> place


class PlacesImporter(Importer):
    kind = "places"
    label = gettext_lazy("Register of places")
    permission = MANAGE_VISITS
    audit_action = "monitoring.place.imported"

    def required(self, options: dict) -> list[str]:
        return list(REQUIRED)

    def prepare(self, imp: Import) -> Lookups:
        authorities = {a.code: a for a in Authority.objects.all()}
        return Lookups(
            districts={d.code: d for d in District.objects.all()},
            authorities={text: authorities[code] for text, code in AUTHORITY_BY_TEXT.items() if code in authorities},
            existing={(p.name_az, p.district_id): p for p in Place.objects.select_related("authority")},
        )

    def parse(self, ctx: Lookups, row: dict[str, str]) -> dict:
        for name in REQUIRED:
            if not (row.get(name) or "").strip():
                raise RowProblem(name, _("This column is required."))
        for name, limit in TEXT_LIMITS.items():
            if len(row.get(name) or "") > limit:
                raise RowProblem(name, _("Longer than %(max)s characters.") % {"max": limit})
        place_type = row["type"].strip()
        if place_type not in PLACE_TYPES:
            raise RowProblem("type", _("Unknown type “%(value)s”.") % {"value": place_type})
        district = ctx.districts.get(row["district_code"].strip())
        if district is None:
            raise RowProblem("district_code", _("Unknown district code “%(value)s”.") % {"value": row["district_code"]})
        capacity_text = (row.get("capacity") or "").strip()
        capacity = None
        if capacity_text:
            if not capacity_text.isdigit():
                raise RowProblem("capacity", _("Not a whole number: “%(value)s”.") % {"value": capacity_text})
            capacity = int(capacity_text)
        return {
            "name_az": row["name_az"],
            "district": district,
            "name_en": row.get("name_en") or "",
            "name_ru": row.get("name_ru") or "",
            "place_type": place_type,
            "authority": ctx.authorities.get((row.get("supervising_authority") or "").strip().lower()),
            "capacity": capacity,
            "source": row.get("source") or "",
            "note": row.get("note") or "",
        }

    def write(self, actor, ctx: Lookups, items: list[dict]) -> tuple[int, int]:
        return services.import_place_rows(actor, items, ctx.existing)


imports.register(PlacesImporter())


def import_places(actor, path: Path) -> Import:
    """Import a file here and now (the command, the demo); a file that cannot be read is refused
    whole with `ImportRefused`."""
    with path.open("rb") as handle:
        imp = imports.start_import(actor, PlacesImporter.kind, File(handle, name=path.name), background=False)
    if imp.state == ImportState.REFUSED:
        raise ImportRefused(imp.message, code="file")
    return imp
