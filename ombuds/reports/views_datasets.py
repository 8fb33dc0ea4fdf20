"""Pages of the reports app: statistics datasets — the versions of each period, a new snapshot,
one dataset's tables and downloads, publication, the difference between two versions, the records
behind a cell, and the yearly figures entered by hand.

Every page needs `accounts.view_aggregates` (datasets hold counts, never names); taking a snapshot
needs `reports.prepare_reports`, publishing one `reports.approve_reports`. A dataset is looked up
through `reports.scoping`; the records behind a cell through their own apps' scoping (drill.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ombuds.core import audit
from ombuds.core.actions import add_service_errors
from ombuds.core.exports import Sheet, csv_response, xlsx_book_response
from ombuds.core.keyset import InvalidCursor, keyset_of
from ombuds.core.once import submit_once
from ombuds.reports import datasets as read
from ombuds.reports import drill
from ombuds.reports.choices import ReportKind
from ombuds.reports.forms_datasets import FIRST_YEAR, SnapshotForm
from ombuds.reports.measures import REGISTRY, Period
from ombuds.reports.models import Dataset
from ombuds.reports.permissions import APPROVE, PREPARE, VIEW, may_approve, may_prepare
from ombuds.reports.scoping import datasets_for, get_dataset_for_user
from ombuds.reports.services.datasets import publish_dataset, take_snapshot
from ombuds.reports.tables import TableSpec, TableView, block, specs
from ombuds.reports.tables import render as render_table

DRILL_PAGE = 50


def _year(value) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if FIRST_YEAR <= year <= timezone.localdate().year else None


@permission_required(VIEW, raise_exception=True)
def dataset_list(request):
    """Every version of every period, newest period first; filtered by year."""
    year = _year(request.GET.get("year"))
    found = (
        datasets_for(request.user)
        .select_related("created_by", "published_by")
        .order_by("-period_start", "period_end", "-number")
    )
    if year:
        found = found.filter(period_start__year=year)
    years = sorted({d.year for d in datasets_for(request.user).only("period_start")}, reverse=True)
    context = {
        "datasets": found,
        "year": year,
        "years": years,
        "may_prepare": may_prepare(request.user),
        "entered_year": year or timezone.localdate().year - 1,  # last year's report is the one being written
    }
    return render(request, "reports/datasets/list.html", context)


@permission_required(PREPARE, raise_exception=True)
def dataset_new(request):
    """Freeze every measure for a year or a period. It runs in the request: a few dozen aggregate
    queries, seconds at most (the long job is the report's document, not this)."""
    form = SnapshotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        start, end = form.period()
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                dataset = take_snapshot(
                    request.user, period_start=start, period_end=end, note=form.cleaned_data["note"]
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                once.created(dataset.get_absolute_url())
                messages.success(request, _("The snapshot was taken: version %(number)s.") % {"number": dataset.number})
                return redirect(dataset.get_absolute_url())
    return render(request, "reports/datasets/new.html", {"form": form})


def _tables(dataset: Dataset) -> tuple[list[tuple[str, list[TableView]]], TableView | None]:
    """Every table of both reports read from the dataset, and one more for the measures that no
    table shows (so that nothing frozen is out of sight)."""
    groups, shown = [], set()
    for kind in ReportKind:
        views = []
        for table in specs(kind):
            shown.update(table.measures)
            views.append(render_table(table, dataset))
        groups.append((kind.label, views))
    rest = sorted(set(dataset.data.get("measures") or {}) - shown)
    if not rest:
        return groups, None
    other = TableSpec("other", "", "", _("Figures in no table"), tuple(rest))
    data = dataset.data
    return groups, TableView(other, [block(key, data, None) for key in rest], dataset.content_hash, dataset.snapshot_at)


def _versions(user, dataset: Dataset):
    return (
        datasets_for(user)
        .filter(period_start=dataset.period_start, period_end=dataset.period_end)
        .exclude(pk=dataset.pk)
        .order_by("-number")
    )


@permission_required(VIEW, raise_exception=True)
def dataset_detail(request, public_id):
    dataset = get_dataset_for_user(request.user, public_id)
    other = request.GET.get("compare")
    if other:  # the "Compare with" select, sent by GET
        target = _versions(request.user, dataset).filter(public_id=_uuid_or_404(other)).first()
        if target is None:
            raise Http404
        return redirect("reports:dataset_diff", dataset.public_id, target.public_id)
    groups, other_table = _tables(dataset)
    context = {
        "dataset": dataset,
        "groups": groups,
        "other_table": other_table,
        "entered": read.entered_rows(dataset),
        "versions": list(_versions(request.user, dataset)),
        "charts": request.GET.get("charts") == "1",
        "may_approve": may_approve(request.user),
    }
    return render(request, "reports/datasets/detail.html", context)


def _uuid_or_404(value: str):
    import uuid

    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


@require_http_methods(["GET", "POST"])
@permission_required(APPROVE, raise_exception=True)
def dataset_publish(request, public_id):
    """Confirm, then publish: a published dataset is public (in its suppressed form) for good."""
    dataset = get_dataset_for_user(request.user, public_id)
    if request.method == "POST":
        try:
            publish_dataset(request.user, dataset)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, _("The dataset is published."))
        return redirect(dataset.get_absolute_url())
    return render(request, "reports/datasets/publish.html", {"dataset": dataset})


@permission_required(VIEW, raise_exception=True)
def dataset_export(request, public_id, fmt):
    """The whole dataset, one row per measure × category, as CSV or XLSX; audited."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    dataset = get_dataset_for_user(request.user, public_id)
    audit.record(
        "reports.dataset.exported",
        actor=request.user,
        obj=dataset,
        changes={"format": fmt, "hash": dataset.content_hash},
    )
    filename = f"dataset-{dataset.period_start:%Y%m%d}-{dataset.period_end:%Y%m%d}-v{dataset.number}.{fmt}"
    rows = read.export_rows(dataset)
    if fmt == "csv":
        return csv_response(filename, read.EXPORT_HEADER, rows)
    return xlsx_book_response(
        filename, [Sheet(_("Dataset"), read.EXPORT_HEADER, rows, (28, 40, 12, 20, 40, 10, 10, 40))]
    )


@permission_required(VIEW, raise_exception=True)
def dataset_diff(request, public_id, other_id):
    dataset = get_dataset_for_user(request.user, public_id)
    other = get_dataset_for_user(request.user, other_id)
    if (dataset.period_start, dataset.period_end) != (other.period_start, other.period_end) or dataset.pk == other.pk:
        raise Http404  # versions of one period only: two periods differ everywhere
    return render(request, "reports/datasets/diff.html", {"diff": read.diff(dataset, other)})


@permission_required(VIEW, raise_exception=True)
def dataset_drill(request, public_id, measure, category):
    """The records behind one cell, as far as the user may see them, beside the frozen count."""
    dataset = get_dataset_for_user(request.user, public_id)
    frozen = (dataset.data.get("measures") or {}).get(measure)
    spec = REGISTRY.get(measure)
    if frozen is None or spec is None or spec.model not in drill.REGISTRY:
        raise Http404
    if category != "total" and category not in frozen["values"] and not _is_margin(frozen, category):
        raise Http404
    period = Period(dataset.period_start, dataset.period_end)
    records = spec.source.records(period, None if category == "total" else category)
    if records is None:
        raise Http404
    how = drill.REGISTRY[spec.model]
    visible = records.filter(pk__in=how.visible(request.user).values("pk"))
    live = records.count()
    shown = visible.count()
    try:
        page = keyset_of(records.model, drill.ORDERING).page(
            visible.select_related(*how.related), request.GET.get("cursor"), size=DRILL_PAGE
        )
    except InvalidCursor as exc:
        raise Http404 from exc
    frozen_count = frozen["total"] if category == "total" else frozen["values"].get(category)
    context = {
        "dataset": dataset,
        "measure": spec,
        "category": category,
        "label": _("Total") if category == "total" else read.category_label(frozen, category, request.LANGUAGE_CODE),
        "frozen_count": frozen_count,
        "live": live,
        "shown": shown,
        "hidden": live - shown,
        "page": page,
        "rows": [how.show(obj) for obj in page.rows],
    }
    return render(request, "reports/datasets/drill.html", context)


def _is_margin(frozen: dict, category: str) -> bool:
    """A cross-table's row or column total ("row|*", "*|col")."""
    if "columns" not in frozen or category.count("|") != 1:
        return False
    row, col = category.split("|")
    return (row == "*" and col in frozen["columns"]) or (col == "*" and row in frozen["labels"])


urlpatterns = [
    path("datasets/", dataset_list, name="dataset_list"),
    path("datasets/new/", dataset_new, name="dataset_new"),
    path("datasets/<uuid:public_id>/", dataset_detail, name="dataset_detail"),
    path("datasets/<uuid:public_id>/publish/", dataset_publish, name="dataset_publish"),
    path("datasets/<uuid:public_id>/export/<str:fmt>/", dataset_export, name="dataset_export"),
    path("datasets/<uuid:public_id>/diff/<uuid:other_id>/", dataset_diff, name="dataset_diff"),
    path("datasets/<uuid:public_id>/drill/<str:measure>/<str:category>/", dataset_drill, name="dataset_drill"),
]
