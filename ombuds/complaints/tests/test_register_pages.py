"""The register list at more than a page: keyset pages with the filters kept, a constant and small
number of queries, filter choices rebuilt when reference data changes, labels in each language."""

import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ombuds.accounts.models import OrgUnit
from ombuds.complaints import choices as c
from ombuds.complaints.generate import generate
from ombuds.complaints.listing import PAGE_SIZE
from ombuds.complaints.models import Application, RightTopic

pytestmark = pytest.mark.django_db
LINK = re.compile(r'href="/complaints/([0-9a-f-]{36})/"')


def _numbers(html: str) -> list[str]:
    return LINK.findall(html)


def _link(html: str, rel: str) -> str | None:
    found = re.search(rf'href="(\?[^"]*)" rel="{rel}"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_the_list_costs_the_same_few_queries_at_any_size(persona, staff_client, django_assert_max_num_queries):
    boss = persona("commissioner")
    client = staff_client(boss)
    url = reverse("complaints:list") + "?sort=newest"
    generate(3, batch=50, out=io.StringIO())
    client.get(url)  # warm: reference lists built, session settled
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    generate(2 * PAGE_SIZE, batch=50, out=io.StringIO())
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url).content.decode()
    assert len(_numbers(page)) == PAGE_SIZE, page[page.find("<tbody>") : page.find("<tbody>") + 600]
    with django_assert_max_num_queries(len(small.captured_queries)):
        second = client.get(url.split("?")[0] + _link(page, "next")).content.decode()
    assert len(_numbers(second)) > 0
    writes = [q for q in small.captured_queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert not writes, "a page read writes nothing (no session or user-session row)"


@pytest.mark.parametrize("sort", ["newest", "oldest", "number"])
def test_next_and_previous_walk_the_whole_list_and_keep_the_filters(persona, staff_client, sort):
    boss = persona("commissioner")
    client = staff_client(boss)
    generate(2 * PAGE_SIZE + 7, batch=100, out=io.StringIO())
    base = reverse("complaints:list")
    query = f"?channel=post&sort={sort}" if sort != "number" else "?sort=number"
    expected = Application.objects.filter(**({"channel": "post"} if sort != "number" else {}))
    ordering = {"newest": ("-received_at", "-pk"), "oldest": ("received_at", "pk"), "number": ("number", "pk")}[sort]
    expected = [str(u) for u in expected.order_by(*ordering).values_list("public_id", flat=True)]
    pages, link = [], query
    while link:
        html = client.get(base + link, HTTP_HX_REQUEST="true").content.decode()
        pages.append(html)
        link = _link(html, "next")
        if link:
            assert f"sort={sort}" in link and ("channel=post" in link) == (sort != "number")
    assert [n for html in pages for n in _numbers(html)] == expected
    assert f"Page {len(pages)}" in pages[-1] or f"{len(pages)}" in pages[-1]
    if len(pages) > 1:
        back = client.get(base + _link(pages[-1], "prev"), HTTP_HX_REQUEST="true").content.decode()
        assert _numbers(back) == _numbers(pages[-2])


def test_a_forged_or_stale_cursor_shows_the_first_page(persona, staff_client):
    client = staff_client(persona("commissioner"))
    generate(PAGE_SIZE + 1, batch=100, out=io.StringIO())
    url = reverse("complaints:list")
    newest = _numbers(client.get(url).content.decode())
    oldest = _numbers(client.get(url + "?sort=oldest").content.decode())
    cursor = _link(client.get(url).content.decode(), "next")
    assert _numbers(client.get(url + "?cursor=nonsense").content.decode()) == newest
    # A cursor of the newest-first order, sent with another sort: the first page of that sort.
    assert _numbers(client.get(url + cursor + "&sort=oldest").content.decode()) == oldest


def test_filter_choices_follow_changes_of_reference_data(persona, staff_client):
    client = staff_client(persona("commissioner"))
    url = reverse("complaints:list")
    unit = OrgUnit.objects.get(code="rc_west")
    assert unit.name in client.get(url).content.decode()
    unit.name_az = unit.name_en = unit.name_ru = "Renamed regional centre"
    unit.save()
    topic = RightTopic.objects.get(code="police")
    topic.name_az = topic.name_en = topic.name_ru = "Renamed topic"
    topic.save()
    page = client.get(url).content.decode()
    assert "Renamed regional centre" in page and "Renamed topic" in page
    topic.delete()
    assert "Renamed topic" not in client.get(url).content.decode()


def test_a_filter_by_a_reference_list_is_kept_selected(persona, staff_client):
    client = staff_client(persona("commissioner"))
    unit = OrgUnit.objects.get(code="rc_west")
    page = client.get(reverse("complaints:list"), {"unit": unit.pk, "status": "closed"}).content.decode()
    assert f'<option value="{unit.pk}" selected>' in page and '<option value="closed" selected>' in page
    refused = client.get(reverse("complaints:list"), {"unit": "999999"}).content.decode()
    assert 'aria-invalid="true"' in refused


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_row_labels_are_in_the_users_language(persona, staff_client, language):
    client = staff_client(persona("commissioner"))
    generate(5, batch=10, out=io.StringIO())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("complaints:list")).content.decode()
    statuses = set(Application.objects.values_list("status", flat=True))
    with translation.override(language):
        labels = {str(c.Status(s).label) for s in statuses}
    assert all(label in page for label in labels)


def test_row_values_are_escaped(persona, staff_client):
    boss = persona("commissioner")
    generate(1, batch=10, out=io.StringIO())
    app = Application.objects.get()
    boss.first_name = "<b>Bold</b>"
    boss.save(update_fields=["first_name"])
    Application.objects.filter(pk=app.pk).update(assignee=boss)
    page = staff_client(boss).get(reverse("complaints:list")).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page and "<b>Bold</b>" not in page


def test_the_register_filters_by_the_days_of_receipt_in_baku_time(persona, staff_client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from ombuds.complaints.testing import make_application

    baku = ZoneInfo("Asia/Baku")
    made = {
        when: make_application(None, received_at=datetime(*when, tzinfo=baku))
        for when in [(2025, 9, 30, 23, 30), (2025, 10, 1, 0, 10), (2025, 10, 31, 23, 50), (2025, 11, 1, 0, 5)]
    }
    client = staff_client(persona("commissioner"))
    page = client.get(reverse("complaints:list") + "?received_from=2025-10-01&received_to=2025-10-31")
    html = page.content.decode()
    october = {str(made[(2025, 10, 1, 0, 10)].public_id), str(made[(2025, 10, 31, 23, 50)].public_id)}
    assert set(_numbers(html)) == october
    assert 'value="2025-10-01"' in html  # the filter stays filled in
    only_from = client.get(reverse("complaints:list") + "?received_from=2025-11-01").content.decode()
    assert set(_numbers(only_from)) == {str(made[(2025, 11, 1, 0, 5)].public_id)}
    bad = client.get(reverse("complaints:list") + "?received_from=2025-13-40")
    assert bad.status_code == 200 and len(set(_numbers(bad.content.decode()))) == 4  # shown with its error
