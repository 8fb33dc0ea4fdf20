"""Benchmark of the reports' appeal measures at 1 M applications (run by hand, not in the test suite).

    .venv/bin/python bench/reports_dataset.py            # PostgreSQL at 127.0.0.1:5432, db ombuds_bench_reports
    DATABASE_URL=postgres://… .venv/bin/python bench/reports_dataset.py --runs 10 --year 2025

It makes the database when it is not there (migrate, the demo staff, then `generate_data
--applications 1000000 --places 0 --visits 0`: about an hour on a busy 2-core machine), then
for one year times every registered measure under `applications.` as the dataset computes it
(`Measure.compute`, the path of `measures.compute_all`) against the same figure written by hand in
SQL (one statement per measure), checks that both give the same numbers, and prints p50/p95 of
each and the ratio of the sums (target ≤ 1.5). Every `applications.` measure has its statement here; one added
without is timed alone and listed as not compared.
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

# The deadlines (core.Deadline) started on appeals in the period, with their rule's code.
TERMS = (
    "FROM core_deadline d JOIN core_deadlinerule r ON r.id = d.rule_id "
    "JOIN django_content_type t ON t.id = d.content_type_id "
    "WHERE t.app_label = 'complaints' AND t.model = 'application' AND r.code = ANY(%(rules)s) "
    "AND d.started_at >= %(since)s AND d.started_at < %(until)s"
)
# Each authority's A3 group (authority_groups): its kind and the codes and kinds up its chain of parents.
GROUPS = """
WITH RECURSIVE up(id, anc) AS (
    SELECT id, id FROM core_authority
    UNION SELECT u.id, a.parent_id FROM up u JOIN core_authority a ON a.id = u.anc WHERE a.parent_id IS NOT NULL
), grp(id, name) AS (
    SELECT s.id, CASE
        WHEN s.kind = 'court' THEN 'court'
        WHEN s.kind = 'prosecution' THEN 'prosecutor'
        WHEN bool_or(x.code = 'road_police') THEN 'traffic_police'
        WHEN s.code = 'mia' OR bool_or(x.code = 'baku_police') THEN 'police'
        WHEN bool_or(x.code = 'mia') THEN 'other_mia'
        WHEN s.kind = 'local_executive' THEN 'local_executive'
        WHEN s.kind = 'municipality' THEN 'municipality'
        WHEN bool_or(x.kind = 'ministry') THEN 'ministries'
        WHEN s.kind IN ('state_committee', 'state_service', 'agency') THEN 'central'
        ELSE 'other' END
    FROM core_authority s JOIN up u ON u.id = s.id JOIN core_authority x ON x.id = u.anc GROUP BY s.id
)"""
SQL.update(
    {
        "applications.admissibility": (
            "SELECT CASE WHEN decided_at IS NULL OR decided_at >= %(until)s THEN 'pending' "  # noqa: S608
            "WHEN refusal_ground = ANY(%(grounds)s) THEN 'refused_' || refusal_ground "
            "WHEN status = 'refused' THEN 'refused_not_recorded' "
            "WHEN referred_to_id IS NOT NULL THEN 'referred' ELSE 'accepted' END, count(*) "
            f"FROM complaints_application WHERE {IN_PERIOD} GROUP BY 1"
        ),
        "applications.outcome": (
            "SELECT CASE WHEN concluded_at < %(until)s AND outcome = ANY(%(outcomes)s) THEN outcome "  # noqa: S608
            f"ELSE 'pending' END, count(*) FROM complaints_application WHERE {IN_PERIOD} "
            "AND decided_at < %(until)s AND refusal_ground = '' AND referred_to_id IS NULL "
            "AND status <> 'refused' GROUP BY 1"
        ),
        "applications.by_age": (
            "SELECT CASE WHEN p.birth_date IS NULL OR p.birth_date > b.on THEN NULL "  # noqa: S608
            "WHEN date_part('year', age(b.on, p.birth_date)) <= 17 THEN '0_17' "
            "WHEN date_part('year', age(b.on, p.birth_date)) <= 29 THEN '18_29' "
            "WHEN date_part('year', age(b.on, p.birth_date)) <= 44 THEN '30_44' "
            "WHEN date_part('year', age(b.on, p.birth_date)) <= 59 THEN '45_59' ELSE '60_plus' END, count(*) "
            "FROM complaints_application a "
            "CROSS JOIN LATERAL (SELECT (a.received_at AT TIME ZONE 'Asia/Baku')::date AS on) b "
            f"LEFT JOIN complaints_party p ON p.id = a.applicant_id WHERE a.{IN_PERIOD} GROUP BY 1"
        ),
        "applications.by_minor": (
            "SELECT CASE WHEN a.applicant_id IS NULL THEN NULL WHEN p.is_minor THEN 'minor' "  # noqa: S608
            "ELSE 'not_minor' END, count(*) FROM complaints_application a "
            f"LEFT JOIN complaints_party p ON p.id = a.applicant_id WHERE a.{IN_PERIOD} GROUP BY 1"
        ),
        "applications.by_on_behalf": (
            "SELECT CASE WHEN on_behalf THEN 'on_behalf' ELSE 'own' END, count(*) "  # noqa: S608
            f"FROM complaints_application WHERE {IN_PERIOD} GROUP BY 1"
        ),
        "applications.by_respondent": (
            f"{GROUPS}, counted(id, cat) AS ("  # noqa: S608
            " SELECT a.id, CASE WHEN r.authority_id IS NULL THEN NULL WHEN g.name <> 'court' THEN g.name"
            " WHEN a.about_court_delay THEN 'courts_delay' ELSE 'courts_other' END"
            " FROM complaints_application a"
            " LEFT JOIN complaints_application_respondents r ON r.application_id = a.id"
            f" LEFT JOIN grp g ON g.id = r.authority_id WHERE a.{IN_PERIOD}"
            ") SELECT cat, count(DISTINCT id) FROM counted GROUP BY 1"
            " UNION ALL SELECT 'total', count(DISTINCT id) FROM counted"
        ),
        "applications.by_right": (
            "WITH counted(id, cat) AS (SELECT a.id, t.code FROM complaints_application a "  # noqa: S608
            "LEFT JOIN complaints_application_rights r ON r.application_id = a.id "
            f"LEFT JOIN complaints_righttopic t ON t.id = r.righttopic_id WHERE a.{IN_PERIOD}) "
            "SELECT cat, count(DISTINCT id) FROM counted GROUP BY 1 "
            "UNION ALL SELECT 'total', count(DISTINCT id) FROM counted"
        ),
        "applications.concluded": (
            "SELECT outcome, count(*) FROM complaints_application "
            "WHERE concluded_at >= %(since)s AND concluded_at < %(until)s GROUP BY 1"
        ),
        "applications.rights_restored": (
            "SELECT 'total', count(*) FROM complaints_application "
            "WHERE rights_restored AND concluded_at >= %(since)s AND concluded_at < %(until)s"
        ),
        "applications.with_measures": (
            "WITH counted(id, cat) AS (SELECT application_id, kind FROM complaints_measure "
            "WHERE taken_at >= %(since)s AND taken_at < %(until)s) "
            "SELECT cat, count(DISTINCT id) FROM counted GROUP BY 1 "
            "UNION ALL SELECT 'total', count(DISTINCT id) FROM counted"
        ),
        "applications.timeliness": (
            "SELECT r.code || '|' || CASE WHEN d.status = 'cancelled' THEN 'cancelled' "  # noqa: S608
            "WHEN d.closed_at IS NOT NULL AND d.closed_at <= d.due_at THEN 'met' "
            "WHEN d.closed_at IS NOT NULL THEN 'late' WHEN d.due_at < now() THEN 'overdue' "
            f"ELSE 'running' END, count(*) {TERMS} GROUP BY 1"
        ),
        "applications.extended": f"SELECT r.code, count(*) {TERMS} AND d.extensions > 0 GROUP BY 1",  # noqa: S608
        # round() of a double rounds half to even, as Python's round() of statistics.median does.
        "applications.median_days": (
            "WITH closed(cat, days) AS (SELECT r.code, (d.closed_at AT TIME ZONE 'Asia/Baku')::date "  # noqa: S608
            f"- (d.started_at AT TIME ZONE 'Asia/Baku')::date {TERMS} "
            "AND d.closed_at IS NOT NULL AND d.status <> 'cancelled') "
            "SELECT cat, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::int FROM closed GROUP BY 1 "
            "UNION ALL SELECT 'total', coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::int, 0) "
            "FROM closed"
        ),
        "applications.in_person": (
            "SELECT u.code, count(*) FROM complaints_application a "  # noqa: S608
            f"JOIN accounts_orgunit u ON u.id = a.unit_id WHERE a.{IN_PERIOD} AND a.channel = ANY(%(in_person)s) "
            "GROUP BY 1"
        ),
    }
)


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

    from ombuds.complaints import choices as cc
    from ombuds.reports.measures import REGISTRY, Period
    from ombuds.reports.measures.applications_outcome import APPLICATION_RULES, IN_PERSON

    year = args.year or timezone.localdate().year - 1
    period = Period.year(year)
    params = {
        "since": period.since,
        "until": period.until,
        "grounds": list(cc.RefusalGround.values),
        "outcomes": list(cc.Outcome.values),
        "rules": APPLICATION_RULES,
        "in_person": [str(channel) for channel in IN_PERSON],
    }
    keys = sorted(key for key in REGISTRY if key.startswith("applications."))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM complaints_application")
        print(f"{cursor.fetchone()[0]:,} applications; year {year}; {args.runs} runs; {len(keys)} measures")

    def by_sql(key: str) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(SQL[key], params)
            rows = cursor.fetchall()
        # A zero is left out on both sides (a category nobody falls in has no row here); a total never is.
        return {("not_recorded" if cat in (None, "") else str(cat)): n for cat, n in rows if n or cat == "total"}

    print(f"{'measure':34} {'ORM p50':>8} {'p95':>8} {'SQL p50':>8} {'p95':>8} {'ratio':>6}")
    orm_sum = sql_sum = alone = 0.0
    missing = []
    ratios: dict[str, float] = {}
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
        if not frozen["additive"] or "total" in values:  # a distinct-record total, or the only figure
            expected["total"] = frozen["total"]
        assert counted == expected, f"{key}: SQL {counted} ≠ measure {expected}"
        sql50, sql95 = timed(lambda k=key: by_sql(k), args.runs)
        orm_sum += orm50
        sql_sum += sql50
        ratios[key] = orm50 / sql50
        print(f"{key:34} {orm50:8.1f} {orm95:8.1f} {sql50:8.1f} {sql95:8.1f} {orm50 / sql50:6.2f}")
    ratio = orm_sum / sql_sum if sql_sum else float("nan")
    verdict = "meets" if ratio <= 1.5 else "MISSES"
    print(f"compared: ORM {orm_sum:.1f} ms, SQL {sql_sum:.1f} ms, ratio {ratio:.2f} ({verdict} the target ≤ 1.5)")
    low, high = min(ratios, key=ratios.get), max(ratios, key=ratios.get)
    print(f"per measure: from {ratios[low]:.2f} ({low}) to {ratios[high]:.2f} ({high}); {len(ratios)} compared")
    if missing:
        print(f"not compared (no hand-written SQL here): {', '.join(missing)} — {alone:.1f} ms p50 together")


if __name__ == "__main__":
    main()
