"""Publications: only published reports are listed and shown; their PDFs are served only when
published and generated after the final approval; the summary is in the page's language."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from ombuds.portal.tests.statistics_fixtures import make_dataset, make_pdf, make_report, sample_measures

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"portal:{name}", args=args)


def test_only_published_reports_are_listed_newest_first(client, django_assert_max_num_queries):
    older = make_report(2022)
    newer = make_report(2023)
    npm = make_report(2023, kind="npm", dataset=newer.dataset)
    draft = make_report(2024, status="draft")
    hidden = [draft, make_report(2024, kind="npm", status="presented", dataset=draft.dataset)]
    with django_assert_max_num_queries(3):
        html = client.get(url("publications")).content.decode()
    positions = [html.index(str(report.public_id)) for report in (newer, npm, older)]
    assert positions == sorted(positions)
    assert all(str(report.public_id) not in html for report in hidden)


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_a_published_report_in_each_language(client, language):
    report = make_report(2023)
    make_pdf(report, "az")
    make_pdf(report, "en")
    response = client.get(url("publication", report.public_id, language=language))
    html = response.content.decode()
    assert response.status_code == 200 and f'<html lang="{language}">' in html
    assert response["Cache-Control"].startswith("public, max-age=")
    if language == "ru":  # no Russian title: the Azerbaijani one, marked as such
        assert '<h1 class="h2" lang="az">Müvəkkilin 2023-cü il üzrə məruzəsi</h1>' in html
    else:
        assert escape(getattr(report, f"title_{language}")) in html
    assert url("publication_pdf", report.public_id, "az", language=language) in html
    assert url("publication_pdf", report.public_id, "ru", language=language) not in html
    assert "12,211" in html or "12 211" in html or "12\xa0211" in html  # the headline, from the public form


def test_the_summary_gives_each_chapter_with_the_start_of_its_text(client):
    report = make_report(2023)
    html = client.get(url("publication", report.public_id)).content.decode()
    assert "Restoring violated rights" in html and "International relations" in html
    assert "The Commissioner received 12,211 appeals in the year." in html  # the figure rendered
    assert "A second paragraph" not in html  # only the start


@pytest.mark.parametrize("status", ["draft", "approved", "submitted", "presented"])
def test_an_unpublished_report_and_its_pdf_are_404(client, persona, staff_client, status):
    report = make_report(2023, status=status)
    make_pdf(report, "en")
    for http in (client, staff_client(persona("commissioner"))):
        assert http.get(url("publication", report.public_id)).status_code == 404
        assert http.get(url("publication_pdf", report.public_id, "en")).status_code == 404
        assert str(report.public_id) not in http.get(url("publications")).content.decode()


def test_the_pdf_is_the_one_generated_after_approval_from_the_reports_dataset(client):
    report = make_report(2023)
    early = make_pdf(report, "az", finished_at=report.approved_at - timedelta(hours=1))  # a draft's text
    assert client.get(url("publication_pdf", report.public_id, "az")).status_code == 404
    stale = make_pdf(report, "en")
    stale.dataset_hash = make_dataset(
        2023, sample_measures(scale=2), number=2
    ).content_hash  # read from another dataset
    stale.save()
    assert client.get(url("publication_pdf", report.public_id, "en")).status_code == 404
    final = make_pdf(report, "az", finished_at=timezone.now())
    response = client.get(url("publication_pdf", report.public_id, "az"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert final.pk != early.pk
    assert client.get(url("publication_pdf", report.public_id, "xx")).status_code == 404


def test_an_unknown_report_is_404(client):
    assert client.get("/en/reports/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_a_report_page_costs_the_same_queries_whatever_its_files(client, django_assert_max_num_queries):
    report = make_report(2023)
    for language in ("az", "en", "ru", "az", "en"):  # regenerated files: the latest per language is served
        make_pdf(report, language)
    with django_assert_max_num_queries(4):
        html = client.get(url("publication", report.public_id)).content.decode()
    assert html.count('type="application/pdf"') == 3
