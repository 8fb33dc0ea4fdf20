"""The demo news: the 12 March 2024 training linked to its event, the missing-language item, a
draft; seeding twice adds nothing."""

from datetime import date
from io import StringIO

import pytest
from django.urls import reverse

from ombuds.accounts import demo as accounts_demo
from ombuds.outreach import demo as outreach_demo
from ombuds.portal import demo_news as demo
from ombuds.portal.choices import NewsStatus
from ombuds.portal.demo_news import FOUNDING
from ombuds.portal.models import NewsItem

pytestmark = pytest.mark.django_db


def test_the_demo_news_once(client):
    out = StringIO()
    accounts_demo.seed(out)
    outreach_demo.seed(out)
    assert demo.seed(out) == 1
    assert demo.seed(out) == 0
    assert NewsItem.objects.count() == 4
    founding = NewsItem.objects.get(slug=FOUNDING["slug"])
    assert founding.status == NewsStatus.PUBLISHED and founding.published_on == date(2024, 3, 12)
    assert founding.read_total == 1576 and founding.languages() == ["az", "en", "ru"]
    assert founding.event.starts_at.date() == date(2024, 3, 12) and founding.source_draft.published
    assert sorted(founding.tags.values_list("code", flat=True)) == ["npm", "training"]
    assert NewsItem.objects.filter(status=NewsStatus.DRAFT).count() == 1
    two = NewsItem.objects.get(slug__startswith="childrens-rights")
    assert two.languages() == ["az", "en"] and two.status == NewsStatus.PUBLISHED
    html = client.get(reverse("portal:news_detail", args=[founding.slug])).content.decode()
    assert "1576 dəfə oxunub" in html and 'data-testid="news-plan"' in html
