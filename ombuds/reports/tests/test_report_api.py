"""/api/v1/reports/: published reports are public with their text and datasets; reports in
preparation only for staff who see aggregates (404 to anyone else, like a missing one)."""

import pytest
from rest_framework.test import APIClient

from ombuds.reports.tests.reporting import make_report

pytestmark = pytest.mark.django_db


def test_anyone_reads_published_reports_and_only_staff_see_drafts(persona):
    draft = make_report(kind="npm")
    published = make_report(status="published")
    anonymous = APIClient()
    listed = anonymous.get("/api/v1/reports/").json()["results"]
    assert [r["public_id"] for r in listed] == [str(published.public_id)]
    assert anonymous.get(f"/api/v1/reports/{draft.public_id}/").status_code == 404
    detail = anonymous.get(f"/api/v1/reports/{published.public_id}/").json()
    assert detail["status"] == "published" and detail["dataset"]["content_hash"] == published.dataset.content_hash
    assert [c["key"] for c in detail["chapters"]][0] == "rights" and detail["chapters"][0]["text_az"] == "Mətn."
    officer = APIClient()
    officer.force_authenticate(persona("complaints_officer"))
    assert len(officer.get("/api/v1/reports/").json()["results"]) == 1
    analyst = APIClient()
    analyst.force_authenticate(persona("analyst"))
    assert len(analyst.get("/api/v1/reports/").json()["results"]) == 2
    assert analyst.get(f"/api/v1/reports/{draft.public_id}/").json()["status"] == "draft"
    assert len(analyst.get("/api/v1/reports/?kind=npm").json()["results"]) == 1
    assert analyst.get("/api/v1/reports/?year=abc").status_code == 400
