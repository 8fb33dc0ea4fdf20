"""Spreadsheet exports shared by every app: CSV and XLSX streamed row by row, every text cell
neutralised against formula injection (security.md 1.2.10).

Every export goes through this one writer. Rows come from an iterator (a queryset read with
`.iterator(chunk_size=…)`, or a generator over one), never from a list: memory stays flat however
many rows there are (bench/export_memory.py measures it from 10 k to 1 M rows)."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from django.http import FileResponse, StreamingHttpResponse

CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet reads a cell starting with one of these as a formula (or strips it and then does).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
# Excel refuses these in a sheet name and cuts names after 31 characters.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def safe_cell(value):
    """Text that a spreadsheet would run as a formula, quoted with a leading apostrophe so it
    shows as typed; other values (numbers, dates, None) unchanged."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns the line, for csv.writer inside a generator."""

    def write(self, value: str) -> str:
        return value


def _disposition(response, filename: str):
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a BOM, so that spreadsheet programs read the UTF-8 (ə, ş, ...) as such
    yield writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        yield writer.writerow(["" if v is None else safe_cell(v) for v in row])


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> StreamingHttpResponse:
    """Rows are written as they are read: memory stays flat whatever the number of rows."""
    return _disposition(StreamingHttpResponse(csv_lines(header, rows), content_type=CSV), filename)


@dataclass
class Sheet:
    """One worksheet: its title, header and rows (an iterator), column widths in characters."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence]
    widths: Sequence[int] = ()


def sheet_title(text: str) -> str:
    return text.translate(_SHEET_FORBIDDEN).strip()[:31]


def xlsx_response(filename: str, sheet: str, header: Sequence[str], rows: Iterable[Sequence]) -> FileResponse:
    return xlsx_book_response(filename, [Sheet(sheet, header, rows)])


def xlsx_book_response(filename: str, sheets: Iterable[Sheet]) -> FileResponse:
    """openpyxl in write-only mode keeps one row in memory; the package is built in a temporary
    file (a ZIP cannot be streamed before it is complete), then streamed from it in chunks."""
    from openpyxl import Workbook  # only needed for spreadsheets
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = book.create_sheet(title=sheet_title(sheet.title))
        for index, width in enumerate(sheet.widths, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        worksheet.freeze_panes = "A2"  # the header stays in view while scrolling
        worksheet.append([safe_cell(h) for h in sheet.header])
        for row in sheet.rows:
            worksheet.append([safe_cell(v) for v in row])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse when streamed
    book.save(handle)
    handle.seek(0)
    return _disposition(FileResponse(handle, content_type=XLSX), filename)
