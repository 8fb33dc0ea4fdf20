"""Benchmark of the register's full-text search at scale (run by hand, not in the test suite).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench .venv/bin/python manage.py migrate
    DATABASE_URL=… OMBUDS_DEMO=1 .venv/bin/python manage.py seed_demo --applications 0
    DATABASE_URL=… .venv/bin/python manage.py generate_data --applications 1000000
    DATABASE_URL=… .venv/bin/python bench/search.py --runs 30

For a common word (in about a third of the summaries), a rare one (about one in 6,000: the
generator's RARE_WORDS) and an absent one, searched by a regional officer (scoped), it prints
p50/p95 of: the whole page as the server renders it (Django test client), the search's ORM query
(scoping, the word and name indexes, the first page of rows) and hand-written SQL returning the
same rows. The SQL is written both ways a person would — walking the date index and testing each
row, or reading the GIN index's matches first — and the faster of the two is the reference: the
ratios page/SQL and ORM/SQL are against the best plan for that word. Target: page/SQL ≤ 2.
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
from ombuds.complaints import listing  # noqa: E402
from ombuds.complaints.models import Application  # noqa: E402
from ombuds.complaints.tokens import query_digests  # noqa: E402

# Both also find the applications holding the word's digest in the blind index (a secret-tier
# summary, a name), as the register does.
# The planner's usual choice for ORDER BY … LIMIT: newest first along the date index, testing each row.
RAW_WALK = """
SELECT a.id, a.number, a.received_at, a.channel, a.status, u.name_az, d.name_az
FROM complaints_application a
JOIN accounts_orgunit u ON u.id = a.unit_id
JOIN core_district d ON d.id = a.district_id
WHERE (((a.assignee_id = %(user)s OR a.region_id = %(region)s) AND NOT a.is_secret)
       OR (a.is_secret AND a.assignee_id = %(user)s))
  AND ((NOT a.is_secret AND to_tsvector('simple'::regconfig, COALESCE(a.summary, ''))
                               @@ websearch_to_tsquery('simple'::regconfig, %(q)s))
       OR EXISTS (SELECT 1 FROM complaints_searchtoken t WHERE t.application_id = a.id AND t.digest = %(digest)s))
ORDER BY a.received_at DESC, a.id DESC
LIMIT 51
"""
# The matches first, from the GIN and word indexes, then sorted.
RAW_GIN = """
WITH matched AS MATERIALIZED (
  SELECT id FROM complaints_application
  WHERE NOT is_secret
    AND to_tsvector('simple'::regconfig, COALESCE(summary, '')) @@ websearch_to_tsquery('simple'::regconfig, %(q)s)
  UNION
  SELECT application_id FROM complaints_searchtoken WHERE digest = %(digest)s
)
SELECT a.id, a.number, a.received_at, a.channel, a.status, u.name_az, d.name_az
FROM matched m
JOIN complaints_application a ON a.id = m.id
JOIN accounts_orgunit u ON u.id = a.unit_id
JOIN core_district d ON d.id = a.district_id
WHERE (((a.assignee_id = %(user)s OR a.region_id = %(region)s) AND NOT a.is_secret)
       OR (a.is_secret AND a.assignee_id = %(user)s))
ORDER BY a.received_at DESC, a.id DESC
LIMIT 51
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--user", default="officer.ganja")
    parser.add_argument("--common", default="pensiya")
    parser.add_argument("--rare", default="kirayə")
    parser.add_argument("--absent", default="xylofon")
    args = parser.parse_args()

    user = User.objects.select_related("org_unit").get(username=args.user)
    client = Client()
    client.force_login(user)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM complaints_application")
        total = cursor.fetchone()[0]
    print(f"database: {connection.vendor}, applications: {total:,}, user: {user.username}")
    print(f"a word is searched through the GIN index first when the planner expects ≤ {listing.RARE_MATCHES:,} matches")

    for label, word in (("common", args.common), ("rare", args.rare), ("absent", args.absent)):
        (digest,) = query_digests(word)  # one word, one digest
        params = {"user": user.pk, "region": user.org_unit.region_id, "q": word, "digest": digest}
        url = f"/complaints/?{urlencode({'q': word})}"

        def page(url=url):
            assert client.get(url).status_code == 200

        def orm(word=word):
            fresh = User.objects.select_related("org_unit").get(pk=user.pk)
            qs = listing.search(Application.objects.visible_to(fresh), word)
            return [row.pk for row in qs.order_by(*listing.SORTS["newest"]).only(*listing.LIST_FIELDS)[:51]][:50]

        def sql(raw, params=params):
            with connection.cursor() as cursor:
                cursor.execute(raw, params)
                return [row[0] for row in cursor.fetchall()[:50]]

        rows = orm()
        assert rows == sql(RAW_WALK) == sql(RAW_GIN), f"{label}: the ORM and the SQL return different rows"
        # Counted on a warm page: the session's first request records activity and each process builds
        # the reference lists once; the first word measured paid for both (17 queries against 7).
        page()
        counted: list[str] = []

        def count(execute, sql, *rest, counted=counted):
            counted.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            page()
        writes = [q for q in counted if q.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
        assert not writes, f"{label}: a page read wrote to the database: {writes}"
        page_p50, page_p95 = timed(page, args.runs)
        orm_p50, orm_p95 = timed(orm, args.runs)
        walk_p50, walk_p95 = timed(lambda: sql(RAW_WALK), args.runs)
        gin_p50, gin_p95 = timed(lambda: sql(RAW_GIN), args.runs)
        best = min(walk_p50, gin_p50)
        print(f"\n{label} word {word!r}: {len(rows)} rows on the first page, {len(counted)} queries per page")
        print(
            f"  page (server: middleware, scoping, queries, template)  p50 {page_p50:8.2f} ms  p95 {page_p95:8.2f} ms"
        )
        print(f"  ORM search (estimate, scoping, first page of rows)     p50 {orm_p50:8.2f} ms  p95 {orm_p95:8.2f} ms")
        print(
            f"  raw SQL walking the date index                         p50 {walk_p50:8.2f} ms  p95 {walk_p95:8.2f} ms"
        )
        print(f"  raw SQL reading the GIN matches first                  p50 {gin_p50:8.2f} ms  p95 {gin_p95:8.2f} ms")
        print(f"  ratios p50 against the faster SQL: ORM/SQL {orm_p50 / best:5.2f}   page/SQL {page_p50 / best:5.2f}")


if __name__ == "__main__":
    main()
