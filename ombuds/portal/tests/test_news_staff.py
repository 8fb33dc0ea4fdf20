"""The staff news pages as the real roles: awareness staff write, a department head publishes."""

import pytest
from django.urls import reverse

from ombuds.portal.choices import NewsStatus
from ombuds.portal.models import NewsItem
from ombuds.portal.services import news as services
from ombuds.portal.tests.news_factories import make_news, png, tag

pytestmark = pytest.mark.django_db

FORM = {
    "slug": "npm-training",
    "title_az": "Təlim",
    "body_az": "Mətn.",
    "title_en": "Training",
    "body_en": "Text.",
    "summary_en": "A short summary.",
}


def _edit_data(item, **changes):
    data = {name: getattr(item, name) for name in ("slug", "title_az", "body_az", "title_en", "body_en")}
    return {**data, "version": item.version, **changes}


def test_awareness_staff_write_and_a_department_head_publishes(persona, staff_client, client):
    writer = staff_client(persona("awareness_staff"))
    npm = tag()
    response = writer.get(reverse("portal_staff:news_create"))
    assert response.status_code == 200
    once = response.context["form"]["once"].value()
    response = writer.post(reverse("portal_staff:news_create"), {**FORM, "tags": [npm.pk], "once": once})
    item = NewsItem.objects.get(slug="npm-training")
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert list(item.tags.all()) == [npm] and item.status == NewsStatus.DRAFT and item.created_by.username
    # a second submit of the same form makes nothing more
    writer.post(reverse("portal_staff:news_create"), {**FORM, "tags": [npm.pk], "once": once})
    assert NewsItem.objects.filter(slug__startswith="npm-training").count() == 1
    writer.post(item.get_absolute_url(), _edit_data(item, title_ru="Тренинг", body_ru="Текст."))
    item.refresh_from_db()
    assert item.languages() == ["az", "en", "ru"]
    writer.post(reverse("portal_staff:news_action", args=[item.public_id, "submit"]))
    item.refresh_from_db()
    assert item.status == NewsStatus.IN_REVIEW
    publish = reverse("portal_staff:news_action", args=[item.public_id, "publish"])
    assert writer.post(publish).status_code == 403
    writer.logout()
    head = staff_client(persona("department_head"))
    page = head.get(item.get_absolute_url()).content.decode()
    assert publish in page
    head.post(publish, {"publish-published_on": "2024-03-12"})
    item.refresh_from_db()
    assert item.status == NewsStatus.PUBLISHED and str(item.published_on) == "2024-03-12"
    head.logout()
    assert client.get(reverse("portal:news_detail", args=["npm-training"])).status_code == 200


def test_a_stale_edit_is_redrawn_with_the_input_kept(persona, staff_client):
    writer = staff_client(persona("awareness_staff"))
    item = make_news(publish=False)
    old = _edit_data(item)
    services.update_item(persona("department_head"), item, title_en="Someone else's title")
    response = writer.post(item.get_absolute_url(), {**old, "title_en": "My title"})
    assert response.status_code == 409
    assert 'value="My title"' in response.content.decode()
    item.refresh_from_db()
    assert item.title_en == "Someone else's title"


def test_a_bad_address_is_refused_next_to_its_field(persona, staff_client):
    writer = staff_client(persona("awareness_staff"))
    make_news(slug="taken", publish=False)
    response = writer.post(reverse("portal_staff:news_create"), {**FORM, "slug": "taken"})
    html = response.content.decode()
    assert response.status_code == 400 and 'data-testid="form-errors"' in html
    assert 'aria-describedby="id_slug_help id_slug_error"' in html and 'value="Training"' in html


def test_an_image_needs_its_text_alternatives(persona, staff_client):
    writer = staff_client(persona("awareness_staff"))
    item = make_news(publish=False, languages=("az", "en"))
    url = reverse("portal_staff:news_action", args=[item.public_id, "image"])
    response = writer.post(url, {"image-file": png(), "image-alt_az": "Zal"})
    assert response.status_code == 400 and "id_image-alt_en_error" in response.content.decode()
    assert item.images.count() == 0
    response = writer.post(url, {"image-file": png(), "image-alt_az": "Zal", "image-alt_en": "The hall"})
    assert response.status_code == 302 and item.images.count() == 1
    image = item.images.get()
    page = writer.get(item.get_absolute_url()).content.decode()
    assert reverse("portal_staff:news_image", args=[item.public_id, image.public_id]) in page
    writer.post(reverse("portal_staff:news_image_remove", args=[item.public_id, image.public_id]))
    assert item.images.count() == 0


def test_an_event_news_draft_becomes_an_item_after_review(persona, staff_client):
    from ombuds.outreach import services as outreach
    from ombuds.outreach.tests.factories import make_event

    event = make_event(title_en="Training")
    outreach.record_attendance(None, event, organisation="Bakı", women=2, men=1)
    outreach.record_outcome(None, event, satisfied_share=80)
    draft = outreach.draft_news(None, event)
    writer = staff_client(persona("awareness_staff"))
    listing = writer.get(reverse("portal_staff:news_list")).content.decode()
    make = reverse("portal_staff:news_from_draft", args=[draft.public_id])
    assert make in listing
    response = writer.post(make)
    item = NewsItem.objects.get(source_draft=draft)
    assert response["Location"] == item.get_absolute_url() and item.event == event
    assert make not in writer.get(reverse("portal_staff:news_list")).content.decode()
    services.submit_item(None, item)
    services.publish_item(persona("department_head"), item)
    draft.refresh_from_db()
    assert draft.published


def test_the_staff_list_costs_the_same_queries_for_many_items(persona, staff_client, django_assert_max_num_queries):
    writer = staff_client(persona("awareness_staff"))
    writer.get(reverse("portal_staff:news_list"))
    for n in range(3):
        make_news(tags=[tag()], slug=f"few-{n}")
    with django_assert_max_num_queries(30) as few:
        writer.get(reverse("portal_staff:news_list"))
    for n in range(12):
        make_news(tags=[tag(), tag("training", "Təlim", "Training", "Тренинг")], slug=f"many-{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = writer.get(reverse("portal_staff:news_list"))
    assert response.content.decode().count("/portal/news/") >= 15


def test_the_portal_menu_is_there_for_writers_only(persona, staff_client):
    html = staff_client(persona("awareness_staff")).get(reverse("portal_staff:news_list")).content.decode()
    assert 'data-testid="nav-portal"' in html and reverse("portal_staff:page_list") in html
    other = staff_client(persona("complaints_officer")).get(reverse("core:home")).content.decode()
    assert 'data-testid="nav-portal"' not in other
