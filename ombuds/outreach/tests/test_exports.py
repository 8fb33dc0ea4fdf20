"""The action-plan spreadsheet: readable columns, sheet names in the user's language, the header
kept in view, and no cell that a spreadsheet would run as a formula."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from ombuds.outreach import services
from ombuds.outreach.models import Topic
from ombuds.outreach.tests.factories import make_event, make_item, make_plan

pytestmark = pytest.mark.django_db


def _held_plan():
    plan = make_plan()
    topic = Topic.objects.create(code="injected", name_az='=HYPERLINK("http://x")', name_en="=1+1", name_ru="-2")
    event = make_event(make_item(plan, topic=topic), remote=["rc_north"])
    services.record_attendance(None, event, organisation="Bakı", women=3, men=2)
    services.record_outcome(None, event, satisfied_share=90)
    return plan


def _workbook(client, plan, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("outreach:plan_export", args=[plan.public_id, "xlsx"]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))


@pytest.mark.parametrize(
    ("language", "sheets"),
    [("az", ["İcra vəziyyəti", "Uzaqdan əhatə"]), ("ru", ["Ход выполнения", "Удалённый охват"])],
)
def test_sheet_names_follow_the_language(persona, staff_client, language, sheets):
    book = _workbook(staff_client(persona("awareness_staff")), _held_plan(), language)
    assert book.sheetnames == sheets


def test_columns_have_widths_and_the_header_stays_in_view(persona, staff_client):
    book = _workbook(staff_client(persona("awareness_staff")), _held_plan(), "en")
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width >= 40
        assert sheet.column_dimensions["B"].width >= 15


def test_no_cell_starts_a_formula(persona, staff_client):
    book = _workbook(staff_client(persona("awareness_staff")), _held_plan(), "en")
    values = [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert "'=1+1" in values
    assert not [v for v in values if isinstance(v, str) and v[:1] in "=+-@"]
