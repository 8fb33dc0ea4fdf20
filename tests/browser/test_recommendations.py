"""An NPM lead drafts two recommendations from a visit's findings, issues them, records the
authority's response, and verifies one on a follow-up visit's checklist; the visit report lists
them."""

import io
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from ombuds.accounts.testing import TEST_PASSWORD, make_user
from ombuds.core.models import Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.recommendations.models import Recommendation
from tests.browser.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (the finding it answers, its texts in az, en, ru)
SHOWER = (
    "shower block has no hot water",
    "Duş bloku üç ay ərzində təmir edilsin.",
    "Repair the shower block within three months.",
    "Отремонтировать душевой блок в течение трёх месяцев.",
)
EXAMS = (
    "only a paramedic examines",
    "Qəbul zamanı tibbi müayinəni feldşer deyil, həkim aparsın.",
    "Have admission examinations done by a physician, not a paramedic.",
    "Медицинский осмотр при поступлении должен проводить врач, а не фельдшер.",
)


def _visits(lead, doctor):
    """An in-depth visit whose report is final, with two findings, and a follow-up visit to the
    same place that is prepared (the team arrives in the test)."""
    penitentiary = Authority.objects.get(code="penitentiary_service")
    place = make_place(None, name_en="Shuvalan pre-trial isolator", authority=penitentiary)
    day = timezone.localdate() - timedelta(days=30)
    team = [(lead, "leader"), (doctor, "physician")]
    visit = make_visit(lead, place=place, visit_type="in_depth", planned_date=day, team=team)
    monitoring.prepare_visit(lead, visit, "")
    arrival = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time())) + timedelta(hours=9)
    monitoring.record_arrival(lead, visit, arrival_at=arrival)
    for area, text in (
        ("material_conditions", "The shower block has no hot water; half the taps are broken."),
        ("health_care", "On admission only a paramedic examines detainees."),
    ):
        monitoring.add_finding(lead, visit, area=area, text=text, severity="serious", sources=["observation"])
    monitoring.complete_onsite(lead, visit, people_held=1400, end_at=arrival + timedelta(hours=8))
    for step in (VisitStatus.REPORT_DRAFT, VisitStatus.REPORT_FINAL):
        monitoring.advance_visit(lead, visit, step)
    follow_up = make_visit(lead, place=place, visit_type="follow_up", planned_date=timezone.localdate(), team=team)
    monitoring.prepare_visit(lead, follow_up, "Check the recommendations of the in-depth visit.")
    return visit, follow_up


def _shot(page, tmp_path, name):
    """Screenshots go to OMBUDS_SCREENSHOTS when set (to look at them), else the test's folder."""
    folder = Path(os.environ.get("OMBUDS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"recommendations-{name}.png"), full_page=True)


def test_draft_issue_respond_and_verify_by_a_follow_up_visit(page, settings, tmp_path):
    settings.DEMO = True
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg", gender="male")
    doctor = make_user(username="npm.doctor", roles=["npm_medical"], unit="npg", gender="female", is_medical=True)
    visit, follow_up = _visits(lead, doctor)
    page.goto("/auth/login/")
    page.fill("#id_login", "npm.lead")
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/")
    page.get_by_test_id("lang-en").click()
    page.wait_for_load_state()

    # Two drafts from the visit's findings; the place's authority is the proposed addressee.
    page.goto(visit.get_absolute_url())
    section = page.get_by_test_id("visit-recommendations")
    for finding, az, en, ru in (SHOWER, EXAMS):
        section.locator("summary", has_text="Draft a recommendation from the findings").click()
        form = page.get_by_test_id("draft-recommendation")
        form.get_by_label(re.compile(finding)).check()
        assert "Penitentiary Service" in form.locator("#id_rec-addressee option:checked").inner_text()
        form.locator("#id_rec-text_az").fill(az)
        form.locator("#id_rec-text_en").fill(en)
        form.locator("#id_rec-text_ru").fill(ru)
        for k in range(5):
            form.locator(f"#id_rec-smart_{k}").check()
        form.get_by_role("button", name="Draft the recommendation").click()
        page.wait_for_load_state()
        assert page.get_by_text("drafted.").first.is_visible()
    rows = page.get_by_test_id("visit-recommendations").locator("tbody tr")
    assert rows.count() == 2
    first = rows.nth(0).locator("td").nth(0).inner_text()
    assert first.startswith(SHOWER[2]) and SHOWER[0] in first  # the text, and the finding it answers
    assert rows.nth(1).locator("td").nth(2).inner_text() == "Draft"
    _shot(page, tmp_path, "drafts")
    assert run_axe(page) == []

    # Issued by the lead: the letters leave and the visit moves on.
    page.get_by_test_id("issue-recommendations").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("visit-status").inner_text() == "Recommendations issued"
    statuses = page.get_by_test_id("visit-recommendations").locator("tbody tr td:nth-of-type(3)")
    assert statuses.all_inner_texts() == ["Issued, awaiting response"] * 2
    shower, exams = Recommendation.objects.order_by("sequence")
    assert shower.issued_by == lead and shower.due_date is not None

    # The authority answers the second one: it accepts. Staff record the letter on its page.
    page.goto(exams.get_absolute_url())
    page.locator("summary", has_text="Record the authority's response").click()
    page.select_option("#id_response-stance", "accepts")
    page.fill("#id_response-received_on", timezone.localdate().isoformat())
    page.fill("#id_response-text", "Tövsiyə qəbul edilir.")
    page.fill("#id_response-reference", "PS-17/412")
    page.get_by_role("button", name="Record the response").click()
    page.wait_for_load_state()
    history = page.get_by_test_id("history").inner_text()
    assert "Issued, awaiting response → Accepted by the authority" in history
    assert "Authority's response: Accepts the recommendation" in history
    assert "PS-17/412" in page.get_by_test_id("response").inner_text()
    exams.refresh_from_db()
    assert exams.status == "accepted" and exams.responses.get().reference == "PS-17/412"
    assert run_axe(page) == []
    _shot(page, tmp_path, "response")

    # The follow-up visit: the team arrives and the checklist verifies the shower block.
    page.goto(follow_up.get_absolute_url())
    arrival = timezone.localtime() - timedelta(minutes=5)
    arrival = max(arrival, arrival.replace(hour=0, minute=0))
    page.locator("summary", has_text="Arrival at the place").click()
    page.fill("#id_arrival-arrival_at", arrival.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_arrival-access_at", arrival.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Record arrival").click()
    page.wait_for_load_state()
    checklist = page.get_by_test_id("follow-up-checklist")
    key = shower.public_id.hex[:12]
    checklist.locator(f"#id_chk-observed_{key}").select_option("implemented")
    checklist.locator(f"#id_chk-note_{key}").fill("Repaired; hot water in all showers.")
    _shot(page, tmp_path, "checklist")
    assert run_axe(page) == []
    checklist.get_by_role("button", name="Record the follow-up checks").click()
    page.wait_for_load_state()
    recorded = page.get_by_test_id("recorded-checks")
    assert shower.number in recorded.inner_text() and "Implemented" in recorded.inner_text()
    shower.refresh_from_db()
    exams.refresh_from_db()
    assert (shower.status, exams.status) == ("implemented", "accepted")
    change = shower.history.get(new_status="implemented")
    assert change.evidence == "follow_up_visit" and change.visit_id == follow_up.pk

    page.goto(shower.get_absolute_url())
    assert "Follow-up visit" in page.locator("main").inner_text()
    _shot(page, tmp_path, "verified")

    # The visit report lists both, with their addressee.
    page.goto(visit.get_absolute_url())
    with page.expect_download() as download:
        page.locator("a", has_text="DOCX").click()
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(Path(download.value.path()).read_bytes())).paragraphs)
    for rec, texts in ((shower, SHOWER), (exams, EXAMS)):
        assert rec.number in text and texts[2] in text
    assert "Penitentiary Service" in text
    assert page.console_errors == []
