from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row
from ombuds.reports.tests import (
    matrix_dashboard,
    matrix_datasets,
    matrix_documents,
    matrix_entered,
    matrix_reports,
)

ROWS = [
    Row(
        "reports:statistics",
        {ANONYMOUS: 302, "analyst": 200, "commissioner": 200, "department_head": 200},
        default=403,
        url=lambda _user: reverse("reports:statistics"),
    ),
]

ROWS += matrix_datasets.ROWS + matrix_entered.ROWS + matrix_reports.ROWS + matrix_documents.ROWS + matrix_dashboard.ROWS
