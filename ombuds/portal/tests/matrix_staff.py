"""Permission-matrix rows of the staff pages under /portal/ (news and page editing)."""

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

ROWS = [
    Row("portal_staff:news_list", {ANONYMOUS: 302}, default=404, url=lambda _u: reverse("portal_staff:news_list")),
    Row("portal_staff:page_list", {ANONYMOUS: 302}, default=404, url=lambda _u: reverse("portal_staff:page_list")),
]
