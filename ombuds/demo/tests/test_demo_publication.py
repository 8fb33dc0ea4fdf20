"""The demo's 2023 annual report is published through the reports services by the Commissioner,
with its dataset and the year before's, and its PDFs: the portal's statistics and publications
pages have something to show after `seed_demo --year 2023`. A second run changes nothing."""

import io

import pytest
from django.urls import reverse
from django.utils import translation

from ombuds.accounts.testing import make_persona
from ombuds.core.models import AuditEvent
from ombuds.demo import year as demo_year
from ombuds.demo.year_reports import make_reports
from ombuds.reports.models import Dataset, Generation, Report

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_the_annual_report_and_the_portal_shows_it(client):
    commissioner = make_persona("commissioner")
    demo_year.generate_year(2023, scale=0.01, out=io.StringIO())
    make_reports(2023, demo_year.marker(2023), io.StringIO())
    annual = Report.objects.get(kind="annual", year=2023)
    assert annual.status == "published" and annual.dataset.is_published
    assert Report.objects.get(kind="npm", year=2023).status == "draft"
    assert Dataset.objects.get(period_start__year=2022).is_published
    lifecycle = [f"reports.report.{verb}" for verb in ("approved", "submitted", "presented", "published")]
    steps = AuditEvent.objects.filter(action__in=lifecycle)
    assert sorted(steps.values_list("action", flat=True)) == sorted(lifecycle)
    assert set(steps.values_list("actor_id", flat=True)) == {commissioner.pk}  # each step as the Commissioner
    pdfs = Generation.objects.filter(report=annual, state="done", finished_at__gte=annual.approved_at)
    assert sorted(pdfs.values_list("language", flat=True)) == ["az", "en"]

    with translation.override("en"):
        page = client.get(reverse("portal:publication", args=[annual.public_id]))
        statistics = client.get(reverse("portal:statistics_year", args=[2023]))
        pdf = client.get(reverse("portal:publication_pdf", args=[annual.public_id, "en"]))
    assert page.status_code == statistics.status_code == pdf.status_code == 200
    assert "[synthetic 2023] In the year the Commissioner received" in page.content.decode()

    out = io.StringIO()
    make_reports(2023, demo_year.marker(2023), out)  # a second run: nothing more
    assert Generation.objects.filter(report=annual).count() == 2
    assert "published" not in out.getvalue()
