"""Permission-matrix rows of the staff pages under /portal/ (news and page editing): writers (EDIT:
awareness staff, department heads, the Commissioner) reach them, publishers (PUBLISH: department
heads, the Commissioner) publish; everyone else gets 403, the anonymous visitor the sign-in page."""

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

# Who edits the portal's pages (portal.edit_content) and who publishes them (portal.publish_content).
EDITORS = {ANONYMOUS: 302, "awareness_staff": 200, "department_head": 200, "commissioner": 200}
PUBLISHERS = {ANONYMOUS: 302, "department_head": 302, "commissioner": 302}
# The news actions answer with a redirect to the item's page.
EDITORS_ACT = {ANONYMOUS: 302, "awareness_staff": 302, "department_head": 302, "commissioner": 302}


def _draft(slug: str = "mandate") -> str:
    from ombuds.portal.tests.factories_pages import make_page

    make_page(slug, publish=False)
    return slug


def _news_draft():
    from ombuds.portal.tests.news_factories import make_news

    return make_news(publish=False)


def _image(_user):
    from ombuds.portal.services import news as services
    from ombuds.portal.tests.news_factories import png

    item = _news_draft()
    return item, services.add_image(None, item, png(), alt_az="Şəkil", alt_en="Photo", alt_ru="Фото")


def _image_url(user):
    item, image = _image(user)
    return reverse("portal_staff:news_image", args=[item.public_id, image.public_id])


def _image_remove_url(user):
    item, image = _image(user)
    return reverse("portal_staff:news_image_remove", args=[item.public_id, image.public_id])


def _publish_url(_user):
    from ombuds.portal.services import news as services

    item = services.submit_item(None, _news_draft())
    return reverse("portal_staff:news_action", args=[item.public_id, "publish"])


def _from_outreach_draft_url(_user):
    from ombuds.outreach import services as outreach
    from ombuds.outreach.tests.factories import make_event

    event = make_event()
    outreach.record_attendance(None, event, organisation="Bakı", women=2, men=1)
    outreach.record_outcome(None, event, satisfied_share=80)
    draft = outreach.draft_news(None, event)
    return reverse("portal_staff:news_from_draft", args=[draft.public_id])


ROWS = [
    Row("portal_staff:news_list", EDITORS, default=403, url=lambda _u: reverse("portal_staff:news_list")),
    Row("portal_staff:news_create", EDITORS, default=403, url=lambda _u: reverse("portal_staff:news_create")),
    Row(
        "portal_staff:news_edit",
        EDITORS,
        default=403,
        url=lambda _u: reverse("portal_staff:news_edit", args=[_news_draft().public_id]),
    ),
    Row("portal_staff:news_image", EDITORS, default=403, url=_image_url),
    Row(
        "portal_staff:news_action",
        EDITORS_ACT,
        default=403,
        method="post",
        url=lambda _u: reverse("portal_staff:news_action", args=[_news_draft().public_id, "submit"]),
    ),
    Row(
        "portal_staff:news_action",
        PUBLISHERS,
        default=403,
        method="post",
        url=_publish_url,
        note="publishing needs PUBLISH: awareness staff may write but not publish",
    ),
    Row("portal_staff:news_image_remove", EDITORS_ACT, default=403, method="post", url=_image_remove_url),
    Row("portal_staff:news_from_draft", EDITORS_ACT, default=403, method="post", url=_from_outreach_draft_url),
    Row("portal_staff:page_list", EDITORS, default=403, url=lambda _u: reverse("portal_staff:page_list")),
    Row("portal_staff:page_edit", EDITORS, default=403, url=lambda _u: reverse("portal_staff:page_edit", args=["npm"])),
    Row(
        "portal_staff:page_preview",
        EDITORS,
        default=403,
        url=lambda _u: reverse("portal_staff:page_preview", args=[_draft()]),
    ),
    Row(
        "portal_staff:page_publish",
        PUBLISHERS,
        default=403,
        method="post",
        url=lambda _u: reverse("portal_staff:page_publish", args=[_draft()]),
    ),
    Row("portal_staff:statement_edit", EDITORS, default=403, url=lambda _u: reverse("portal_staff:statement_edit")),
]
