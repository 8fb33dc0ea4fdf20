"""Permission-matrix rows of the portal's pages area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row

ROWS = [
    Row("portal:page", {}, default=404, url=lambda _user: reverse("portal:page", args=["mandate"])),
]
