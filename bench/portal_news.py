"""Benchmark of the public news pages (run by hand, not in the test suite).

    (a database with the demo: migrate, seed_demo)
    .venv/bin/python bench/portal_news.py --runs 300

Requests the news list and the 12 March 2024 item as an anonymous visitor (Django test client:
every middleware, the view, its queries and the template), first rendered, then as a cache's
revalidation (If-None-Match with the page's ETag, answered 304 without a body). Prints requests/s
and p50/p95 for each. A revalidation still runs the view (the ETag is the page's digest), so it
saves the bytes, not the work: the thousands of requests per second come from the shared cache in
front, which `Cache-Control: public, max-age=300` lets keep the page for five minutes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.timing import timed  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from ombuds.portal.demo_news import FOUNDING  # noqa: E402
from ombuds.portal.models import NewsItem  # noqa: E402


def measure(client: Client, label: str, path: str, runs: int, **headers: str) -> None:
    expected = 304 if headers else 200

    def get() -> None:
        response = client.get(path, **headers)
        if response.status_code != expected:
            raise SystemExit(f"{path}: {response.status_code}, expected {expected}")

    start = time.perf_counter()
    p50, p95 = timed(get, runs)
    per_second = (runs + 1) / (time.perf_counter() - start)
    print(f"  {label:<28} {per_second:8.0f} requests/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--language", default="en", choices=["az", "en", "ru"])
    args = parser.parse_args()
    if not NewsItem.objects.filter(slug=FOUNDING["slug"], status="published").exists():
        raise SystemExit("No demo news: run seed_demo first.")
    client = Client(HTTP_USER_AGENT="bench/portal_news")
    print(f"database: {connection.vendor}, news items: {NewsItem.objects.count()}, runs: {args.runs}")
    for name, path in (
        ("list", f"/{args.language}/news/"),
        ("item", f"/{args.language}/news/{FOUNDING['slug']}/"),
    ):
        first = client.get(path)
        print(f"{name} {path}: {len(first.content):,} bytes, {first['Cache-Control']}")
        measure(client, "rendered (200)", path, args.runs)
        measure(client, "revalidated (304)", path, args.runs, HTTP_IF_NONE_MATCH=first["ETag"])


if __name__ == "__main__":
    main()
