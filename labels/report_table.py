"""The answers table of the inspection report, and the plan of which rows go on which page.

Rows are measured before anything is drawn. The checklist shrinks "a little" (down the
:data:`_TABLE_SIZES`) to stay on one page together with the photos; if even the smallest size
does not fit, it runs over pages at the first, most readable size, each repeating the header.
Failing rows are tinted by severity and their answer is bold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from labels.layout import Box, Painter, draw_fitted, slot_baseline
from labels.report_data import InspectionReportData, ReportAnswer
from labels.report_page import CONTINUATION_HEADER, RGB
from labels.report_photos import PHOTO_MIN_HEIGHT, fit_photo_height, photos_height
from labels.text import FittedText, fit_line, wrap_lines

#: Background of failing answer rows, by severity.
_ROW_TINTS: dict[str, RGB] = {
    "cosmetic": (1.00, 0.96, 0.84),
    "minor": (1.00, 0.93, 0.76),
    "major": (0.99, 0.87, 0.87),
    "critical": (0.98, 0.80, 0.80),
}

#: Table font sizes to try, largest first: the checklist shrinks "a little" to stay on one page;
#: if even the smallest size does not, it runs over pages at the first (most readable) size.
_TABLE_SIZES = (9.0, 8.5, 8.0, 7.5)
_TABLE_LEADING = 1.2
_CELL_PAD = 3.0
_CELL_LINES = 8


@dataclass(frozen=True)
class _Columns:
    position: float
    question: float
    answer: float
    severity: float


def _columns(width: float) -> _Columns:
    position, severity = 24.0, 66.0
    rest = width - position - severity
    return _Columns(position, rest * 0.58, rest * 0.42, severity)


@dataclass(frozen=True)
class TableRow:
    """One answer wrapped to its cells at the table's font size, and the height it takes."""

    answer: ReportAnswer
    question: list[FittedText]
    text: list[FittedText]
    height: float


def _rows(data: InspectionReportData, width: float, size: float) -> list[TableRow]:
    columns = _columns(width)
    rows = []
    for answer in data.answers:
        question = wrap_lines(
            answer.question, columns.question - 2 * _CELL_PAD, size=size, max_lines=_CELL_LINES
        )
        bold = answer.severity != "none"
        text = wrap_lines(
            answer.answer or "-",
            columns.answer - 2 * _CELL_PAD,
            size=size,
            max_lines=_CELL_LINES,
            bold=bold,
        )
        lines = max(len(question), len(text), 1)
        rows.append(TableRow(answer, question, text, lines * size * _TABLE_LEADING + 2 * _CELL_PAD))
    return rows


def _table_header_height(size: float) -> float:
    return size * _TABLE_LEADING + 2 * _CELL_PAD + 2


@dataclass
class PlannedPage:
    """What one page holds below its header: table rows, and the photos if ``photo_height``."""

    rows: list[TableRow]
    table_size: float
    photo_height: float | None = None


def plan_pages(
    data: InspectionReportData, content: Box, first_page_top: float
) -> list[PlannedPage]:
    """Decide what goes on which page: one page if the table fits at some size, else a run."""
    photos = len(data.photos)
    available = first_page_top - content.bottom
    for size in _TABLE_SIZES:
        rows = _rows(data, content.width, size)
        table = _table_header_height(size) + sum(row.height for row in rows) if rows else 0.0
        spare = available - table
        if spare >= photos_height(photos, PHOTO_MIN_HEIGHT) - 1e-6:
            photo_height = fit_photo_height(photos, spare)
            return [PlannedPage(rows, size, photo_height if photos else None)]

    size = _TABLE_SIZES[0]
    rows = _rows(data, content.width, size)
    pages = [PlannedPage([], size)]
    room = available - _table_header_height(size)
    continued_room = content.top - content.bottom - CONTINUATION_HEADER
    for row in rows:
        if row.height > room and pages[-1].rows:
            pages.append(PlannedPage([], size))
            room = continued_room - _table_header_height(size)
        pages[-1].rows.append(row)
        room -= row.height
    if photos:
        if room < photos_height(photos, PHOTO_MIN_HEIGHT):
            pages.append(PlannedPage([], size))
            room = continued_room
        pages[-1].photo_height = fit_photo_height(photos, room)
    return pages


def draw_table(
    painter: Painter, data: InspectionReportData, rows: Sequence[TableRow], size: float
) -> None:
    """The header row and ``rows`` at font ``size``, below the painter's cursor."""
    canvas, box = painter.canvas, painter.box
    columns = _columns(box.width)
    lefts = (
        box.left,
        box.left + columns.position,
        box.left + columns.position + columns.question,
        box.right - columns.severity,
    )
    captions = data.captions
    header_top = painter.cursor
    header_height = _table_header_height(size)
    painter.gap(header_height)
    canvas.setFillGray(0.88)
    canvas.rect(box.left, painter.cursor, box.width, header_height, stroke=0, fill=1)
    canvas.setFillGray(0)
    widths = (columns.position, columns.question, columns.answer, columns.severity)
    keys = ("position", "question", "answer", "severity")
    for left, width, key in zip(lefts, widths, keys, strict=True):
        fitted = fit_line(captions[key], width - 2 * _CELL_PAD, size=size, bold=True)
        draw_fitted(
            canvas,
            fitted,
            left + _CELL_PAD,
            slot_baseline(header_top - _CELL_PAD - 1, size, _TABLE_LEADING),
        )
    slot = size * _TABLE_LEADING
    for row in rows:
        top = painter.cursor
        painter.gap(row.height)
        failing = row.answer.severity != "none"
        if failing:
            canvas.setFillColorRGB(*_ROW_TINTS[row.answer.severity])
            canvas.rect(box.left, painter.cursor, box.width, row.height, stroke=0, fill=1)
            canvas.setFillGray(0)
        first = slot_baseline(top - _CELL_PAD, size, _TABLE_LEADING)
        position = fit_line(str(row.answer.position), columns.position - 2 * _CELL_PAD, size=size)
        draw_fitted(canvas, position, lefts[1] - _CELL_PAD - position.width, first)
        for index, line in enumerate(row.question):
            draw_fitted(canvas, line, lefts[1] + _CELL_PAD, first - index * slot)
        for index, line in enumerate(row.text):
            draw_fitted(canvas, line, lefts[2] + _CELL_PAD, first - index * slot)
        severity = fit_line(
            captions[f"severity_{row.answer.severity}"],
            columns.severity - 2 * _CELL_PAD,
            size=size,
            bold=failing,
        )
        draw_fitted(canvas, severity, lefts[3] + _CELL_PAD, first)
        canvas.setStrokeGray(0.75)
        canvas.setLineWidth(0.4)
        canvas.line(box.left, painter.cursor, box.right, painter.cursor)
        canvas.setStrokeGray(0)
