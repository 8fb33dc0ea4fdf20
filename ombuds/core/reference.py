"""Loading of the sourced reference lists shipped in ombuds/core/data/.

Used by data migrations (with historical models) and safe to run again: rows are matched by
code and updated, never duplicated. Edits made later in the admin win over the file only
until the next explicit reload.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Service regions. The seats follow the Ombudsman's published regional centres; the mapping of
# centre names to cities is marked unverified in domain.md §1.2 and stays editable in the admin.
REGIONS = [
    # code, name az/en/ru, seat az/en/ru, partner, order, CSV value of ombudsman_regional_centre
    (
        "hq",
        "Bakı (mərkəzi aparat)",
        "Baku (head office)",
        "Баку (центральный аппарат)",
        "Bakı",
        "Baku",
        "Баку",
        False,
        0,
        "none",
    ),
    (
        "north",
        "Şimal regional mərkəzi",
        "Northern Regional Centre",
        "Северный региональный центр",
        "Quba",
        "Guba",
        "Губа",
        False,
        1,
        "north",
    ),
    (
        "south",
        "Cənub regional mərkəzi",
        "Southern Regional Centre",
        "Южный региональный центр",
        "Cəlilabad / Masallı",
        "Jalilabad / Masalli",
        "Джалилабад / Масаллы",
        False,
        2,
        "south",
    ),
    (
        "west",
        "Qərb regional mərkəzi",
        "Western Regional Centre",
        "Западный региональный центр",
        "Gəncə",
        "Ganja",
        "Гянджа",
        False,
        3,
        "west",
    ),
    (
        "northwest",
        "Şimal-Qərb regional mərkəzi",
        "North-Western Regional Centre",
        "Северо-Западный региональный центр",
        "Şəki",
        "Sheki",
        "Шеки",
        False,
        4,
        "northwest",
    ),
    (
        "nakhchivan",
        "Naxçıvan Muxtar Respublikası",
        "Nakhchivan Autonomous Republic",
        "Нахчыванская Автономная Республика",
        "Naxçıvan",
        "Nakhchivan",
        "Нахчыван",
        True,
        5,
        "nakhchivan",
    ),
]


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_geography(Region, District) -> None:  # noqa: N803 - historical model classes
    by_centre = {}
    for code, n_az, n_en, n_ru, c_az, c_en, c_ru, partner, order, centre in REGIONS:
        region, _ = Region.objects.update_or_create(
            code=code,
            defaults=dict(
                name_az=n_az,
                name_en=n_en,
                name_ru=n_ru,
                centre_az=c_az,
                centre_en=c_en,
                centre_ru=c_ru,
                is_partner=partner,
                sort_order=order,
            ),
        )
        by_centre[centre] = region
    for row in read_csv("az-regions-districts.csv"):
        District.objects.update_or_create(
            code=row["code"],
            defaults=dict(
                name_az=row["name_az"],
                name_en=row["name_en"],
                name_ru=row["name_ru"],
                kind=row["kind"],
                economic_region=row["economic_region"],
                region=by_centre[row["ombudsman_regional_centre"]],
                source=row["source"],
                note=row["note"],
            ),
        )
