"""Reference pages for the throughput benchmark (bench/throughput.py), mounted only when
OMBUDS_BENCH_VIEWS=1. They pass through the same middleware as every page (session, login, second
factor, CSP), so the benchmark can say how much of a page's cost is its own: `bare` answers a few
bytes, `plain_rows` renders 50 rows of a trivial template, as a list page does without its work."""

from __future__ import annotations

from datetime import date, timedelta

from django.http import HttpResponse
from django.shortcuts import render

ROWS = [
    {"number": f"2026/{n:06d}", "received": date(2026, 1, 1) + timedelta(days=n), "name": f"Row {n}", "status": "open"}
    for n in range(50)
]


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


def plain_rows(request):
    return render(request, "core/bench_rows.html", {"rows": ROWS})
