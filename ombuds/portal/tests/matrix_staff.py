"""Permission-matrix rows of the staff pages under /portal/ (news and page editing)."""

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

# Who edits the portal's pages (portal.edit_content) and who publishes them (portal.publish_content).
EDITORS = {ANONYMOUS: 302, "awareness_staff": 200, "department_head": 200, "commissioner": 200}
PUBLISHERS = {ANONYMOUS: 302, "department_head": 302, "commissioner": 302}


def _draft(slug: str = "mandate") -> str:
    from ombuds.portal.tests.factories_pages import make_page

    make_page(slug, publish=False)
    return slug


ROWS = [
    Row("portal_staff:news_list", {ANONYMOUS: 302}, default=404, url=lambda _u: reverse("portal_staff:news_list")),
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
