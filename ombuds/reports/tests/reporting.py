"""Helpers of the reports tests: a report of 2025 moved along its lifecycle."""

from datetime import date

from ombuds.reports import tables
from ombuds.reports.services import reports

STEPS = ["approved", "submitted", "presented", "published"]


def write_every_chapter(report, actor=None, text="Mətn.") -> None:
    for chapter in tables.chapters(report.kind):
        reports.save_narrative(actor, report, chapter.key, text_az=text, text_en="", text_ru="")


def make_report(kind: str = "annual", year: int = 2025, status: str = "draft", actor=None):
    """A report made and moved by `actor` (None: the system) to `status`."""
    report = reports.create_report(actor, kind=kind, year=year)
    if status == "draft":
        return report
    write_every_chapter(report, actor)
    for step in STEPS[: STEPS.index(status) + 1]:
        if step == "approved":
            reports.approve_report(actor, report)
        elif step == "submitted":
            reports.submit_report(actor, report, submitted_on=date(year + 1, 2, 20))
        elif step == "presented":
            reports.present_report(actor, report, presented_on=date(year + 1, 3, 3))
        else:
            reports.publish_report(actor, report)
    report.refresh_from_db()
    return report
