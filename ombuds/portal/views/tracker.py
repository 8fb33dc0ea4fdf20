"""The public recommendation tracker: the published recommendations with their filters, one
recommendation with its authority's responses and its status history, the implementation rates by
authority, and the filtered list as CSV. What is counted and shown is `ombuds.portal.tracker`'s."""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ombuds.core.exports import csv_response
from ombuds.core.keyset import InvalidCursor
from ombuds.portal import tracker as data
from ombuds.portal.context import render_public
from ombuds.portal.public import public_page
from ombuds.recommendations.publication import public_responses
from ombuds.reports.charts import Bar, bar_chart
from ombuds.reports.measures.recommendations import BUCKETS, status_bucket, tracker_rows


def _language() -> str:
    return (get_language() or "az")[:2]


def _query(request, **changes) -> str:
    """The filters of this request as a query string, with `changes` (a page's cursor) applied."""
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def _errors(form) -> list[tuple[str, str]]:
    """(field id, message) for the error summary at the top of the page."""
    return [(form[name].auto_id, " ".join(errors)) for name, errors in form.errors.items()]


@public_page
def tracker(request):
    lists = data.tracker_lists()
    qs, form = data.filtered(request.GET, lists)
    errors = _errors(form)
    try:
        page, rows = data.page_of(qs, request.GET.get("cursor"), lists, _language())
    except InvalidCursor:
        page, rows = data.page_of(qs, None, lists, _language())
        errors.append(("results", _("The page link is not valid any more; the first page is shown.")))
    context = {
        "form": form,
        "errors": errors,
        "rows": rows,
        "page": page,
        "next_query": _query(request, cursor=page.next_cursor) if page.has_next else "",
        "previous_query": _query(request, cursor=page.previous_cursor) if page.has_previous else "",
        "csv_query": _query(request, cursor=None),
        "filtered": any(request.GET.get(name) for name in data.FILTERS),
    }
    return render_public(request, "portal/tracker/list.html", context, status=400 if errors else 200)


@public_page
def tracker_csv(request):
    lists = data.tracker_lists()
    qs, form = data.filtered(request.GET, lists)
    if form.errors:
        return tracker(request)  # the list with its error summary, not a file of unfiltered rows
    name = slugify(_("recommendations")) or "recommendations"
    return csv_response(f"{name}-{_language()}.csv", data.csv_header(), data.csv_rows(qs, lists))


@public_page
def tracker_detail(request, public_id):
    rec = tracker_rows().select_related("addressee").filter(public_id=public_id).first()
    if rec is None:
        raise Http404
    language = _language()
    text, text_language = data.text_in(rec, language)
    lists = data.tracker_lists()
    bucket = status_bucket(rec.status) or ""
    history = [
        (change.happened_on, lists.labels["status"].get(change.new_status, change.new_status))
        for change in rec.history.only("happened_on", "new_status", "created_at", "recommendation_id")
    ]
    context = {
        "rec": rec,
        "text": text,
        "text_language": text_language,
        "missing": text_language != language,
        "addressee": str(rec.addressee),
        "source": lists.labels["source"].get(rec.source, ""),
        "theme": lists.labels["area"].get(rec.area, "") if rec.area else "",
        "place_type": lists.labels["place_type"].get(rec.place_type, "") if rec.place_type else "",
        "bucket_label": lists.labels["bucket"].get(bucket, ""),
        "status_label": lists.labels["status"].get(rec.status, ""),
        "responses": public_responses(rec),
        "history": history,
    }
    return render_public(request, "portal/tracker/detail.html", context)


@public_page
def tracker_rates(request):
    lists = data.tracker_lists()
    qs, form = data.filtered(request.GET, lists, skip=("status", "addressee"))
    authorities, total = data.rates(qs, lists)
    title = _("Implementation rate by authority, per cent")
    chart = bar_chart(
        title,
        [Bar(rate.label, rate.percent) for rate in authorities if rate.percent is not None],
        description=_("The rate of each authority is in the table below the chart, with the counts it is made of."),
        chart_id="rates-chart",
    )
    context = {
        "form": form,
        "errors": _errors(form),
        "authorities": authorities,
        "total": total,
        "buckets": BUCKETS,
        "chart": chart,
        "chart_title": title,
        "filtered": any(request.GET.get(name) for name in data.FILTERS),
    }
    return render_public(request, "portal/tracker/rates.html", context, status=400 if form.errors else 200)


urlpatterns = [
    path("recommendations/", tracker, name="tracker"),
    path("recommendations/rates/", tracker_rates, name="tracker_rates"),
    path("recommendations/recommendations.csv", tracker_csv, name="tracker_csv"),
    path("recommendations/<uuid:public_id>/", tracker_detail, name="tracker_detail"),
]
