"""After a synthetic year (ombuds/demo/year.py): its dataset and the year before's, the annual
and NPM reports read from them, and the annual report's PDF in Azerbaijani when the documents'
generation is there. Each step runs only when the part of the reports app it needs exists, and
says what it skipped."""

from __future__ import annotations

import importlib
from datetime import date

from ombuds.reports.models import Dataset, Report
from ombuds.reports.services import datasets


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def snapshot(year: int, note: str) -> Dataset:
    """The year's latest dataset (taken now when there is none)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    latest = Dataset.objects.filter(period_start=start, period_end=end).order_by("-number").first()
    return latest or datasets.take_snapshot(None, period_start=start, period_end=end, note=note)


def make_reports(year: int, note: str, out) -> list[str]:
    """The datasets of `year` and `year - 1`, the year's annual and NPM reports, the annual PDF.
    Returns the steps it could not take (the parts of the app not there)."""
    skipped = []
    current, previous = snapshot(year, note), snapshot(year - 1, note)
    out.write(
        f"  datasets {year} (v{current.number}, {current.content_hash[:12]}…) and {year - 1} (v{previous.number})\n"
    )
    reports = _module("ombuds.reports.services.reports")
    if reports is None or not hasattr(reports, "create_report"):
        return ["reports (services.reports.create_report is not there)"]
    made = []
    for kind in ("annual", "npm"):
        report = Report.objects.filter(kind=kind, year=year).first()
        if report is None:
            report = reports.create_report(None, kind=kind, year=year, dataset=current, previous_dataset=previous)
            out.write(f"  {kind} report {year} created\n")
        made.append(report)
    generation = _module("ombuds.reports.services.generation")
    if generation is None or not hasattr(generation, "run_generation"):
        skipped.append("the annual report's PDF (services.generation.run_generation is not there)")
    else:
        skipped += _generate(generation, made[0], out)
    return skipped


def _generate(generation, report: Report, out) -> list[str]:
    """The annual report's PDF in Azerbaijani, generated in this process."""
    if report.generations.filter(language="az", output="pdf", state="done").exists():
        return []
    start = getattr(generation, "start_generation", None)
    if start is None:
        return ["the annual report's PDF (no start_generation to pair with run_generation)"]
    job = start(None, report, language="az", output="pdf")
    generation.run_generation(job.pk)
    job.refresh_from_db()
    out.write(f"  annual report {report.year}, az PDF: {job.state}\n")
    return []
