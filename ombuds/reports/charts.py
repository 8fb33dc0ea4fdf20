"""Charts as inline SVG, drawn on the server: no script, no image of numbers. A chart is always
printed beside the table it draws (reports-and-portal.md §3.8): the SVG carries a title and a
description for screen readers, and the year before is hatched, not only paler, so the two series
differ without colour (WCAG 1.4.1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 14
GAP = 8
COLOUR = "#1f4e79"  # 8.6:1 on white
PREVIOUS = "#6c757d"  # 4.7:1 on white, hatched


@dataclass
class Bar:
    label: str
    value: int
    previous: int | None = None


def _shorten(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(title: str, bars: Sequence[Bar], *, description: str = "", chart_id: str = "chart") -> SafeString:
    """Horizontal bars, one per category (and a hatched one for the year before when given)."""
    with_previous = any(bar.previous is not None for bar in bars)
    per_row = BAR_HEIGHT * (2 if with_previous else 1) + GAP
    height = 30 + per_row * max(len(bars), 1) + (24 if with_previous else 0)
    top = max([bar.value for bar in bars] + [bar.previous or 0 for bar in bars] + [1])
    scale = (WIDTH - LABEL_WIDTH - 70) / top
    ident = escape(chart_id)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-t {ident}-d">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(description or _("The figures are in the table beside this chart."))}</desc>',
        f'<defs><pattern id="{ident}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{PREVIOUS}" stroke-width="3"/></pattern></defs>',
    ]
    y = 20
    for bar in bars:
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 3}" text-anchor="end" font-size="11" '
            f'fill="#212529">{escape(_shorten(bar.label))}</text>'
        )
        width = round(bar.value * scale, 1)
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" fill="{COLOUR}"/>')
        parts.append(
            f'<text x="{LABEL_WIDTH + width + 4}" y="{y + BAR_HEIGHT - 3}" font-size="11" fill="#212529">'
            f"{escape(number_format(bar.value, force_grouping=True))}</text>"
        )
        if with_previous:
            y += BAR_HEIGHT
            prev = bar.previous or 0
            pwidth = round(prev * scale, 1)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{pwidth}" height="{BAR_HEIGHT - 2}" '
                f'fill="url(#{ident}-hatch)" stroke="{PREVIOUS}"/>'
            )
            shown = "–" if bar.previous is None else number_format(prev, force_grouping=True)
            parts.append(
                f'<text x="{LABEL_WIDTH + pwidth + 4}" y="{y + BAR_HEIGHT - 4}" font-size="10" '
                f'fill="#495057">{escape(shown)}</text>'
            )
        y += BAR_HEIGHT + GAP
    if with_previous:
        y += 4
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="14" height="10" fill="{COLOUR}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + 18}" y="{y + 9}" font-size="10">{escape(_("This year"))}</text>')
        parts.append(
            f'<rect x="{LABEL_WIDTH + 120}" y="{y}" width="14" height="10" fill="url(#{ident}-hatch)" '
            f'stroke="{PREVIOUS}"/>'
        )
        parts.append(f'<text x="{LABEL_WIDTH + 138}" y="{y + 9}" font-size="10">{escape(_("Year before"))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def block_chart(block, *, chart_id: str) -> SafeString:
    """The bar chart of one table block (reports.tables.Block): a bar per row."""
    bars = [Bar(row.label, row.value or 0, row.previous) for row in block.rows]
    return bar_chart(block.title, bars, chart_id=chart_id)
