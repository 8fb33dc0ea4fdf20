"""The Commissioner's year of reporting, end to end: a dataset taken on the datasets page, the
annual report started from it, its PDF generated in the background (the progress bar, then the
download link), the report approved and its submission recorded; and the dashboard leading to a
filtered list of the records behind a figure."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.testing import TEST_PASSWORD, make_persona
from ombuds.complaints.testing import make_application
from ombuds.reports import tables
from ombuds.reports.models import Generation, Report
from ombuds.reports.services import reports as report_services
from tests.browser.conftest import run_axe

BAKU = ZoneInfo("Asia/Baku")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, username, language):
    page.goto("/auth/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id(f"lang-{language}").click()
    page.wait_for_load_state()


def _run_the_queue():
    """The live server has no worker, so the job waits in the queue, and the page shows its
    progress bar for as long as the test wants. The test then plays the worker: the real
    `db_worker` command, in this thread, runs what is queued and exits (--batch). Running the
    job at enqueue time instead (an immediate backend) would finish it inside the request that
    started it, so the bar would never be seen; a worker thread would race the assertions."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def _year_of_appeals() -> int:
    year = timezone.localdate().year - 1
    for month, channel in ((2, "post"), (5, "email"), (9, "post")):
        make_application(None, received_at=datetime(year, month, 10, 11, tzinfo=BAKU), channel=channel)
    make_application(None, received_at=timezone.now() - timedelta(days=40))  # this year, for the dashboard
    return year


def _take_a_snapshot(page, year: int) -> None:
    page.goto(reverse("reports:dataset_new"))
    page.fill("#id_year", str(year))
    page.get_by_role("button", name="Take the snapshot").click()
    page.wait_for_url("**/reports/datasets/*/")


def test_a_dataset_then_the_dashboard_leads_to_the_records_behind_a_figure(page, settings):
    settings.DEMO = True
    make_persona("commissioner")
    year = _year_of_appeals()
    _sign_in(page, "commissioner", "en")
    _take_a_snapshot(page, year)
    assert page.locator("main table").count() >= 1  # the dataset's tables
    page.goto(reverse("reports:dashboard"))
    page.locator(f"main a[href^='{reverse('complaints:list')}?']").first.click()
    page.wait_for_url(f"**{reverse('complaints:list')}?*")
    assert page.locator("main table tbody tr").count() >= 1
    assert page.console_errors == []


def test_a_report_its_pdf_with_a_progress_bar_approval_and_submission(page, settings):
    settings.DEMO = True
    commissioner = make_persona("commissioner")
    year = _year_of_appeals()
    _sign_in(page, "commissioner", "en")
    _take_a_snapshot(page, year)

    # The annual report of that year, started from its dataset.
    page.goto(reverse("reports:report_new"))
    page.locator("input[name=kind][value=annual]").check()
    page.fill("#id_year", str(year))
    page.get_by_role("button", name="Start the report").click()
    report = Report.objects.get(kind="annual", year=year)
    page.wait_for_url(f"**{report.get_absolute_url()}")
    for chapter in tables.chapters(report.kind):  # the text itself is the editor's test's business
        report_services.save_narrative(commissioner, report, chapter.key, text_az="Mətn.", text_en="Text.", text_ru="")
    page.reload()

    # The PDF in English: queued, its bar polled every second, then the link once the job ran.
    row = page.locator("#document-en-pdf")
    row.get_by_role("button").click()
    progress = row.locator("progress")
    progress.wait_for()
    assert row.get_attribute("hx-trigger") == "every 1s"
    assert Generation.objects.get(report=report, language="en", output="pdf").state == "queued"
    _run_the_queue()
    link = page.locator("#document-en-pdf a[href$='/download/']")
    link.wait_for(timeout=15000)  # the next poll brings the finished row
    assert progress.count() == 0
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"annual-report-{year}-en.pdf"
    assert run_axe(page) == []

    # Approved, then submitted on a date.
    page.get_by_role("link", name="Approve").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{report.get_absolute_url()}")
    page.get_by_role("link", name="Record the submission").click()
    page.fill("#id_submitted_on", f"{year + 1}-02-20")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{report.get_absolute_url()}")
    report.refresh_from_db()
    assert report.status == "submitted" and report.submitted_on.isoformat() == f"{year + 1}-02-20"
    assert page.console_errors == []
