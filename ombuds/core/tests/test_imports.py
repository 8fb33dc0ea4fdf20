"""The bulk import framework (ombuds/core/imports.py), driven through the places import."""

import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ombuds.core import imports
from ombuds.core.models import AuditEvent, Import
from ombuds.monitoring.importer import PlacesImporter
from ombuds.monitoring.models import Place

pytestmark = pytest.mark.django_db
HEADER = "name_en,name_az,type,supervising_authority,district_code,capacity,source,note\n"


def _file(rows: int, *, bad_every: int = 0, name: str = "places.csv") -> SimpleUploadedFile:
    lines = [HEADER]
    for i in range(rows):
        district = "atlantis" if bad_every and i % bad_every == 0 else "baku"
        lines.append(f"Place {i},Yer {i},penitentiary,Ministry of Internal Affairs,{district},{i},,\n")
    return SimpleUploadedFile(name, "".join(lines).encode(), content_type="text/csv")


def _start(actor, upload, **kwargs):
    return imports.start_import(actor, "places", upload, background=False, **kwargs)


@pytest.fixture
def small_batches():
    with mock.patch.object(PlacesImporter, "batch_size", 10):
        yield


def test_an_import_is_one_audit_event_with_the_row_count_and_the_file_hash(persona, small_batches):
    lead = persona("department_head")
    # Ids, not a count: PostgreSQL's sequences go on after an earlier test's flush.
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    imp = _start(lead, _file(25))
    assert (imp.state, imp.rows_total, imp.rows_done, imp.created_count) == ("done", 25, 25, 25)
    assert Place.objects.count() == 25
    events = list(AuditEvent.objects.filter(pk__gt=last))
    assert len(events) == 1
    event = events[0]
    assert event.action == "monitoring.place.imported"
    assert event.changes["rows"] == 25 and event.changes["sha256"] == imp.sha256 and len(imp.sha256) == 64
    assert event.actor_id == lead.pk and event.object_id == str(imp.public_id)


def test_bad_rows_are_reported_by_row_and_column_in_the_importers_language(persona, small_batches):
    with translation.override("ru"):
        imp = _start(persona("npm_member"), _file(12, bad_every=5))
    assert imp.created_count == 9 and imp.rejected_count == 3
    problems = list(imp.problems.values_list("row", "column", "message"))
    assert [(row, column) for row, column, _ in problems] == [
        (2, "district_code"),
        (7, "district_code"),
        (12, "district_code"),
    ]
    with translation.override("en"):
        assert "Unknown district" not in problems[0][2]  # written in Russian, the importer's language


def test_the_same_file_again_continues_after_the_last_committed_batch(persona, small_batches):
    lead = persona("department_head")
    real_write = PlacesImporter.write
    calls = {"n": 0}

    def failing_write(self, actor, ctx, items):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("the worker died")
        return real_write(self, actor, ctx, items)

    with mock.patch.object(PlacesImporter, "write", failing_write), pytest.raises(RuntimeError):
        _start(lead, _file(35))
    imp = Import.objects.get()
    assert (imp.state, imp.rows_done, Place.objects.count()) == ("failed", 20, 20)
    again = _start(lead, _file(35))  # the same bytes: the same import, from row 22 on
    assert again.pk == imp.pk and (again.state, again.rows_done, again.created_count) == ("done", 35, 35)
    assert Place.objects.count() == 35
    assert AuditEvent.objects.filter(action="monitoring.place.imported").count() == 1
    assert _start(lead, _file(35)).pk == imp.pk and Place.objects.count() == 35  # finished: nothing more


def test_a_runner_that_falls_behind_writes_nothing(persona, small_batches):
    lead = persona("department_head")
    imp = imports.start_import(lead, "places", _file(15), background=True)  # queued, not run
    Import.objects.filter(pk=imp.pk).update(rows_done=10, state="running")  # another runner's batch
    with pytest.raises(imports._Superseded):
        imports._batch(imp, PlacesImporter(), lead, PlacesImporter().prepare(imp), [(2, {})], 0)
    assert Place.objects.count() == 0


def test_a_batch_costs_the_same_queries_whatever_its_size(persona):
    lead = persona("department_head")
    counts = []
    for rows in (10, 200):
        with mock.patch.object(PlacesImporter, "batch_size", 1000), CaptureQueriesContext(connection) as queries:
            _start(lead, _file(rows, name=f"p{rows}.csv"))
        counts.append(len(queries))
        Place.objects.all().delete()
    # SQLite splits a bulk insert at its limit of bound variables (about 40 places a statement).
    assert counts[1] - counts[0] <= (0 if connection.vendor == "postgresql" else 200 // 40)


def test_a_missing_column_or_another_file_type_is_refused(persona):
    lead = persona("department_head")
    upload = SimpleUploadedFile("places.csv", b"name_az,type\nYer,penitentiary\n")
    with translation.override("en"):
        imp = _start(lead, upload)
    assert imp.state == "refused" and "district_code" in imp.message
    with pytest.raises(imports.ValidationError):
        _start(lead, SimpleUploadedFile("places.txt", b"x"))


def test_only_who_may_import_starts_one(persona):
    with pytest.raises(imports.PermissionDenied):
        _start(persona("analyst"), _file(1))


def test_the_page_uploads_shows_progress_and_the_rejected_rows_as_csv(persona, staff_client):
    client = staff_client(persona("department_head"))
    with mock.patch("ombuds.core.imports.enqueue_on_commit") as enqueue:
        response = client.post(reverse("core:import_new", args=["places"]), {"file": _file(6, bad_every=4)})
    imp = Import.objects.get()
    assert response.status_code == 302 and response["Location"] == imp.get_absolute_url()
    assert enqueue.call_args.args[1] == imp.pk
    page = client.get(imp.get_absolute_url())
    assert 'hx-trigger="every 1s"' in page.content.decode()  # polls while it waits or runs
    imports.run_import(imp.pk)
    partial = client.get(imp.get_absolute_url(), headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert "every 1s" not in body and "<html" not in body and "atlantis" in body
    csv = b"".join(client.get(reverse("core:import_problems", args=[imp.public_id])).streaming_content)
    lines = io.StringIO(csv.decode("utf-8-sig")).read().splitlines()
    assert len(lines) == 1 + 2 and lines[1].startswith("2,district_code,")
