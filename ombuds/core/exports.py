"""Spreadsheet exports shared by every app: CSV and XLSX streamed row by row, every text cell
neutralised against formula injection (security.md 1.2.10)."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import quote

from django.http import FileResponse, StreamingHttpResponse

CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet reads a cell starting with one of these as a formula (or strips it and then does).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


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


def xlsx_response(filename: str, sheet: str, header: Sequence[str], rows: Iterable[Sequence]) -> FileResponse:
    """openpyxl in write-only mode keeps one row in memory; the package is built in a temporary
    file (a ZIP cannot be streamed before it is complete), then streamed from it in chunks."""
    from openpyxl import Workbook  # only needed for spreadsheets

    book = Workbook(write_only=True)
    worksheet = book.create_sheet(title=sheet[:31])
    worksheet.append([safe_cell(h) for h in header])
    for row in rows:
        worksheet.append([safe_cell(v) for v in row])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse when streamed
    book.save(handle)
    handle.seek(0)
    return _disposition(FileResponse(handle, content_type=XLSX), filename)
