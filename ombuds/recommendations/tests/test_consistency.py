"""The paths into a recommendation agree with each other: the API drafts from a case as the case
page does, a follow-up visit verifies only what it saw, and the register's year is the rates' year."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ombuds.complaints.choices import MeasureKind
from ombuds.monitoring.testing import make_place
from ombuds.recommendations import rates, services
from ombuds.recommendations.listing import filtered
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.testing import case_under_consideration, make_recommendation, visit_with_finding
from ombuds.recommendations.tests.test_api import URL, token_client

pytestmark = pytest.mark.django_db


def test_the_api_drafts_from_a_case_and_records_the_measure_as_the_case_page_does(persona):
    officer = persona("complaints_officer")
    app = case_under_consideration(assignee=officer)
    response = token_client(officer).post(
        URL,
        {
            "source": "application",
            "application": str(app.public_id),
            "addressee": "mia",
            "kind": "legislative",
            "text_az": "Polis şöbələri şikayətləri müraciət edildiyi gün qeydiyyata alsın və cavablandırsın.",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    rec = Recommendation.objects.get(public_id=response.json()["id"])
    measure = app.measures.get()
    assert measure.kind == MeasureKind.RECOMMENDATION and measure.recommendation_ref == rec.number


def test_a_follow_up_visit_verifies_only_a_recommendation_of_its_place(persona):
    lead = persona("commissioner")
    rec = services.issue_recommendation(lead, make_recommendation(None))
    elsewhere, _finding = visit_with_finding(None, place=make_place(None, name_az="Başqa yer"))
    with pytest.raises(ValidationError) as refused:
        services.record_outcome(lead, rec, "implemented", evidence="follow_up_visit", visit=elsewhere)
    assert "visit" in refused.value.message_dict
    rec.refresh_from_db()
    assert rec.status == "issued" and not rec.history.filter(new_status="implemented").exists()
    services.record_outcome(lead, rec, "implemented", evidence="follow_up_visit", visit=rec.visit)
    rec.refresh_from_db()
    assert rec.status == "implemented"


def test_the_registers_year_is_the_year_of_issue_the_rates_count(persona):
    lead = persona("commissioner")
    today = timezone.localdate()
    drafted_last_year = make_recommendation(None)
    Recommendation.objects.filter(pk=drafted_last_year.pk).update(year=today.year - 1)  # numbered in December
    services.issue_recommendation(lead, drafted_last_year)
    draft = make_recommendation(None)
    counted = rates.by_authority(year=today.year)
    in_register, _data, _form = filtered(lead, {"year": str(today.year)})
    assert set(in_register) == {drafted_last_year, draft}  # the draft has no day of issue: its number's year
    assert counted.total.total == 1
    last_year, _data, _form = filtered(lead, {"year": str(today.year - 1)})
    assert not last_year.exists()
    assert date(today.year, 1, 1) <= Recommendation.objects.get(pk=drafted_last_year.pk).issued_on


def test_the_letter_names_no_interviewee_without_consent_to_disclosure(persona):
    from ombuds.monitoring import services as monitoring

    lead = persona("commissioner")
    visit, finding = visit_with_finding(None)
    monitoring.add_interview(None, visit, pseudonym="D-01", kind="detainee", identity="Məmmədov Elçin Rauf oğlu")
    rec = make_recommendation(None, visit=visit, findings=[finding], text_az="Elçin Məmmədov həkimə göstərilsin.")
    with pytest.raises(ValidationError) as refused:
        services.issue_recommendation(lead, rec)
    assert "text_az" in refused.value.message_dict
    rec.refresh_from_db()
    assert rec.status == "draft" and rec.issued_on is None
    harmless = make_recommendation(None, visit=visit, findings=[finding], text_az="Kameralar təmir edilsin.")
    assert services.issue_recommendation(lead, harmless).status == "issued"


def test_the_register_leads_to_the_rates_and_a_new_draft(persona, staff_client):
    from django.urls import reverse

    page = staff_client(persona("npm_member")).get(reverse("recommendations:list")).content.decode()
    for name in ("recommendations:new", "recommendations:rates", "recommendations:systemic"):
        assert f'href="{reverse(name)}"' in page


def test_a_withdrawn_finding_is_not_answered():
    from ombuds.monitoring import services as monitoring
    from ombuds.monitoring.models import Finding

    visit, kept = visit_with_finding(None)
    gone = monitoring.add_finding(None, visit, area="treatment", text="Yanlış.", severity="info", sources=["staff"])
    gone = monitoring.withdraw_finding(None, gone, "Entered twice.")
    gone = Finding.all_objects.get(pk=gone.pk)
    with pytest.raises(ValidationError) as refused:
        make_recommendation(None, visit=visit, findings=[kept, gone])
    assert "findings" in refused.value.message_dict
    assert not Recommendation.objects.exists()
