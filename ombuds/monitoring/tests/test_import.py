import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ombuds.monitoring.importer import import_places
from ombuds.monitoring.models import Place

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).resolve().parents[2] / "core" / "data" / "az-places-of-detention.csv"


def test_the_sourced_register_imports_cleanly_and_again_without_duplicates():
    report = import_places(None, REFERENCE)
    assert report.errors == [] and report.created == Place.objects.count() >= 60
    isolator = Place.objects.get(name_en__startswith="Baku Investigative Isolator")
    assert (isolator.capacity, isolator.place_type, isolator.authority.code) == (
        2500,
        "pretrial_isolator",
        "penitentiary_service",
    )
    again = import_places(None, REFERENCE)
    assert again.created == 0 and again.updated == report.created


def test_bad_rows_are_reported_and_the_good_ones_kept(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text(
        "name_en,name_az,type,supervising_authority,district_code,capacity,source,note\n"
        "Good,Yaxşı yer,penitentiary,Ministry of Internal Affairs,baku,100,,\n"
        "No type,Tipsiz,,Ministry of Internal Affairs,baku,,,\n"
        "Bad district,Səhv rayon,penitentiary,,atlantis,,,\n"
        "Bad capacity,Səhv tutum,penitentiary,,baku,many,,\n",
        encoding="utf-8",
    )
    report = import_places(None, path)
    assert report.created == 1 and [row for row, _ in report.errors] == [3, 4, 5]
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_places", str(path), stdout=out, stderr=err)
    assert "row 4: unknown district 'atlantis'" in out.getvalue() and "4/4" in err.getvalue()


def test_xlsx_import(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["name_en", "name_az", "type", "supervising_authority", "district_code", "capacity"])
    sheet.append(
        [
            "Children's home",
            "Uşaq evi",
            "children_home",
            "Ministry of Labour and Social Protection of Population",
            "shaki",
            80,
        ]
    )
    book.save(tmp_path / "places.xlsx")
    report = import_places(None, tmp_path / "places.xlsx")
    assert report.errors == [] and Place.objects.get().region.code == "northwest"
