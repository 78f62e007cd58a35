"""The supervisor's disposition report as an A4 PDF: summary, charts and every breakdown.

Pure rendering, no Qt, no database. The core gathers and translates the figures into
:class:`DispositionReportData` (final strings and numbers); this module only lays them out with
reportlab's platypus. Text that Helvetica cannot show (Chinese) is set in the embedded CJK font
of :mod:`labels.fonts`, cell by cell, so a Chinese report prints on any printer.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from labels.fonts import font_for
from labels.report_charts import bar_chart, pie_chart, trend_chart

#: The routes, in the order of every per-route column and series.
ROUTES = ("restock", "refurbish", "vendor_return", "scrap")

_MARGIN = 15 * mm
_BAR_ITEMS = 12  # bars per chart; the tables hold every row


@dataclass(frozen=True)
class ReportRow:
    """One group of units (a reason, a vendor...): how many went to each route, and the money."""

    key: str
    label: str
    by_route: tuple[int, ...]  # units per route, in ROUTES order
    recovered: Decimal
    scrap_loss: Decimal

    @property
    def units(self) -> int:
        return sum(self.by_route)


@dataclass(frozen=True)
class ReportSection:
    """A breakdown: a stable ``key`` (for data files), a translated title, its rows."""

    key: str
    title: str
    rows: tuple[ReportRow, ...]


@dataclass(frozen=True)
class ReportFigure:
    """One headline figure; ``kind`` is ``count``, ``money`` or ``hours``; None: no data."""

    key: str
    label: str
    value: int | Decimal | None
    kind: str


@dataclass(frozen=True)
class DailyCounts:
    day: datetime.date
    by_route: tuple[int, ...]  # units routed that day, in ROUTES order


@dataclass(frozen=True)
class DispositionReportData:
    """Everything the report shows, translated and display-ready."""

    title: str
    subtitle: str  # the period and the dock
    summary: tuple[ReportFigure, ...]
    sections: tuple[ReportSection, ...]
    daily: tuple[DailyCounts, ...]
    route_labels: tuple[str, ...]  # in ROUTES order
    # Column heads (label, units, recovered, scrap_loss), headings (summary, chart_*), the
    # empty-period line (empty) and formats: page ("{number}"), hours ("{hours}").
    captions: Mapping[str, str]

    def section(self, key: str) -> ReportSection:
        return next(section for section in self.sections if section.key == key)


def format_figure(figure: ReportFigure, hours: str) -> str:
    """A headline figure as printed: thousands separated, money to the cent, hours to 0.1
    through the ``hours`` format ("{hours} h")."""
    if figure.value is None:
        return "-"
    if figure.kind == "money":
        return f"{figure.value:,.2f}"
    if figure.kind == "hours":
        return hours.format(hours=f"{figure.value:,.1f}")
    return f"{figure.value:,}"


def _para(text: str, size: float, *, bold: bool = False, align: int = 0) -> Paragraph:
    """A paragraph in the font ``text`` needs (CJK or Helvetica); ``align`` 2 is right."""
    font, shown = font_for(text, bold=bold)
    style = ParagraphStyle(
        f"{font}-{size}-{align}", fontName=font, fontSize=size, leading=size * 1.25, alignment=align
    )
    return Paragraph(escape(shown), style)


def _number(value: int | Decimal) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else f"{value:,}"


def _summary_table(data: DispositionReportData, width: float) -> Table:
    cells = [
        [
            _para(figure.label, 9),
            _para(format_figure(figure, data.captions["hours"]), 9, bold=True, align=2),
        ]
        for figure in data.summary
    ]
    table = Table(cells, colWidths=[width * 0.45, width * 0.2], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _section_table(data: DispositionReportData, section: ReportSection, width: float) -> Table:
    captions = data.captions
    heads = [
        captions["label"],
        captions["units"],
        *data.route_labels,
        captions["recovered"],
        captions["scrap_loss"],
    ]
    label_width = width * 0.3
    other = (width - label_width) / (len(heads) - 1)
    cells: list[list[Flowable]] = [
        [
            _para(text, 7.5, bold=True, align=0 if index == 0 else 2)
            for index, text in enumerate(heads)
        ]
    ]
    for row in section.rows:
        numbers: list[int | Decimal] = [row.units, *row.by_route, row.recovered, row.scrap_loss]
        cells.append([_para(row.label, 7.5)] + [_para(_number(n), 7.5, align=2) for n in numbers])
    table = Table(cells, colWidths=[label_width] + [other] * (len(heads) - 1), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _charts(data: DispositionReportData, width: float) -> list[Flowable]:
    """Pie by disposition, bars by reason and vendor, the daily trend (only with units)."""
    captions = data.captions
    routes = data.section("disposition").rows
    shown = [row for row in routes if row.units]
    pie = pie_chart(
        captions["chart_disposition"],
        [row.label for row in shown],
        [row.units for row in shown],
        width / 2,
        160,
    )
    reasons = data.section("reason").rows[:_BAR_ITEMS]
    reason_bars = bar_chart(
        captions["chart_reason"],
        [row.label for row in reasons],
        [row.units for row in reasons],
        width / 2,
        160,
    )
    vendors = data.section("vendor").rows[:_BAR_ITEMS]
    vendor_bars = bar_chart(
        captions["chart_vendor"],
        [row.label for row in vendors],
        [row.units for row in vendors],
        width,
        170,
    )
    series = [
        (label, [counts.by_route[index] for counts in data.daily])
        for index, label in enumerate(data.route_labels)
    ]
    trend = trend_chart(
        captions["chart_daily"], [counts.day for counts in data.daily], series, width, 190
    )
    pair = Table([[pie, reason_bars]], colWidths=[width / 2, width / 2])
    return [pair, Spacer(1, 8), vendor_bars, Spacer(1, 8), trend]


def _story(data: DispositionReportData, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        _para(data.title, 16, bold=True),
        Spacer(1, 3),
        _para(data.subtitle, 10),
        Spacer(1, 8),
        _para(data.captions["summary"], 11, bold=True),
        Spacer(1, 3),
        _summary_table(data, width),
        Spacer(1, 10),
    ]
    if not any(row.units for row in data.section("disposition").rows):
        story.append(_para(data.captions["empty"], 10))
        return story
    story += _charts(data, width)
    for section in data.sections:
        if not section.rows:
            continue
        # A heading never ends a page: with less than 60 mm left, the section starts a new one.
        story.append(CondPageBreak(60 * mm))
        story += [Spacer(1, 10), _para(section.title, 11, bold=True), Spacer(1, 3)]
        story.append(_section_table(data, section, width))
    return story


def render_disposition_report_pdf(data: DispositionReportData) -> bytes:
    """The report as an A4 PDF, page numbers in the footer."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 5 * mm,
        title=data.title,
    )

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        text = f"{data.subtitle}   {data.captions['page'].format(number=doc.page)}"
        font, shown = font_for(text)
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillGray(0.35)
        canvas.drawString(_MARGIN, _MARGIN, shown)
        canvas.restoreState()

    document.build(_story(data, document.width), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


__all__ = [
    "ROUTES",
    "DailyCounts",
    "DispositionReportData",
    "ReportFigure",
    "ReportRow",
    "ReportSection",
    "format_figure",
    "render_disposition_report_pdf",
]
