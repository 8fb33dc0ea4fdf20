"""Permission-matrix rows of the reports app's reports pages (collected by tests/matrix.py).

Reading needs `accounts.view_aggregates` (analyst, department head, Commissioner); writing the
draft `reports.prepare_reports` (the same three); the lifecycle steps `reports.approve_reports`
(the Commissioner). Anonymous visitors go to the sign-in page; an unknown report is 404."""

import uuid

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

VIEWERS = ["analyst", "commissioner", "department_head"]
PREPARERS = ["analyst", "commissioner", "department_head"]


def _expected(status: int, who=VIEWERS) -> dict[str, int]:
    return {ANONYMOUS: 302, **dict.fromkeys(who, status)}


def _report():
    from ombuds.reports.tests.reporting import make_report

    return make_report()


def _url(name, *extra):
    return lambda _user: reverse(name, args=[_report().public_id, *extra])


def _recipient_url(name, *extra):
    def build(_user):
        report = _report()
        return reverse(name, args=[report.public_id, report.recipients.first().public_id, *extra])

    return build


def _approver(name):
    return Row(name, _expected(200, ["commissioner"]), default=403, url=_url(name))


ROWS = [
    Row("reports:report_list", _expected(200), default=403, url=lambda _u: reverse("reports:report_list")),
    Row("reports:report_new", _expected(200, PREPARERS), default=403, url=lambda _u: reverse("reports:report_new")),
    Row("reports:report_detail", _expected(200), default=403, url=_url("reports:report_detail")),
    Row(
        "reports:report_detail",
        _expected(404),
        default=403,
        url=lambda _u: reverse("reports:report_detail", args=[uuid.uuid4()]),
        scope="out",
    ),
    Row("reports:narrative_edit", _expected(200, PREPARERS), default=403, url=_url("reports:narrative_edit", "rights")),
    Row("reports:report_datasets", _expected(200, PREPARERS), default=403, url=_url("reports:report_datasets")),
    _approver("reports:report_approve"),
    _approver("reports:report_reopen"),
    _approver("reports:report_submit"),
    _approver("reports:report_present"),
    _approver("reports:report_publish"),
    Row(
        "reports:recipient_add",
        _expected(302, PREPARERS),
        default=403,
        url=_url("reports:recipient_add"),
        method="post",
        data={"role": "copy"},
        note="an incomplete form: back to the report with the error",
    ),
    Row(
        "reports:recipient_remove",
        _expected(302, PREPARERS),
        default=403,
        url=_recipient_url("reports:recipient_remove"),
        method="post",
        data={},
    ),
    Row("reports:cover_letter", _expected(200), default=403, url=_recipient_url("reports:cover_letter", "docx")),
]


def _api(status: str):
    def build(_user):
        from ombuds.reports.tests.reporting import make_report

        return f"/api/v1/reports/{make_report(status=status).public_id}/"

    return build


ROWS += [
    Row("report-list", {ANONYMOUS: 200}, default=200, url=lambda _u: "/api/v1/reports/"),
    Row("report-detail", {ANONYMOUS: 200}, default=200, url=_api("published")),
    Row("report-detail", {ANONYMOUS: 404, **dict.fromkeys(VIEWERS, 200)}, default=404, url=_api("draft"), scope="out"),
]
