"""Benchmark of the reports' appeal measures at 1 M applications (run by hand, not in the test suite).

    .venv/bin/python bench/reports_dataset.py            # PostgreSQL at 127.0.0.1:5432, db ombuds_bench_reports
    DATABASE_URL=postgres://… .venv/bin/python bench/reports_dataset.py --runs 10 --year 2025

It makes the database when it is not there (migrate, the demo staff, then `generate_data
--applications 1000000 --places 0 --visits 0`: about an hour on a busy 2-core machine), then
for one year times every registered measure under `applications.` as the dataset computes it
(`Measure.compute`, the path of `measures.compute_all`) against the same figure written by hand in
SQL (one statement per measure), checks that both give the same numbers, and prints p50/p95 of
each and the ratio of the sums (target ≤ 1.5). A measure without a hand-written statement here is
timed alone and listed as not compared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.timing import timed  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ombuds_bench_reports"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
WANTED = 1_000_000

# The appeals received in the period: [since, until) in absolute time (Baku midnight to midnight).
IN_PERIOD = "received_at >= %(since)s AND received_at < %(until)s"
# One statement per measure: rows of (category, count); a total is one row with category "total".
SQL = {
    "applications.total": f"SELECT 'total', count(*) FROM complaints_application WHERE {IN_PERIOD}",  # noqa: S608
    "applications.by_type": f"SELECT app_type, count(*) FROM complaints_application WHERE {IN_PERIOD} GROUP BY 1",  # noqa: S608
    "applications.by_channel": f"SELECT channel, count(*) FROM complaints_application WHERE {IN_PERIOD} GROUP BY 1",  # noqa: S608
    "applications.by_month": (
        "SELECT extract(month FROM received_at AT TIME ZONE 'Asia/Baku')::int::text, count(*) "  # noqa: S608
        f"FROM complaints_application WHERE {IN_PERIOD} GROUP BY 1"
    ),
    "applications.by_quarter": (
        "SELECT extract(quarter FROM received_at AT TIME ZONE 'Asia/Baku')::int::text, count(*) "  # noqa: S608
        f"FROM complaints_application WHERE {IN_PERIOD} GROUP BY 1"
    ),
    "applications.by_unit": (
        f"SELECT u.code, count(*) FROM complaints_application a JOIN accounts_orgunit u ON u.id = a.unit_id "  # noqa: S608
        f"WHERE a.{IN_PERIOD} GROUP BY 1"
    ),
    "applications.by_region": (
        f"SELECT r.code, count(*) FROM complaints_application a JOIN core_region r ON r.id = a.region_id "  # noqa: S608
        f"WHERE a.{IN_PERIOD} GROUP BY 1"
    ),
    "applications.by_district": (
        f"SELECT d.code, count(*) FROM complaints_application a JOIN core_district d ON d.id = a.district_id "  # noqa: S608
        f"WHERE a.{IN_PERIOD} GROUP BY 1"
    ),
    "applications.by_applicant_kind": (
        f"SELECT applicant_kind, count(*) FROM complaints_application WHERE {IN_PERIOD} GROUP BY 1"  # noqa: S608
    ),
    "applications.by_sex": (
        "SELECT p.sex, count(*) FROM complaints_application a "  # noqa: S608
        f"LEFT JOIN complaints_party p ON p.id = a.applicant_id WHERE a.{IN_PERIOD} GROUP BY 1"
    ),
    "applications.by_citizenship": (
        "SELECT p.citizenship, count(*) FROM complaints_application a "  # noqa: S608
        f"LEFT JOIN complaints_party p ON p.id = a.applicant_id WHERE a.{IN_PERIOD} GROUP BY 1"
    ),
}


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)  # noqa: S603 - fixed arguments


def ensure_data() -> int:
    """Create, migrate and fill the benchmark database unless it holds the applications already."""
    import dj_database_url
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = dj_database_url.parse(url)["NAME"]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}", flush=True)
    _manage("migrate", "--noinput", "--verbosity", "0")
    with psycopg.connect(url) as conn:
        have = conn.execute("SELECT count(*) FROM complaints_application").fetchone()[0]
        staff = conn.execute("SELECT count(*) FROM accounts_user").fetchone()[0]
    if not staff:
        subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "manage.py", "seed_demo", "--applications", "0"],
            cwd=ROOT,
            check=True,
            env={**os.environ, "OMBUDS_DEMO": "1"},
            stdout=subprocess.DEVNULL,
        )
    if have < WANTED * 0.99:
        print(f"{have:,} applications: generating {WANTED - have:,} (takes a while)", flush=True)
        _manage("generate_data", "--applications", str(WANTED - have), "--places", "0", "--visits", "0")
    return max(have, WANTED)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--year", type=int, default=None, help="default: the last whole year")
    args = parser.parse_args()
    ensure_data()

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from ombuds.reports.measures import REGISTRY, Period

    year = args.year or timezone.localdate().year - 1
    period = Period.year(year)
    params = {"since": period.since, "until": period.until}
    keys = sorted(key for key in REGISTRY if key.startswith("applications."))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM complaints_application")
        print(f"{cursor.fetchone()[0]:,} applications; year {year}; {args.runs} runs; {len(keys)} measures")

    def by_sql(key: str) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(SQL[key], params)
            return {("not_recorded" if cat in (None, "") else str(cat)): n for cat, n in cursor.fetchall()}

    print(f"{'measure':34} {'ORM p50':>8} {'p95':>8} {'SQL p50':>8} {'p95':>8} {'ratio':>6}")
    orm_sum = sql_sum = alone = 0.0
    missing = []
    for key in keys:
        measure = REGISTRY[key]
        frozen = measure.compute(period)
        orm50, orm95 = timed(lambda m=measure: m.compute(period), args.runs)
        if key not in SQL:
            missing.append(key)
            alone += orm50
            print(f"{key:34} {orm50:8.1f} {orm95:8.1f} {'—':>8} {'—':>8} {'—':>6}")
            continue
        counted = by_sql(key)
        values = frozen["values"]
        expected = {cat: n for cat, n in values.items() if n}
        if key == "applications.total":
            expected = {"total": frozen["total"]}
        assert counted == expected, f"{key}: SQL {counted} ≠ measure {expected}"
        sql50, sql95 = timed(lambda k=key: by_sql(k), args.runs)
        orm_sum += orm50
        sql_sum += sql50
        print(f"{key:34} {orm50:8.1f} {orm95:8.1f} {sql50:8.1f} {sql95:8.1f} {orm50 / sql50:6.2f}")
    ratio = orm_sum / sql_sum if sql_sum else float("nan")
    verdict = "meets" if ratio <= 1.5 else "MISSES"
    print(f"compared: ORM {orm_sum:.1f} ms, SQL {sql_sum:.1f} ms, ratio {ratio:.2f} ({verdict} the target ≤ 1.5)")
    if missing:
        print(f"not compared (no hand-written SQL here): {', '.join(missing)} — {alone:.1f} ms p50 together")


if __name__ == "__main__":
    main()
