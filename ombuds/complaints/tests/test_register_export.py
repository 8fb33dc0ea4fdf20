"""The register's next-deadline column and its CSV/XLSX export: filtered, streamed, formula-safe,
audited, only what the viewer may see, constant queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ombuds.complaints import services
from ombuds.complaints.testing import make_application
from ombuds.core.exports import TRIGGERS, safe_cell
from ombuds.core.models import AuditEvent

pytestmark = pytest.mark.django_db

HOSTILE = {"surname": '=HYPERLINK("http://evil.example")', "given_name": "+1-2", "sex": "male"}


def _rows(client, fmt, **params):
    response = client.get(reverse("complaints:export", args=[fmt]), params)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''register-")
    content = b"".join(response.streaming_content)
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def test_next_deadline_column_without_a_query_per_row(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    first = make_application(head)
    url = reverse("complaints:list") + "?sort=newest"
    client.get(url, HTTP_HX_REQUEST="true")
    with CaptureQueriesContext(connection) as one:
        page = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    # The reasoned-refusal deadline (the acknowledgement one is closed at registration).
    assert "Next deadline" in page or "Növbəti müddət" in page
    from ombuds.core.models import Deadline

    due = Deadline.objects.filter(object_id=first.pk, closed_at__isnull=True).order_by("due_at").first().due_at
    from django.utils import timezone

    assert (
        f'datetime="{timezone.localtime(due).isoformat()}"' in page
        or timezone.localtime(due).strftime("%Y-%m-%d") in page
    )
    for _ in range(5):
        make_application(head)
    with CaptureQueriesContext(connection) as six:
        client.get(url, HTTP_HX_REQUEST="true")
    assert len(six.captured_queries) == len(one.captured_queries)


def test_export_links_carry_the_filters(staff_client, persona):
    from urllib.parse import urljoin

    head = persona("department_head")
    client = staff_client(head)
    make_application(head, urgent_child=True)
    make_application(head)
    url = reverse("complaints:list") + "?urgent=on&page=1"
    page = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    href = page.split('data-testid="export-csv"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    assert "urgent=on" in href and "page=" not in href
    rows = _rows(client, "csv", **dict(p.split("=") for p in urljoin(url, href).split("?")[1].split("&")))
    assert len(rows) == 2
    assert urljoin(url, href).startswith(reverse("complaints:export", args=["csv"]))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_of_the_filtered_list_is_formula_safe_and_audited(staff_client, persona, fmt):
    head = persona("commissioner")  # sees the secret tier too
    client = staff_client(head)
    make_application(head, applicant=HOSTILE, urgent_child=True)
    make_application(head)
    secret = make_application(head, sensitivity="highly_sensitive", applicant={"surname": "Gizliyev", "sex": "male"})
    rows = _rows(client, fmt, urgent="on")
    assert len(rows) == 2  # header + the one urgent application
    assert "'=HYPERLINK" in str(rows[1][-1]) and "+1-2" in str(rows[1][-1])
    for row in rows:
        for value in row:
            assert not (isinstance(value, str) and value.startswith(TRIGGERS)), value
    everything = _rows(client, fmt)
    assert len(everything) == 4
    numbers = [row[0] for row in everything]
    assert secret.number in numbers and "Gizliyev" not in str(everything)  # a secret-tier name needs a purpose
    event = AuditEvent.objects.filter(action="complaints.application.exported").last()
    assert event.actor_id == head.pk and event.changes["format"] == fmt
    assert AuditEvent.objects.filter(action="complaints.application.exported").count() == 2


def test_export_is_scoped_and_never_carries_contacts(staff_client, persona):
    head = persona("department_head")
    make_application(head, applicant={"surname": "Məmmədov", "phone": "+994 55 111 22 33", "address": "Küçə 5"})
    make_application(head, district="ganja")
    officer_rows = _rows(staff_client(persona("regional_officer")), "csv")
    assert len(officer_rows) == 2  # only the Ganja application
    head_rows = _rows(staff_client(head), "csv")
    text = str(head_rows)
    assert "Məmmədov" in text and "+994" not in text and "Küçə" not in text
    assert staff_client(persona("analyst")).get(reverse("complaints:export", args=["csv"])).status_code == 403
    assert staff_client(head).get(reverse("complaints:export", args=["pdf"])).status_code == 404


def test_export_query_count_does_not_grow_with_rows(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    make_application(head)
    _rows(client, "csv")
    with CaptureQueriesContext(connection) as one:
        _rows(client, "csv")
    for _ in range(8):
        services.assign_application(head, make_application(head), persona("complaints_officer"))
    with CaptureQueriesContext(connection) as nine:
        assert len(_rows(client, "csv")) == 10
    assert len(nine.captured_queries) == len(one.captured_queries)


def test_export_labels_are_the_models_in_the_active_language(persona):
    # The labels are translated once per export (not per row): the same words as the case page.
    from django.http import QueryDict
    from django.utils import translation

    from ombuds.complaints import exports
    from ombuds.complaints.listing import filtered_applications

    head = persona("department_head")
    app = make_application(head)
    for language in ("az", "en", "ru"):
        with translation.override(language):
            qs, _filters, _form = filtered_applications(head, QueryDict(""))
            (row,) = exports.rows(head, qs)
            assert row[2] == app.get_channel_display() and row[4] == app.get_status_display()


@given(st.text(max_size=30))
def test_safe_cell_neutralises_triggers_and_round_trips(value):
    cell = safe_cell(value)
    assert not cell.startswith(TRIGGERS)
    assert (cell[1:] if value.startswith(TRIGGERS) else cell) == value
