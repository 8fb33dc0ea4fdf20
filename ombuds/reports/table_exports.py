"""A report table as spreadsheet rows: per block, a row per category with this year, the year
before and the change; a cross-table flattened to one row per (row, column) pair, then its row
totals. Read from the report's frozen datasets, like the printed table."""

from __future__ import annotations

from collections.abc import Iterator

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ombuds.reports import tables


def spec_for(report, code: str) -> tables.TableSpec:
    """The table `code` of this report's kind (404 for a table of the other report or none)."""
    try:
        spec = tables.spec(code)
    except KeyError:
        raise Http404 from None
    if spec.kind != report.kind:
        raise Http404
    return spec


def table_rows(report, spec: tables.TableSpec, language: str) -> tuple[list[str], Iterator[list]]:
    with translation.override(language):
        view = tables.render(spec, report.dataset, report.previous_dataset, language)
        header = [
            _("Table"),
            _("Figure"),
            _("Category"),
            str(report.year),
            str(report.year - 1),
            pgettext("difference from the year before", "Change"),
            pgettext("unit of count", "Unit"),
        ]
        rows = list(_rows(view, spec))
    return header, iter(rows)


def _rows(view: tables.TableView, spec: tables.TableSpec) -> Iterator[list]:
    for block in view.blocks:
        if block.missing:
            continue
        if spec.layout == "headline":
            yield [
                spec.code,
                block.title,
                _("Total"),
                block.total.value,
                block.total.previous,
                block.total.change,
                block.unit_label,
            ]
            continue
        if block.is_cross:
            for row in block.rows:
                for (_key, column), cell in zip(block.columns, row.cells, strict=True):
                    yield [spec.code, block.title, f"{row.label} / {column}", cell, None, None, block.unit_label]
            for row in block.rows:
                label = f"{row.label} / {_('Total')}"
                yield [spec.code, block.title, label, row.value, row.previous, row.change, block.unit_label]
        else:
            for row in block.rows:
                yield [spec.code, block.title, row.label, row.value, row.previous, row.change, block.unit_label]
        total_label = _("Total") if block.additive else _("Records counted (each once)")
        total = block.total
        yield [spec.code, block.title, total_label, total.value, total.previous, total.change, block.unit_label]
