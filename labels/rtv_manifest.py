"""The A4 manifest of a vendor-return batch: what goes back to the vendor, carton by carton.

Pure rendering, no Qt. ``render_rtv_manifest_pdf(data) -> bytes``. The manifest travels with the
shipment and goes to the vendor's returns desk, so the batch number is a Code 128 barcode on the
300 dpi grid of the scan sheets (it scans from an office printout), Chinese names print in the
embedded font, and every unit is one table row (long texts are cut with an ellipsis rather than
wrapped, so rows line up across pages). Every text, captions included, arrives translated.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from labels.barcodes import draw_code128
from labels.errors import LabelError
from labels.fonts import MONO
from labels.label_checks import check_barcode_data, check_text
from labels.layout import Box, Painter, TextAlign, draw_fitted, slot_baseline
from labels.scan_sheet import SHEET_DPI, SHEET_MAX_MODULE_DOTS, SHEET_MIN_MODULE_DOTS
from labels.text import fit_line

#: The table's columns, in order, and their share of the page width.
COLUMNS = ("carton", "lpn", "sku", "product", "serial", "grade", "reason", "cost")
_SHARES = (0.07, 0.15, 0.13, 0.23, 0.13, 0.06, 0.13, 0.10)
_MARGIN = 15 * mm
_FOOTER = 20.0
_BAR_HEIGHT = 36.0
_BARCODE_WIDTH = 220.0
_TITLE_SIZE = 15.0
_FIELD_SIZE = 9.5
_ROW_SIZE = 8.0
_ROW_LEADING = 1.5
_CELL_PAD = 2.5


@dataclass(frozen=True)
class ManifestLine:
    """One unit of the batch as the table shows it; ``carton`` is its carton's number."""

    carton: str
    lpn: str
    sku: str
    product: str
    serial: str
    grade: str
    reason: str
    cost: str


@dataclass(frozen=True)
class RTVManifestData:
    """What the manifest shows; every string is final and display-ready.

    ``fields`` are the header's caption/value rows (vendor, vendor RMA, dates, carrier, totals,
    cartons with their SSCCs) in the order printed. ``captions`` names the table's
    :data:`COLUMNS` and ``page`` is a format string with ``{number}`` and ``{count}``.
    """

    title: str
    batch: str
    fields: tuple[tuple[str, str], ...]
    captions: dict[str, str]
    page: str
    lines: tuple[ManifestLine, ...]


def check_manifest(data: RTVManifestData) -> None:
    """Refuse data the manifest cannot show, naming the field.

    Raises:
        LabelError: the batch number cannot be a barcode, the title or a column caption is
            empty, or ``page`` lacks ``{number}`` or ``{count}``.
    """
    check_barcode_data(data.batch, "batch")
    check_text(data.title, "title")
    for key in COLUMNS:
        check_text(data.captions.get(key), f"captions[{key!r}]")
    try:
        data.page.format(number=1, count=1)
    except (KeyError, IndexError, ValueError):
        raise LabelError(f"{data.page!r} is not a page format", field="page") from None
    if "{number}" not in data.page or "{count}" not in data.page:
        raise LabelError(f"{data.page!r} needs {{number}} and {{count}}", field="page")


def render_rtv_manifest_pdf(data: RTVManifestData) -> bytes:
    """Render the batch's manifest as an A4 PDF: header on page 1, the unit table across pages.

    Pages after the first repeat the title and batch number and the table's header row, and
    every page ends with ``n / N``. Print at 100 %.

    Raises:
        LabelError: as :func:`check_manifest`.
    """
    check_manifest(data)
    content = _content_box()
    row_height = _ROW_SIZE * _ROW_LEADING
    first_rows = _rows_that_fit(content.top - content.bottom - _top_height(data, content))
    later_rows = _rows_that_fit(content.top - content.bottom - _continuation_height())
    pages = _split(data.lines, first_rows, later_rows)

    buffer = io.BytesIO()
    # invariant: no timestamp or random ID in the file, so the same data gives the same bytes.
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{data.title} {data.batch}")
    canvas.setCreator("receiving-app")
    for number, rows in enumerate(pages, start=1):
        painter = Painter(canvas, content, dpi=SHEET_DPI)
        if number == 1:
            _draw_top(painter, data)
        else:
            _draw_continuation(painter, data)
        _draw_table(painter, data, rows, row_height)
        _draw_footer(canvas, data.page.format(number=number, count=len(pages)))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _content_box() -> Box:
    width, height = A4
    page = Box.inside(width, height, _MARGIN)
    return Box(page.left, page.bottom + _FOOTER, page.right, page.top)


def _top_height(data: RTVManifestData, content: Box) -> float:
    """How much of page 1 the header takes, measured by drawing it on a scratch canvas."""
    painter = Painter(Canvas(io.BytesIO(), pagesize=A4), content, dpi=SHEET_DPI)
    _draw_top(painter, data)
    return content.top - painter.cursor


def _continuation_height() -> float:
    return _FIELD_SIZE * 1.4 + 8.0


def _rows_that_fit(room: float) -> int:
    """Table rows (after the header row) that fit ``room``; at least one, so pages advance."""
    return max(math.floor(room / (_ROW_SIZE * _ROW_LEADING)) - 1, 1)


def _split(lines: Sequence[ManifestLine], first: int, later: int) -> list[Sequence[ManifestLine]]:
    pages: list[Sequence[ManifestLine]] = [lines[:first]]
    for start in range(first, len(lines), later):
        pages.append(lines[start : start + later])
    return pages


def _draw_top(painter: Painter, data: RTVManifestData) -> None:
    painter.text(data.title, size=_TITLE_SIZE, bold=True, leading=1.3)
    painter.gap(4)
    top = painter.cursor
    painter.gap(_BAR_HEIGHT + 14)
    draw_code128(
        painter.canvas,
        data.batch,
        left=painter.box.left,
        top=top,
        width=_BARCODE_WIDTH,
        bar_height=_BAR_HEIGHT,
        dpi=SHEET_DPI,
        min_dots=SHEET_MIN_MODULE_DOTS,
        max_dots=SHEET_MAX_MODULE_DOTS,
        text=data.batch,
        font_name=MONO,
        font_size=10,
    )
    painter.gap(6)
    # inline, not Painter.fields: its captions are drawn in Helvetica, and these may be Chinese.
    for caption, value in data.fields:
        painter.inline([(caption, value)], size=_FIELD_SIZE, leading=1.3)
    painter.gap(8)


def _draw_continuation(painter: Painter, data: RTVManifestData) -> None:
    painter.inline([("", data.title)], [("", data.batch)], size=_FIELD_SIZE, leading=1.4)
    painter.rule(space=4, thickness=0.75)


def _draw_table(
    painter: Painter, data: RTVManifestData, rows: Sequence[ManifestLine], height: float
) -> None:
    canvas, box = painter.canvas, painter.box
    widths = [box.width * share for share in _SHARES]
    lefts = [box.left + sum(widths[:index]) for index in range(len(widths))]
    top = painter.cursor
    painter.gap(height)
    canvas.setFillGray(0.88)
    canvas.rect(box.left, painter.cursor, box.width, height, stroke=0, fill=1)
    canvas.setFillGray(0)
    header = [data.captions[key] for key in COLUMNS]
    _draw_row(canvas, header, lefts, widths, top, bold=True)
    for row in rows:
        top = painter.cursor
        painter.gap(height)
        values = [getattr(row, key) for key in COLUMNS]
        _draw_row(canvas, values, lefts, widths, top, bold=False)
        canvas.setStrokeGray(0.75)
        canvas.setLineWidth(0.4)
        canvas.line(box.left, painter.cursor, box.right, painter.cursor)
        canvas.setStrokeGray(0)


def _draw_row(
    canvas: Canvas,
    values: Sequence[str],
    lefts: Sequence[float],
    widths: Sequence[float],
    top: float,
    *,
    bold: bool,
) -> None:
    baseline = slot_baseline(top, _ROW_SIZE, _ROW_LEADING)
    for index, (value, left, width) in enumerate(zip(values, lefts, widths, strict=True)):
        fitted = fit_line(value, width - 2 * _CELL_PAD, size=_ROW_SIZE, bold=bold)
        right_aligned = COLUMNS[index] == "cost"
        x = left + width - _CELL_PAD - fitted.width if right_aligned else left + _CELL_PAD
        draw_fitted(canvas, fitted, x, baseline)


def _draw_footer(canvas: Canvas, text: str) -> None:
    width, _ = A4
    footer = Painter(canvas, Box(_MARGIN, _MARGIN, width - _MARGIN, _MARGIN + _FOOTER), dpi=300)
    footer.rule(space=4, thickness=0.5)
    footer.text(text, size=8, align=TextAlign.RIGHT)


__all__ = ["COLUMNS", "ManifestLine", "RTVManifestData", "render_rtv_manifest_pdf"]
