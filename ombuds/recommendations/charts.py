"""Server-rendered SVG bar charts (no script library): the geometry is worked out here and drawn by
`recommendations/_bar_chart.html`, whose autoescaping keeps names out of the markup.

Each bar sits under its own label line rather than beside it, so long authority names need no
truncation and the chart scales down to a 320 px screen with the viewBox. The chart repeats what
the table beside it says: the table is the accessible and exact form, the chart the overview.
"""

from __future__ import annotations

from dataclasses import dataclass

# viewBox units. The SVG is drawn at 100 % of its container; a narrow box keeps the 13-unit text
# readable once a phone shrinks it (about 11 px at 320 px).
WIDTH = 360
FONT_SIZE = 13
ROW_HEIGHT = 40
LABEL_Y = 14  # baseline of the label within its row
BAR_Y = 20
BAR_HEIGHT = 14
VALUE_ROOM = 52  # right margin kept for the value printed after the bar
LABEL_CHARS = 52  # longer labels are cut in the chart (the table and the bar's tooltip have them whole)


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    text: str  # the value as printed ("42 %", "—")
    y: int
    width: float  # 0 when there is no value

    @property
    def label_y(self) -> int:
        return self.y + LABEL_Y

    @property
    def bar_y(self) -> int:
        return self.y + BAR_Y

    @property
    def text_x(self) -> float:
        return self.width + 6

    @property
    def text_y(self) -> int:
        return self.y + BAR_Y + BAR_HEIGHT - 3


@dataclass(frozen=True)
class BarChart:
    key: str  # unique on the page: ids of the title and description derive from it
    title: str
    description: str
    bars: list[Bar]
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    font_size: int = FONT_SIZE
    track: int = WIDTH - VALUE_ROOM  # the length of a 100 % bar

    @property
    def height(self) -> int:
        return max(ROW_HEIGHT, ROW_HEIGHT * len(self.bars))


def bar_chart(key: str, title: str, description: str, values: list[tuple[str, float | None, str]]) -> BarChart:
    """`values`: (label, value on a 0–100 scale or None, printed value) per bar, in order."""
    span = WIDTH - VALUE_ROOM
    bars = [
        Bar(
            label,
            label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…",
            text,
            i * ROW_HEIGHT,
            0 if value is None else round(span * max(0.0, min(value, 100.0)) / 100, 1),
        )
        for i, (label, value, text) in enumerate(values)
    ]
    return BarChart(key, title, description, bars)
