"""Permission-matrix rows of the portal's tracker area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row
from ombuds.portal.tests.tracker_helpers import published


def _detail(_user) -> str:
    return reverse("portal:tracker_detail", args=[published().public_id])


ROWS = [
    Row("portal:tracker", {}, default=200, url=lambda _user: reverse("portal:tracker")),
    Row("portal:tracker_rates", {}, default=200, url=lambda _user: reverse("portal:tracker_rates")),
    Row("portal:tracker_csv", {}, default=200, url=lambda _user: reverse("portal:tracker_csv")),
    Row("portal:tracker_detail", {}, default=200, url=_detail),
]
