"""Permission-matrix rows of the entered-figures pages: reading needs `accounts.view_aggregates`,
entering, correcting and deleting `reports.prepare_reports` as well (the same three roles hold both
today, so the rows differ only if the roles are changed)."""

import uuid

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

PREPARERS = ["analyst", "commissioner", "department_head"]
YEAR = 2025


def _figure(_user):
    from ombuds.reports.models import EnteredFigure

    figure = EnteredFigure.objects.create(year=YEAR, measure="pardons.petitions", value=3, source="Decree")
    return reverse("reports:entered_figure_delete", args=[figure.public_id])


ROWS = [
    Row(
        "reports:entered_figures",
        {ANONYMOUS: 302, **dict.fromkeys(PREPARERS, 200)},
        default=403,
        url=lambda _user: reverse("reports:entered_figures", args=[YEAR]),
    ),
    Row(
        "reports:entered_figures",
        {ANONYMOUS: 302, **dict.fromkeys(PREPARERS, 302)},
        default=403,
        method="post",
        data={"measure": "pardons.granted", "value": "21", "source": "Pardon decree of 2025"},
        url=lambda _user: reverse("reports:entered_figures", args=[YEAR]),
        note="entering a figure redirects back to the year's page",
    ),
    Row(
        "reports:entered_figures",
        {ANONYMOUS: 302, **dict.fromkeys(PREPARERS, 404)},
        default=403,
        url=lambda _user: reverse("reports:entered_figures", args=[1990]),
        scope="out",
        note="a year before the institution existed",
    ),
    Row(
        "reports:entered_figure_delete",
        {ANONYMOUS: 302, **dict.fromkeys(PREPARERS, 302)},
        default=403,
        method="post",
        url=_figure,
    ),
    Row(
        "reports:entered_figure_delete",
        {ANONYMOUS: 302, **dict.fromkeys(PREPARERS, 404)},
        default=403,
        method="post",
        url=lambda _user: reverse("reports:entered_figure_delete", args=[uuid.uuid4()]),
        scope="out",
    ),
]
