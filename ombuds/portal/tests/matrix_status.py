"""Permission-matrix rows of the portal's status area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row

ROWS = [
    Row("portal:status", {}, default=200, url=lambda _user: reverse("portal:status")),
]
