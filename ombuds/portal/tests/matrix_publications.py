"""Permission-matrix rows of the portal's publications area: public pages answer every persona
alike (a published report: 200; unpublished ones are 404, see test_publications.py)."""

from django.urls import reverse

from ombuds.core.testing import Row


def _report():
    from ombuds.portal.tests.statistics_fixtures import make_pdf, make_report
    from ombuds.reports.models import Report

    report = Report.objects.filter(year=2023, kind="annual", status="published").first()
    if report is None:
        report = make_report(2023)
        make_pdf(report, "en")
    return report


ROWS = [
    Row("portal:publications", {}, default=200, url=lambda _user: reverse("portal:publications")),
    Row(
        "portal:publication",
        {},
        default=200,
        url=lambda _user: reverse("portal:publication", args=[_report().public_id]),
    ),
    Row(
        "portal:publication_pdf",
        {},
        default=200,
        url=lambda _user: reverse("portal:publication_pdf", args=[_report().public_id, "en"]),
    ),
]
