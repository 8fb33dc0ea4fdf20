"""Benchmark of the register at scale (run by hand, not in the test suite).

    make .venv/.installed-dev
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench .venv/bin/python manage.py migrate
    DATABASE_URL=… OMBUDS_DEMO=1 .venv/bin/python manage.py seed_demo --applications 0
    DATABASE_URL=… .venv/bin/python manage.py generate_data --applications 1000000
    DATABASE_URL=… .venv/bin/python bench/register_list.py --runs 40

For the application list (50 rows, scoped to a regional officer, filtered by status, newest first)
and for full-text search it prints p50/p95 of: the whole page as the server renders it (Django
test client: middleware, scoping, queries, template), the list's queries through the ORM alone,
and hand-written SQL returning the same rows — and the ratios ORM/SQL and page/SQL.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["OMBUDS_DEMO"] = "1"  # demo accounts sign in without a second factor

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from ombuds.accounts.models import User  # noqa: E402
from ombuds.complaints.listing import filtered_applications, page_of  # noqa: E402

RAW_LIST = """
SELECT a.id, a.number, a.received_at, a.channel, a.status, a.is_secret, u.name_az, d.name_az, asg.first_name,
       asg.last_name, p.surname
FROM complaints_application a
JOIN accounts_orgunit u ON u.id = a.unit_id
JOIN core_district d ON d.id = a.district_id
LEFT JOIN accounts_user asg ON asg.id = a.assignee_id
LEFT JOIN complaints_party p ON p.id = a.applicant_id
WHERE (((a.assignee_id = %(user)s OR a.region_id = %(region)s) AND NOT a.is_secret)
       OR (a.is_secret AND a.assignee_id = %(user)s))
  AND a.status = %(status)s
ORDER BY a.received_at DESC, a.id DESC
LIMIT 51
"""
RAW_SEARCH = """
SELECT a.id, a.number, a.received_at, a.channel, a.status, u.name_az, d.name_az
FROM complaints_application a
JOIN accounts_orgunit u ON u.id = a.unit_id
JOIN core_district d ON d.id = a.district_id
WHERE (((a.assignee_id = %(user)s OR a.region_id = %(region)s) AND NOT a.is_secret)
       OR (a.is_secret AND a.assignee_id = %(user)s))
  AND to_tsvector('simple'::regconfig, COALESCE(a.summary, '')) @@ websearch_to_tsquery('simple'::regconfig, %(q)s)
ORDER BY a.received_at DESC, a.id DESC
LIMIT 51
"""


def timed(fn, runs):
    fn()  # warm caches once
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--user", default="officer.ganja")
    parser.add_argument("--status", default="under_consideration")
    parser.add_argument("--q", default="pensiya")
    args = parser.parse_args()

    user = User.objects.select_related("org_unit").get(username=args.user)
    client = Client()
    client.force_login(user)
    total = connection.cursor()
    total.execute("SELECT count(*) FROM complaints_application")
    print(f"database: {connection.vendor}, applications: {total.fetchone()[0]:,}, user: {user.username}")
    params = {"user": user.pk, "region": user.org_unit.region_id, "status": args.status, "q": args.q}

    for name, url, query, raw in (
        ("list", f"/complaints/?status={args.status}", {"status": args.status}, RAW_LIST),
        ("search", f"/complaints/?q={args.q}", {"q": args.q}, RAW_SEARCH),
    ):

        def page(url=url):
            assert client.get(url).status_code == 200

        def orm(query=query):
            fresh = User.objects.get(pk=user.pk)
            qs, _data, _form = filtered_applications(fresh, query)
            return [row.pk for row in page_of(qs, 1).rows]

        fixed_user = User.objects.select_related("org_unit").get(pk=user.pk)
        prepared, _data, _form = filtered_applications(fixed_user, query)
        fixed_user.has_perm("accounts.view_secret_tier")  # role facts loaded once, as within one request

        def rows(prepared=prepared):
            return [row.pk for row in page_of(prepared.all(), 1).rows]

        def sql(raw=raw):
            with connection.cursor() as cursor:
                cursor.execute(raw, params)
                return [row[0] for row in cursor.fetchall()[:50]]

        assert orm() == sql() == rows(), f"{name}: the ORM and the SQL return different rows"
        counted: list[int] = []

        def count(execute, *call, counted=counted):
            counted.append(1)
            return execute(*call)

        with connection.execute_wrapper(count):
            page()
        page_p50, page_p95 = timed(page, args.runs)
        orm_p50, orm_p95 = timed(orm, args.runs)
        rows_p50, rows_p95 = timed(rows, args.runs)
        sql_p50, sql_p95 = timed(sql, args.runs)
        print(f"\n{name}: {len(sql())} rows on the first page, {len(counted)} queries per page")
        print(
            f"  page (server: middleware, scoping, queries, template)  p50 {page_p50:7.2f} ms  p95 {page_p95:7.2f} ms"
        )
        print(f"  ORM with scoping (user, roles, rows, labels)           p50 {orm_p50:7.2f} ms  p95 {orm_p95:7.2f} ms")
        print(
            f"  ORM rows (same rows as the SQL, labels attached)       p50 {rows_p50:7.2f} ms  p95 {rows_p95:7.2f} ms"
        )
        print(f"  raw SQL (hand-written, same rows)                      p50 {sql_p50:7.2f} ms  p95 {sql_p95:7.2f} ms")
        print(
            f"  ratios p50: rows/SQL {rows_p50 / sql_p50:5.2f}   ORM/SQL {orm_p50 / sql_p50:5.2f}   "
            f"page/SQL {page_p50 / sql_p50:5.2f}"
        )


if __name__ == "__main__":
    main()
