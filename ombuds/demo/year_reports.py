"""After a synthetic year (ombuds/demo/year.py): the figures the system does not record, where
the institution published them, its dataset and the year before's, the annual and NPM reports
read from them, and the annual report's PDF in Azerbaijani."""

from __future__ import annotations

from datetime import date

from ombuds.reports.models import Dataset, EnteredFigure, Report
from ombuds.reports.services import datasets, entered, generation, reports

# Published figures of the year that no register holds (reports-and-portal.md §2.3, A12 and A13):
# (figure, category, value, source). Real figures, not synthetic ones.
ENTERED = {
    2023: [
        (
            "pardons.granted",
            "",
            59,
            "Pardon decree of May 2023: 59 of the 801 pardoned were on the Commissioner's petition (trend.az, "
            "reports-and-portal.md [PARD]); the year's other decrees are not counted here",
        ),
        ("repatriation.persons", "women", 13, "Annual report 2023 (reports-and-portal.md [R23])"),
        ("repatriation.persons", "children", 47, "Annual report 2023 (reports-and-portal.md [R23])"),
        ("repatriation.persons", "men", 0, "Annual report 2023: 60 repatriated, 13 women and 47 children [R23]"),
    ]
}


def enter_published_figures(year: int) -> int:
    """Enter the year's published figures the system does not record (once: kept if already there)."""
    made = 0
    for measure, category, value, source in ENTERED.get(year, []):
        if not EnteredFigure.objects.filter(year=year, measure=measure, category=category).exists():
            entered.set_entered_figure(None, year=year, measure=measure, category=category, value=value, source=source)
            made += 1
    return made


def snapshot(year: int, note: str) -> Dataset:
    """The year's latest dataset (taken now when there is none)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    latest = Dataset.objects.filter(period_start=start, period_end=end).order_by("-number").first()
    return latest or datasets.take_snapshot(None, period_start=start, period_end=end, note=note)


def make_reports(year: int, note: str, out) -> list[str]:
    """The datasets of `year` and `year - 1`, the year's annual and NPM reports, the annual PDF.
    Returns the steps it could not take (the parts of the app not there)."""
    skipped: list[str] = []
    if enter_published_figures(year):
        out.write(f"  figures entered for {year}: pardons on the Commissioner's petition, repatriation\n")
    current, previous = snapshot(year, note), snapshot(year - 1, note)
    out.write(
        f"  datasets {year} (v{current.number}, {current.content_hash[:12]}…) and {year - 1} (v{previous.number})\n"
    )
    made = []
    for kind in ("annual", "npm"):
        report = Report.objects.filter(kind=kind, year=year).first()
        if report is None:
            report = reports.create_report(None, kind=kind, year=year, dataset=current, previous_dataset=previous)
            out.write(f"  {kind} report {year} created\n")
        made.append(report)
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
