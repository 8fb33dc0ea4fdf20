"""Import of a register of applications exported from an earlier system (CSV or XLSX), on core's
bulk import (ombuds/core/imports.py), with a mapping file that says how to read it.

The mapping (JSON; sample in docs/import/) names, for each field below, the file's column; gives
value maps from the file's words to ours (status, channel, district, unit, applicant kind,
sensitivity, type); the date formats the file uses; and defaults for columns the file lacks:

    {"columns": {"Qeydiyyat №": "legacy_number", "Tarix": "received_at", ...},
     "values": {"status": {"Baxılıb": "closed", ...}, "district": {"Bakı ş.": "baku"}, ...},
     "date_formats": ["%d.%m.%Y", "%d.%m.%Y %H:%M"],
     "defaults": {"unit": "dept_complaints", "channel": "post"}}

Each row becomes an application with a number of this register (the earlier number is kept in
`legacy_number`, and a number already imported is refused, so nothing goes in twice) and, unless
anonymous, its applicant; see complaints/services/legacy.py for what is and is not started.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombuds.accounts.models import OrgUnit
from ombuds.complaints import choices as c
from ombuds.complaints import services
from ombuds.complaints.models import Application
from ombuds.complaints.permissions import IMPORT
from ombuds.core import imports
from ombuds.core.imports import Importer, RowProblem
from ombuds.core.models import District, Import

BAKU = ZoneInfo("Asia/Baku")
REQUIRED = ("legacy_number", "received_at", "summary", "district")
TEXT = {  # field -> longest value the register keeps
    "legacy_number": 60,
    "surname": 100,
    "given_name": 100,
    "patronymic": 100,
    "organisation": 200,
    "summary": 20000,
    "address": 500,
    "phone": 60,
    "email": 200,
}
CODED = {  # field -> the values our register knows
    "status": frozenset(c.Status.values),
    "channel": frozenset(c.Channel.values),
    "applicant_kind": frozenset(c.ApplicantKind.values),
    "sensitivity": frozenset(c.Sensitivity.values),
    "app_type": frozenset(c.ApplicationType.values),
}
DATES = ("received_at", "closed_at")
FIELDS = frozenset({*TEXT, *CODED, *DATES, "district", "unit"})
DEFAULTS = {
    "status": c.Status.CLOSED,
    "channel": c.Channel.POST,
    "applicant_kind": c.ApplicantKind.PERSON,
    "sensitivity": c.Sensitivity.NORMAL,
    "app_type": c.ApplicationType.COMPLAINT,
}


def check_mapping(mapping) -> dict:
    """The mapping as read from its file, or ValidationError saying what is wrong with it."""
    if not isinstance(mapping, dict) or not isinstance(mapping.get("columns"), dict):
        raise ValidationError(_("The mapping must be a JSON object with “columns”."))
    targets = set(mapping["columns"].values())
    unknown = sorted(targets - FIELDS)
    if unknown:
        raise ValidationError(_("The mapping names unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)})
    missing = [name for name in REQUIRED if name not in targets]
    if missing:
        raise ValidationError(_("The mapping lacks columns for: %(fields)s.") % {"fields": ", ".join(missing)})
    if not all(isinstance(v, dict) for v in mapping.get("values", {}).values()):
        raise ValidationError(_("Each value map must be a JSON object."))
    return mapping


class RegisterImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Register (CSV or XLSX)"))
    mapping = forms.FileField(
        label=gettext_lazy("Mapping (JSON)"),
        help_text=gettext_lazy("Which column holds which field, and how the file's words map to ours."),
    )

    def clean_mapping(self):
        upload = self.cleaned_data["mapping"]
        try:
            return check_mapping(json.loads(upload.read().decode("utf-8-sig")))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError(_("The mapping is not a readable JSON file.")) from exc

    def options(self) -> dict:
        return self.cleaned_data["mapping"]


@dataclass
class Context:
    source: dict[str, str]  # field -> column of the file
    values: dict[str, dict[str, str]]
    date_formats: list[str]
    defaults: dict[str, str]
    districts: dict[str, District]
    units: dict[str, OrgUnit]
    seen: set[str] = field(default_factory=set)  # legacy numbers in the register or earlier in the file


class RegisterImporter(Importer):
    kind = "register"
    label = gettext_lazy("Register of applications from an earlier system")
    permission = IMPORT
    audit_action = "complaints.application.imported"
    form_class = RegisterImportForm

    def required(self, options: dict) -> list[str]:
        columns = {target: column for column, target in options.get("columns", {}).items()}
        return [columns[name] for name in REQUIRED if name in columns]

    def prepare(self, imp: Import) -> Context:
        mapping = imp.options
        districts: dict[str, District] = {}
        for district in District.objects.all():
            for key in (district.code, district.name_az, district.name_en, district.name_ru):
                if key:
                    districts[key.casefold()] = district
        return Context(
            source={target: column for column, target in mapping["columns"].items()},
            values={
                name: {k.casefold(): v for k, v in table.items()} for name, table in mapping.get("values", {}).items()
            },
            date_formats=mapping.get("date_formats") or ["%Y-%m-%d", "%Y-%m-%d %H:%M", "%d.%m.%Y"],
            defaults=mapping.get("defaults", {}),
            districts=districts,
            units={unit.code: unit for unit in OrgUnit.objects.all()},
            seen=set(Application.objects.exclude(legacy_number="").values_list("legacy_number", flat=True)),
        )

    def parse(self, ctx: Context, row: dict[str, str]) -> dict:
        data = {name: _cell(ctx, row, name) for name in ctx.source}
        for name in REQUIRED:
            if not data.get(name):
                raise RowProblem(ctx.source[name], _("This column is required."))
        for name, limit in TEXT.items():
            if len(data.get(name, "")) > limit:
                raise RowProblem(ctx.source[name], _("Longer than %(max)s characters.") % {"max": limit})
        if data["legacy_number"] in ctx.seen:
            raise RowProblem(
                ctx.source["legacy_number"],
                _("Number %(value)s is already in the register.") % {"value": data["legacy_number"]},
            )
        parsed = {name: data.get(name, "") for name in TEXT}
        for name, allowed in CODED.items():
            value = _mapped(ctx, name, data.get(name, "")) or ctx.defaults.get(name) or DEFAULTS[name]
            if value not in allowed:
                raise RowProblem(ctx.source.get(name, name), _("Unknown value “%(value)s”.") % {"value": value})
            parsed[name] = value
        for name in DATES:
            parsed[name] = _date(ctx, name, data.get(name, ""))
        district = ctx.districts.get(_mapped(ctx, "district", data["district"]).casefold())
        if district is None:
            raise RowProblem(ctx.source["district"], _("Unknown district “%(value)s”.") % {"value": data["district"]})
        unit_code = _mapped(ctx, "unit", data.get("unit", "")) or ctx.defaults.get("unit", "")
        unit = ctx.units.get(unit_code)
        if unit is None:
            raise RowProblem(ctx.source.get("unit", "unit"), _("Unknown unit “%(value)s”.") % {"value": unit_code})
        ctx.seen.add(data["legacy_number"])
        return {**parsed, "district": district, "unit": unit}

    def write(self, actor, ctx: Context, items: list[dict]) -> tuple[int, int]:
        return services.import_legacy_applications(actor, items), 0


def _cell(ctx: Context, row: dict[str, str], name: str) -> str:
    return (row.get(ctx.source[name]) or "").strip()


def _mapped(ctx: Context, name: str, value: str) -> str:
    return ctx.values.get(name, {}).get(value.casefold(), value)


def _date(ctx: Context, name: str, text: str) -> datetime | None:
    if not text:
        return None
    for fmt in ctx.date_formats:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=BAKU)
        except ValueError:
            continue
    try:  # a spreadsheet's own date cells arrive as ISO text
        return datetime.fromisoformat(text).replace(tzinfo=BAKU)
    except ValueError:
        pass
    raise RowProblem(ctx.source[name], _("Not a date in the mapping's formats: “%(value)s”.") % {"value": text})


imports.register(RegisterImporter())
