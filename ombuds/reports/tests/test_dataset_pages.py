"""The datasets pages: the list of versions, a new snapshot, one dataset's tables, publication,
the download, the difference between two versions and the records behind a cell."""

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.complaints.testing import make_application
from ombuds.core.models import AuditEvent
from ombuds.reports.models import Dataset
from ombuds.reports.services.datasets import take_snapshot
from ombuds.reports.tests.matrix_datasets import make_dataset

BAKU = ZoneInfo("Asia/Baku")
pytestmark = pytest.mark.django_db


def _received(day: int, month: int = 3, year: int = 2025) -> datetime:
    return datetime(year, month, day, 10, tzinfo=BAKU)


@pytest.fixture
def signed_in(persona, staff_client):
    """A signed-in client reading the pages in English (the messages below are checked as text)."""

    def sign_in(name):
        client = staff_client(persona(name))
        client.cookies["django_language"] = "en"
        return client

    return sign_in


def test_the_list_shows_each_version_and_filters_by_year(signed_in):
    make_dataset(1, year=2024)
    make_dataset(1, year=2025)
    second = make_dataset(2, year=2025, status="published")
    page = signed_in("analyst").get(reverse("reports:dataset_list"), {"year": 2025})
    text = page.content.decode()
    assert page.status_code == 200
    assert second.content_hash[:12] in text
    assert str(second.public_id) in text
    assert "31.12.2024" not in text and "12/31/2024" not in text
    assert reverse("reports:dataset_new") in text  # analysts prepare datasets


def test_a_snapshot_of_a_year_is_taken_and_shown(signed_in, persona):
    make_application(persona("commissioner"), received_at=_received(1), channel="post")
    client = signed_in("analyst")
    response = client.post(reverse("reports:dataset_new"), {"kind": "year", "year": 2025, "note": "first"})
    dataset = Dataset.objects.get()
    assert response.status_code == 302 and response["Location"] == dataset.get_absolute_url()
    assert (dataset.period_start, dataset.period_end, dataset.number, dataset.note) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
        1,
        "first",
    )
    page = client.get(dataset.get_absolute_url())
    text = page.content.decode()
    assert dataset.content_hash in text
    assert 'id="table-A2"' in text
    # The cell of posted appeals links to the records behind it.
    assert reverse("reports:dataset_drill", args=[dataset.public_id, "applications.by_channel", "post"]) in text
    assert reverse("reports:dataset_publish", args=[dataset.public_id]) not in text  # only the Commissioner


def test_a_custom_period_is_checked_on_the_form(signed_in):
    client = signed_in("analyst")
    missing = client.post(reverse("reports:dataset_new"), {"kind": "custom", "period_start": "2025-01-01"})
    assert missing.status_code == 200
    assert "Give both the first and the last day of the period." in missing.content.decode()
    backwards = client.post(
        reverse("reports:dataset_new"), {"kind": "custom", "period_start": "2025-03-01", "period_end": "2025-02-01"}
    )
    assert "The period must end on or after its first day." in backwards.content.decode()
    future = client.post(reverse("reports:dataset_new"), {"kind": "year", "year": 2999})
    assert future.status_code == 200
    assert not Dataset.objects.exists()


def test_a_custom_period_makes_its_own_versions(signed_in):
    client = signed_in("department_head")
    data = {"kind": "custom", "period_start": "2025-01-01", "period_end": "2025-06-30"}
    client.post(reverse("reports:dataset_new"), data)
    client.post(reverse("reports:dataset_new"), data)
    assert list(Dataset.objects.order_by("number").values_list("period_end", "number")) == [
        (date(2025, 6, 30), 1),
        (date(2025, 6, 30), 2),
    ]


def test_figures_in_no_table_are_listed(signed_in):
    dataset = make_dataset(
        measures={
            "applications.total": {
                "unit": "appeal",
                "additive": True,
                "values": {"total": 3},
                "total": 3,
                "labels": {},
            },
            "zz.orphan": {"unit": "appeal", "additive": True, "values": {"total": 4}, "total": 4, "labels": {}},
        }
    )
    text = signed_in("analyst").get(dataset.get_absolute_url()).content.decode()
    assert 'id="table-other"' in text and "zz.orphan" in text


def test_the_commissioner_publishes_after_confirming(signed_in):
    dataset = make_dataset()
    client = signed_in("commissioner")
    detail = client.get(dataset.get_absolute_url()).content.decode()
    confirm_url = reverse("reports:dataset_publish", args=[dataset.public_id])
    assert confirm_url in detail
    confirm = client.get(confirm_url)
    assert confirm.status_code == 200 and b"final" in confirm.content
    dataset.refresh_from_db()
    assert not dataset.is_published  # reading the confirmation publishes nothing
    assert client.post(confirm_url).status_code == 302
    dataset.refresh_from_db()
    assert dataset.is_published and dataset.published_by is not None
    again = client.post(confirm_url, follow=True)
    assert "This dataset is already published." in again.content.decode()


def test_an_analyst_cannot_publish(signed_in):
    dataset = make_dataset()
    assert signed_in("analyst").post(reverse("reports:dataset_publish", args=[dataset.public_id])).status_code == 403
    dataset.refresh_from_db()
    assert not dataset.is_published


def test_the_download_has_a_row_per_measure_and_category_and_is_audited(signed_in, persona):
    make_application(persona("commissioner"), received_at=_received(1), channel="post")
    make_application(persona("commissioner"), received_at=_received(2), channel="email")
    dataset = take_snapshot(persona("analyst"), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    client = signed_in("analyst")
    response = client.get(reverse("reports:dataset_export", args=[dataset.public_id, "csv"]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["measure", "title", "unit", "category", "label", "value", "total", "source"]
    post = next(r for r in rows if r[0] == "applications.by_channel" and r[3] == "post")
    assert (post[2], post[5], post[6]) == ("appeal", "1", "2")
    assert sum(1 for r in rows if r[0] == "applications.by_month") == 12
    event = AuditEvent.objects.get(action="reports.dataset.exported")
    assert event.changes["format"] == "csv"
    xlsx = client.get(reverse("reports:dataset_export", args=[dataset.public_id, "xlsx"]))
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert AuditEvent.objects.filter(action="reports.dataset.exported").count() == 2
    assert client.get(reverse("reports:dataset_export", args=[dataset.public_id, "pdf"])).status_code == 404


def test_the_difference_between_two_versions(signed_in, persona):
    clerk = persona("commissioner")
    make_application(clerk, received_at=_received(1), channel="post")
    analyst = persona("analyst")
    first = take_snapshot(analyst, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    make_application(clerk, received_at=_received(5, month=4), channel="email")
    second = take_snapshot(analyst, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    client = signed_in("analyst")
    # The "Compare with" select of the newer version leads to the difference page.
    jump = client.get(second.get_absolute_url(), {"compare": str(first.public_id)})
    assert jump["Location"] == reverse("reports:dataset_diff", args=[second.public_id, first.public_id])
    page = client.get(jump["Location"])
    diff = page.context["diff"]
    assert (diff.old, diff.new) == (first, second)
    changed = {(cell.measure, cell.category): (cell.old, cell.new, cell.change) for cell in diff.cells}
    assert changed[("applications.by_channel", "email")] == (0, 1, 1)
    assert changed[("applications.total", "total")] == (1, 2, 1)
    assert ("applications.by_channel", "post") not in changed
    text = page.content.decode()
    assert first.content_hash in text and second.content_hash in text
    other_year = make_dataset(1, year=2024)
    assert client.get(reverse("reports:dataset_diff", args=[second.public_id, other_year.public_id])).status_code == 404
    assert client.get(second.get_absolute_url(), {"compare": str(other_year.public_id)}).status_code == 404


def test_added_and_removed_measures_are_named():
    from ombuds.reports.datasets import diff

    old = make_dataset(1)
    new = make_dataset(
        2,
        measures={"zz.new": {"unit": "appeal", "additive": True, "values": {"total": 1}, "total": 1, "labels": {}}},
    )
    result = diff(new, old)
    assert [key for key, _t in result.added] == ["zz.new"]
    assert [key for key, _t in result.removed] == ["applications.total"]
    assert not result.same


def _drill(dataset, measure="applications.by_channel", category="post"):
    return reverse("reports:dataset_drill", args=[dataset.public_id, measure, category])


def test_the_drill_down_lists_the_records_the_user_may_open(signed_in, persona):
    clerk = persona("commissioner")
    apps = [make_application(clerk, received_at=_received(day), channel="post") for day in (1, 2)]
    dataset = take_snapshot(persona("analyst"), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    make_application(clerk, received_at=_received(3), channel="post")  # registered after the snapshot
    page = signed_in("commissioner").get(_drill(dataset))
    text = page.content.decode()
    assert (page.context["frozen_count"], page.context["live"], page.context["shown"]) == (2, 3, 3)
    assert 'data-testid="moved"' in text
    for app in apps:
        assert app.get_absolute_url() in text
    assert "Həsənov" not in text  # never a name


def test_the_drill_down_says_how_many_records_are_out_of_sight(signed_in, persona):
    make_application(persona("commissioner"), received_at=_received(1), channel="post")
    dataset = take_snapshot(persona("analyst"), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    # Analysts count records but open none (their role has no case scope).
    page = signed_in("analyst").get(_drill(dataset))
    assert (page.context["live"], page.context["shown"], page.context["hidden"]) == (1, 0, 1)
    assert 'data-testid="hidden"' in page.content.decode()
    assert page.context["rows"] == []


def test_the_drill_down_refuses_what_it_cannot_list(signed_in):
    dataset = make_dataset()
    client = signed_in("analyst")
    assert client.get(_drill(dataset, "no.such", "total")).status_code == 404
    assert client.get(_drill(dataset, "applications.total", "nonsense")).status_code == 404
    assert client.get(_drill(dataset, "applications.total", "total") + "?cursor=forged").status_code == 404


def test_the_drill_down_costs_the_same_queries_for_more_rows(signed_in, persona):
    clerk = persona("commissioner")
    client = signed_in("commissioner")
    make_application(clerk, received_at=_received(1), channel="post")
    dataset = make_dataset()
    url = _drill(dataset, "applications.total", "total")
    client.get(url)  # warm the per-user caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for day in range(2, 8):
        make_application(clerk, received_at=_received(day), channel="post")
    with CaptureQueriesContext(connection) as seven:
        page = client.get(url)
    assert len(page.context["rows"]) == 7
    assert len(seven) == len(one)


def test_every_measure_of_records_has_a_way_to_list_them():
    from ombuds.reports import drill
    from ombuds.reports.measures import REGISTRY

    missing = {key: m.model for key, m in REGISTRY.items() if m.model and m.model not in drill.REGISTRY}
    assert missing == {}, "add the model to reports/drill.py (its scoping funnel and what a row shows)"


def test_every_cell_of_a_snapshot_opens_or_says_it_cannot(signed_in, persona):
    """Each measure's first category and total, as the Commissioner: a page, or 404 for a figure
    that is not made of records (never a server error)."""
    from ombuds.reports.measures import REGISTRY, Period

    make_application(persona("commissioner"), received_at=_received(1), channel="post")
    dataset = take_snapshot(persona("analyst"), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    client = signed_in("commissioner")
    period = Period(dataset.period_start, dataset.period_end)
    for key, frozen in dataset.data["measures"].items():
        for category in {next(iter(frozen["values"])), "total"}:
            status = client.get(_drill(dataset, key, category)).status_code
            listable = REGISTRY[key].model and REGISTRY[key].source.records(period, None) is not None
            assert status == (200 if listable else 404), (key, category, status)


def test_a_snapshot_the_system_took_says_so(signed_in):
    dataset = take_snapshot(None, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    client = signed_in("analyst")
    assert "the system" in client.get(dataset.get_absolute_url()).content.decode()
    assert "the system" in client.get(reverse("reports:dataset_list")).content.decode()
