"""Import of past recommendations (recommendations/importer.py) with the sample of docs/import/."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from ombuds.core import imports
from ombuds.core.models import AuditEvent, Deadline
from ombuds.monitoring.testing import make_place
from ombuds.recommendations.importer import RecommendationsImporter
from ombuds.recommendations.models import AuthorityResponse, Recommendation, StatusChange
from ombuds.recommendations.services.drafting import next_number

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "import" / "recommendations-sample.csv"


@pytest.fixture
def places():
    return [
        make_place(None, name_az="Bakı İstintaq Təcridxanası", name_en="Baku Investigative Isolator"),
        make_place(None, name_az="2 saylı İstintaq Təcridxanası (Gəncə)", district="ganja"),
    ]


def _upload(content: bytes | None = None, name: str = "recommendations.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, SAMPLE.read_bytes() if content is None else content)


def _import(actor, upload):
    return imports.start_import(actor, "recommendations", upload, background=False)


def _rows() -> list[dict]:
    with SAMPLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(_rows()[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _history(number: str) -> list[tuple]:
    return list(
        StatusChange.objects.filter(recommendation__number=number)
        .order_by("happened_on", "pk")
        .values_list("old_status", "new_status", "happened_on", "evidence")
    )


def test_the_sample_imports_with_numbers_history_responses_and_one_event(persona, places):
    head = persona("department_head")
    imp = _import(head, _upload())
    assert (imp.state, imp.created_count, imp.rejected_count) == ("done", 7, 0), list(
        imp.problems.values_list("row", "column", "message")
    )
    shower = Recommendation.objects.get(number="2021/0014")
    assert (shower.status, shower.addressee.code, shower.area, shower.right.code) == (
        "implemented",
        "moj",
        "material_conditions",
        "detention_conditions",
    )
    assert list(shower.places.all()) == [places[0]] and shower.place_type == "pretrial_isolator"
    assert shower.unit == head.org_unit and shower.responsible == head and shower.region_id == places[0].region_id
    assert shower.due_date == date(2021, 9, 15) and shower.due_set_by_hand
    assert _history("2021/0014") == [
        ("draft", "issued", date(2021, 3, 15), "staff_decision"),
        ("issued", "accepted", date(2021, 4, 12), "authority_response"),
        ("accepted", "implemented", date(2021, 11, 10), "follow_up_visit"),
    ]
    lines = list(shower.history.order_by("happened_on"))
    assert "recommendations.csv" in lines[0].note and lines[1].response.stance == "accepts"
    assert lines[2].note.startswith("Təkrar baş çəkmə") and shower.status_changed_on == date(2021, 11, 10)
    # A repeat of an earlier row of the same file is linked to it; the status follows the response.
    repeat = Recommendation.objects.get(number="2022/0003")
    assert repeat.repeats.number == "2021/0015" and repeat.status == "in_progress"
    assert _history("2022/0003")[-1] == ("issued", "in_progress", date(2022, 3, 1), "authority_response")
    # The addressee by its English or Azerbaijani name; the due date from the legal clock when not given.
    assert Recommendation.objects.get(number="2023/0041").addressee.code == "mia"
    annual = Recommendation.objects.get(number="2024/0007")
    # Six months on is Sunday 1 September 2024: the rule rolls it to the next working day.
    assert annual.addressee.code == "moh" and annual.due_date == date(2024, 9, 2) and not annual.due_set_by_hand
    assert _history("2024/0008")[-1][1:] == ("no_longer_relevant", date(2025, 2, 1), "staff_decision")
    assert AuthorityResponse.objects.count() == 4
    # Only the one awaiting its response runs the response clock, from its day of issue.
    assert list(Deadline.objects.values_list("object_id", "rule__code")) == [(annual.pk, "recommendation_response")]
    # Past ones are not reminded of a due date that had passed before the import.
    assert annual.reminded_after_due and annual.reminded_before_due
    # Numbers drawn later go past the highest imported one.
    with transaction.atomic():
        assert next_number(2025) == (103, "2025/0103")
    events = AuditEvent.objects.filter(action__startswith="recommendations.")
    assert list(events.values_list("action", flat=True)) == ["recommendations.recommendation.imported"]
    assert events.get().changes["rows"] == 7 and events.get().changes["sha256"] == imp.sha256


def test_the_same_file_again_writes_nothing_twice(persona, places):
    head = persona("commissioner")
    first = _import(head, _upload())
    again = _import(head, _upload())
    assert again.pk == first.pk and Recommendation.objects.count() == 7


def _bad_rows() -> tuple[list[dict], list[tuple[int, str]]]:
    good = _rows()[4]  # 2024/0007: issued, to the Ministry of Health
    cases = [
        ({"number": "2024/0007"}, "number"),  # already in the register (imported first)
        ({"number": "2019/0001", "addressee": "Ministry of Magic"}, "addressee"),
        ({"number": "2019/0002", "places": "Atlantis"}, "places"),
        ({"number": "2019/0003", "right": "flying"}, "right"),
        ({"number": "2019/0004", "status": "forgotten"}, "status"),
        ({"number": "2019/0005", "issued_on": "31.02.2019"}, "issued_on"),
        ({"number": "2019/0006", "repeats": "2018/0099"}, "repeats"),
        ({"number": "2019/0007", "status": "implemented", "status_date": "2020-01-01"}, "verification"),
        ({"number": "2019/0008", "issued_on": "2999-01-01"}, "issued_on"),
        ({"number": "19/8"}, "number"),
        ({"number": "2019/0009", "status": "accepted", "status_date": "2020-01-01"}, "response_text"),
        ({"number": "2019/0010", "status": "no_longer_relevant", "status_date": "2020-01-01"}, "status_note"),
        ({"number": "2019/0011", "response_date": "2024-04-01", "response_text": "Yes."}, "status"),
        ({"number": "2019/0012", "due_date": "2019-01-01", "issued_on": "2019-02-01"}, "due_date"),
        ({"number": "2019/0013", "text_az": ""}, "text_az"),
        ({"number": "2019/0020"}, ""),  # a good row
        ({"number": "2019/0020"}, "number"),  # the same number twice in the file
    ]
    rows = [{**good, **change} for change, _column in cases]
    problems = [(row, column) for row, (_change, column) in enumerate(cases, start=2) if column]
    return rows, problems


def test_each_bad_row_is_reported_with_its_column_and_the_others_go_in(persona, places):
    head = persona("department_head")
    _import(head, _upload())
    rows, expected = _bad_rows()
    imp = _import(head, _upload(_csv(rows), "more.csv"))
    assert list(imp.problems.order_by("row").values_list("row", "column")) == expected
    assert imp.created_count == 1 and Recommendation.objects.filter(number__startswith="2019/").count() == 1
    implemented = imp.problems.get(column="verification").message
    assert all(code in implemented for code in ("document", "follow_up_visit", "authority_report"))


def test_implemented_by_the_authority_report_needs_its_report(persona, places):
    head = persona("department_head")
    row = {
        **_rows()[0],
        "verification": "authority_report",
        "response_stance": "",
        "response_text": "Təmir başa çatıb.",
        "response_date": "2021-06-01",
        "number": "2021/0050",
    }
    imp = _import(head, _upload(_csv([row, {**row, "number": "2021/0051", "response_stance": "accepts"}])))
    assert list(imp.problems.values_list("row", "column")) == [(3, "verification")]
    assert _history("2021/0050") == [
        ("draft", "issued", date(2021, 3, 15), "staff_decision"),
        ("issued", "reported_implemented", date(2021, 6, 1), "authority_response"),
        ("reported_implemented", "implemented", date(2021, 11, 10), "authority_report"),
    ]


def test_repeats_across_batches_and_of_the_register(persona, places, monkeypatch):
    monkeypatch.setattr(RecommendationsImporter, "batch_size", 2)
    head = persona("department_head")
    imp = _import(head, _upload())
    assert imp.created_count == 7
    later = {**_rows()[4], "number": "2026/0001", "repeats": "2022/3", "issued_on": "2026-01-10"}
    latest = {**later, "number": "2026/0002", "repeats": "2026/0001"}
    imp = _import(head, _upload(_csv([later, latest]), "later.csv"))
    assert imp.created_count == 2, list(imp.problems.values_list("message", flat=True))
    assert Recommendation.objects.get(number="2026/0002").repeats.repeats.number == "2022/0003"


def test_an_xlsx_with_date_cells_imports(persona, places):
    from openpyxl import Workbook

    rows = _rows()
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    values = list(rows[4].values())
    values[1] = date(2024, 3, 1)  # issued_on as a spreadsheet date
    sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    imp = _import(persona("department_head"), _upload(out.getvalue(), "past.xlsx"))
    assert imp.created_count == 1 and Recommendation.objects.get().issued_on == date(2024, 3, 1)


def test_only_those_who_may_import_start_one(persona, places, staff_client):
    with pytest.raises(PermissionDenied):
        _import(persona("complaints_officer"), _upload())
    client = staff_client(persona("department_head"))
    url = reverse("core:import_new", args=["recommendations"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": _upload()})
    assert response.status_code == 302
    assert staff_client(persona("npm_member")).get(url).status_code == 403
