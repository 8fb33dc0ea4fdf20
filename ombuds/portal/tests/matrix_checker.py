"""Permission-matrix rows of the portal's checker area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row

# A complete set of answers: the result page answers everyone alike, signed in or not.
ANSWERS = {
    "respondent": "state",
    "court_delay": "no",
    "court_pending": "no",
    "anonymous": "no",
    "detention": "no",
    "urgent": "no",
}

ROWS = [
    Row("portal:checker", {}, default=200, url=lambda _user: reverse("portal:checker")),
    Row(
        "portal:checker",
        {},
        default=200,
        url=lambda _user: reverse("portal:checker"),
        method="post",
        data=ANSWERS,
        note="the result of a complete set of answers",
    ),
]
