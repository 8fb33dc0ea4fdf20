"""The demo pages: all five written in az, en and ru and published, the statement filled in;
seeding twice adds nothing."""

from __future__ import annotations

import io

import pytest

from ombuds.accounts import demo as accounts_demo
from ombuds.core.models import AuditEvent
from ombuds.portal import demo_pages
from ombuds.portal.choices import PageSlug
from ombuds.portal.models import AccessibilityStatement, Page

pytestmark = pytest.mark.django_db


def test_demo_pages_are_published_in_three_languages_once(client):
    out = io.StringIO()
    accounts_demo.seed(out)
    assert demo_pages.seed(out) == 5
    events = AuditEvent.objects.count()
    assert demo_pages.seed(out) == 0
    assert AuditEvent.objects.count() == events
    assert Page.objects.count() == 5 and AccessibilityStatement.objects.count() == 1
    for page in Page.objects.all():
        assert page.published_at and page.published_by.username == "head.complaints"
        assert page.languages() == ["az", "en", "ru"]
        assert {page.published[f"title_{code}"] for code in ("az", "en", "ru")} == {
            page.title_az,
            page.title_en,
            page.title_ru,
        }
    statement = Page.objects.get(slug=PageSlug.ACCESSIBILITY).published["statement"]
    assert statement["compliance"] == "partial" and "PDF" in statement["non_accessible_en"]
    for slug in PageSlug.values:
        for language in ("az", "en", "ru"):
            assert client.get(f"/{language}/pages/{slug}/").status_code == 200
