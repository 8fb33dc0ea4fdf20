"""Recommendations on the visit: drafted from the findings by the team, issued by the NPM lead once
the report is final, listed in the visit report, shown in the dossier of the place's next visit
and checked, all or nothing, by a follow-up visit."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ombuds.accounts.testing import make_user
from ombuds.core.models import Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.recommendations import services
from ombuds.recommendations.models import FollowUpCheck, Recommendation
from ombuds.recommendations.testing import make_recommendation, visit_with_finding

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(persona):
    return persona("npm_member")


@pytest.fixture
def lead():
    """The NPM lead: the head of the National Preventive Group, who approves and issues."""
    return make_user(roles=["department_head"], unit="npg")


@pytest.fixture
def signed_in(staff_client):
    """`signed_in(user)`: a client of `user` reading the pages in English (or `language`)."""

    def login(user, language="en"):
        client = staff_client(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return client

    yield login
    translation.deactivate()  # the requests activated the language in this thread: not for the next test


@pytest.fixture
def place():
    return make_place(None, authority=Authority.objects.get(code="moj"))


def add_finding(actor, visit, area="health_care", text="Admission exams are done by a paramedic alone."):
    return monitoring.add_finding(actor, visit, area=area, text=text, severity="serious", sources=["observation"])


def to_report_final(actor, visit):
    visit = monitoring.complete_onsite(actor, visit, people_held=40)
    for step in (VisitStatus.REPORT_DRAFT, VisitStatus.REPORT_FINAL):
        visit = monitoring.advance_visit(actor, visit, step)
    return visit


def draft_data(findings, **overrides):
    data = {
        "rec-findings": [str(f.public_id) for f in findings],
        "rec-addressee": str(Authority.objects.get(code="moj").pk),
        "rec-kind": "after_visit",
        "rec-priority": "high",
        "rec-area": "",
        "rec-text_az": "Qəbul müayinəsini həkim aparsın və xəsarətlər sənədləşdirilsin, üç ay ərzində.",
        "rec-text_en": "Let a physician examine every new arrival and document injuries, within three months.",
        "rec-text_ru": "",
        "rec-rationale": "",
        "rec-smart": ["specific", "measurable"],
    }
    data.update(overrides)
    return data


def page(client, visit):
    return client.get(reverse("monitoring:visit_detail", args=[visit.public_id]))


def test_a_team_member_drafts_from_several_findings_and_sees_the_warnings(member, place, signed_in):
    visit, shower = visit_with_finding(member, place=place)
    exams = add_finding(member, visit)
    client = signed_in(member)
    body = page(client, visit).content.decode()
    assert 'data-testid="draft-recommendation"' in body
    assert f'<option value="{place.authority_id}" selected>' in body  # the place's supervising authority

    url = reverse("recommendations:visit_draft", args=[visit.public_id])
    response = client.post(url, draft_data([shower, exams]), follow=True)

    rec = Recommendation.objects.get(visit=visit)
    assert rec.status == "draft" and rec.source == "visit" and rec.priority == "high"
    assert set(rec.findings.all()) == {shower, exams}
    assert rec.area in {"material_conditions", "health_care"}  # from the findings
    assert rec.places.get() == place and rec.addressee.code == "moj"
    assert rec.smart == {
        "specific": True,
        "measurable": True,
        "achievable": False,
        "relevant": False,
        "time_bound": False,
    }
    body = response.content.decode()
    # Unticked criteria are warnings after the draft, not a refusal.
    assert "Not confirmed: Achievable by the addressee." in body
    assert "The English or Russian text is missing" in body
    section = body[body.index('data-testid="visit-recommendations"') :]
    assert reverse("recommendations:detail", args=[rec.public_id]) in section
    assert rec.number in section and "Let a physician examine every new arrival" in section
    assert "Admission exams are done by a paramedic alone." in section  # the linked finding
    assert "Recommendations to the authorities will be issued from these findings" not in body
    # The text in the reader's language: Azerbaijani for an Azerbaijani page.
    body = page(signed_in(member, "az"), visit).content.decode()
    assert "Qəbul müayinəsini həkim aparsın" in body and "Let a physician examine" not in body


def test_the_area_follows_the_findings_when_left_empty(member, place, signed_in):
    visit, _shower = visit_with_finding(member, place=place)
    exams = add_finding(member, visit)
    signed_in(member).post(reverse("recommendations:visit_draft", args=[visit.public_id]), draft_data([exams]))
    assert Recommendation.objects.get(visit=visit).area == "health_care"


def test_a_refused_draft_is_drawn_again_with_the_input_and_nothing_saved(member, place, signed_in):
    visit, finding = visit_with_finding(member, place=place)
    other_visit, foreign = visit_with_finding(member, place=place)
    client = signed_in(member)
    url = reverse("recommendations:visit_draft", args=[visit.public_id])

    response = client.post(url, draft_data([finding], **{"rec-text_az": "  ", "rec-text_en": "Kept English text."}))
    assert response.status_code == 400
    body = response.content.decode()
    assert 'data-testid="form-errors"' in body and "Kept English text." in body

    response = client.post(url, draft_data([foreign]))  # a finding of another visit is not a choice
    assert response.status_code == 400
    assert not Recommendation.objects.exists()


def test_no_drafting_before_the_team_arrives(member, place, signed_in):
    visit = make_visit(member, place=place)
    client = signed_in(member)
    assert 'data-testid="draft-recommendation"' not in page(client, visit).content.decode()
    response = client.post(reverse("recommendations:visit_draft", args=[visit.public_id]), {})
    assert response.status_code == 302 and not Recommendation.objects.exists()


def test_the_npm_lead_issues_the_drafts_once_the_report_is_final(member, lead, place, signed_in):
    visit, finding = visit_with_finding(member, place=place)
    first = make_recommendation(member, visit=visit, findings=[finding])
    second = make_recommendation(member, visit=visit, findings=[finding], text_az="İkinci tövsiyə mətni.")
    url = reverse("recommendations:visit_issue", args=[visit.public_id])
    monitoring.add_team_member(member, visit, lead, "member")

    # Before the report is final, nothing is offered and nothing is issued.
    lead_client = signed_in(lead)
    assert 'data-testid="issue-recommendations"' not in page(lead_client, visit).content.decode()
    lead_client.post(url)
    assert set(Recommendation.objects.values_list("status", flat=True)) == {"draft"}

    visit = to_report_final(member, visit)
    member_client = signed_in(member)
    assert 'data-testid="issue-recommendations"' not in page(member_client, visit).content.decode()
    assert member_client.post(url).status_code == 403  # a member drafts; the lead issues

    lead_client = signed_in(lead)
    assert 'data-testid="issue-recommendations"' in page(lead_client, visit).content.decode()
    response = lead_client.post(url, follow=True)
    assert "2 recommendations issued." in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == VisitStatus.RECOMMENDATIONS_ISSUED
    for rec in (first, second):
        rec.refresh_from_db()
        assert rec.status == "issued" and rec.issued_by == lead and rec.due_date is not None
    assert 'data-testid="issue-recommendations"' not in page(lead_client, visit).content.decode()


def _report_text(content: bytes, fmt: str, tmp_path) -> str:
    if fmt == "docx":
        from docx import Document

        return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext not installed (Debian poppler-utils)")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_visit_report_lists_the_recommendations(fmt, member, place, signed_in, tmp_path):
    visit, finding = visit_with_finding(member, place=place)
    listed = make_recommendation(member, visit=visit, findings=[finding], text_ru="")
    dropped = make_recommendation(member, visit=visit, findings=[finding], text_az="Artıq aktual olmayan tövsiyə.")
    services.mark_no_longer_relevant(member, dropped, "The block was demolished.")
    client = signed_in(member)

    def report(language):
        url = reverse("monitoring:visit_report", args=[visit.public_id, fmt]) + f"?lang={language}"
        response = client.get(url)
        assert response.status_code == 200
        return " ".join(_report_text(response.content, fmt, tmp_path).split())

    english = report("en")
    assert "RECOMMENDATIONS" in english
    assert listed.number in english and "Repair the shower block within a month" in english
    assert "Ministry of Justice" in english
    assert dropped.number not in english and "Artıq aktual" not in english
    russian = report("ru")  # no Russian text: the Azerbaijani one
    assert listed.number in russian and "Duş otağı bir ay ərzində təmir edilsin" in russian


def _issued_earlier(actor, lead, place, **fields):
    """A recommendation of an earlier visit to `place`, issued by the lead a year ago."""
    visit, finding = visit_with_finding(actor, place=place, planned_date=date(2024, 3, 1))
    rec = make_recommendation(actor, visit=visit, findings=[finding], **fields)
    return services.issue_recommendation(
        lead, rec, issued_on=date(2024, 4, 1), due_date=date(2024, 7, 1), due_reason="Agreed at the debrief."
    )


def test_the_place_and_its_next_visit_show_the_open_recommendations(member, lead, place, signed_in):
    overdue = _issued_earlier(member, lead, place)
    closed = _issued_earlier(member, lead, place, text_az="Bağlanmış tövsiyənin mətni burada yazılıb.")
    services.mark_no_longer_relevant(lead, closed, "Closed.")
    next_visit = make_visit(member, place=place, planned_date=date(2026, 12, 1))
    client = signed_in(member)

    for url in (next_visit.get_absolute_url(), reverse("monitoring:place_detail", args=[place.public_id])):
        body = client.get(url).content.decode()
        assert overdue.number in body and closed.number not in body
        assert "Issued, awaiting response" in body and "2024-07-01" in body
        assert 'data-testid="overdue"' in body


def test_a_follow_up_visit_checks_the_open_recommendations(member, lead, place, signed_in):
    repaired = _issued_earlier(member, lead, place)
    exams = _issued_earlier(member, lead, place, text_az="Qəbul müayinəsini həkim aparsın, paramedik yox.")
    follow_up, _finding = visit_with_finding(member, place=place, visit_type="follow_up")
    client = signed_in(member)
    body = page(client, follow_up).content.decode()
    assert 'data-testid="follow-up-checklist"' in body and repaired.number in body and exams.number in body

    form = {
        f"chk-observed_{repaired.public_id.hex[:12]}": "implemented",
        f"chk-note_{repaired.public_id.hex[:12]}": "New showers in use.",
        f"chk-observed_{exams.public_id.hex[:12]}": "not_implemented",
        f"chk-note_{exams.public_id.hex[:12]}": "",
    }
    response = client.post(reverse("recommendations:visit_checks", args=[follow_up.public_id]), form, follow=True)

    repaired.refresh_from_db()
    exams.refresh_from_db()
    assert repaired.status == "implemented" and exams.status == "not_implemented"
    verification = repaired.history.get(new_status="implemented")
    assert verification.evidence == "follow_up_visit" and verification.visit == follow_up
    body = response.content.decode()
    assert "2 follow-up checks recorded." in body
    assert 'data-testid="recorded-checks"' in body and "New showers in use." in body
    assert 'data-testid="follow-up-checklist"' not in body  # both checked: nothing left to check


def test_the_checklist_is_recorded_whole_or_not_at_all(member, lead, place, signed_in, monkeypatch):
    first = _issued_earlier(member, lead, place)
    second = _issued_earlier(member, lead, place, text_az="Qəbul müayinəsini həkim aparsın, paramedik yox.")
    follow_up, _finding = visit_with_finding(member, place=place)
    real = services.record_follow_up_check

    def meanwhile_closed(actor, visit, rec, observed, **kw):
        if rec.pk == second.pk:  # someone else closes it while the checklist is being saved
            services.mark_no_longer_relevant(lead, rec, "The block was closed.")
        return real(actor, visit, rec, observed, **kw)

    monkeypatch.setattr(services, "record_follow_up_check", meanwhile_closed)
    form = {
        f"chk-observed_{first.public_id.hex[:12]}": "implemented",
        f"chk-observed_{second.public_id.hex[:12]}": "partially_implemented",
    }
    response = signed_in(member).post(reverse("recommendations:visit_checks", args=[follow_up.public_id]), form)

    assert response.status_code == 400
    assert "This recommendation is not open to follow-up." in response.content.decode()
    assert not FollowUpCheck.objects.exists()
    first.refresh_from_db()
    assert first.status == "issued"


def test_an_empty_checklist_is_refused(member, lead, place, signed_in):
    _issued_earlier(member, lead, place)
    follow_up, _finding = visit_with_finding(member, place=place)
    response = signed_in(member).post(reverse("recommendations:visit_checks", args=[follow_up.public_id]), {})
    assert response.status_code == 400
    assert "Say what the team observed for at least one recommendation." in response.content.decode()


def test_the_visit_page_reads_the_same_number_of_queries_for_more_recommendations(member, lead, place, signed_in):
    def build(count):
        for n in range(count):
            _issued_earlier(member, lead, place, text_az=f"Açıq tövsiyə nömrə {n} üçün kifayət qədər uzun mətn.")
        visit, finding = visit_with_finding(member, place=place)
        for n in range(count):
            extra = add_finding(member, visit, text=f"Finding {n}.")
            make_recommendation(member, visit=visit, findings=[finding, extra])
        return visit

    small, large = build(1), build(4)
    client = signed_in(member)
    page(client, small)  # warm caches (session, permissions)
    with CaptureQueriesContext(connection) as few:
        assert page(client, small).status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert page(client, large).status_code == 200
    assert len(many) == len(few)
    assert large.recommendations.count() == 4


def test_the_visit_and_place_pages_work_without_the_recommendations_register(member, place, persona, signed_in):
    visit, finding = visit_with_finding(member, place=place)
    make_recommendation(member, visit=visit, findings=[finding])
    operator = persona("intake_operator")
    monitoring.add_team_member(member, visit, operator, "interpreter")
    response = page(signed_in(operator), visit)
    assert response.status_code == 200
    assert 'data-testid="visit-recommendations"' not in response.content.decode()
    analyst = persona("analyst")
    response = signed_in(analyst).get(reverse("monitoring:place_detail", args=[place.public_id]))
    assert response.status_code == 200
    assert 'data-testid="place-open-recommendations"' not in response.content.decode()
