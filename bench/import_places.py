"""Benchmark of the places import against PostgreSQL's COPY of the same rows (run by hand).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench .venv/bin/python manage.py migrate
    DATABASE_URL=… .venv/bin/python bench/import_places.py --rows 50000

Writes N place rows as the import's CSV, then times, in turns (--runs):

- the whole import (`core.imports.start_import` in the foreground: hash, store, count, check every
  row, look up district and authority, write in committed batches, audit);
- COPY of the same rows, already resolved to the table's columns (ids, region, timestamps; built
  before the clock starts), into a scratch copy of `monitoring_place` with its indexes, checks and
  foreign keys: what PostgreSQL itself needs to store these rows in this schema. The ratio
  import/COPY against it is the target (≥ 0.2);
- for information, COPY of the raw CSV into a table of text columns (no indexes, no keys).

Prints rows/s of each, the ratios and queries per 1,000 rows. The places and the import record
it creates are deleted afterwards; the audit events stay (append-only).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.files import File  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from ombuds.core.imports import start_import  # noqa: E402
from ombuds.core.models import Authority, District, Import  # noqa: E402
from ombuds.monitoring.importer import AUTHORITY_BY_TEXT  # noqa: E402
from ombuds.monitoring.models import Place  # noqa: E402

HEADER = [
    "name_en",
    "name_az",
    "name_ru",
    "type",
    "supervising_authority",
    "district_code",
    "capacity",
    "source",
    "note",
]
TYPES = ["penitentiary", "pretrial_isolator", "police_division", "psychiatric_hospital", "children_home"]


def write_csv(path: Path, rows: int, tag: str) -> None:
    rng = random.Random(7)  # noqa: S311 - synthetic data
    codes = list(District.objects.values_list("code", flat=True))
    authorities = list(AUTHORITY_BY_TEXT)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for i in range(rows):
            writer.writerow(
                [
                    f"Bench place {tag}-{i}",
                    f"Sınaq yeri {tag}-{i}",
                    f"Тестовое место {tag}-{i}",
                    rng.choice(TYPES),
                    rng.choice(authorities).title(),
                    rng.choice(codes),
                    rng.randint(10, 3000),
                    "bench",
                    "",
                ]
            )


def time_import(path: Path) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries, path.open("rb") as handle:
        started = time.perf_counter()
        imp = start_import(None, "places", File(handle, name=path.name), background=False)
        elapsed = time.perf_counter() - started
    assert imp.state == "done" and imp.rejected_count == 0, (imp.state, imp.message)
    with transaction.atomic():
        Place.objects.filter(source="bench").delete()
        imp.delete()
    return elapsed, len(queries)


def _copy(table: str, sql_options: str, data: bytes) -> float:
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} FROM STDIN {sql_options}") as copy:
            for start in range(0, len(data), 1 << 20):
                copy.write(data[start : start + (1 << 20)])
    return time.perf_counter() - started


def time_copy_raw(path: Path) -> float:
    columns = ", ".join(f"{name} text" for name in HEADER)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS bench_copy_raw; CREATE TABLE bench_copy_raw ({columns})")
    elapsed = _copy("bench_copy_raw", "(FORMAT csv, HEADER true)", path.read_bytes())
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_copy_raw")
    return elapsed


COLUMNS = [
    "public_id",
    "created_at",
    "updated_at",
    "name_az",
    "name_en",
    "name_ru",
    "place_type",
    "authority_id",
    "district_id",
    "region_id",
    "address",
    "capacity",
    "categories",
    "is_active",
    "source",
    "note",
    "next_due_on",
]


def resolved(path: Path) -> bytes:
    """The file's rows as the table stores them (COPY text format), built before timing."""
    districts = {d.code: d for d in District.objects.all()}
    authorities = dict(Authority.objects.values_list("code", "pk"))
    now, today = timezone.now().isoformat(), timezone.localdate().isoformat()
    lines = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            district = districts[row["district_code"]]
            authority = authorities.get(AUTHORITY_BY_TEXT.get(row["supervising_authority"].lower(), ""))
            values = [uuid.uuid4().hex, now, now, row["name_az"], row["name_en"], row["name_ru"], row["type"]]
            values += [str(authority) if authority else "\\N", str(district.pk), str(district.region_id), ""]
            values += [row["capacity"], "", "t", row["source"], row["note"], today]
            lines.append("\t".join(values))
    return ("\n".join(lines) + "\n").encode()


def time_copy_table(path: Path) -> float:
    """COPY into a scratch copy of monitoring_place: same columns, indexes, checks and foreign keys."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TABLE IF EXISTS bench_copy_place; CREATE TABLE bench_copy_place (LIKE monitoring_place INCLUDING ALL)"
        )
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'monitoring_place'::regclass AND contype = 'f'"
        )
        for name, definition in cursor.fetchall():
            cursor.execute(f"ALTER TABLE bench_copy_place ADD CONSTRAINT bench_{name} {definition}")
    data = resolved(path)
    elapsed = _copy(f"bench_copy_place ({', '.join(COLUMNS)})", "", data)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_copy_place")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("this benchmark compares with PostgreSQL's COPY: set DATABASE_URL to a PostgreSQL database")
    reset_queries()
    imports, copies, raws, queries = [], [], [], 0
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            path = Path(folder) / f"places-{run}.csv"
            write_csv(path, args.rows, f"{os.getpid()}-{run}")
            copies.append(time_copy_table(path))
            elapsed, queries = time_import(path)
            imports.append(elapsed)
            raws.append(time_copy_raw(path))
    rate_import = args.rows / statistics.median(imports)
    rate_copy = args.rows / statistics.median(copies)
    rate_raw = args.rows / statistics.median(raws)
    print(f"places import: {args.rows} rows, {args.runs} runs (median)")
    per_thousand = queries / args.rows * 1000
    print(f"  import                          {rate_import:10,.0f} rows/s ({per_thousand:.1f} queries/1,000 rows)")
    print(f"  COPY into a copy of the table   {rate_copy:10,.0f} rows/s")
    print(f"  COPY of the raw CSV (text)      {rate_raw:10,.0f} rows/s")
    print(f"  ratio import/COPY {rate_import / rate_copy:.2f} (target ≥ 0.2)")
    print(f"  ratio import/raw text COPY {rate_import / rate_raw:.2f} (for information)")
    Import.objects.filter(kind="places", file_name__startswith="places-").delete()


if __name__ == "__main__":
    main()
