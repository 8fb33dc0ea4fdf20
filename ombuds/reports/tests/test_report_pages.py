"""The report pages: the list with the legal deadline, a new report, one report with its chapters,
tables, recipients and lifecycle, the chapter editor with its figures, the cover letters."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from ombuds.complaints.testing import make_application
from ombuds.core.models import AuditEvent, Authority, Deadline
from ombuds.reports.models import Report
from ombuds.reports.services import reports
from ombuds.reports.tests.reporting import make_report, write_every_chapter

BAKU = ZoneInfo("Asia/Baku")
pytestmark = pytest.mark.django_db


@pytest.fixture
def commissioner(persona, staff_client):
    return staff_client(persona("commissioner"))


def test_the_list_shows_each_report_with_its_deadline_and_the_overdue_badge(
    commissioner, django_assert_max_num_queries
):
    annual = make_report()
    make_report(kind="npm")
    Deadline.objects.filter(object_id=annual.pk).update(due_at=timezone.now() - timedelta(days=1))
    with django_assert_max_num_queries(20):
        page = commissioner.get(reverse("reports:report_list"))
    html = page.content.decode()
    assert page.status_code == 200 and 'data-testid="overdue"' in html
    assert html.count('data-testid="overdue"') == 1 and reverse("reports:report_new") in html


def test_a_new_report_is_started_from_its_form_and_a_bad_year_is_explained(commissioner):
    page = commissioner.post(reverse("reports:report_new"), {"kind": "annual", "year": timezone.localdate().year})
    assert page.status_code == 200 and not Report.objects.exists()
    assert "invalid-feedback" in page.content.decode() or "alert" in page.content.decode()
    page = commissioner.post(reverse("reports:report_new"), {"kind": "npm", "year": 2025})
    report = Report.objects.get()
    assert page.status_code == 302 and page["Location"] == report.get_absolute_url()


def test_the_report_page_shows_every_chapter_with_its_figures_tables_and_recipients(commissioner):
    make_application(None, received_at=datetime(2025, 3, 1, 10, tzinfo=BAKU), channel="post")
    report = make_report()
    reports.save_narrative(None, report, "rights", text_az="{{applications.total}} müraciət.", text_en="", text_ru="")
    html = commissioner.get(report.get_absolute_url()).content.decode()
    assert '<span class="figure">1</span> müraciət.' in html
    assert 'id="table-A2"' in html and 'id="chapter-proposals"' in html
    assert "Konstitusiya Məhkəməsi" in html  # a recipient
    assert reverse("reports:report_approve", args=[report.public_id]) in html
    assert reverse("reports:cover_letter", args=[report.public_id, report.recipients.first().public_id, "pdf"]) in html


def test_an_analyst_edits_the_draft_but_sees_no_approval(persona, staff_client):
    client = staff_client(persona("analyst"))
    report = make_report()
    html = client.get(report.get_absolute_url()).content.decode()
    assert reverse("reports:narrative_edit", args=[report.public_id, "rights"]) in html
    assert reverse("reports:report_approve", args=[report.public_id]) not in html


def test_the_chapter_editor_saves_refuses_unknown_figures_and_previews(commissioner):
    report = make_report()
    url = reverse("reports:narrative_edit", args=[report.public_id, "rights"])
    page = commissioner.get(url)
    assert "{{applications.by_channel:post}}" in page.content.decode()  # the catalogue
    bad = commissioner.post(url, {"text_az": "{{applications.by_wind}}", "text_en": "", "text_ru": ""})
    assert bad.status_code == 200 and "applications.by_wind" in bad.content.decode()
    assert not report.narratives.exists()
    preview = commissioner.post(url, {"text_az": "{{applications.total}}", "preview": "1"}, HTTP_HX_REQUEST="true")
    assert '<span class="figure">0</span>' in preview.content.decode() and not report.narratives.exists()
    saved = commissioner.post(url, {"text_az": "Mətn {{applications.total}}.", "text_en": "", "text_ru": ""})
    assert saved.status_code == 302 and report.narratives.get().text_az == "Mətn {{applications.total}}."
    assert commissioner.get(reverse("reports:narrative_edit", args=[report.public_id, "nope"])).status_code == 404


def test_the_lifecycle_runs_through_the_pages(commissioner):
    report = make_report()
    approve = reverse("reports:report_approve", args=[report.public_id])
    refused = commissioner.post(approve)
    assert refused.status_code == 400 and "Azərbaycan" in refused.content.decode()
    write_every_chapter(report)
    assert commissioner.post(approve).status_code == 302
    president = report.recipients.get(authority__code="president")
    page = commissioner.post(
        reverse("reports:report_submit", args=[report.public_id]),
        {"submitted_on": "2026-02-24", f"ref_{president.public_id}": "01/25-7"},
    )
    assert page.status_code == 302
    president.refresh_from_db()
    assert (president.sent_on, president.reference) == (date(2026, 2, 24), "01/25-7")
    commissioner.post(reverse("reports:report_present", args=[report.public_id]), {"presented_on": "2026-03-03"})
    commissioner.post(reverse("reports:report_publish", args=[report.public_id]))
    report.refresh_from_db()
    assert report.status == "published" and report.dataset.is_published


def test_recipients_are_added_and_removed_from_the_report_page(commissioner):
    report = make_report()
    majlis = Authority.objects.get(code="milli_majlis")
    commissioner.post(
        reverse("reports:recipient_add", args=[report.public_id]), {"authority": majlis.pk, "role": "copy"}
    )
    added = report.recipients.get(authority=majlis)
    commissioner.post(reverse("reports:recipient_remove", args=[report.public_id, added.public_id]))
    assert not report.recipients.filter(authority=majlis).exists()


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_the_cover_letter_names_the_recipient_and_the_report_and_is_audited(commissioner, language):
    report = make_report()
    president = report.recipients.get(authority__code="president")
    url = reverse("reports:cover_letter", args=[report.public_id, president.public_id, "docx"])
    response = commissioner.get(f"{url}?lang={language}")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert getattr(president.authority, f"name_{language}") in text and getattr(report, f"title_{language}") in text
    event = AuditEvent.objects.get(action="reports.recipient.exported")
    assert event.changes["language"] == language
    assert commissioner.get(f"{url}?lang=fr").status_code == 404


def test_the_cover_letter_is_a_pdf_too(commissioner):
    report = make_report()
    president = report.recipients.get(authority__code="president")
    response = commissioner.get(reverse("reports:cover_letter", args=[report.public_id, president.public_id, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_report_page_lists_the_years_recommendations_with_their_status(staff_client, persona):
    """The frozen list of the year's recommendations, read from the dataset (a shape other than the
    list's once broke the page with a 500)."""
    from ombuds.reports.tests.reporting import make_report

    report = make_report()
    report.dataset.data["lists"] = {
        "recommendations": [
            {
                "number": "R-2025-0007",
                "issued_on": "2025-05-02",
                "addressee": {"az": "Ədliyyə Nazirliyi", "en": "Ministry of Justice", "ru": "Министерство юстиции"},
                "text_az": "Kameraları təmir edin",
                "text_en": "Repair the cells",
                "text_ru": "",
                "status": "not_implemented",
                "bucket": "not_implemented",
            }
        ]
    }
    report.dataset.save(update_fields=["data"])
    client = staff_client(persona("commissioner"))
    client.cookies["django_language"] = "ru"
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "R-2025-0007" in text and "Министерство юстиции" in text
    assert '<span lang="az">Kameraları təmir edin</span>' in text  # no Russian text: the az one, marked
