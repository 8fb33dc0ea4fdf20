"""Import of the register of places from CSV or XLSX, row by row, with a per-row error report.

Columns (those of the sourced list in ombuds/core/data/az-places-of-detention.csv):
name_en, name_az, name_ru, type, supervising_authority, district_code, capacity, source, note.
A row that fails is reported with its number and reason and does not stop the others; a row
matching an existing place (same Azerbaijani name and district) updates it through the audited
service. A file that cannot be read at all (an unknown text encoding, a broken workbook) is
refused whole with `ImportRefused`. Values are stored as written: a cell such as "=1+1" is a name
here and is neutralised by the exports (`ombuds.core.exports.safe_cell`), not altered on entry.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.core.models import Authority, District
from ombuds.monitoring import services
from ombuds.monitoring.choices import PlaceType
from ombuds.monitoring.models import Place

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


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


class ImportRefused(ValidationError):
    """The file as a whole cannot be read: nothing is imported, and the message says why."""


def _cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _reads_as_russian(text: str) -> bool:
    """Latin-1 or Turkish text decoded as Windows-1251 turns its accented letters into Cyrillic
    inside Latin words ("Café" → "Cafй"); real Russian text has whole Cyrillic words."""
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    if not letters or sum(map(_cyrillic, letters)) < 0.9 * len(letters):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return not any(any(map(_cyrillic, w)) and any(ch.isascii() for ch in w) for w in words)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM that spreadsheet programs add); else Windows-1251 when the
    text it gives is Russian as Cyrillic files from older offices are; else refused: a guess in
    another single-byte code page would import mangled names without a word."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if _reads_as_russian(text):
        return text
    raise ImportRefused(
        _("The file is not in UTF-8. Save it as “CSV UTF-8” (or as XLSX) and import it again."), code="encoding"
    )


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook  # only needed for spreadsheets

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).active
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise ImportRefused(
                _("The file is not a readable XLSX workbook. Open it in a spreadsheet program and save it again."),
                code="xlsx",
            ) from exc
        rows = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(rows, ())]
        for values in rows:
            yield {k: "" if v is None else str(v).strip() for k, v in zip(header, values, strict=False)}
        return
    try:
        yield from csv.DictReader(io.StringIO(_decode(path.read_bytes()), newline=""))
    except csv.Error as exc:
        raise ImportRefused(_("The file is not a readable CSV table."), code="csv") from exc


def import_places(actor, path: Path, *, progress=None) -> Report:
    report = Report()
    rows = list(read_rows(path))
    districts = {d.code: d for d in District.objects.all()}
    authorities = {a.code: a for a in Authority.objects.all()}
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        try:
            missing = [name for name in REQUIRED if not row.get(name)]
            if missing:
                raise ValidationError(f"missing {', '.join(missing)}")
            if row["type"] not in PlaceType.values:
                raise ValidationError(f"unknown type {row['type']!r}")
            district = districts.get(row["district_code"])
            if district is None:
                raise ValidationError(f"unknown district {row['district_code']!r}")
            capacity = int(row["capacity"]) if row.get("capacity") else None
            code = AUTHORITY_BY_TEXT.get(row.get("supervising_authority", "").strip().lower())
            fields = dict(
                name_en=row.get("name_en", ""),
                name_ru=row.get("name_ru", ""),
                place_type=row["type"],
                authority=authorities.get(code),
                capacity=capacity,
                source=row.get("source", ""),
                note=row.get("note", ""),
            )
            with transaction.atomic():
                existing = Place.objects.filter(name_az=row["name_az"], district=district).first()
                if existing:
                    services.update_place(actor, existing, **fields)  # audited, like every write
                    report.updated += 1
                else:
                    services.register_place(actor, name_az=row["name_az"], district=district, **fields)
                    report.created += 1
        except (ValidationError, ValueError) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            report.errors.append((number, message))
        if progress:
            progress(number - 1, len(rows))
    return report
