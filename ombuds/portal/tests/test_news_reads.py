"""The read counter (issue 14 acceptance): one count per browser session, reloads and known bots
ignored, no IP address stored anywhere, no cookie set."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from ombuds.portal import reads
from ombuds.portal.services import news as services
from ombuds.portal.tests.news_factories import make_news

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
OTHER_BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1"
TEST_IP = "203.0.113.77"  # documentation range: it can only be in the database if we stored it


def beacon(client, item, *, agent=BROWSER, ip=TEST_IP, method="post", **headers):
    with translation.override("az"):
        path = reverse("portal:news_read", args=[item.slug])
    return getattr(client, method)(path, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, **headers)


def reads_of(item):
    item.refresh_from_db()
    return item.reads


def test_one_read_per_session_and_reloads_never_inflate(client):
    item = make_news(reads_before=1576)
    first = beacon(client, item)
    assert first.status_code == 204 and reads_of(item) == 1
    for _reload in range(3):
        assert beacon(client, item).status_code == 204
        beacon(client, item, method="get")  # the <noscript> image of the same browser
    assert reads_of(item) == 1
    assert item.read_total == 1577
    # another browser (another reader behind the same address) counts once too
    beacon(client, item, agent=OTHER_BROWSER)
    beacon(client, item, ip="198.51.100.9")
    assert reads_of(item) == 3


def test_the_noscript_image_counts_and_is_a_gif(client):
    item = make_news()
    response = beacon(client, item, method="get")
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a") and reads_of(item) == 1


@pytest.mark.parametrize(
    ("agent", "headers"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {}),
        ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", {}),
        ("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", {}),
        ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", {}),
        ("python-requests/2.32.3", {}),
        ("curl/8.5.0", {}),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0 Safari/537.36", {}),
        ("", {}),
        (BROWSER, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}),
        (BROWSER, {"HTTP_PURPOSE": "prefetch"}),
        (BROWSER, {"HTTP_X_MOZ": "prefetch"}),
    ],
)
def test_known_bots_and_prefetches_are_ignored(client, agent, headers):
    item = make_news()
    assert beacon(client, item, agent=agent, **headers).status_code == 204
    assert reads_of(item) == 0


def test_the_beacon_sets_no_cookie_and_is_never_stored(client):
    item = make_news()
    for method in ("post", "get"):
        response = beacon(client, item, method=method)
        assert not response.cookies and "Set-Cookie" not in response
        assert response["Cache-Control"] == "no-store"
    page = client.get(reverse("portal:news_detail", args=[item.slug]), REMOTE_ADDR=TEST_IP, HTTP_USER_AGENT=BROWSER)
    assert not page.cookies and "Set-Cookie" not in page


def test_no_ip_address_is_stored_in_any_table(client):
    item = make_news()
    beacon(client, item)
    beacon(client, item, method="get")
    client.get(reverse("portal:news_detail", args=[item.slug]), REMOTE_ADDR=TEST_IP, HTTP_USER_AGENT=BROWSER)
    assert reads_of(item) == 1
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            found += [table for row in cursor.fetchall() if any(TEST_IP in str(value) for value in row)]
    assert found == []
    assert connection.introspection.table_names()  # the scan saw the tables


def test_unpublished_items_are_never_counted(client):
    draft = make_news(publish=False)
    assert beacon(client, draft).status_code == 404
    assert reads_of(draft) == 0
    withdrawn = services.withdraw_item(None, make_news())
    assert beacon(client, withdrawn).status_code == 404
    assert services.count_read(withdrawn.pk) is False


def test_the_key_is_a_digest_that_changes_every_day(rf):
    request = rf.post("/", REMOTE_ADDR=TEST_IP, HTTP_USER_AGENT=BROWSER)
    today = datetime(2024, 3, 12, 10, tzinfo=UTC)
    key = reads.read_key(request, 1, today)
    assert TEST_IP not in key and "Firefox" not in key
    assert key == reads.read_key(request, 1, today + timedelta(hours=1))
    assert key != reads.read_key(request, 1, today + timedelta(days=1))
    assert key != reads.read_key(request, 2, today)
