"""The published statistics: the years whose dataset is published, a year's figures (tables and
charts from the public form, beside the year before), and the downloads (CSV/JSON of the public
form, the data dictionary). Read-only; a year without a published dataset is 404."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.urls import path
from django.utils.translation import get_language

from ombuds.core.exports import csv_response
from ombuds.portal import statistics_tables as st
from ombuds.portal.context import render_public
from ombuds.portal.public import public_page
from ombuds.portal.published import dataset_of_year, get_dataset_of_year, published_datasets
from ombuds.reports.datasets import public_figures


@public_page
def statistics(request):
    years = (
        published_datasets()
        .order_by("-period_start", "-number")
        .values("period_start", "number", "snapshot_at", "published_at")
    )
    latest: dict[int, dict] = {}
    for row in years:  # newest version first: the first seen of a year is the one shown
        latest.setdefault(row["period_start"].year, row)
    return render_public(request, "portal/statistics/index.html", {"years": list(latest.items())})


@public_page
def statistics_year(request, year: int):
    dataset = get_dataset_of_year(year)
    previous = dataset_of_year(year - 1)
    context = {"dataset": dataset, "previous": previous, "page": st.statistics_page(dataset, previous)}
    return render_public(request, "portal/statistics/year.html", context)


def _filename(dataset, what: str, fmt: str) -> str:
    return f"ombudsman-statistics-{dataset.year}-v{dataset.number}-{what}-{get_language()}.{fmt}"


def _json_download(data, filename: str) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@public_page
def statistics_data(request, year: int, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404
    dataset = get_dataset_of_year(year)
    if fmt == "json":
        return _json_download(st.public_data(dataset), _filename(dataset, "data", fmt))
    rows = st.data_rows(public_figures(dataset), get_language())
    return csv_response(_filename(dataset, "data", fmt), st.DATA_HEADER, rows)


@public_page
def statistics_dictionary(request, year: int, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404
    dataset = get_dataset_of_year(year)
    entries = st.dictionary(public_figures(dataset), get_language())
    if fmt == "json":
        return _json_download(
            {"dataset": st.dataset_meta(dataset), "measures": entries}, _filename(dataset, "dictionary", fmt)
        )
    return csv_response(_filename(dataset, "dictionary", fmt), st.DICTIONARY_HEADER, st.dictionary_rows(entries))


urlpatterns = [
    path("statistics/", statistics, name="statistics"),
    path("statistics/<int:year>/", statistics_year, name="statistics_year"),
    path("statistics/<int:year>/data.<str:fmt>", statistics_data, name="statistics_data"),
    path("statistics/<int:year>/dictionary.<str:fmt>", statistics_dictionary, name="statistics_dictionary"),
]
