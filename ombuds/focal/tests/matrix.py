"""Permission-matrix rows of the authority portal (see ombuds/core/testing.py). Staff get 404 on
every portal page (a focal point's pages do not exist for them); a focal point gets 404 on every
staff page (tests/test_permission_matrix.py adds that to every other row)."""

from django.urls import reverse

from ombuds.accounts.testing import FOCAL_POINT
from ombuds.core.testing import ANONYMOUS, Row

MANAGERS = ["commissioner", "department_head"]
# The timeliness figures: holders of accounts.view_aggregates or focal.manage_focal_points.
TIMELINESS = {ANONYMOUS: 302, **dict.fromkeys([*MANAGERS, "analyst"], 200)}

ROWS = [
    Row("focal:home", {ANONYMOUS: 302, FOCAL_POINT: 200}, default=404, url=lambda u: reverse("focal:home")),
    # Signed-in visitors are sent on by the sign-in page itself (allauth).
    Row("focal:login", {ANONYMOUS: 200}, default=302, url=lambda u: reverse("focal:login")),
    Row(
        "focal_points:list",
        {ANONYMOUS: 302, **dict.fromkeys(MANAGERS, 200)},
        default=403,
        url=lambda u: reverse("focal_points:list"),
    ),
    Row("focal_points:timeliness", TIMELINESS, default=403, url=lambda u: reverse("focal_points:timeliness")),
    Row(
        "focal_points:timeliness_export",
        TIMELINESS,
        default=403,
        url=lambda u: reverse("focal_points:timeliness_export", args=["csv"]),
    ),
    Row(
        "focal_points:timeliness_authority",
        TIMELINESS,
        default=403,
        url=lambda u: reverse("focal_points:timeliness_authority", args=["mia"]),
    ),
]
