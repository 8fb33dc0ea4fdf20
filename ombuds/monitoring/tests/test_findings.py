"""Findings are corrected or withdrawn through audited services while the report is not final: a
report the publication guard stopped can be put right (pages and API)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from ombuds.accounts.tokens import create_api_token
from ombuds.core.models import AuditEvent
from ombuds.monitoring import report, services
from ombuds.monitoring.models import Finding
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db
NAMING = "Elchin Mammadov says he was beaten."


@pytest.fixture
def lead(persona):
    return persona("npm_member")


@pytest.fixture
def visit(lead):
    visit = make_visit(lead, place=make_place(lead))
    services.prepare_visit(lead, visit, "")
    visit = services.record_arrival(lead, visit)
    services.add_interview(lead, visit, pseudonym="D-01", kind="detainee", identity="Məmmədov Elçin Rauf oğlu")
    return visit


def _finding(lead, visit, text=NAMING):
    return services.add_finding(lead, visit, area="treatment", text=text, severity="serious", sources=["detainee"])


def test_a_guarded_report_is_corrected_by_editing_the_finding(lead, visit):
    finding = _finding(lead, visit)
    with pytest.raises(report.GuardFailure):
        report.check_publication(visit)
    services.edit_finding(lead, finding, text="D-01 says he was beaten.", severity="urgent")
    report.check_publication(visit)
    event = AuditEvent.objects.get(action="monitoring.finding.edited")
    assert event.changes["text"] == [NAMING, "D-01 says he was beaten."]
    assert event.changes["severity"] == ["serious", "urgent"] and event.actor_id == lead.pk


def test_a_withdrawn_finding_leaves_the_report_and_lists_but_not_the_audit_trail(lead, visit):
    kept = _finding(lead, visit, "Cells are cold.")
    finding = _finding(lead, visit)
    with pytest.raises(ValidationError):
        services.withdraw_finding(lead, finding, " ")
    services.withdraw_finding(lead, finding, "Names an interviewee.")
    report.check_publication(visit)
    assert list(visit.findings.all()) == [kept] and list(Finding.objects.all()) == [kept]
    assert Finding.all_objects.get(pk=finding.pk).withdrawal_reason == "Names an interviewee."
    event = AuditEvent.objects.get(action="monitoring.finding.withdrawn")
    assert event.object_id == str(finding.public_id) and event.changes["reason"] == "Names an interviewee."
    with pytest.raises(ValidationError):  # once withdrawn, it is not edited back
        services.edit_finding(lead, finding, text="Back.")


def test_findings_are_final_with_the_report(lead, visit):
    finding = _finding(lead, visit, "Cells are cold.")
    services.complete_onsite(lead, visit, people_held=None)
    services.advance_visit(lead, visit, "report_draft")
    services.edit_finding(lead, finding, text="Cells are cold at night.")  # the draft may still change
    services.advance_visit(lead, visit, "factual_check")
    services.advance_visit(lead, visit, "report_final")
    with pytest.raises(ValidationError):
        services.edit_finding(lead, finding, text="Changed after the report.")
    with pytest.raises(ValidationError):
        services.withdraw_finding(lead, finding, "Too late.")
    assert Finding.objects.get(pk=finding.pk).text == "Cells are cold at night."


def test_edit_and_withdraw_through_the_pages(lead, visit, staff_client, persona):
    finding = _finding(lead, visit)
    client = staff_client(lead)
    page = client.get(reverse("monitoring:visit_detail", args=[visit.public_id]))
    edit_url = reverse("monitoring:finding_edit", args=[finding.public_id])
    assert edit_url in page.content.decode()
    assert NAMING in client.get(edit_url).content.decode()
    response = client.post(
        edit_url,
        {"area": "treatment", "text": "D-01 was beaten.", "sources": ["detainee"], "severity": "urgent"},
    )
    assert response.status_code == 302 and Finding.objects.get(pk=finding.pk).text == "D-01 was beaten."
    bad = client.post(edit_url, {"area": "treatment", "text": "", "sources": [], "severity": "urgent"})
    assert bad.status_code == 200 and Finding.objects.get(pk=finding.pk).text == "D-01 was beaten."
    withdraw_url = reverse("monitoring:finding_withdraw", args=[finding.public_id])
    assert client.post(withdraw_url, {"reason": ""}).status_code == 302
    assert Finding.objects.filter(pk=finding.pk).exists()  # no reason, no withdrawal
    client.post(withdraw_url, {"reason": "Duplicate."})
    assert not Finding.objects.filter(pk=finding.pk).exists()
    assert (
        "D-01 was beaten."
        not in client.get(reverse("monitoring:visit_detail", args=[visit.public_id])).content.decode()
    )
    assert client.get(edit_url).status_code == 404  # a withdrawn finding has no page


def test_edit_and_withdraw_through_the_api(lead, visit, persona):
    finding = _finding(lead, visit)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, lead, 'test')}")
    url = f"/api/v1/findings/{finding.public_id}/"
    tag = api.get(url)["ETag"]  # a correction names the version it was based on (If-Match)
    assert api.patch(url, {"text": "D-01 was beaten."}, format="json", HTTP_IF_MATCH=tag).status_code == 200
    assert api.patch(url, {"sources": []}, format="json", HTTP_IF_MATCH="*").status_code == 400
    assert Finding.objects.get(pk=finding.pk).text == "D-01 was beaten."
    assert api.post(url + "withdraw/", {}, format="json").status_code == 400
    assert api.post(url + "withdraw/", {"reason": "Duplicate."}, format="json").status_code == 204
    assert api.get(url).status_code == 404 and api.get("/api/v1/findings/").json()["results"] == []
    outsider = APIClient()
    outsider.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, persona('analyst'), 'test')}")
    assert outsider.patch(url, {"text": "x"}, format="json").status_code == 403
