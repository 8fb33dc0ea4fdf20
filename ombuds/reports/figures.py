"""Figures in a report's narrative are references to the tables, never typed numbers
(reports-and-portal.md 2.6: every number of the text reconciles with a table).

    {{applications.total}}                      the measure's total
    {{applications.by_channel:post}}            one category (a row of its table)
    {{test.channel_by_type:post/petition}}      one cell of a cross-table (row/column)
    {{applications.by_channel:post|previous}}   the same figure of the year before
    … |change                                    the difference with the year before (+12 / −3)
    … |percent                                   that difference in per cent

A reference is resolved through `tables.block`, the code that draws the table itself, so the text
and the table cannot disagree; a new version of the dataset changes the number, not the text.
A reference that cannot be resolved is drawn as a visible marker, never as a number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ombuds.reports import tables

PATTERN = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
SUFFIXES = ("previous", "change", "percent")


@dataclass(frozen=True)
class Reference:
    text: str  # as written, without the braces
    measure: str
    category: str  # "" for the total
    suffix: str  # "" for this year's value

    @property
    def row(self) -> str:
        return self.category.partition("/")[0]

    @property
    def column(self) -> str:
        return self.category.partition("/")[2]


def parse(text: str) -> Reference:
    ref, _bar, suffix = text.partition("|")
    measure, _colon, category = ref.strip().partition(":")
    return Reference(text.strip(), measure.strip(), category.strip(), suffix.strip())


def references(text: str) -> list[Reference]:
    """Every reference of a text, in order (repeats kept)."""
    return [parse(match.group(1)) for match in PATTERN.finditer(text or "")]


def _problem(ref: Reference, data: dict) -> str:
    """Why `ref` cannot be read from a dataset's figures; "" when it can."""
    if ref.suffix and ref.suffix not in SUFFIXES:
        return _("unknown suffix “%(suffix)s”") % {"suffix": ref.suffix}
    frozen = (data.get("measures") or {}).get(ref.measure)
    if frozen is None:
        return _("unknown figure “%(measure)s”") % {"measure": ref.measure}
    if not ref.category:
        return ""
    if "columns" in frozen:
        if ref.row not in frozen["labels"] or (ref.column and ref.column not in frozen["columns"]):
            return _("“%(measure)s” has no row or column “%(category)s”") % {
                "measure": ref.measure,
                "category": ref.category,
            }
        return ""
    if ref.column or ref.category not in frozen["values"]:
        return _("“%(measure)s” has no category “%(category)s”") % {"measure": ref.measure, "category": ref.category}
    return ""


def _braced(reference: str) -> str:
    return "{{" + reference + "}}"


def check(text: str, dataset) -> list[str]:
    """The problems of a text's references against a dataset, one message per bad reference."""
    data = dataset.data if dataset is not None else {}
    problems = []
    for ref in references(text):
        problem = _problem(ref, data)
        if problem and problem not in problems:
            problems.append(f"{_braced(ref.text)}: {problem}")
    return problems


def _cell(block: tables.Block, ref: Reference) -> tables.Row | int | None:
    """The row (or, for a cross-table cell, the number) the table shows for a reference."""
    if not ref.category:
        return block.total
    for row in block.rows:
        if row.key == ref.row:
            if not ref.column:
                return row
            keys = [key for key, _label in block.columns]
            return row.cells[keys.index(ref.column)] if ref.column in keys else None
    return None


def _signed(value: Any, decimal_pos: int | None = None) -> str:
    text = number_format(abs(value), decimal_pos=decimal_pos, force_grouping=True)
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"\u2212{text}"
    return text


def value_of(ref: Reference, dataset, previous, language: str, cache: dict | None = None) -> str | None:
    """The reference as the table draws it, formatted in `language`; None when it has no value."""
    if _problem(ref, dataset.data):
        return None
    cache = cache if cache is not None else {}
    if ref.measure not in cache:
        cache[ref.measure] = tables.block(
            ref.measure, dataset.data, previous.data if previous is not None else None, language
        )
    cell = _cell(cache[ref.measure], ref)
    if cell is None:
        return None
    with translation.override(language):
        if isinstance(cell, int):  # a cross-table cell: this year's value only
            return number_format(cell, force_grouping=True) if not ref.suffix else None
        if ref.suffix == "previous":
            return number_format(cell.previous, force_grouping=True) if cell.previous is not None else None
        if ref.suffix == "change":
            return _signed(cell.change) if cell.change is not None else None
        if ref.suffix == "percent":
            return f"{_signed(cell.change_percent, 1)}%" if cell.change_percent is not None else None
        return number_format(cell.value, force_grouping=True) if cell.value is not None else None


def _marker(ref: Reference) -> SafeString:
    return format_html(
        '<mark class="figure-missing" title="{}">[{}]</mark>',
        _("This figure cannot be read from the dataset."),
        ref.text,
    )


def render_inline(text: str, dataset, previous, language: str, cache: dict | None = None) -> SafeString:
    """One piece of text with its references replaced, escaped; no paragraphs."""
    cache = cache if cache is not None else {}
    out: list[str] = []
    position = 0
    for match in PATTERN.finditer(text):
        out.append(conditional_escape(text[position : match.start()]))
        ref = parse(match.group(1))
        value = value_of(ref, dataset, previous, language, cache) if dataset is not None else None
        out.append(format_html('<span class="figure">{}</span>', value) if value is not None else _marker(ref))
        position = match.end()
    out.append(conditional_escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped or built by format_html


def render(text: str, dataset, previous, language: str) -> SafeString:
    """The text as HTML paragraphs (a blank line starts one, a single line break stays one), its
    references replaced by the figures of `dataset` (and `previous`) in `language`'s grouping."""
    cache: dict = {}
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if part.strip()]
    html = []
    for paragraph in paragraphs:
        lines = [render_inline(line, dataset, previous, language, cache) for line in paragraph.split("\n")]
        html.append(format_html("<p>{}</p>", mark_safe("<br>".join(lines))))  # noqa: S308 - lines are escaped
    return mark_safe("\n".join(html))  # noqa: S308 - built by format_html


def plain(text: str, dataset, previous, language: str) -> str:
    """The text with its references replaced, unescaped (for a DOCX, where nothing is HTML)."""
    cache: dict = {}

    def replace(match: re.Match) -> str:
        ref = parse(match.group(1))
        value = value_of(ref, dataset, previous, language, cache) if dataset is not None else None
        return value if value is not None else f"[{ref.text}]"

    return PATTERN.sub(replace, text or "")


@dataclass(frozen=True)
class Entry:
    table: str  # "A2" ("" for a measure no table shows)
    measure: str
    measure_title: str
    category: str
    category_label: str
    value: str
    reference: str  # "{{…}}", ready to copy


def catalogue(report, language: str) -> list[Entry]:
    """Every figure a narrative of `report` may quote: each measure of its tables (total and
    every row), table by table, with the value it has in the report's dataset."""
    entries: list[Entry] = []
    dataset, previous = report.dataset, report.previous_dataset
    seen: set[str] = set()
    with translation.override(language):
        for spec in tables.specs(report.kind):
            for key in spec.measures:
                if key in seen:
                    continue
                seen.add(key)
                block = tables.block(key, dataset.data, previous.data if previous is not None else None, language)
                if block.missing:
                    continue
                title = block.title
                entries.append(Entry(spec.code, key, title, "", str(_("Total")), _fmt(block.total.value), _braced(key)))
                for row in block.rows:
                    entries.append(
                        Entry(spec.code, key, title, row.key, row.label, _fmt(row.value), _braced(f"{key}:{row.key}"))
                    )
    return entries


def _fmt(value: int | None) -> str:
    return number_format(value, force_grouping=True) if value is not None else "–"
