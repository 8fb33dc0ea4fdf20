"""Permission-matrix rows of the reports app's dashboard pages (collected by tests/matrix.py)."""

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

VIEW = {"analyst": 200, "commissioner": 200, "department_head": 200}
# The 916 statistics: the intake desks (who had them in the call log) and the readers of aggregates.
CALLS = dict.fromkeys(
    ["commissioner", "department_head", "complaints_officer", "regional_officer", "intake_operator", "npm_member"]
    + ["npm_medical", "analyst"],
    200,
)

ROWS = [
    Row("reports:dashboard", {ANONYMOUS: 302, **VIEW}, default=403, url=lambda _u: reverse("reports:dashboard")),
    Row(
        "reports:calls",
        {ANONYMOUS: 302, **CALLS},
        default=403,
        url=lambda _u: reverse("reports:calls") + "?year=2025&quarter=4",
    ),
    Row(
        "reports:calls_export",
        {ANONYMOUS: 302, **CALLS},
        default=403,
        url=lambda _u: reverse("reports:calls_export") + "?year=2025&quarter=4",
    ),
]
