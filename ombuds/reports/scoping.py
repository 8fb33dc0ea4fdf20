"""Who sees which dataset and report. Staff holding `accounts.view_aggregates` see every one
(drafts included: they hold counts, never names); anyone else sees published datasets only, in
their public form (cells under 5 suppressed), and published reports. Out of scope is 404."""

from __future__ import annotations

from django.http import Http404

from ombuds.reports.choices import DatasetStatus, ReportStatus
from ombuds.reports.models import Dataset, Report
from ombuds.reports.permissions import may_view


def datasets_for(user):
    qs = Dataset.objects.all()
    return qs if may_view(user) else qs.filter(status=DatasetStatus.PUBLISHED)


def reports_for(user):
    qs = Report.objects.select_related("dataset", "previous_dataset")
    return qs if may_view(user) else qs.filter(status=ReportStatus.PUBLISHED)


def get_dataset_for_user(user, public_id) -> Dataset:
    try:
        return datasets_for(user).get(public_id=public_id)
    except (Dataset.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_report_for_user(user, public_id) -> Report:
    try:
        return reports_for(user).get(public_id=public_id)
    except (Report.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
