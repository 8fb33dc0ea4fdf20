"""The public news: list, filters, pages, the missing-language notice, images, feeds, headers."""

from datetime import date
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from ombuds.core.models import Region
from ombuds.portal.services import news as services
from ombuds.portal.tests.news_factories import make_news, png, tag
from ombuds.portal.views.news import PAGE_SIZE, read_count

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"portal:{name}", args=args)


def test_the_list_shows_published_items_newest_first_with_their_facts(client):
    older = make_news(title="Older", on=date(2024, 3, 12), region=Region.objects.get(code="west"), tags=[tag()])
    newer = make_news(title="Newer", on=date(2024, 4, 18))
    draft = make_news(title="Hidden draft", publish=False)
    html = client.get(url("news_list")).content.decode()
    assert html.index("Newer (en)") < html.index("Older (en)")
    assert "Hidden draft" not in html and draft.slug not in html
    assert 'datetime="2024-03-12"' in html and "Summary of Older in en." in html
    assert Region.objects.get(code="west").name_en in html and "NPM" in html
    assert url("news_detail", newer.slug) in html and url("news_detail", older.slug) in html


def test_the_list_filters_by_tag_and_region_without_javascript(client):
    npm = tag()
    west = Region.objects.get(code="west")
    make_news(title="Tagged", tags=[npm])
    make_news(title="Western", region=west)
    by_tag = client.get(url("news_list"), {"tag": "npm"}).content.decode()
    assert "Tagged (en)" in by_tag and "Western (en)" not in by_tag
    by_region = client.get(url("news_list"), {"region": "west"}).content.decode()
    assert "Western (en)" in by_region and "Tagged (en)" not in by_region
    assert '<option value="west" selected>' in by_region
    # an unknown filter value is ignored, not an error
    assert client.get(url("news_list"), {"tag": "nope"}).status_code == 200


def test_the_list_pages_by_keyset_and_keeps_the_filter(client):
    npm = tag()
    for day in range(1, PAGE_SIZE + 3):
        make_news(title=f"Item {day:02d}", on=date(2024, 5, day), tags=[npm])
    first = client.get(url("news_list"), {"tag": "npm"})
    html = first.content.decode()
    assert f"Item {PAGE_SIZE + 2:02d} (en)" in html and "Item 01 (en)" not in html
    next_url = first.context["page"].next_cursor
    second = client.get(url("news_list"), {"tag": "npm", "cursor": next_url}).content.decode()
    assert "Item 01 (en)" in second and f"Item {PAGE_SIZE + 2:02d} (en)" not in second
    assert "tag=npm&amp;cursor=" in html
    assert client.get(url("news_list"), {"cursor": "forged"}).status_code == 404


def test_the_list_costs_the_same_queries_for_many_items(client, django_assert_max_num_queries):
    npm, other = tag(), tag("training", "Təlim", "Training", "Тренинг")
    for n in range(PAGE_SIZE):
        make_news(tags=[npm, other], region=Region.objects.get(code="hq"), on=date(2024, 6, n + 1))
    cache.clear()
    with django_assert_max_num_queries(6):
        response = client.get(url("news_list"))
    assert len(response.context["entries"]) == PAGE_SIZE


def test_an_item_in_the_pages_language(client):
    item = make_news(title="Training", reads_before=1576, tags=[tag()], region=Region.objects.get(code="hq"))
    response = client.get(url("news_detail", item.slug))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html and "Training (en)" in html and "The text of Training in en." in html
    assert 'data-testid="missing-language"' not in html
    assert "Read 1,576 times" in html and 'datetime="2024-03-12"' in html
    assert url("news_read", item.slug) in html  # the beacon and its <noscript> image


@pytest.mark.parametrize(
    ("language", "expected"),
    [("az", "1576 dəfə oxunub"), ("en", "Read 1,576 times"), ("ru", "Прочитано 1\xa0576 раз")],
)
def test_the_read_count_speaks_the_pages_language(client, language, expected):
    item = make_news(reads_before=1576)
    html = client.get(url("news_detail", item.slug, language=language)).content.decode()
    assert expected in html


def test_read_count_plural_forms():
    with translation.override("en"):
        assert read_count(1, "en") == "Read 1 time"
    with translation.override("ru"):
        assert read_count(2, "ru") == "Прочитано 2 раза"
        assert read_count(21, "ru") == "Прочитано 21 раз"


def test_a_missing_language_is_said_plainly_with_the_languages_that_exist(client):
    item = make_news(languages=("az", "en"), title="Two")
    html = client.get(url("news_detail", item.slug, language="ru")).content.decode()
    assert 'data-testid="missing-language"' in html
    assert "Эта новость не опубликована на этом языке." in html
    assert f'href="http://testserver{url("news_detail", item.slug, language="az")}" hreflang="az" lang="az"' in html
    assert 'hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="ru" lang="ru">Русский</a></p>' not in html.split('data-testid="missing-language"')[1][:600]
    # the text shown is the Azerbaijani one, marked as such; the counter stays in Russian
    assert '<article class="news-article" aria-labelledby="news-title" lang="az">' in html
    assert "The text of Two in az." in html and "Прочитано 0 раз" in html


def test_unpublished_and_withdrawn_items_are_not_found(client):
    draft = make_news(publish=False)
    withdrawn = services.withdraw_item(None, make_news())
    assert client.get(url("news_detail", draft.slug)).status_code == 404
    assert client.get(url("news_detail", withdrawn.slug)).status_code == 404
    assert client.get(url("news_detail", "no-such-item")).status_code == 404


def test_images_carry_the_alt_text_of_the_pages_language_and_are_served_only_when_published(client):
    item = make_news(publish=False)
    image = services.add_image(None, item, png(), alt_az="Təlim zalı", alt_en="The training room", alt_ru="Зал")
    image_url = url("news_image", item.slug, image.public_id)
    assert client.get(image_url).status_code == 404
    services.submit_item(None, item)
    services.publish_item(None, item)
    html = client.get(url("news_detail", item.slug)).content.decode()
    assert f'<img src="{image_url}" alt="The training room"' in html
    response = client.get(image_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_detail_page_is_shared_by_caches_and_revalidates(client):
    item = make_news()
    response = client.get(url("news_detail", item.slug))
    assert response["Cache-Control"] == "public, max-age=300" and not response.cookies
    assert client.get(url("news_detail", item.slug), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(url("news_list"))["Cache-Control"] == "public, max-age=300"


def test_the_linked_events_approved_plan_is_named(client):
    from ombuds.outreach import services as outreach
    from ombuds.outreach.tests.factories import make_event, make_item, make_plan

    plan = make_plan(title_az="Fəaliyyət Planı")
    unapproved = make_news(event=make_event(make_item(plan)))
    html = client.get(url("news_detail", unapproved.slug, language="az")).content.decode()
    assert "Fəaliyyət Planı" not in html  # a draft plan is not a public document
    outreach.approve_plan(None, plan)
    event = make_event(make_item(plan))
    item = make_news(event=event)
    html = client.get(url("news_detail", item.slug, language="az")).content.decode()
    assert 'data-testid="news-plan"' in html and "Fəaliyyət Planı" in html


def _feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response, ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, in a test


def test_feeds_per_language_hold_the_items_written_in_it(client):
    both = make_news(languages=("az", "en", "ru"), title="All")
    make_news(languages=("az",), title="Azerbaijani only")
    response, rss = _feed(client, url("news_feed", "rss"))
    assert response["Content-Type"].startswith("application/rss+xml")
    titles = [t.text for t in rss.iter("title")]
    assert "All (en)" in titles and not any("Azerbaijani only" in (t or "") for t in titles)
    assert rss.find("channel/language").text == "en"
    _response, az = _feed(client, url("news_feed", "rss", language="az"))
    assert "Azerbaijani only (az)" in [t.text for t in az.iter("title")]
    response, atom = _feed(client, url("news_feed", "atom", language="ru"))
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.find("a:title", ns).text for e in atom.findall("a:entry", ns)] == ["All (ru)"]
    assert both.slug in response.content.decode()
    assert client.get(url("news_feed", "json")).status_code == 404


def test_a_tag_has_its_own_feed(client):
    npm = tag()
    make_news(title="Tagged", tags=[npm])
    make_news(title="Untagged")
    _response, rss = _feed(client, url("news_tag_feed", "npm", "rss"))
    titles = [t.text for t in rss.iter("title")]
    assert "Tagged (en)" in titles and "Untagged (en)" not in titles
    assert client.get(url("news_tag_feed", "nope", "rss")).status_code == 404
