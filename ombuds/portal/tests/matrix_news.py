"""Permission-matrix rows of the portal's news area (public pages answer every persona alike;
an unpublished item answers 404 to everyone, signed in or not)."""

from django.urls import reverse

from ombuds.core.testing import Row


def _published(_user):
    from ombuds.portal.tests.news_factories import make_news

    return make_news()


def _detail(user):
    return reverse("portal:news_detail", args=[_published(user).slug])


def _draft_detail(_user):
    from ombuds.portal.tests.news_factories import make_news

    return reverse("portal:news_detail", args=[make_news(publish=False).slug])


def _tag_feed(_user):
    from ombuds.portal.tests.news_factories import tag

    return reverse("portal:news_tag_feed", args=[tag().code, "atom"])


def _image(_user):
    from ombuds.portal.services import news as services
    from ombuds.portal.tests.news_factories import make_news, png

    item = make_news(publish=False)
    image = services.add_image(None, item, png(), alt_az="Şəkil", alt_en="Photo", alt_ru="Фото")
    services.submit_item(None, item)
    services.publish_item(None, item)
    return reverse("portal:news_image", args=[item.slug, image.public_id])


ROWS = [
    Row("portal:news_list", {}, default=200, url=lambda _user: reverse("portal:news_list")),
    Row("portal:news_feed", {}, default=200, url=lambda _user: reverse("portal:news_feed", args=["rss"])),
    Row("portal:news_tag_feed", {}, default=200, url=_tag_feed),
    Row("portal:news_detail", {}, default=200, url=_detail),
    Row("portal:news_detail", {}, default=404, url=_draft_detail, scope="out"),
    Row("portal:news_image", {}, default=200, url=_image),
    Row(
        "portal:news_read",
        {},
        default=204,
        method="post",
        url=lambda user: reverse("portal:news_read", args=[_published(user).slug]),
    ),
]
