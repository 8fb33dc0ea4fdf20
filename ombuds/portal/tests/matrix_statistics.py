"""Permission-matrix rows of the portal's statistics area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row

ROWS = [
    Row("portal:statistics", {}, default=404, url=lambda _user: reverse("portal:statistics")),
]
