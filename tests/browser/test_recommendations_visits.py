"""On a follow-up visit the NPM member checks the place's open recommendation (seen implemented,
which verifies it) and drafts two recommendations from the visit's findings; the NPM lead issues
them once the report is final, and the visit report lists them. The section passes axe and
reflows at 320 px."""

from datetime import date

import pytest

from ombuds.accounts.testing import make_user
from ombuds.core.models import Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.recommendations import services
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.testing import make_recommendation
from tests.browser.conftest import run_axe
from tests.browser.test_monitoring_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def on_site(actor, place, planned_date, *findings):
    visit = make_visit(actor, place=place, planned_date=planned_date, announced=True)
    monitoring.prepare_visit(actor, visit, "")
    visit = monitoring.record_arrival(actor, visit)
    made = [
        monitoring.add_finding(actor, visit, area=area, text=text, severity="serious", sources=["observation"])
        for area, text in findings
    ]
    return visit, made


def draft(page, finding_label, text_az):
    page.get_by_text("Draft a recommendation from the findings").click()
    form = page.get_by_test_id("draft-recommendation")
    form.get_by_label(finding_label).check()
    form.get_by_label("Text (Azerbaijani)").fill(text_az)
    form.get_by_label("Specific: it says exactly what should change").check()
    form.get_by_role("button", name="Draft the recommendation").click()
    page.wait_for_load_state()


def test_draft_issue_and_verify_on_the_visit_page(page, settings):
    settings.DEMO = True
    member = make_user(username="npm.member", roles=["npm_member"], unit="npg")
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")
    place = make_place(lead, name_en="Shuvalan pre-trial isolator", authority=Authority.objects.get(code="moj"))
    earlier, (shower,) = on_site(
        member, place, date(2025, 3, 1), ("material_conditions", "The shower block is broken.")
    )
    repaired = make_recommendation(member, visit=earlier, findings=[shower])
    services.issue_recommendation(lead, repaired)
    visit, _findings = on_site(
        member,
        place,
        date(2025, 10, 15),
        ("health_care", "Admission exams are done by a paramedic alone."),
        ("regime", "No outdoor exercise for people on remand."),
    )
    monitoring.add_team_member(member, visit, lead, "member")

    sign_in(page, "npm.member")
    page.goto(visit.get_absolute_url())
    checklist = page.get_by_test_id("follow-up-checklist")
    checklist.get_by_label(f"Observed: {repaired.number}").select_option("implemented")
    checklist.get_by_label(f"Note: {repaired.number}").fill("New showers in use.")
    checklist.get_by_role("button", name="Record the follow-up checks").click()
    page.wait_for_load_state()
    assert "New showers in use." in page.get_by_test_id("recorded-checks").inner_text()
    repaired.refresh_from_db()
    assert repaired.status == "implemented"

    draft(page, "Health care: Admission exams are done by a paramedic alone.", "Qəbul müayinəsini həkim aparsın.")
    assert "Not confirmed: Measurable" in page.content()  # the SMART checklist warns, it does not refuse
    draft(page, "Regime and activities: No outdoor exercise for people on remand.", "Gündə bir saat gəzinti.")
    section = page.get_by_test_id("visit-recommendations")
    assert section.get_by_role("link").count() == 2
    assert run_axe(page) == []
    page.get_by_text("Draft a recommendation from the findings").click()

    visit = monitoring.complete_onsite(member, visit, people_held=900)
    for step in (VisitStatus.REPORT_DRAFT, VisitStatus.REPORT_FINAL):
        visit = monitoring.advance_visit(member, visit, step)
    page.context.clear_cookies()
    sign_in(page, "npm.lead")
    page.goto(visit.get_absolute_url())
    page.get_by_test_id("issue-recommendations").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("visit-status").inner_text() == "Recommendations issued"
    assert set(Recommendation.objects.filter(visit=visit).values_list("status", flat=True)) == {"issued"}
    assert page.get_by_test_id("visit-recommendations").get_by_text("Issued, awaiting response").count() == 2

    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page) == []
    assert page.console_errors == []
