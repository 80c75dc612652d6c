"""Bar and column charts drawn server-side as SVG.

Accessible: each chart is `role="img"` labelled by its `<title>` and `<desc>` (which says
where the numbers are), and every bar carries its own `<title>` with label and value;
the numbers also stand in a table beside the chart. Only presentation attributes
(`fill=`, `font-size=`, ...) are used, never `style=`, so the strict Content Security
Policy holds. Every piece is a Markup template whose values `format` escapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 640
BAR_COLOUR = "#0b5cad"
TEXT_COLOUR = "#1b1f24"
MUTED_COLOUR = "#555d66"
GRID_COLOUR = "#d5dae0"
LABEL_MAX = 34

OPEN = Markup(
    '<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" '
    'viewBox="0 0 {width} {height}" width="100%" role="img" focusable="false" '
    'aria-labelledby="{id}-title {id}-desc">'
    '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
    '<g font-family="sans-serif" font-size="12" fill="{colour}">'
)
CLOSE = Markup("</g></svg>")
EMPTY = Markup('<text x="8" y="24" fill="{colour}">{message}</text>')
BAR = Markup(
    "<g><title>{label}: {value}</title>"
    '<text x="{label_x}" y="{text_y}" text-anchor="end">{short}</text>'
    '<rect x="{bar_x}" y="{bar_y}" width="{width}" height="16" fill="{colour}"/>'
    '<text x="{value_x}" y="{text_y}">{value}</text></g>'
)
BASELINE = Markup(
    '<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}" stroke-width="1"/>'
)
COLUMN = Markup(
    "<g><title>{label}: {value}</title>"
    '<rect x="{x}" y="{top}" width="{width}" height="{height}" fill="{colour}"/>'
    '<text x="{centre}" y="{value_y}" text-anchor="middle" font-size="11">{value}</text>'
    '<text x="{centre}" y="{label_y}" text-anchor="middle" font-size="11" '
    'fill="{muted}">{short}</text></g>'
)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the reader's locale writes it


def _short(label: str, limit: int = LABEL_MAX) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _open(chart_id: str, title: str, description: str, height: int) -> Markup:
    return OPEN.format(
        id=chart_id, width=WIDTH, height=height, title=title, desc=description, colour=TEXT_COLOUR
    )


def _empty(chart_id: str, title: str, description: str, message: str) -> Markup:
    body = EMPTY.format(colour=MUTED_COLOUR, message=message)
    return Markup("").join([_open(chart_id, title, description, 40), body, CLOSE])


def bar_chart(
    chart_id: str, title: str, bars: Sequence[Bar], description: str, empty: str = ""
) -> Markup:
    """Horizontal bars, one per row: label, bar, value."""
    if not bars or max(bar.value for bar in bars) <= 0:
        return _empty(chart_id, title, description, empty)
    row, top, label_width, value_room = 24, 8, 250, 70
    scale = (WIDTH - label_width - value_room) / max(bar.value for bar in bars)
    parts = [_open(chart_id, title, description, top * 2 + row * len(bars))]
    for index, bar in enumerate(bars):
        y = top + index * row
        width = max(1.0, round(bar.value * scale, 1)) if bar.value > 0 else 0
        parts.append(
            BAR.format(
                label=bar.label,
                value=bar.text,
                short=_short(bar.label),
                label_x=label_width - 8,
                text_y=y + 16,
                bar_x=label_width,
                bar_y=y + 4,
                width=width,
                value_x=round(label_width + width + 4, 1),
                colour=BAR_COLOUR,
            )
        )
    parts.append(CLOSE)
    return Markup("").join(parts)


def column_chart(
    chart_id: str, title: str, bars: Sequence[Bar], description: str, empty: str = ""
) -> Markup:
    """Vertical columns left to right (months), labels below, values above."""
    if not bars:
        return _empty(chart_id, title, description, empty)
    height, top, bottom, side = 240, 24, 32, 8
    plot = height - top - bottom
    step = (WIDTH - 2 * side) / len(bars)
    column = round(max(4.0, step * 0.6), 1)
    highest = max(bar.value for bar in bars)
    scale = plot / highest if highest > 0 else 0
    baseline = top + plot
    parts = [
        _open(chart_id, title, description, height),
        BASELINE.format(x1=side, x2=WIDTH - side, y=baseline, colour=GRID_COLOUR),
    ]
    for index, bar in enumerate(bars):
        centre = round(side + step * index + step / 2, 1)
        tall = round(bar.value * scale, 1) if bar.value > 0 else 0
        parts.append(
            COLUMN.format(
                label=bar.label,
                value=bar.text,
                short=_short(bar.label, 10),
                x=round(centre - column / 2, 1),
                top=round(baseline - tall, 1),
                width=column,
                height=tall,
                centre=centre,
                value_y=round(baseline - tall - 4, 1),
                label_y=baseline + 16,
                colour=BAR_COLOUR,
                muted=MUTED_COLOUR,
            )
        )
    parts.append(CLOSE)
    return Markup("").join(parts)
