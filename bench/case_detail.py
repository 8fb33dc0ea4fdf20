"""Benchmark of the case page at scale (run by hand, not in the test suite).

    (database made as in bench/search.py: migrate, seed_demo --applications 0, generate_data)
    DATABASE_URL=… .venv/bin/python bench/case_detail.py --runs 30

Opens `/complaints/<id>/` as the head of the applications department for the newest application
with a named applicant in each of three states (registered, under consideration, closed): the
newest has the most earlier applications by the same person to weigh for the repeat hint. Prints
p50/p95 of the whole page (Django test client: middleware, funnel, queries, template), its number
of queries, how many earlier applications the hint found, and the ratio to the target of 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.timing import timed  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["OMBUDS_DEMO"] = "1"  # demo accounts sign in without a second factor

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from ombuds.accounts.models import User  # noqa: E402
from ombuds.complaints import services  # noqa: E402
from ombuds.complaints.models import Application  # noqa: E402

TARGET_MS = 50.0
QUERY_TARGET = 15


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--user", default="head.complaints")
    args = parser.parse_args()

    user = User.objects.get(username=args.user)
    client = Client()
    client.force_login(user)
    print(f"database: {connection.vendor}, applications: {Application.objects.count():,}, user: {user.username}")
    worst = 0.0
    for status in ("registered", "under_consideration", "closed"):
        app = (
            Application.objects.visible_to(user)
            .filter(status=status, is_secret=False, applicant__isnull=False)
            .order_by("-received_at")
            .first()
        )
        if app is None:
            print(f"\n{status}: no application in this state")
            continue
        url = app.get_absolute_url()

        def page(url=url):
            response = client.get(url)
            assert response.status_code == 200
            return response

        counted: list[int] = []

        def count(execute, *call, counted=counted):
            counted.append(1)
            return execute(*call)

        page()  # the first request of a process also fills its caches (content types, translations)
        with connection.execute_wrapper(count):
            page()
        hints = len(services.duplicate_candidates(user, app))
        p50, p95 = timed(page, args.runs)
        worst = max(worst, p50)
        print(f"\n{status}: {app.number}, {len(counted)} queries (target ≤ {QUERY_TARGET}), {hints} repeat hints")
        print(f"  page (server: middleware, funnel, queries, template)  p50 {p50:7.2f} ms  p95 {p95:7.2f} ms")
        print(f"  ratio p50 / target {TARGET_MS:.0f} ms: {p50 / TARGET_MS:4.2f}")
    print(f"\nslowest p50 / target: {worst / TARGET_MS:4.2f}")


if __name__ == "__main__":
    main()
