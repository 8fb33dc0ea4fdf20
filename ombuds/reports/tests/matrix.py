from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

ROWS = [
    Row(
        "reports:statistics",
        {ANONYMOUS: 302, "analyst": 200, "commissioner": 200, "department_head": 200},
        default=403,
        url=lambda _user: reverse("reports:statistics"),
    ),
]
