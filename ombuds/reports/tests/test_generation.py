"""Generating a report's documents in the background: queued once, run with a moving progress bar,
kept as an attachment with the dataset's hash, failures kept on the record (never a 500), and the
panel that shows it all."""

from datetime import date, datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from ombuds.accounts.models import User
from ombuds.accounts.testing import make_persona
from ombuds.complaints.testing import make_application
from ombuds.core.models import AuditEvent
from ombuds.reports.models import Generation
from ombuds.reports.services import generation as service
from ombuds.reports.services.datasets import take_snapshot
from ombuds.reports.tests.documents_fixtures import BAKU, small_annual_report

pytestmark = pytest.mark.django_db


def test_a_generation_is_queued_once_and_enqueued_on_commit(django_capture_on_commit_callbacks):
    report = small_annual_report()
    analyst = make_persona("analyst")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = service.start_generation(analyst, report, language="az", output="pdf")
    assert len(callbacks) == 1  # the job, once the row is committed
    assert (first.state, first.progress) == ("queued", 0)
    assert AuditEvent.objects.filter(action="reports.generation.created", actor_id=analyst.pk).count() == 1
    with pytest.raises(ValidationError):
        service.start_generation(analyst, report, language="az", output="pdf")
    # Another language or format is another document: it may run meanwhile.
    service.start_generation(analyst, report, language="az", output="docx")
    with pytest.raises(ValidationError):
        service.start_generation(analyst, report, language="de", output="pdf")
    with pytest.raises(PermissionDenied):
        service.start_generation(make_persona("complaints_officer"), report, language="en", output="pdf")


def test_a_generation_whose_worker_vanished_no_longer_blocks_a_new_one():
    report = small_annual_report()
    analyst = make_persona("analyst")
    stuck = service.start_generation(analyst, report, language="en", output="pdf")
    Generation.objects.filter(pk=stuck.pk).update(
        state="running", updated_at=stuck.updated_at - service.STALE_AFTER - service.STALE_AFTER
    )
    assert service.start_generation(analyst, report, language="en", output="pdf").pk != stuck.pk


@pytest.mark.parametrize("output", ["pdf", "docx"])
def test_the_job_reports_its_steps_and_keeps_the_file_with_the_datasets_hash(output):
    report = small_annual_report()
    generation = service.start_generation(make_persona("analyst"), report, language="ru", output=output)
    seen = []
    original = service._save_progress

    def spy(gen, step, percent):
        seen.append((step, percent))
        original(gen, step, percent)

    with mock.patch.object(service, "_save_progress", spy):
        assert service.run_generation(generation.pk) == "done"
    assert len({step for step, _percent in seen}) >= 5
    assert [p for _s, p in seen] == sorted(p for _s, p in seen)  # the bar only moves forward
    generation.refresh_from_db()
    assert (generation.state, generation.progress, generation.message) == ("done", 100, "")
    assert generation.dataset_hash == report.dataset.content_hash
    assert generation.file.original_name == f"annual-report-2025-ru.{output}"
    assert generation.file.object_id == generation.pk
    assert AuditEvent.objects.filter(action="reports.generation.finished").count() == 1
    assert service.run_generation(generation.pk) == "done"  # a second delivery of the job does nothing
    assert AuditEvent.objects.filter(action="reports.generation.finished").count() == 1


def test_a_failure_is_kept_on_the_record_and_logged_not_raised(caplog):
    report = small_annual_report()
    analyst = make_persona("analyst")
    generation = service.start_generation(analyst, report, language="en", output="pdf")
    with mock.patch("ombuds.reports.documents.report_pdf", side_effect=RuntimeError("pango")):
        assert service.run_generation(generation.pk) == "failed"
    generation.refresh_from_db()
    assert generation.state == "failed" and "RuntimeError" in generation.message and generation.file is None
    assert "failed" in caplog.text
    # The failed one no longer blocks a new attempt.
    assert service.start_generation(analyst, report, language="en", output="pdf").state == "queued"


def test_whoever_lost_the_right_to_prepare_gets_a_failed_job_not_a_file():
    report = small_annual_report()
    analyst = make_persona("analyst")
    generation = service.start_generation(analyst, report, language="en", output="docx")
    with mock.patch.object(service, "require", side_effect=PermissionDenied):
        assert service.run_generation(generation.pk) == "failed"


def _panel(report, user):
    request = RequestFactory().get("/")
    request.user = user
    with translation.override("en"):
        return render_to_string("reports/documents/_panel.html", {"report": report, "request": request})


def test_the_panel_shows_the_bar_then_the_link_then_marks_a_file_out_of_date(django_assert_max_num_queries):
    report = small_annual_report()
    analyst = make_persona("analyst")
    generation = service.start_generation(analyst, report, language="en", output="pdf")
    html = _panel(report, analyst)
    detail = reverse("reports:generation_detail", args=[generation.public_id])
    assert f'hx-get="{detail}"' in html and 'hx-trigger="every 1s"' in html and "<progress" in html
    assert html.count("<form") == 5  # the six documents but the running one may be started
    service.run_generation(generation.pk)
    with django_assert_max_num_queries(3):
        html = _panel(report, analyst)
    assert reverse("reports:generation_download", args=[generation.public_id]) in html
    assert "<progress" not in html and "Out of date" not in html
    # A new version with the same figures has the same hash: the file is still current.
    report.dataset = take_snapshot(None, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    report.save()
    assert "Out of date" not in _panel(report, analyst)
    # One more appeal, a new version: the file no longer matches the report's figures.
    make_application(User.objects.get(username="commissioner"), received_at=datetime(2025, 7, 1, 10, tzinfo=BAKU))
    report.dataset = take_snapshot(None, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    report.save()
    assert "Out of date" in _panel(report, analyst)
    assert "<form" not in _panel(report, _viewer())  # may download, may not generate


def _viewer():
    """A user who may view but not prepare: none of the roles is that today, so a plain
    user with the view permission only."""
    from django.contrib.auth.models import Permission

    user = make_persona("complaints_officer")
    user.user_permissions.add(Permission.objects.get(codename="view_aggregates"))
    return type(user).objects.get(pk=user.pk)


def test_the_pages_start_poll_and_download(staff_client):
    report = small_annual_report()
    analyst = make_persona("analyst")
    http = staff_client(analyst)
    start = reverse("reports:generation_start", args=[report.public_id])
    response = http.post(start, {"language": "az", "output": "docx"})
    assert response.status_code == 302
    generation = Generation.objects.get(report=report)
    fragment = http.get(
        reverse("reports:generation_detail", args=[generation.public_id]), headers={"HX-Request": "true"}
    )
    assert (
        fragment.status_code == 200 and b"<progress" in fragment.content and b'aria-live="polite"' in fragment.content
    )
    assert b"<html" not in fragment.content
    # A second click while it runs: a message, no second job, no error page.
    assert http.post(start, {"language": "az", "output": "docx"}).status_code == 302
    assert Generation.objects.filter(report=report).count() == 1
    assert http.post(start, {"language": "xx", "output": "docx"}).status_code == 302
    download = reverse("reports:generation_download", args=[generation.public_id])
    assert http.get(download).status_code == 404  # not finished yet
    service.run_generation(generation.pk)
    page = http.get(reverse("reports:generation_detail", args=[generation.public_id]))
    assert download.encode() in page.content and b"<progress" not in page.content
    response = http.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"PK")
    assert "annual-report-2025-az.docx" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="reports.generation.exported", actor_id=analyst.pk).count() == 1
