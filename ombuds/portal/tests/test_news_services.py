"""The news services: the review cycle, the checks before publication, images, drafts from outreach."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ombuds.core.exceptions import Conflict
from ombuds.core.models import AuditEvent
from ombuds.portal.choices import NewsStatus
from ombuds.portal.services import news as services
from ombuds.portal.tests.news_factories import make_news, png, tag, texts

pytestmark = pytest.mark.django_db


def actions(item):
    return list(
        AuditEvent.objects.filter(object_id=str(item.public_id)).order_by("pk").values_list("action", flat=True)
    )


def test_the_review_cycle_as_the_real_roles(persona):
    writer, head = persona("awareness_staff"), persona("department_head")
    item = services.create_item(writer, slug="npm-training", tags=[tag()], **texts(("az", "en")))
    services.submit_item(writer, item)
    with pytest.raises(PermissionDenied):
        services.publish_item(writer, item)
    services.return_item(head, item, reason="Add the Russian text")
    services.update_item(writer, item, title_ru="Тренинг", body_ru="Текст.")
    services.submit_item(writer, item)
    services.publish_item(head, item)
    item.refresh_from_db()
    assert item.status == NewsStatus.PUBLISHED and item.published_by == head
    assert item.published_on == timezone.localdate()
    assert item.languages() == ["az", "en", "ru"]
    services.withdraw_item(head, item)
    assert actions(item) == [
        "portal.newsitem.created",
        "portal.newsitem.submitted",
        "portal.newsitem.returned",
        "portal.newsitem.updated",
        "portal.newsitem.submitted",
        "portal.newsitem.published",
        "portal.newsitem.withdrawn",
    ]


def test_publication_needs_one_complete_language():
    item = services.create_item(None, slug="only-title", title_en="A title")
    with pytest.raises(ValidationError):
        services.submit_item(None, item)
    assert NewsItem_status(item) == NewsStatus.DRAFT


def NewsItem_status(item):  # noqa: N802 - reads like the field it checks
    item.refresh_from_db()
    return item.status


def test_a_date_given_at_publication_is_kept():
    item = make_news(on=date(2024, 3, 12))
    assert item.published_on == date(2024, 3, 12)


def test_transitions_are_checked():
    item = make_news(publish=False)
    with pytest.raises(ValidationError):
        services.publish_item(None, item)  # a draft is reviewed first
    with pytest.raises(ValidationError):
        services.withdraw_item(None, item)


def test_a_published_item_is_not_edited_in_place(persona):
    item = make_news()
    with pytest.raises(ValidationError):
        services.update_item(persona("awareness_staff"), item, title_en="Changed")
    with pytest.raises(ValidationError):
        services.add_image(None, item, png(), alt_az="a", alt_en="b", alt_ru="c")


def test_an_item_in_review_is_corrected_only_by_a_publisher(persona):
    item = services.submit_item(None, make_news(publish=False))
    with pytest.raises(PermissionDenied):
        services.update_item(persona("awareness_staff"), item, title_en="Changed")
    services.update_item(persona("department_head"), item, title_en="Corrected")
    item.refresh_from_db()
    assert item.title_en == "Corrected"


def test_a_stale_edit_is_refused(persona):
    writer = persona("awareness_staff")
    item = make_news(publish=False)
    seen = item.version
    services.update_item(writer, item, version=seen, title_en="First")
    with pytest.raises(Conflict):
        services.update_item(writer, item, version=seen, title_en="Second")
    item.refresh_from_db()
    assert item.title_en == "First"


def test_addresses_are_unique_and_plain():
    make_news(slug="taken", publish=False)
    with pytest.raises(ValidationError) as caught:
        services.create_item(None, slug="taken", title_az="Başlıq")
    assert "slug" in caught.value.error_dict
    with pytest.raises(ValidationError):
        services.create_item(None, slug="Təlim 12", title_az="Başlıq")


def test_an_image_needs_alt_text_in_every_language_of_the_item():
    item = make_news(publish=False, languages=("az", "en"))
    with pytest.raises(ValidationError) as caught:
        services.add_image(None, item, png(), alt_az="Zal")
    assert set(caught.value.error_dict) == {"alt_en"}
    services.add_image(None, item, png(), alt_az="Zal", alt_en="The hall")
    # a language added later needs its alt text before the item goes out
    services.update_item(None, item, title_ru="Тренинг", body_ru="Текст.")
    with pytest.raises(ValidationError):
        services.submit_item(None, item)


def test_only_images_are_accepted():
    item = make_news(publish=False)
    pdf = SimpleUploadedFile("slides.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    with pytest.raises(ValidationError) as caught:
        services.add_image(None, item, pdf, alt_az="a", alt_en="b", alt_ru="c")
    assert "file" in caught.value.error_dict
    assert item.images.count() == 0


def test_removing_an_image():
    item = make_news(publish=False)
    image = services.add_image(None, item, png(), alt_az="a", alt_en="b", alt_ru="c")
    services.remove_image(None, image)
    assert item.images.count() == 0
    assert "portal.newsitem.image_removed" in actions(item)


def _held_event():
    from ombuds.outreach import services as outreach
    from ombuds.outreach.tests.factories import make_event

    event = make_event(title_en="Training")
    outreach.record_attendance(None, event, organisation="Bakı", women=2, men=1)
    return outreach.record_outcome(None, event, satisfied_share=80)


def test_an_outreach_draft_becomes_a_news_item_and_is_marked_published(persona):
    from ombuds.outreach import services as outreach

    event = _held_event()
    draft = outreach.draft_news(None, event)
    item = services.item_from_draft(persona("awareness_staff"), draft)
    assert item.event == event and item.source_draft == draft and item.region == event.region
    assert item.title_az == draft.title_az and item.body_ru == draft.body_ru
    assert item.status == NewsStatus.DRAFT and item.slug
    with pytest.raises(ValidationError):
        services.item_from_draft(None, draft)  # one item per draft
    services.submit_item(None, item)
    draft.refresh_from_db()
    assert draft.published is False
    services.publish_item(persona("department_head"), item)
    draft.refresh_from_db()
    assert draft.published is True


def test_slugs_made_from_titles_are_ascii_and_unique():
    first = services.create_item(None, slug=services._slug_for("Uşaq hüquqları: təlim"), title_az="x")
    assert first.slug == "usaq-huquqlari-telim"
    assert services._slug_for("Uşaq hüquqları: təlim") == "usaq-huquqlari-telim-2"


def test_counting_is_atomic_and_leaves_the_version_alone():
    item = make_news()
    version = item.version
    assert services.count_read(item.pk) and services.count_read(item.pk)
    item.refresh_from_db()
    assert item.reads == 2 and item.version == version
