"""Permission-matrix rows of the portal's home area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row

ROWS = [
    Row("portal:home", {}, default=200, url=lambda _user: reverse("portal:home")),
]
