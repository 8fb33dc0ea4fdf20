"""Implementation rates and recurring issues: aggregate pages (rates.py, systemic.py).

Holders of `accounts.view_aggregates` (analysts, heads, the Commissioner) count every
recommendation; other staff who manage recommendations count those of their scope. Counts link to
the register only for those who may use it, which shows them within their own scope.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from ombuds.recommendations import rates, systemic
from ombuds.recommendations.charts import bar_chart
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import VIEW_AGGREGATES, VIEW_ALL_RECORDS, may_see_rates, may_use_register

TABLE_ROWS = 40  # longer breakdowns (places) add up the smallest groups in one row
CHART_ROWS = 15


def _base(user):
    """None (every recommendation) for aggregate readers, else the user's scope."""
    if user.has_perm(VIEW_AGGREGATES) or user.has_perm(VIEW_ALL_RECORDS):
        return None
    return Recommendation.objects.visible_to(user)


def _register_url() -> str | None:
    for name in ("recommendations:register", "recommendations:list"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def _year(request, years: list[int]) -> int | None:
    """The year asked for, if recommendations were issued in it; otherwise every year."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return None
    return year if year in years else None


def _link(register: str | None, year: int | None, *filters: dict, statuses=()) -> str | None:
    if register is None:
        return None
    params: list[tuple[str, str]] = []
    for f in filters:
        params.extend(f.items())
    params.extend(("status", s) for s in statuses)
    if year:
        params.append(("year", str(year)))
    return f"{register}?{urlencode(params)}" if params else register


def _table(breakdown: rates.Breakdown, register: str | None, year: int | None) -> dict:
    """The breakdown with a link per count (None for the rows the register cannot select)."""
    folded = breakdown.folded(TABLE_ROWS)

    def linked(row: rates.Row, selectable: bool) -> dict:
        reg = register if selectable else None
        return {
            "row": row,
            # The register filters by one status: a measure of two (in progress or accepted) is not a link.
            "cells": [
                (n, _link(reg, year, row.filters, statuses=m.statuses) if n and len(m.statuses) == 1 else None)
                for m, n in row.cells
            ],
            "href": _link(reg, year, row.filters),
        }

    total = breakdown.total
    chart_rows = breakdown.folded(CHART_ROWS).rows
    return {
        "breakdown": folded,
        "rows": [linked(row, bool(row.filters)) for row in folded.rows],
        "total": linked(total, True),
        "chart": bar_chart(
            breakdown.key,
            str(breakdown.title),
            _("Implementation rate per row, in per cent; the table gives the numbers."),
            [(row.label, row.percent, row.rate_shown) for row in chart_rows],
        ),
    }


def rates_page(request):
    """Implementation rates by authority, place, type of place, theme, kind and year of issue."""
    if not may_see_rates(request.user):
        raise PermissionDenied
    base = _base(request.user)
    years = rates.years(base)
    year = _year(request, years)
    register = _register_url() if may_use_register(request.user) else None
    context = {
        "year": year,
        "years": years,
        "summary": rates.summary(year, base),
        "measures": rates.MEASURES,
        "tables": [_table(b, register, year) for b in rates.all_breakdowns(year, base)],
        "scoped": base is not None,
    }
    return render(request, "recommendations/rates.html", context)


def systemic_page(request):
    """Themes recommended at several places, and chains of repeated recommendations."""
    if not may_see_rates(request.user):
        raise PermissionDenied
    base = _base(request.user)
    years = rates.years(base)
    year = _year(request, years)
    may_open = may_use_register(request.user)
    register = _register_url() if may_open else None
    chains, chain_count = systemic.chains(year, base)
    themes = [
        (_("By thematic area"), "area", systemic.by_area(year, base)),
        (_("By right or issue"), "right", systemic.by_right(year, base)),
    ]
    context = {
        "year": year,
        "years": years,
        "min_places": systemic.min_places(),
        "themes": [
            (title, key, [(t, _link(register, year, t.filters)) for t in found]) for title, key, found in themes
        ],
        "chains": chains,
        "chain_count": chain_count,
        # Numbers of recommendations link to records: only for those who read them all, or whose
        # page counts only their own scope (aggregate readers see the chains without numbers).
        "show_numbers": may_open and (base is not None or request.user.has_perm(VIEW_ALL_RECORDS)),
        "scoped": base is not None,
    }
    return render(request, "recommendations/systemic.html", context)
