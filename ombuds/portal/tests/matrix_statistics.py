"""Permission-matrix rows of the portal's statistics area: public pages answer every persona alike
(a published year: 200; see test_statistics.py for drafts and unknown years, which are 404)."""

from django.urls import reverse

from ombuds.core.testing import Row


def _year(_user) -> int:
    from ombuds.portal.tests.statistics_fixtures import make_dataset
    from ombuds.reports.models import Dataset

    if not Dataset.objects.filter(period_start__year=2023, status="published").exists():
        make_dataset(2023)
    return 2023


ROWS = [
    Row("portal:statistics", {}, default=200, url=lambda _user: reverse("portal:statistics")),
    Row(
        "portal:statistics_year",
        {},
        default=200,
        url=lambda user: reverse("portal:statistics_year", args=[_year(user)]),
    ),
    Row(
        "portal:statistics_data",
        {},
        default=200,
        url=lambda user: reverse("portal:statistics_data", args=[_year(user), "csv"]),
    ),
    Row(
        "portal:statistics_dictionary",
        {},
        default=200,
        url=lambda user: reverse("portal:statistics_dictionary", args=[_year(user), "json"]),
    ),
]
