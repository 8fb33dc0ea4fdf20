"""The public staff-edited pages: published copy only, three languages, the missing-language
notice, the regional centres with their map, and the accessibility statement (page and JSON)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from ombuds.core.models import District, Region
from ombuds.portal.models import AccessibilityStatement
from ombuds.portal.services import pages as services
from ombuds.portal.tests.factories_pages import TEXTS, make_page, make_statement
from ombuds.portal.views.pages import next_review

pytestmark = pytest.mark.django_db


def url(slug: str, language: str) -> str:
    with translation.override(language):
        return reverse("portal:page", args=[slug])


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_a_published_page_in_each_language(client, language):
    make_page("mandate")
    response = client.get(url("mandate", language))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f'<article class="portal-page" lang="{language}"' in html
    assert TEXTS[f"title_{language}"] in html and TEXTS[f"body_{language}"] in html
    assert 'data-testid="missing-language"' not in html
    assert response["Cache-Control"].startswith("public, max-age=")


def test_a_missing_language_is_said_and_the_others_linked(client):
    make_page("npm", title_az="MPM", body_az="Azərbaycanca mətn", title_ru="НПМ", body_ru="Текст по-русски")
    html = client.get(url("npm", "en")).content.decode()
    assert 'data-testid="missing-language"' in html
    notice = html.split('data-testid="missing-language"')[1].split("</div>")[0]
    assert 'href="http://testserver/az/pages/npm/"' in notice and 'href="http://testserver/ru/pages/npm/"' in notice
    assert "/en/pages/npm/" not in notice
    # The Azerbaijani text is shown, marked as such.
    assert '<article class="portal-page" lang="az"' in html and "Azərbaycanca mətn" in html
    assert "Текст по-русски" not in html


def test_edits_are_not_shown_until_published(client):
    page = make_page("mandate")
    services.edit_page(None, "mandate", body_en="A draft nobody should read yet.")
    html = client.get(url("mandate", "en")).content.decode()
    assert TEXTS["body_en"] in html and "A draft nobody should read yet." not in html
    services.publish_page(None, page)
    html = client.get(url("mandate", "en")).content.decode()
    assert "A draft nobody should read yet." in html


def test_unknown_and_unpublished_pages_are_not_found(client):
    make_page("npm", publish=False)
    assert client.get(url("npm", "en")).status_code == 404
    assert client.get(url("no-such-page", "en")).status_code == 404
    assert client.get(url("mandate", "en")).status_code == 404


def test_staff_text_is_escaped_and_formatted(client):
    body = "## Who may apply\n\n- Citizens\n- Foreigners\n\n<script>alert(1)</script>"
    make_page("mandate", title_en="Mandate", body_en=body)
    html = client.get(url("mandate", "en")).content.decode()
    assert '<h2 class="h4 mt-4">Who may apply</h2>' in html
    assert "<ul><li>Citizens</li><li>Foreigners</li></ul>" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _entries(html: str) -> dict[str, str]:
    """The regional centres' list: each entry's HTML by its anchor."""
    return dict(
        re.findall(r'<li class="portal-card mb-3" id="(centre-[a-z]+)" data-testid="centre">(.*?)</ul>', html, re.S)
    )


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_how_to_apply_lists_every_district_under_its_centre(client, language):
    make_page("how-to-apply")
    html = client.get(url("how-to-apply", language)).content.decode()
    entries = _entries(html)
    centres = Region.objects.exclude(code="hq").filter(districts__isnull=False).distinct()
    assert centres.count() >= 5  # four regional centres and the Nakhchivan partner
    with translation.override(language):
        for district in District.objects.select_related("region"):
            assert f"<li>{district.name}</li>" in entries[f"centre-{district.region.code}"], district.code
    # Both dial forms of 916 and the links onward.
    channels = html.split('data-testid="channels"')[1]
    assert 'href="tel:916"' in channels and 'href="tel:012916"' in channels
    assert reverse("portal:apply") in channels and reverse("portal:checker") in channels


def test_the_map_points_to_the_list_and_is_not_the_only_way(client):
    make_page("how-to-apply")
    html = client.get(url("how-to-apply", "en")).content.decode()
    svg = html.split('<svg viewBox="0 0 600 510" aria-hidden="true" focusable="false"')[1].split("</svg>")[0]
    targets = re.findall(r'<a href="#(centre-[a-z]+)" tabindex="-1">', svg)
    assert sorted(targets) == sorted(_entries(html)) and len(targets) == Region.objects.count()
    assert "<script" not in html.split("</header>")[1].split("<footer")[0]


def test_contacts_show_only_confirmed_values(client, settings):
    make_page("how-to-apply")
    html = client.get(url("how-to-apply", "en")).content.decode()
    assert "80 Uzeyir Hajibeyli Street" in html
    assert "Call 916 for the e-mail address." in html
    settings.OMBUDS_PORTAL_CONTACTS = {
        **settings.OMBUDS_PORTAL_CONTACTS,
        "email": {"az": "", "en": "office@example.org", "ru": "", "confirmed": False},
    }
    assert "office@example.org" not in client.get(url("how-to-apply", "en")).content.decode()
    settings.OMBUDS_PORTAL_CONTACTS["email"]["confirmed"] = True
    assert 'href="mailto:office@example.org"' in client.get(url("how-to-apply", "en")).content.decode()


def test_how_to_apply_queries_do_not_grow_with_the_districts(client, django_assert_max_num_queries):
    make_page("how-to-apply")
    client.get(url("how-to-apply", "en"))  # builds the centres' list once for this language
    with django_assert_max_num_queries(3):
        assert client.get(url("how-to-apply", "en")).status_code == 200


def test_nakhchivan_page_says_where_to_turn(client):
    make_page("nakhchivan")
    html = client.get(url("nakhchivan", "en")).content.decode()
    note = html.split('data-testid="nakhchivan-note"')[1]
    assert "has its own Commissioner for Human Rights" in note
    with translation.override("en"):
        assert "<li>Ordubad</li>" in note


def test_accessibility_page_shows_the_published_statement_and_next_review(client):
    make_statement(non_accessible_en="Older reports are untagged PDFs; ask 916 for a copy you can read.")
    make_page("accessibility")
    reviewed = AccessibilityStatement.objects.get().reviewed_on
    assert reviewed == timezone.localdate()
    html = client.get(url("accessibility", "en")).content.decode()
    statement = html.split('data-testid="statement"')[1]
    assert "Partially compliant" in statement and "untagged PDFs" in statement
    due = next_review(reviewed)
    assert f'<time datetime="{due.isoformat()}">' in statement.split('data-testid="next-review"')[1]
    assert "(overdue)" not in statement


def test_an_edited_statement_waits_for_its_page_to_be_published(client):
    make_page("accessibility")
    services.edit_statement(None, compliance="full", non_accessible_en="Nothing known.")
    data = json.loads(client.get(reverse("portal:accessibility_statement")).content)
    assert data["compliance_status"] == "partial"
    services.publish_page(None, make_page("accessibility", publish=False))
    data = json.loads(client.get(reverse("portal:accessibility_statement")).content)
    assert data["compliance_status"] == "full" and data["non_accessible_content"]["en"] == "Nothing known."


def test_statement_json(client):
    make_page("accessibility")
    AccessibilityStatement.objects.update(reviewed_on=dt.date(2024, 2, 29))
    services.edit_statement(None, feedback_email="access@example.org")
    # Publishing is the review: the date moves to today.
    services.publish_page(None, make_page("accessibility", publish=False))
    response = client.get(reverse("portal:accessibility_statement"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    today = timezone.localdate()
    assert data["last_reviewed_on"] == today.isoformat()
    assert data["next_review_due"] == next_review(today).isoformat()
    assert data["feedback"]["email"] == "access@example.org"
    assert data["standard"] == "WCAG 2.2 AA" and set(data["assessment_method"]) == {"az", "en", "ru"}
    assert data["url"].endswith("/pages/accessibility/")


def test_next_review_is_a_year_later():
    assert next_review(dt.date(2025, 3, 1)) == dt.date(2026, 3, 1)
    assert next_review(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


def test_an_overdue_review_is_said(client):
    make_page("accessibility")
    page = make_page("accessibility", publish=False)
    page.published["statement"]["reviewed_on"] = "2020-01-10"
    type(page).objects.filter(pk=page.pk).update(published=page.published)
    statement = client.get(url("accessibility", "en")).content.decode().split('data-testid="statement"')[1]
    assert '<time datetime="2021-01-10">' in statement and "(overdue)" in statement


def test_statement_json_is_not_found_before_publishing(client):
    make_statement()
    assert client.get(reverse("portal:accessibility_statement")).status_code == 404
