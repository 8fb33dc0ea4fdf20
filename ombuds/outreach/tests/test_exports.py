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


def test_the_rows_are_the_plan_pages_figures_read_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    from ombuds.accounts.models import OrgUnit
    from ombuds.outreach.exports import item_rows, office_rows
    from ombuds.outreach.progress import plan_progress

    plan = _held_plan()
    second = make_item(plan, target_events=2)
    for women in (4, 6):
        event = make_event(second)
        services.record_attendance(None, event, organisation="X", women=women, men=1)
        services.record_attendance(
            None, event, organisation="Y", women=1, men=0, office=OrgUnit.objects.get(code="rc_north")
        )
        services.record_outcome(None, event, satisfied_share=50)
    make_event(second)  # planned, not held: not counted
    progress = plan_progress(plan)
    with django_assert_max_num_queries(3):
        items, offices = list(item_rows(plan)), list(office_rows(plan))
    expected = sorted((p.item.target_events, p.held, p.completion, p.participants) for p in progress.items)
    assert sorted(tuple(row[2:]) for row in items) == expected == [(1, 1, 100, 5), (2, 2, 100, 14)]
    assert offices == [[str(office), count] for office, count in progress.office_rows]
