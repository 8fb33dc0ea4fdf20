"""The register of recommendations, its export, and the list per authority (read-only pages)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.exports import csv_response, xlsx_response
from ombuds.core.models import Authority
from ombuds.recommendations import exports, listing
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import may_use_register


def _section(user) -> None:
    if not may_use_register(user):
        raise PermissionDenied


def register(request):
    _section(request.user)
    lists = listing.register_lists()
    qs, filters, form = listing.filtered(request.user, request.GET, lists)
    page = listing.page_of(qs, filters, request.GET.get("cursor"))
    query = request.GET.copy()
    query.pop("cursor", None)

    def link(cursor, *, first=False):
        if first:
            return f"?{query.urlencode()}"
        return f"?{urlencode([*query.lists(), ('cursor', [cursor])], doseq=True)}"

    context = {
        "rows": listing.present(page.rows, lists),
        "badges": lists.badges,
        "page": page,
        "next_url": link(page.next_cursor) if page.next_cursor else "",
        "previous_url": link(page.previous_cursor, first=page.number == 2) if page.previous_cursor else "",
        "form": form,
        "export_query": query.urlencode(),
    }
    template = "recommendations/_register_rows.html" if request.htmx else "recommendations/register.html"
    return render(request, template, context)


def export(request, fmt):
    """The filtered register as CSV or XLSX, streamed; who exported what is audited (the search
    text is left out of the event: it says only whether there was one)."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _section(request.user)
    qs, filters, _form = listing.filtered(request.user, request.GET)
    audit.record(
        "recommendations.recommendation.exported",
        actor=request.user,
        object_type="recommendations.recommendation",
        changes={
            "format": fmt,
            "filters": {k: str(v) for k, v in filters.items() if k != "q"},
            "searched": bool(filters.get("q")),
        },
    )
    filename = f"recommendations-{timezone.localdate():%Y-%m-%d}.{fmt}"
    lines = exports.rows(listing.keyset(filters).order(qs))
    if fmt == "csv":
        return csv_response(filename, exports.header(), lines)
    return xlsx_response(filename, _("Recommendations"), exports.header(), lines)


def authority(request, code):
    """One authority's recommendations that the user may see: counts by status, then overdue first."""
    _section(request.user)
    body = get_object_or_404(Authority, code=code)
    qs = Recommendation.objects.visible_to(request.user).filter(addressee=body)
    counts, overdue, total = listing.status_counts(qs)
    lists = listing.register_lists()
    rows = listing.present(list(listing.overdue_first(qs)[: listing.AUTHORITY_ROWS]), lists)
    register_url = reverse("recommendations:list")
    base = {"addressee": body.code}

    def filtered(**extra) -> str:
        return f"{register_url}?{urlencode({**base, **extra})}"

    return render(
        request,
        "recommendations/authority.html",
        {
            "authority": body,
            "counts": [(label, n, filtered(status=status)) for status, label, n in counts],
            "overdue": overdue,
            "overdue_url": filtered(overdue="on"),
            "total": total,
            "all_url": filtered(),
            "rows": rows,
            "badges": lists.badges,
            "more": total > len(rows),
        },
    )
