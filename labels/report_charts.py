"""Charts for printed reports: a pie, a bar chart and a trend line, as reportlab drawings.

Pure rendering, no Qt. Every text on a chart (slice, bar and legend labels) is drawn in one font:
the embedded CJK font as soon as one label needs it (Helvetica has no Chinese), so a Chinese
report prints its charts correctly too.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from labels.fonts import SANS, font_for, needs_cjk_font

#: One colour per series (route), in order; distinct in print and on screen.
PALETTE = (
    colors.HexColor("#2e7d32"),
    colors.HexColor("#1565c0"),
    colors.HexColor("#ef6c00"),
    colors.HexColor("#c62828"),
    colors.HexColor("#6a1b9a"),
    colors.HexColor("#00838f"),
)
_TITLE_SIZE = 10.0
_LABEL_SIZE = 7.0
#: The trend line's x axis shows at most this many dates; the others stay unlabelled.
_MAX_DATE_LABELS = 12


def _font(texts: Sequence[str]) -> tuple[str, list[str]]:
    """One font for all ``texts``, and the texts as that font can draw them."""
    if any(needs_cjk_font(text) for text in texts):
        font, _ = font_for("中")
        if font != SANS:
            return font, list(texts)
    return SANS, [font_for(text)[1] for text in texts]


def _titled(width: float, height: float, title: str) -> Drawing:
    drawing = Drawing(width, height)
    font, (text,) = _font([title])
    drawing.add(String(0, height - _TITLE_SIZE, text, fontName=font, fontSize=_TITLE_SIZE))
    return drawing


def pie_chart(
    title: str, labels: Sequence[str], values: Sequence[int], width: float, height: float
) -> Drawing:
    """A pie of ``values`` (at least one above zero) with a legend of ``labels`` beside it."""
    drawing = _titled(width, height, title)
    size = min(height - _TITLE_SIZE - 16, width / 2)
    pie = Pie()
    pie.x, pie.y = 8, (height - _TITLE_SIZE - size) / 2
    pie.width = pie.height = size
    pie.data = list(values)
    pie.simpleLabels = True
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for index in range(len(values)):
        pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(pie)
    font, texts = _font([f"{label} ({value})" for label, value in zip(labels, values, strict=True)])
    drawing.add(_legend(texts, font, x=size + 30, y=pie.y + size * 0.8))
    return drawing


def _legend(texts: Sequence[str], font: str, x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = font, _LABEL_SIZE + 1
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.dxTextSpace = 4
    legend.colorNamePairs = [
        (PALETTE[index % len(PALETTE)], text) for index, text in enumerate(texts)
    ]
    return legend


def bar_chart(
    title: str, labels: Sequence[str], values: Sequence[int], width: float, height: float
) -> Drawing:
    """Vertical bars of ``values``, one per label (labels slanted so long names still fit)."""
    drawing = _titled(width, height, title)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 50
    chart.width, chart.height = width - 40, height - _TITLE_SIZE - 62
    chart.data = [list(values)]
    chart.bars[0].fillColor = PALETTE[1]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = _LABEL_SIZE
    font, texts = _font([label[:24] for label in labels])
    chart.categoryAxis.categoryNames = texts
    axis = chart.categoryAxis.labels
    axis.fontName, axis.fontSize = font, _LABEL_SIZE
    axis.boxAnchor, axis.angle, axis.dy = "ne", 30, -2
    drawing.add(chart)
    return drawing


def trend_chart(
    title: str,
    days: Sequence[datetime.date],
    series: Sequence[tuple[str, Sequence[int]]],
    width: float,
    height: float,
) -> Drawing:
    """One line per series over ``days`` (at least one), with a legend of the series' names."""
    drawing = _titled(width, height, title)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 40
    chart.width, chart.height = width - 40, height - _TITLE_SIZE - 70
    chart.data = [list(values) for _, values in series]
    for index in range(len(series)):
        chart.lines[index].strokeColor = PALETTE[index % len(PALETTE)]
        chart.lines[index].strokeWidth = 1.5
    step = max(1, -(-len(days) // _MAX_DATE_LABELS))
    chart.categoryAxis.categoryNames = [
        day.strftime("%m-%d") if index % step == 0 else "" for index, day in enumerate(days)
    ]
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = _LABEL_SIZE
    drawing.add(chart)
    font, texts = _font([name for name, _ in series])
    legend = _legend(texts, font, x=30, y=height - _TITLE_SIZE - 8)
    legend.columnMaximum = 1
    legend.deltax = max(90.0, (width - 40) / max(len(series), 1))
    drawing.add(legend)
    return drawing


__all__ = ["PALETTE", "bar_chart", "pie_chart", "trend_chart"]
