"""Peak memory of the exports by size (run by hand): each export runs in a subprocess of its own
and reports its peak RSS, so that the figures do not mix.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench .venv/bin/python manage.py migrate
    DATABASE_URL=… OMBUDS_DEMO=1 .venv/bin/python manage.py seed_demo --applications 0
    DATABASE_URL=… .venv/bin/python manage.py generate_data --applications 1000000
    DATABASE_URL=… .venv/bin/python bench/export_memory.py --sizes 10000,100000,1000000

Sources: `register` (the register export as the Commissioner sees it, first N rows of the
register in the database), `plan` (the action-plan spreadsheet of a synthetic plan of N items,
created once in the database and deleted afterwards), `dataset` (the statistics dataset's
download, reports' `dataset_export`, of a dataset covering every year of the register: one row
per measure and category, so a few hundred rows whatever N; run once per format, its snapshot
taken once and kept) and `synthetic` (core's writer fed N
generated register-like rows: the writer alone, up to sizes the database may not hold). For each
source, format and size it prints the rows written, peak RSS and the growth over the process's
size before the export, with the time and rows per second (the query's start included); the
target is a peak under 300 MB, flat from the smallest to the largest size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date, datetime
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
DATASET_PERIOD = (date(1990, 1, 1), date(datetime.now().year - 1, 12, 31))  # noqa: DTZ005 - calendar years
PLAN_YEAR = 2090  # synthetic plans live in years no real plan uses: 2090 + index of the size


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _drain(response) -> int:
    size = 0
    if response.streaming:
        for chunk in response.streaming_content:
            size += len(chunk)
    else:
        size = len(response.content)
    return size


def _register(fmt: str, size: int):
    from django.http import QueryDict

    from ombuds.accounts.models import User
    from ombuds.complaints import exports
    from ombuds.complaints.listing import filtered_applications
    from ombuds.core.exports import csv_response, xlsx_response

    user = User.objects.get(username="commissioner")
    qs, _filters, _form = filtered_applications(user, QueryDict(""))
    counted = {"n": 0}

    def rows():
        for row in islice(exports.rows(user, qs), size):
            counted["n"] += 1
            yield row

    if fmt == "csv":
        return csv_response("r.csv", exports.header(), rows()), counted
    return xlsx_response("r.xlsx", "Register", exports.header(), rows()), counted


def _plan(fmt: str, size: int, index: int):
    from ombuds.outreach import exports
    from ombuds.outreach.models import ActionPlan

    plan = ActionPlan.objects.get(year=PLAN_YEAR + index)
    return exports.progress_xlsx(plan), {"n": plan.items.count()}


def _dataset(fmt: str, size: int):
    """The statistics dataset's download (reports.views_datasets.dataset_export's writer) of the
    dataset covering every year in the database (one row per measure × category: a few hundred,
    whatever the register's size; the size asked for is not used). Taken once, then reused."""
    from ombuds.core.exports import Sheet, csv_response, xlsx_book_response
    from ombuds.reports import datasets as read
    from ombuds.reports.models import Dataset

    start, end = DATASET_PERIOD
    dataset = Dataset.objects.filter(period_start=start, period_end=end).order_by("-number").first()
    counted = {"n": 0}

    def rows():
        for row in read.export_rows(dataset):
            counted["n"] += 1
            yield row

    if fmt == "csv":
        return csv_response("d.csv", read.EXPORT_HEADER, rows()), counted
    return xlsx_book_response("d.xlsx", [Sheet("Dataset", read.EXPORT_HEADER, rows())]), counted


def _synthetic(fmt: str, size: int):
    from ombuds.core.exports import csv_response, xlsx_response

    header = ["Number", "Received", "Channel", "District", "Status", "Assigned to", "Urgent", "Secret", "Due", "Who"]

    received = datetime(2024, 1, 1, 9)  # noqa: DTZ001 - local time without offset, as the register export writes

    def rows():
        for i in range(size):
            yield [f"2024/HQ/{i:07d}", received, "post", "Bakı", "registered", "", "no", "no", None, ""]

    if fmt == "csv":
        return csv_response("s.csv", header, rows()), {"n": size}
    return xlsx_response("s.xlsx", "Sheet", header, rows()), {"n": size}


def child(source: str, fmt: str, size: int, index: int) -> None:
    import django

    django.setup()
    import openpyxl  # noqa: F401 - loaded before the baseline, like any warm worker

    baseline = _rss_mb()
    started = time.perf_counter()
    if source == "register":
        response, counted = _register(fmt, size)
    elif source == "plan":
        response, counted = _plan(fmt, size, index)
    elif source == "dataset":
        response, counted = _dataset(fmt, size)
    else:
        response, counted = _synthetic(fmt, size)
    written = _drain(response)
    seconds = time.perf_counter() - started
    result = {"rows": counted["n"], "bytes": written, "baseline": baseline, "peak": _rss_mb(), "seconds": seconds}
    print(json.dumps(result))


def _make_plans(sizes: list[int]) -> None:
    import django

    django.setup()
    from ombuds.accounts.models import OrgUnit
    from ombuds.outreach.models import ActionPlan, PlanItem, Topic

    unit, topics = OrgUnit.objects.get(code="dept_awareness"), list(Topic.objects.all())
    for index, size in enumerate(sizes):
        plan, _created = ActionPlan.objects.get_or_create(year=PLAN_YEAR + index, defaults={"title_az": "Bench"})
        missing = size - plan.items.count()
        items = (
            PlanItem(
                plan=plan,
                topic=topics[i % len(topics)],
                planned_from=date(plan.year, 1 + i % 12, 1),
                planned_to=date(plan.year, 1 + i % 12, 28),
                responsible_unit=unit,
                target_events=1 + i % 3,
            )
            for i in range(max(missing, 0))
        )
        while batch := list(islice(items, 5000)):
            PlanItem.objects.bulk_create(batch)


def _make_dataset() -> None:
    """The dataset the `dataset` source downloads, taken here so that its computing is not measured."""
    import django

    django.setup()
    from ombuds.reports.models import Dataset
    from ombuds.reports.services.datasets import take_snapshot

    start, end = DATASET_PERIOD
    if not Dataset.objects.filter(period_start=start, period_end=end).exists():
        take_snapshot(None, period_start=start, period_end=end, note="bench/export_memory.py")


def _drop_plans(count: int) -> None:
    from ombuds.outreach.models import ActionPlan, PlanItem

    plans = ActionPlan.objects.filter(year__gte=PLAN_YEAR, year__lt=PLAN_YEAR + count)
    PlanItem.objects.filter(plan__in=plans).delete()
    plans.delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--sources", default="synthetic,register,plan")
    parser.add_argument("--plan-sizes", default="10000,100000", help="action-plan items (created, then deleted)")
    parser.add_argument("--child", nargs=4, metavar=("SOURCE", "FORMAT", "SIZE", "INDEX"))
    parser.add_argument("--make-dataset", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_dataset:
        _make_dataset()
        return
    if args.child:
        source, fmt, size, index = args.child
        child(source, fmt, int(size), int(index))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    plan_sizes = [int(s) for s in args.plan_sizes.split(",")]
    sources = args.sources.split(",")
    if "plan" in sources:
        _make_plans(plan_sizes)
    if "dataset" in sources:
        # In a process of its own: Linux keeps a process's peak RSS across fork and exec, so a
        # snapshot computed here would raise every child's figure.
        subprocess.run([sys.executable, __file__, "--make-dataset"], check=True, cwd=ROOT)  # noqa: S603
    print(f"{'source':10} {'format':6} {'rows':>10} {'peak MB':>8} {'growth MB':>9} {'seconds':>8} {'rows/s':>8}")
    peaks: dict[tuple[str, str], list[float]] = {}
    try:
        for source in sources:
            formats = ["xlsx"] if source == "plan" else ["csv", "xlsx"]
            for fmt in formats:
                runs = plan_sizes if source == "plan" else sizes[-1:] if source == "dataset" else sizes
                for index, size in enumerate(runs):
                    out = subprocess.run(  # noqa: S603 - this script with fixed arguments
                        [sys.executable, __file__, "--child", source, fmt, str(size), str(index)],
                        capture_output=True,
                        text=True,
                        check=True,
                        cwd=ROOT,
                    ).stdout
                    r = json.loads(out.strip().splitlines()[-1])
                    peaks.setdefault((source, fmt), []).append(r["peak"])
                    growth = r["peak"] - r["baseline"]
                    rate = r["rows"] / r["seconds"] if r["seconds"] else 0
                    line = f"{source:10} {fmt:6} {r['rows']:>10,} {r['peak']:8.0f} {growth:9.0f} {r['seconds']:8.1f}"
                    print(f"{line} {rate:8,.0f}", flush=True)
    finally:
        if "plan" in sources:
            _drop_plans(len(plan_sizes))
    worst = max(max(p) for p in peaks.values())
    spread = max(max(p) - min(p) for p in peaks.values())
    print(f"largest peak {worst:.0f} MB (target < 300); rise from the smallest to the largest size {spread:.0f} MB")


if __name__ == "__main__":
    main()
