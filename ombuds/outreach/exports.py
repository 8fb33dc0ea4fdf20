"""Documents of the outreach app: the action plan's progress as a spreadsheet or a PDF (the
tables of the plan page). Views call these and stay thin; every cell goes through the
formula-injection-safe helper of core."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ombuds.core.documents import PDF, html_pdf
from ombuds.core.exports import safe_cell
from ombuds.core.i18n import pick
from ombuds.outreach.progress import PlanProgress

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel refuses these in a sheet name and cuts names after 31 characters.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _sheet_title(text: str) -> str:
    return text.translate(_SHEET_FORBIDDEN).strip()[:31]


def _table(sheet: Worksheet, header: list[str], rows: list[list], widths: list[int]) -> None:
    """A header row kept in view while scrolling, then the rows; widths in characters."""
    sheet.append([safe_cell(value) for value in header])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"


def progress_xlsx(plan, progress: PlanProgress) -> tuple[bytes, str, str]:
    """The plan's progress in the active language: items, then the offices reached remotely."""
    book = Workbook()
    items = book.active
    items.title = _sheet_title(_("Progress"))
    _table(
        items,
        [_("Topic"), _("Period"), _("Events planned"), _("Events held"), _("Completion (%)"), _("Participants")],
        [
            [
                pick(row.item.topic, "name"),
                f"{row.item.planned_from:%Y-%m-%d} – {row.item.planned_to:%Y-%m-%d}",
                row.item.target_events,
                row.held,
                row.completion,
                row.participants,
            ]
            for row in progress.items
        ],
        [48, 24, 16, 16, 16, 16],
    )
    offices = book.create_sheet(_sheet_title(_("Remote reach")))
    _table(
        offices,
        [_("Office"), _("Participants")],
        [[str(office), count] for office, count in progress.office_rows],
        [48, 16],
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), f"action-plan-{plan.year}.xlsx", XLSX


def progress_pdf(plan, progress: PlanProgress) -> tuple[bytes, str, str]:
    html = render_to_string("outreach/plan_progress_pdf.html", {"plan": plan, "progress": progress})
    return html_pdf(html), f"action-plan-{plan.year}.pdf", PDF


FORMATS = {"xlsx": progress_xlsx, "pdf": progress_pdf}
