"""Permission-matrix rows of the reports app's documents pages (collected by tests/matrix.py):
those who prepare reports generate documents; those who view reports download them and export
the tables."""

from datetime import date

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

VIEWERS = {"analyst": 200, "commissioner": 200, "department_head": 200}


def _report():
    from ombuds.reports.models import Report
    from ombuds.reports.services.datasets import take_snapshot

    report = Report.objects.filter(kind="annual", year=2025).first()
    if report is None:
        dataset = take_snapshot(None, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
        report = Report.objects.create(kind="annual", year=2025, dataset=dataset)
    return report


def _generation(done: bool):
    from ombuds.core.uploads import store_bytes
    from ombuds.reports.models import Generation

    generation = Generation.objects.create(report=_report(), language="en", output="pdf")
    if done:
        generation.file = store_bytes(
            None, generation, b"%PDF-1.7\n%%EOF\n", "annual-report-2025-en.pdf", "application/pdf"
        )
        generation.state = "done"
        generation.dataset_hash = generation.report.dataset.content_hash
        generation.save()
    return generation


ROWS = [
    Row(
        "reports:generation_start",
        {ANONYMOUS: 302, **dict.fromkeys(VIEWERS, 302)},
        default=403,
        method="post",
        data={"language": "en", "output": "pdf"},
        url=lambda _u: reverse("reports:generation_start", args=[_report().public_id]),
        note="302: back to the report's page with the generation queued",
    ),
    Row(
        "reports:generation_detail",
        {ANONYMOUS: 302, **VIEWERS},
        default=403,
        url=lambda _u: reverse("reports:generation_detail", args=[_generation(False).public_id]),
    ),
    Row(
        "reports:generation_download",
        {ANONYMOUS: 302, **VIEWERS},
        default=403,
        url=lambda _u: reverse("reports:generation_download", args=[_generation(True).public_id]),
    ),
    Row(
        "reports:table_export",
        {ANONYMOUS: 302, **VIEWERS},
        default=403,
        url=lambda _u: reverse("reports:table_export", args=[_report().public_id, "A2", "xlsx"]),
    ),
]
