"""Permission-matrix rows of the portal's news area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row

ROWS = [
    Row("portal:news_list", {}, default=404, url=lambda _user: reverse("portal:news_list")),
    Row("portal:news_feed", {}, default=404, url=lambda _user: reverse("portal:news_feed", args=["rss"])),
    Row("portal:news_detail", {}, default=404, url=lambda _user: reverse("portal:news_detail", args=["x"])),
]
