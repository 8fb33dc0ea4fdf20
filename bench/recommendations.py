"""Benchmark of the recommendations register and its implementation rates at scale (run by hand,
not in the test suite).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_recs .venv/bin/python manage.py migrate
    DATABASE_URL=… OMBUDS_DEMO=1 .venv/bin/python manage.py seed_demo --applications 0
    DATABASE_URL=… .venv/bin/python manage.py generate_data --applications 20000 --places 5000 \
        --visits 50000 --recommendations 500000
    DATABASE_URL=… .venv/bin/python bench/recommendations.py --runs 20

For the register list `/recommendations/` (50 rows, newest first) as the Commissioner (every
recommendation), the Commissioner's open ones, one authority's overdue ones, and a regional officer
(the scope: region, unit, responsible, visit team, case assignee) it prints p50/p95 of the whole page
(Django test client: middleware, scoping, queries, template), the ORM rows alone, and hand-written
SQL returning the same rows, and the ratios. For the implementation rates (every breakdown: by
authority, place, type of place, thematic area, right, kind, year, and the total) it times the rates
module and the page `/recommendations/rates/` (when it exists) against one hand-written SQL query
with GROUPING SETS producing the same figures, checked equal first.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.timing import timed  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["OMBUDS_DEMO"] = "1"  # demo accounts sign in without a second factor

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from ombuds.accounts.models import User  # noqa: E402
from ombuds.core.models import Authority  # noqa: E402
from ombuds.monitoring.models import Place  # noqa: E402
from ombuds.recommendations import listing, rates  # noqa: E402

LIST = """
SELECT r.id, r.public_id, r.number, r.source, r.report_title, r.addressee_id, r.text_az, r.text_en, r.text_ru,
       r.status, r.due_date, r.repeats_id, r.is_published, v.planned_date, v.arrival_at, p.name_az, p.name_en,
       p.name_ru, a.number,
       EXISTS (SELECT 1 FROM recommendations_recommendation x WHERE x.repeats_id = r.id) AS was_repeated
FROM recommendations_recommendation r
LEFT JOIN monitoring_visit v ON v.id = r.visit_id
LEFT JOIN monitoring_place p ON p.id = v.place_id
LEFT JOIN complaints_application a ON a.id = r.application_id
WHERE {where}
ORDER BY r.year DESC, r.sequence DESC, r.id DESC
LIMIT 51
"""
EVERYTHING = "TRUE"
OPEN = "r.status NOT IN ('draft', 'implemented', 'no_longer_relevant')"
OVERDUE = (
    "r.addressee_id = %(addressee)s AND r.due_date < %(today)s"
    " AND r.status NOT IN ('draft', 'implemented', 'no_longer_relevant')"
)
REGIONAL = """(r.responsible_id = %(user)s OR r.unit_id = %(unit)s OR r.region_id = %(region)s
       OR EXISTS (SELECT 1 FROM monitoring_teammember t WHERE t.visit_id = r.visit_id AND t.user_id = %(user)s)
       OR EXISTS (SELECT 1 FROM complaints_application c WHERE c.id = r.application_id
                  AND c.assignee_id = %(user)s))"""

# Every breakdown of the rates in one pass over the issued recommendations.
RATES = """
WITH places AS (
    SELECT recommendation_id, min(place_id) AS lo, max(place_id) AS hi
    FROM recommendations_recommendation_places GROUP BY recommendation_id
), issued AS (
    SELECT au.code AS authority, CASE WHEN pl.lo IS NULL THEN -1 WHEN pl.lo = pl.hi THEN pl.lo ELSE 0 END AS place,
           r.place_type, r.area, rt.code AS right_code, r.kind, EXTRACT(YEAR FROM r.issued_on)::int AS year, r.status
    FROM recommendations_recommendation r
    JOIN core_authority au ON au.id = r.addressee_id
    LEFT JOIN places pl ON pl.recommendation_id = r.id
    LEFT JOIN complaints_righttopic rt ON rt.id = r.right_id
    WHERE r.status <> 'draft' AND r.issued_on IS NOT NULL
)
SELECT GROUPING(authority), GROUPING(place), GROUPING(place_type), GROUPING(area), GROUPING(right_code),
       GROUPING(kind), GROUPING(year),
       authority, place, place_type, area, right_code, kind, year, status, count(*)
FROM issued
GROUP BY GROUPING SETS ((authority, status), (place, status), (place_type, status), (area, status),
                        (right_code, status), (kind, status), (year, status), (status))
"""
BREAKDOWN_KEYS = ("authority", "place", "place_type", "area", "right", "kind", "year")


def rates_sql() -> dict:
    """{breakdown: {key: {measure: n}}} from the hand-written query ("total" for the whole)."""
    figures: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    with connection.cursor() as db:
        db.execute(RATES)
        for row in db.fetchall():
            flags, keys, status, n = row[:7], row[7:14], row[14], row[15]
            grouped = [i for i, flag in enumerate(flags) if flag == 0]
            name = BREAKDOWN_KEYS[grouped[0]] if grouped else "total"
            key = "" if not grouped or keys[grouped[0]] is None else str(keys[grouped[0]])
            figures[name][key][rates._MEASURE_OF[status]] += n
    return figures


def rates_orm(place_ids: dict[str, str] | None = None) -> dict:
    """The same figures from the rates module (place keys turned into ids to compare)."""
    figures: dict = {"total": {"": dict(rates.summary().counts)}}
    special = {rates.SEVERAL_PLACES: "0", rates.NO_PLACE: "-1"}
    for breakdown in rates.all_breakdowns():
        rows = {}
        for row in breakdown.rows:
            key = row.key
            if breakdown.key == "place" and place_ids is not None:
                key = special.get(key) or place_ids[key]
            rows[key] = dict(row.counts)
        figures[breakdown.key] = rows
    return figures


def _plain(figures: dict) -> dict:
    return {b: {k: {m: n for m, n in c.items() if n} for k, c in rows.items()} for b, rows in figures.items()}


def bench_list(args, client_for) -> None:
    commissioner = User.objects.select_related("org_unit").get(username="commissioner")
    officer = User.objects.select_related("org_unit").get(username=args.officer)
    busiest = (listing.Recommendation.objects.values("addressee_id").annotate(n=Count("pk")).order_by("-n"))[0][
        "addressee_id"
    ]
    code = Authority.objects.get(pk=busiest).code
    values = {
        "user": officer.pk,
        "unit": officer.org_unit_id,
        "region": officer.org_unit.region_id,
        "addressee": busiest,
        "today": timezone.localdate(),
    }
    cases = [
        ("Commissioner, every recommendation, newest first", commissioner, {}, EVERYTHING),
        ("Commissioner, open ones", commissioner, {"status": "open"}, OPEN),
        (
            f"Commissioner, overdue of the busiest addressee ({code})",
            commissioner,
            {"addressee": code, "overdue": "on"},
            OVERDUE,
        ),
        (f"regional officer ({officer.username}), own scope", officer, {}, REGIONAL),
    ]
    for name, user, query, where in cases:
        client = client_for(user)
        url = reverse("recommendations:list") + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
        raw = LIST.format(where=where)
        fixed = User.objects.select_related("org_unit").get(pk=user.pk)
        lists = listing.register_lists()
        prepared, data, _form = listing.filtered(fixed, query, lists)

        def page(client=client, url=url):
            assert client.get(url).status_code == 200

        def rows(prepared=prepared, data=data, lists=lists):
            found = listing.page_of(prepared.all(), data, None).rows
            listing.present(found, lists)
            return [row.pk for row in found]

        def sql(raw=raw):
            with connection.cursor() as db:
                db.execute(raw, values)
                return [row[0] for row in db.fetchall()[: listing.PAGE_SIZE]]

        assert rows() == sql(), f"{name}: the ORM and the SQL return different rows"
        page()
        counted: list[str] = []

        def count(execute, sql, *rest, counted=counted):
            counted.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            page()
        page_p50, page_p95 = timed(page, args.runs)
        rows_p50, rows_p95 = timed(rows, args.runs)
        sql_p50, sql_p95 = timed(sql, args.runs)
        print(f"\nlist: {name}: {len(sql())} rows, {len(counted)} queries per page")
        print(
            f"  page (server: middleware, scoping, queries, template)  p50 {page_p50:8.2f} ms  p95 {page_p95:8.2f} ms"
        )
        print(
            f"  ORM rows (same rows as the SQL, labels attached)       p50 {rows_p50:8.2f} ms  p95 {rows_p95:8.2f} ms"
        )
        print(f"  raw SQL (hand-written, same rows)                      p50 {sql_p50:8.2f} ms  p95 {sql_p95:8.2f} ms")
        print(f"  ratios p50: rows/SQL {rows_p50 / sql_p50:6.2f}   page/SQL {page_p50 / sql_p50:6.2f}")


def bench_rates(args, client_for) -> None:
    commissioner = User.objects.get(username="commissioner")
    ids = {str(p): str(pk) for pk, p in Place.objects.values_list("pk", "public_id")}
    assert _plain(rates_orm(ids)) == _plain(rates_sql()), "the rates module and the SQL give different figures"
    total = sum(rates.summary().counts.values())
    orm_p50, orm_p95 = timed(lambda: rates_orm(), args.runs)
    sql_p50, sql_p95 = timed(rates_sql, args.runs)
    print(f"\nrates: every breakdown and the total over {total:,} issued recommendations (figures equal)")
    try:
        url = reverse("recommendations:rates")
    except NoReverseMatch:
        url = ""
    if url:
        client = client_for(commissioner)

        def page():
            assert client.get(url).status_code == 200

        page()
        page_p50, page_p95 = timed(page, args.runs)
        print(f"  page {url} (Commissioner)         p50 {page_p50:8.2f} ms  p95 {page_p95:8.2f} ms")
    else:
        print("  page /recommendations/rates/: not in this version (only the rates module is timed)")
    print(f"  rates module (all breakdowns + total, ORM)          p50 {orm_p50:8.2f} ms  p95 {orm_p95:8.2f} ms")
    print(f"  raw SQL (one GROUPING SETS query, same figures)     p50 {sql_p50:8.2f} ms  p95 {sql_p95:8.2f} ms")
    ratios = f"  ratios p50: module/SQL {orm_p50 / sql_p50:6.2f}"
    if url:
        ratios += f"   page/SQL {page_p50 / sql_p50:6.2f}"
    print(ratios)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--officer", default="officer.ganja")
    parser.add_argument("--only", choices=["list", "rates"], default=None)
    args = parser.parse_args()
    with connection.cursor() as db:
        db.execute("SELECT count(*) FROM recommendations_recommendation")
        print(f"database: {connection.vendor}, recommendations: {db.fetchone()[0]:,}")

    def client_for(user):
        client = Client()
        client.force_login(user)
        return client

    if args.only in (None, "list"):
        bench_list(args, client_for)
    if args.only in (None, "rates"):
        bench_rates(args, client_for)


if __name__ == "__main__":
    main()
