"""Permission-matrix rows of the reports app's datasets pages (collected by tests/matrix.py).

Every page needs `accounts.view_aggregates` (analyst, department head, Commissioner): 403 to other
staff, 302 to the sign-in page for anonymous visitors. Datasets have no scope beyond it, so the
"out of scope" rows ask for an id that does not exist: 404 to those who may look, 403 to the rest
(the permission is checked before the lookup, so the answer tells nothing about what exists)."""

import uuid

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

VIEWERS = ["analyst", "commissioner", "department_head"]
PREPARERS = ["analyst", "commissioner", "department_head"]


def _expected(status: int, who=VIEWERS) -> dict[str, int]:
    return {ANONYMOUS: 302, **dict.fromkeys(who, status)}


def make_dataset(number: int = 1, *, year: int = 2025, status: str = "draft", measures=None):
    """A small frozen dataset, written directly (a snapshot's computing is tested elsewhere)."""
    from datetime import date

    from django.utils import timezone

    from ombuds.reports.models import Dataset

    measures = measures or {
        "applications.total": {"unit": "appeal", "additive": True, "values": {"total": 7}, "total": 7, "labels": {}}
    }
    return Dataset.objects.create(
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        number=number,
        snapshot_at=timezone.now(),
        content_hash=f"{number:064x}",
        data={"measures": measures, "entered": {}},
        status=status,
    )


def _url(name, *extra):
    return lambda _user: reverse(name, args=[make_dataset().public_id, *extra])


def _unknown(name, *extra):
    return lambda _user: reverse(name, args=[uuid.uuid4(), *extra])


def _diff(same_period: bool):
    def build(_user):
        first = make_dataset(1)
        second = make_dataset(2) if same_period else make_dataset(1, year=2024)
        return reverse("reports:dataset_diff", args=[first.public_id, second.public_id])

    return build


def _api(status: str):
    return lambda _user: f"/api/v1/datasets/{make_dataset(status=status).public_id}/"


# The API: published datasets are open data (anonymous callers included); drafts only for those
# who see aggregates, 404 to everyone else like a missing one (tests/test_api_not_found.py).
ROWS = [
    Row("reports:dataset_list", _expected(200), default=403, url=lambda _u: reverse("reports:dataset_list")),
    Row("reports:dataset_new", _expected(200, PREPARERS), default=403, url=lambda _u: reverse("reports:dataset_new")),
    Row("reports:dataset_detail", _expected(200), default=403, url=_url("reports:dataset_detail")),
    Row("reports:dataset_detail", _expected(404), default=403, url=_unknown("reports:dataset_detail"), scope="out"),
    Row("reports:dataset_publish", _expected(200, ["commissioner"]), default=403, url=_url("reports:dataset_publish")),
    Row(
        "reports:dataset_publish",
        _expected(404, ["commissioner"]),
        default=403,
        url=_unknown("reports:dataset_publish"),
        scope="out",
    ),
    Row("reports:dataset_export", _expected(200), default=403, url=_url("reports:dataset_export", "csv")),
    Row(
        "reports:dataset_export",
        _expected(404),
        default=403,
        url=_unknown("reports:dataset_export", "csv"),
        scope="out",
    ),
    Row("reports:dataset_diff", _expected(200), default=403, url=_diff(True)),
    Row("reports:dataset_diff", _expected(404), default=403, url=_diff(False), scope="out", note="other period"),
    Row(
        "reports:dataset_drill",
        _expected(200),
        default=403,
        url=_url("reports:dataset_drill", "applications.total", "total"),
    ),
    Row(
        "reports:dataset_drill",
        _expected(404),
        default=403,
        url=_url("reports:dataset_drill", "no.such_measure", "total"),
        scope="out",
        note="unknown measure",
    ),
    Row("dataset-list", {ANONYMOUS: 200}, default=200, url=lambda _u: "/api/v1/datasets/"),
    Row("dataset-detail", {ANONYMOUS: 200}, default=200, url=_api("published")),
    Row("dataset-detail", {ANONYMOUS: 404, **dict.fromkeys(VIEWERS, 200)}, default=404, url=_api("draft"), scope="out"),
]
