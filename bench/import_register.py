"""Benchmark of the legacy register import against PostgreSQL's COPY of the same rows (run by hand).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench .venv/bin/python manage.py migrate
    DATABASE_URL=… OMBUDS_DEMO=1 .venv/bin/python manage.py seed_demo --applications 0
    DATABASE_URL=… .venv/bin/python bench/import_register.py --rows 50000

Writes N rows of a register as an earlier system would export it (the columns and words of the
sample mapping in docs/import/: ~6 % anonymous, ~1 % in the secret tier, ~1 % still open), then
times, in turns (--runs):

- the whole import (`core.imports.start_import` in the foreground with the sample mapping: hash,
  store, count, check and map every row, draw register numbers, encrypt what the fields encrypt,
  blind-index phones, write parties, applications and search tokens in committed batches, start
  the open cases' deadlines, audit);
- COPY of exactly the rows the import stored (parties, applications, search tokens, dumped with
  COPY TO before the clock starts) into scratch copies of those tables with their indexes, checks
  and foreign keys: what PostgreSQL itself needs to take these rows in. The ratio import/COPY is
  the target (≥ 0.2).

The imported rows are deleted afterwards; the audit events stay (append-only).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.files import File  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ombuds.core.imports import start_import  # noqa: E402
from ombuds.core.models import Import  # noqa: E402

MAPPING = json.loads((ROOT / "docs" / "import" / "legacy-register-mapping.json").read_text(encoding="utf-8"))
SURNAMES = ["Məmmədov", "Əliyeva", "Həsənov", "Hüseynova", "Quliyev", "İsmayılov", "Kərimova", "Rzayev"]
GIVEN = ["Elçin", "Aygün", "Tural", "Nərmin", "Anar", "Lalə", "Vüqar", "Günay"]
WORDS = "pensiya məhkəmə qərar icra torpaq mənzil qeydiyyat əmək haqqı məktəb polis həkim müalicə cərimə".split()
TABLES = ["complaints_party", "complaints_application", "complaints_searchtoken"]


def write_csv(path: Path, rows: int, tag: str) -> None:
    rng = random.Random(11)  # noqa: S311 - synthetic data
    header = list(MAPPING["columns"])
    values = {name: list(table) for name, table in MAPPING["values"].items()}
    closed = [word for word, status in MAPPING["values"]["status"].items() if status in ("closed", "refused")]
    open_ = [word for word, status in MAPPING["values"]["status"].items() if status == "under_consideration"]
    start = date(2001, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for i in range(rows):
            received = start + timedelta(days=i * 8000 // rows)
            anonymous, secret, still_open = rng.random() < 0.06, rng.random() < 0.01, rng.random() < 0.01
            kind = "Anonim" if anonymous else "Fiziki şəxs"
            row = {
                "Qeydiyyat nömrəsi": f"B{tag}-{i:07d}",
                "Daxil olma tarixi": f"{received:%d.%m.%Y}",
                "Daxil olma yolu": rng.choice(values["channel"]),
                "Müraciətin növü": rng.choice(values["app_type"]),
                "Vəziyyəti": rng.choice(open_ if still_open else closed),
                "Bağlanma tarixi": "" if still_open else f"{received + timedelta(days=40):%d.%m.%Y}",
                "Rayon": rng.choice(values["district"]),
                "Struktur bölmə": rng.choice(values["unit"]),
                "Müraciətçi": kind,
                "Soyadı": "" if anonymous else rng.choice(SURNAMES),
                "Adı": "" if anonymous else rng.choice(GIVEN),
                "Atasının adı": "",
                "Təşkilat": "",
                "Ünvan": "" if anonymous else f"Nizami küç. {i % 200}, Bakı",
                "Telefon": "" if anonymous else f"+994 50 {rng.randint(100, 999)} {rng.randint(10, 99)} {i % 100:02d}",
                "E-poçt": "",
                "Məxfilik": "Çox həssas" if secret else "Adi",
                "Qısa məzmun": " ".join(rng.sample(WORDS, 8)),
            }
            writer.writerow([row[name] for name in header])


def time_import(path: Path, tag: str) -> tuple[float, int, Import]:
    with CaptureQueriesContext(connection) as queries, path.open("rb") as handle:
        started = time.perf_counter()
        imp = start_import(None, "register", File(handle, name=f"B{tag}.csv"), MAPPING, background=False)
        elapsed = time.perf_counter() - started
    assert imp.state == "done" and imp.rejected_count == 0, (imp.state, imp.message, list(imp.problems.all()[:3]))
    return elapsed, len(queries), imp


def _where(table: str) -> str:
    return {
        "complaints_party": "id IN (SELECT applicant_id FROM complaints_application WHERE legacy_number LIKE %s)",
        "complaints_application": "legacy_number LIKE %s",
        "complaints_searchtoken": (
            "application_id IN (SELECT id FROM complaints_application WHERE legacy_number LIKE %s)"
        ),
    }[table]


def dump(prefix: str) -> dict[str, bytes]:
    """The stored rows of the import, in COPY's text format (not timed)."""
    data = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            query = cursor.mogrify(f"SELECT * FROM {table} WHERE {_where(table)}", [prefix + "%"])  # noqa: S608
            with cursor.cursor.copy(f"COPY ({query}) TO STDOUT") as copy:
                data[table] = b"".join(bytes(chunk) for chunk in copy)
    return data


def time_copy(data: dict[str, bytes]) -> float:
    """COPY into scratch copies of the tables: same columns, indexes, checks and foreign keys."""
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                f"DROP TABLE IF EXISTS bench_{table}; CREATE TABLE bench_{table} (LIKE {table} INCLUDING ALL)"
            )
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
                "AND contype = 'f'",
                [table],
            )
            for name, definition in cursor.fetchall():
                cursor.execute(f"ALTER TABLE bench_{table} ADD CONSTRAINT bench_{name} {definition}")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for table in TABLES:
            with cursor.cursor.copy(f"COPY bench_{table} FROM STDIN") as copy:
                copy.write(data[table])
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        for table in reversed(TABLES):
            cursor.execute(f"DROP TABLE bench_{table}")
    return elapsed


def delete(prefix: str, imp: Import) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        like = [prefix + "%"]
        apps = "SELECT id FROM complaints_application WHERE legacy_number LIKE %s"
        cursor.execute(f"DELETE FROM complaints_searchtoken WHERE application_id IN ({apps})", like)  # noqa: S608
        cursor.execute(
            f"DELETE FROM core_deadline WHERE object_id IN ({apps}) AND content_type_id = "  # noqa: S608
            "(SELECT id FROM django_content_type WHERE app_label = 'complaints' AND model = 'application')",
            like,
        )
        cursor.execute("CREATE TEMP TABLE bench_parties ON COMMIT DROP AS " + _party_ids(), like)
        cursor.execute("DELETE FROM complaints_application WHERE legacy_number LIKE %s", like)
        cursor.execute("DELETE FROM complaints_party WHERE id IN (SELECT id FROM bench_parties)")
        imp.delete()


def _party_ids() -> str:
    return (
        "SELECT applicant_id AS id FROM complaints_application WHERE legacy_number LIKE %s AND applicant_id IS NOT NULL"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("this benchmark compares with PostgreSQL's COPY: set DATABASE_URL to a PostgreSQL database")
    imports, copies, queries = [], [], 0
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            tag = f"{os.getpid()}x{run}"
            path = Path(folder) / "register.csv"
            write_csv(path, args.rows, tag)
            elapsed, queries, imp = time_import(path, tag)
            imports.append(elapsed)
            prefix = f"B{tag}-"
            copies.append(time_copy(dump(prefix)))
            delete(prefix, imp)
    rate_import = args.rows / statistics.median(imports)
    rate_copy = args.rows / statistics.median(copies)
    print(f"register import: {args.rows} rows, {args.runs} runs (median)")
    per_thousand = queries / args.rows * 1000
    print(f"  import                          {rate_import:10,.0f} rows/s ({per_thousand:.1f} queries/1,000 rows)")
    print(f"  COPY of the stored rows         {rate_copy:10,.0f} rows/s (parties, applications, search tokens)")
    print(f"  ratio import/COPY {rate_import / rate_copy:.2f} (target ≥ 0.2)")


if __name__ == "__main__":
    main()
