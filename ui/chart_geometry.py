"""The charts' pure geometry and colours: axis ticks, bar segments, pie slices, line points and
hit-testing, as functions of the plot's rectangle and the data (no painting, no widgets).

The widgets in ``ui.charts`` draw with these, and the tests check them without painting, so a
click lands on exactly what was drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

# Okabe & Ito's colour-blind-safe palette, ordered for contrast on white; the seventh series
# (the dashboard's "other", after its top six) is grey. Yellow and black come after.
PALETTE = tuple(
    QColor(code)
    for code in (
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#D55E00",
        "#56B4E9",
        "#CC79A7",
        "#999999",
        "#F0E442",
        "#000000",
    )
)
BAR_FILL = 0.7  # the share of a day's slot its bar takes
POINT_TOLERANCE = 8.0  # how far from a point a click still picks it, in pixels


def colour(index: int) -> QColor:
    return PALETTE[index % len(PALETTE)]


def text_colour_on(background: QColor) -> QColor:
    """Black on light colours, white on dark ones, for text drawn on a slice."""
    return QColor("black") if background.lightness() > 140 else QColor("white")


def nice_step(top: float, max_ticks: int = 5) -> int:
    """The smallest round step (1, 2 or 5 times a power of ten) that reaches ``top`` in at most
    ``max_ticks`` steps; counts are whole, so never below 1."""
    if top <= max_ticks:
        return 1
    raw = top / max_ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    raise AssertionError("unreachable: 10 * power >= raw")


def axis_ticks(top: float, max_ticks: int = 5) -> tuple[int, ...]:
    """Tick values from 0 to the first round step at or above ``top``."""
    step = nice_step(top, max_ticks)
    steps = max(1, math.ceil(top / step))
    return tuple(i * step for i in range(steps + 1))


@dataclass(frozen=True)
class Segment:
    """One drawn piece of a bar chart: key ``key_index`` on day ``day_index``."""

    key_index: int
    day_index: int
    value: int
    rect: QRectF


def slot_centre(plot: QRectF, days: int, day_index: int) -> float:
    return plot.left() + (day_index + 0.5) * plot.width() / days


def stacked_segments(plot: QRectF, values: Sequence[Sequence[int]], axis_max: int) -> list[Segment]:
    """The rectangles of stacked bars, key 0 at the bottom; ``values[k][d]`` as the charts take
    them. Zero counts get no segment."""
    if not values or axis_max <= 0:
        return []
    days = len(values[0])
    width = plot.width() / days * BAR_FILL
    scale = plot.height() / axis_max
    segments = []
    for day in range(days):
        bottom = plot.bottom()
        for key, row in enumerate(values):
            if row[day] <= 0:
                continue
            height = row[day] * scale
            left = slot_centre(plot, days, day) - width / 2
            segments.append(
                Segment(key, day, row[day], QRectF(left, bottom - height, width, height))
            )
            bottom -= height
    return segments


def segment_at(segments: Sequence[Segment], point: QPointF) -> Segment | None:
    return next((s for s in segments if s.rect.contains(point)), None)


def slice_spans(values: Sequence[int]) -> list[tuple[float, float]]:
    """Each slice's (start, span) in degrees, clockwise from twelve o'clock."""
    total = sum(values)
    spans = []
    start = 0.0
    for value in values:
        span = 360.0 * value / total if total else 0.0
        spans.append((start, span))
        start += span
    return spans


def slice_at(centre: QPointF, radius: float, values: Sequence[int], point: QPointF) -> int | None:
    """The index of the slice under ``point``, or None outside the pie."""
    dx, dy = point.x() - centre.x(), point.y() - centre.y()
    if not values or math.hypot(dx, dy) > radius:
        return None
    clockwise = math.degrees(math.atan2(dx, -dy)) % 360.0  # 0 at twelve o'clock
    for index, (start, span) in enumerate(slice_spans(values)):
        if span > 0 and start <= clockwise < start + span:
            return index
    return None


def trend_points(
    plot: QRectF, values: Sequence[Sequence[int]], axis_max: int
) -> list[list[QPointF]]:
    """The points of each key's line, one per day, at the centre of the day's slot."""
    if not values or axis_max <= 0:
        return []
    days = len(values[0])
    scale = plot.height() / axis_max
    return [
        [
            QPointF(slot_centre(plot, days, day), plot.bottom() - v * scale)
            for day, v in enumerate(row)
        ]
        for row in values
    ]


def point_at(
    lines: Sequence[Sequence[QPointF]], point: QPointF, tolerance: float = POINT_TOLERANCE
) -> tuple[int, int] | None:
    """(key index, day index) of the point nearest to ``point`` within ``tolerance`` pixels."""
    best: tuple[float, int, int] | None = None
    for key, line in enumerate(lines):
        for day, p in enumerate(line):
            distance = math.hypot(p.x() - point.x(), p.y() - point.y())
            if distance <= tolerance and (best is None or distance < best[0]):
                best = (distance, key, day)
    return None if best is None else (best[1], best[2])


@dataclass(frozen=True)
class Hit:
    """What the mouse is on: a key and a day (-1 for a pie slice)."""

    key_index: int
    day_index: int
