"""Each report table as a spreadsheet: a row per category with this year, the year before and the
change; cross-tables flattened; audited; a table of another report (or none) is a 404."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from ombuds.accounts.testing import make_persona
from ombuds.core.models import AuditEvent
from ombuds.reports import tables
from ombuds.reports.table_exports import _rows
from ombuds.reports.tests.documents_fixtures import small_annual_report

pytestmark = pytest.mark.django_db


def _csv(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_a_table_as_csv_has_this_year_the_year_before_and_the_change(staff_client):
    report = small_annual_report()
    analyst = make_persona("analyst")
    http = staff_client(analyst)
    response = http.get(reverse("reports:table_export", args=[report.public_id, "A2", "csv"]))
    assert response.status_code == 200 and "annual-2025-A2.csv" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][3:5] == ["2025", "2024"]
    channels = list(report.dataset.data["measures"]["applications.by_channel"]["values"])
    post = rows[1 + channels.index("post")]  # the rows keep the frozen order of the categories
    assert post[3:6] == ["2", "1", "1"]
    assert rows[1 + len(channels)][3:6] == ["3", "1", "2"]  # the block's total, after its rows
    measures = report.dataset.data["measures"]
    # Every block of the table: its rows, then its total.
    assert len(rows) == 1 + sum(len(measures[key]["values"]) + 1 for key in tables.spec("A2").measures)
    assert AuditEvent.objects.filter(action="reports.report.exported", actor_id=analyst.pk).count() == 1


def test_a_table_as_xlsx_and_unknown_tables_or_formats_are_404(staff_client):
    report = small_annual_report()
    http = staff_client(make_persona("department_head"))
    response = http.get(reverse("reports:table_export", args=[report.public_id, "A1", "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "A1" and len({row[1] for row in values[1:]}) == len(tables.spec("A1").measures)
    assert http.get(reverse("reports:table_export", args=[report.public_id, "Z9", "csv"])).status_code == 404
    assert http.get(reverse("reports:table_export", args=[report.public_id, "A1", "pdf"])).status_code == 404


def test_a_cross_table_is_flattened_to_one_row_per_pair_then_its_row_totals():
    frozen = {
        "unit": "appeal",
        "additive": True,
        "values": {"a|x": 1, "a|y": 2, "b|x": 0, "b|y": 4},
        "total": 7,
        "labels": {"a": {"en": "A"}, "b": {"en": "B"}},
        "columns": ["x", "y"],
        "column_labels": {"x": {"en": "X"}, "y": {"en": "Y"}},
    }
    spec = tables.TableSpec("T1", "annual", "rights", "t", ("test.cross",))
    block = tables.block("test.cross", {"measures": {"test.cross": frozen}}, None, "en")
    view = tables.TableView(spec, [block], "h", None)
    with translation.override("en"):
        rows = list(_rows(view, spec))
    assert [(r[2], r[3]) for r in rows] == [
        ("A / X", 1),
        ("A / Y", 2),
        ("B / X", 0),
        ("B / Y", 4),
        ("A / Total", 3),
        ("B / Total", 4),
        ("Total", 7),
    ]
