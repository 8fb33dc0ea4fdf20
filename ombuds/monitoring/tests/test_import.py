import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from ombuds.monitoring.importer import import_places
from ombuds.monitoring.models import Place

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).resolve().parents[2] / "core" / "data" / "az-places-of-detention.csv"


def test_the_sourced_register_imports_cleanly_and_again_without_duplicates():
    report = import_places(None, REFERENCE)
    assert report.rejected_count == 0 and report.created_count == Place.objects.count() >= 60
    isolator = Place.objects.get(name_en__startswith="Baku Investigative Isolator")
    assert (isolator.capacity, isolator.place_type, isolator.authority.code) == (
        2500,
        "pretrial_isolator",
        "penitentiary_service",
    )
    again = import_places(None, REFERENCE)  # the same file: the same, finished import
    assert again.pk == report.pk and Place.objects.count() == report.created_count


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
    with translation.override("en"):
        report = import_places(None, path)
    problems = [(p.row, p.column) for p in report.problems.all()]
    assert report.created_count == 1 and problems == [(3, "type"), (4, "district_code"), (5, "capacity")]
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_places", str(path), stdout=out, stderr=err)
    assert "row 4 (district_code): Unknown district code “atlantis”." in out.getvalue()
    assert "4/4 rows" in out.getvalue()


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
    assert report.rejected_count == 0 and Place.objects.get().region.code == "northwest"


HEADER = "name_en,name_az,type,supervising_authority,district_code,capacity,source,note\n"


def test_a_cyrillic_file_in_windows_1251_is_read(tmp_path):
    path = tmp_path / "places.csv"
    path.write_bytes((HEADER + "Colony,Колония №1,penitentiary,,baku,10,,\n").encode("cp1251"))
    report = import_places(None, path)
    assert report.rejected_count == 0 and Place.objects.get().name_az == "Колония №1"


@pytest.mark.parametrize(
    "content",
    [
        (HEADER + "Café,Yer é,penitentiary,,baku,,,\n").encode("latin-1"),  # latin-1: refused, not guessed
        (HEADER + "Ganja,Gəncə ş,penitentiary,,ganja,,,\n").encode("utf-16"),
    ],
)
def test_a_file_in_another_encoding_is_refused_with_a_message(tmp_path, content):
    from django.utils import translation

    from ombuds.monitoring.importer import ImportRefused

    path = tmp_path / "places.csv"
    path.write_bytes(content)
    with translation.override("en"), pytest.raises(ImportRefused) as refused:
        import_places(None, path)
    assert "UTF-8" in refused.value.messages[0] and not Place.objects.exists()
    with translation.override("az"), pytest.raises(CommandError) as error:
        call_command("import_places", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert "UTF-8" in str(error.value) and "Save it" not in str(error.value)  # in the user's language


def test_a_broken_workbook_is_refused_with_a_message(tmp_path):
    from ombuds.monitoring.importer import ImportRefused

    path = tmp_path / "places.xlsx"
    path.write_text(HEADER)  # a CSV renamed to .xlsx: not a zip
    with pytest.raises(ImportRefused):
        import_places(None, path)
    with pytest.raises(CommandError):
        call_command("import_places", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_an_import_that_changes_a_place_is_audited_and_keeps_formulas_as_text(tmp_path):
    from ombuds.core.models import AuditEvent

    path = tmp_path / "places.csv"
    path.write_text(HEADER + "First,Yer,penitentiary,,baku,10,,\n", encoding="utf-8")
    import_places(None, path)
    path.write_text(HEADER + "=HYPERLINK(1),Yer,penitentiary,,baku,12,,\n", encoding="utf-8")
    assert import_places(None, path).updated_count == 1
    place = Place.objects.get()
    assert (place.capacity, place.name_en) == (12, "=HYPERLINK(1)")  # stored as written; exports neutralise
    event = AuditEvent.objects.get(action="monitoring.place.updated")
    assert event.changes == {"name_en": ["First", "=HYPERLINK(1)"], "capacity": [10, 12]}
