"""Benchmark of the register at scale (run by hand, not in the test suite).

    make .venv/.installed-dev
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench .venv/bin/python manage.py migrate
    DATABASE_URL=… OMBUDS_DEMO=1 .venv/bin/python manage.py seed_demo --applications 0
    DATABASE_URL=… .venv/bin/python manage.py generate_data --applications 1000000
    DATABASE_URL=… .venv/bin/python bench/register_list.py --runs 40

For the application list (50 rows, scoped to a regional officer, filtered by status, newest first),
the same list at page ~1000 (by its keyset cursor) it prints p50/p95 of: the
whole page as the server renders it (Django test client: middleware, scoping, queries, template),
the list's queries through the ORM alone, and hand-written SQL returning the same rows — and the
ratios ORM/SQL and page/SQL. It also checks that a page read writes nothing (no session or
user-session row), and prints what OFFSET would cost at the deep page. Full-text search has its
own benchmark: bench/search.py (a common, a rare and an absent word).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.timing import timed  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["OMBUDS_DEMO"] = "1"  # demo accounts sign in without a second factor

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from ombuds.accounts.models import User  # noqa: E402
from ombuds.complaints.listing import (  # noqa: E402
    PAGE_SIZE,
    filtered_applications,
    keyset,
    page_of,
    present,
    register_lists,
)

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
# The same list after a row (a keyset page), and the same page by OFFSET for comparison.
RAW_DEEP = RAW_LIST.replace("ORDER BY", "AND (a.received_at, a.id) < (%(at)s, %(id)s)\nORDER BY")
RAW_OFFSET = RAW_LIST.replace("LIMIT 51", "LIMIT 51 OFFSET %(offset)s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--user", default="officer.ganja")
    parser.add_argument("--status", default="under_consideration")
    parser.add_argument("--deep", type=int, default=1000, help="the deep page's number")
    args = parser.parse_args()

    user = User.objects.select_related("org_unit").get(username=args.user)
    client = Client()
    client.force_login(user)
    total = connection.cursor()
    total.execute("SELECT count(*) FROM complaints_application")
    print(f"database: {connection.vendor}, applications: {total.fetchone()[0]:,}, user: {user.username}")
    params = {"user": user.pk, "region": user.org_unit.region_id, "status": args.status}

    deep = deep_cursor(user, args.status, args.deep)
    cases = [
        ("list", f"/complaints/?status={args.status}", {"status": args.status}, None, RAW_LIST, params),
        (
            f"list, page {deep['number']} (keyset cursor)",
            f"/complaints/?{urlencode({'status': args.status, 'cursor': deep['cursor']})}",
            {"status": args.status},
            deep["cursor"],
            RAW_DEEP,
            {**params, "at": deep["at"], "id": deep["id"]},
        ),
    ]
    for name, url, query, cursor, raw, values in cases:

        def page(url=url):
            assert client.get(url).status_code == 200

        def orm(query=query, cursor=cursor):
            fresh = User.objects.get(pk=user.pk)
            qs, data, _form = filtered_applications(fresh, query)
            return [row.pk for row in page_of(qs, data, cursor).rows]

        fixed_user = User.objects.select_related("org_unit").get(pk=user.pk)
        prepared, data, _form = filtered_applications(fixed_user, query)
        fixed_user.has_perm("accounts.view_secret_tier")  # role facts loaded once, as within one request

        def rows(prepared=prepared, data=data, cursor=cursor):
            found = page_of(prepared.all(), data, cursor).rows
            present(found, register_lists())  # labels as the page attaches them
            return [row.pk for row in found]

        def sql(raw=raw, values=values):
            with connection.cursor() as db:
                db.execute(raw, values)
                return [row[0] for row in db.fetchall()[:PAGE_SIZE]]

        assert orm() == sql() == rows(), f"{name}: the ORM and the SQL return different rows"
        page()  # the session's first request records activity (at most once a minute): not a read to judge
        counted: list[str] = []

        def count(execute, sql, *rest, counted=counted):
            counted.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            page()
        writes = [q for q in counted if q.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
        assert not writes, f"{name}: a page read wrote to the database: {writes}"
        page_p50, page_p95 = timed(page, args.runs)
        orm_p50, orm_p95 = timed(orm, args.runs)
        rows_p50, rows_p95 = timed(rows, args.runs)
        sql_p50, sql_p95 = timed(sql, args.runs)
        print(f"\n{name}: {len(sql())} rows on the page, {len(counted)} queries per page, no writes")
        print(
            f"  page (server: middleware, scoping, queries, template)  p50 {page_p50:7.2f} ms  p95 {page_p95:7.2f} ms"
        )
        print(f"  ORM with scoping (user, roles, rows, labels)           p50 {orm_p50:7.2f} ms  p95 {orm_p95:7.2f} ms")
        print(
            f"  ORM rows (same rows as the SQL, labels attached)       p50 {rows_p50:7.2f} ms  p95 {rows_p95:7.2f} ms"
        )
        print(f"  raw SQL (hand-written, same rows)                      p50 {sql_p50:7.2f} ms  p95 {sql_p95:7.2f} ms")
        if cursor:

            def offset(values=values, deep=deep):
                with connection.cursor() as db:
                    db.execute(RAW_OFFSET, {**values, "offset": (deep["number"] - 1) * PAGE_SIZE})
                    return [row[0] for row in db.fetchall()[:PAGE_SIZE]]

            assert offset() == sql(), f"{name}: OFFSET and keyset disagree"
            offset_p50, offset_p95 = timed(offset, max(args.runs // 4, 3))
            print(
                f"  raw SQL with OFFSET instead (what paging used to cost) p50 {offset_p50:7.2f} ms"
                f"  p95 {offset_p95:7.2f} ms"
            )
        print(
            f"  ratios p50: rows/SQL {rows_p50 / sql_p50:5.2f}   ORM/SQL {orm_p50 / sql_p50:5.2f}   "
            f"page/SQL {page_p50 / sql_p50:5.2f}"
        )


def deep_cursor(user, status: str, number: int) -> dict:
    """The cursor of page `number` of the status list, as following `next` would give it
    (made from the row before the page, found once by OFFSET)."""
    fresh = User.objects.select_related("org_unit").get(pk=user.pk)
    qs, data, _form = filtered_applications(fresh, {"status": status})
    while True:  # a shorter list: its deepest page of this order of magnitude
        before = qs[(number - 1) * PAGE_SIZE - 1 : (number - 1) * PAGE_SIZE]
        if before or number <= 2:
            break
        number //= 2
    before = before[0]
    return {
        "number": number,
        "cursor": keyset(data).cursor(before, backward=False, number=number),
        "at": before.received_at,
        "id": before.pk,
    }


if __name__ == "__main__":
    main()
