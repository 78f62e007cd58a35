"""The page frame of the inspection report: header with the LPN barcode, unit block, footer.

Page 1 opens with the title, the LPN as text and as a Code 128 barcode on the 300 dpi grid of the
scan sheets, the unit's fields beside a big grade box, and any override line. Further pages repeat
a slim continuation header. Every page ends with the footer: who inspected where and when, and
``n / N``. Heights are measured here as well as drawn, so the plan can count pages first.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from labels.barcodes import (
    QUIET_ZONE_MODULES,
    PlacedBarcode,
    draw_code128,
    encode_code128,
    fit_module_dots,
)
from labels.errors import LabelError
from labels.fonts import MONO
from labels.layout import Box, Painter, draw_fitted, slot_baseline
from labels.report_data import InspectionReportData, override_text
from labels.scan_sheet import SHEET_DPI, SHEET_MAX_MODULE_DOTS, SHEET_MIN_MODULE_DOTS
from labels.text import FittedText, fit_line, wrap_lines

RGB = tuple[float, float, float]

#: Border/letter colour and background tint of the grade box. The letter is printed too, and the
#: tints are light, so a black-and-white printout still reads.
_GRADE_COLOURS: dict[str, tuple[RGB, RGB]] = {
    "A": ((0.10, 0.50, 0.20), (0.86, 0.95, 0.87)),
    "B": ((0.80, 0.50, 0.00), (1.00, 0.93, 0.76)),
    "C": ((0.75, 0.10, 0.10), (0.99, 0.85, 0.85)),
}
#: A grade this renderer has no colour for (a future template's "D") prints in neutral grey.
_OTHER_GRADE: tuple[RGB, RGB] = ((0.25, 0.25, 0.25), (0.92, 0.92, 0.92))

_MARGIN = 15 * mm
_FOOTER_HEIGHT = 22.0
#: Height of the header repeated on pages after the first.
CONTINUATION_HEADER = 30.0
#: Space between the blocks of the page (unit block, table, photos).
SECTION_GAP = 10.0
_BAR_HEIGHT = 40.0
_BARCODE_MAX_SHARE = 0.6
_TITLE_SIZE = 15.0
_FIELD_SIZE = 9.5
_FIELD_LEADING = 1.3
_CUSTOMER_WORDS_LINES = 12
_GRADE_BOX_WIDTH = 118.0
_GRADE_BOX_MIN_HEIGHT = 100.0
_GRADE_SIZE = 54.0


def content_box() -> Box:
    """The part of the A4 page between the margins and above the footer."""
    width, height = A4
    content = Box.inside(width, height, _MARGIN)
    return Box(content.left, content.bottom + _FOOTER_HEIGHT, content.right, content.top)


# --- measuring ----------------------------------------------------------------------------------


def _barcode_width(lpn: str, content_width: float) -> float:
    """Width of the header's barcode box: the barcode at its widest module, within limits.

    The box takes at most 60 % of the page width so the title keeps a column beside it; that
    holds a 22-character LPN of letters (LPN labels hold 16).
    """
    symbol = encode_code128(lpn)
    needed = symbol.modules_with_quiet_zones * SHEET_MAX_MODULE_DOTS * 72 / SHEET_DPI + 1
    width = min(content_width * _BARCODE_MAX_SHARE, max(needed, content_width * 0.42))
    try:
        fit_module_dots(
            symbol,
            width,
            SHEET_DPI,
            min_dots=SHEET_MIN_MODULE_DOTS,
            max_dots=SHEET_MAX_MODULE_DOTS,
        )
    except LabelError as error:
        raise LabelError(error.reason, field="lpn") from None
    return width


def _header_height() -> float:
    return _BAR_HEIGHT + 14.0 + 8.0


@dataclass(frozen=True)
class _Field:
    caption: str
    lines: list[FittedText]


def _fields(data: InspectionReportData, width: float) -> tuple[list[_Field], float]:
    """The unit's caption/value rows, wrapped to the value column; and that column's left."""
    captions = data.captions
    rows: list[tuple[str, str, int, bool]] = [
        (captions["product"], data.product, 3, True),
        (captions["sku"], data.sku, 1, False),
    ]
    if data.serial:
        rows.append((captions["serial"], data.serial, 1, False))
    rows += [
        (captions["rma"], data.rma, 1, False),
        (captions["reason"], data.reason, 2, False),
        (captions["customer_words"], data.customer_words, _CUSTOMER_WORDS_LINES, False),
    ]
    caption_width = max(
        fit_line(caption, 1e9, size=_FIELD_SIZE - 1, bold=True).width for caption, *_ in rows
    )
    caption_width = min(caption_width, width * 0.35)
    value_width = width - caption_width - 8
    fields = [
        _Field(
            caption,
            wrap_lines(value or "-", value_width, size=_FIELD_SIZE, max_lines=lines, bold=bold),
        )
        for caption, value, lines, bold in rows
    ]
    return fields, caption_width + 8


def _override_lines(data: InspectionReportData, width: float) -> list[FittedText]:
    text = override_text(data)
    if text is None:
        return []
    return wrap_lines(text, width, size=_FIELD_SIZE, max_lines=4, bold=True)


def top_height(data: InspectionReportData, content: Box) -> float:
    """Height of page 1's header, unit block and override line, as :func:`draw_top` draws them."""
    left_width = content.width - _GRADE_BOX_WIDTH - 12
    fields, _ = _fields(data, left_width)
    lines = sum(len(field.lines) for field in fields)
    block = max(lines * _FIELD_SIZE * _FIELD_LEADING, _GRADE_BOX_MIN_HEIGHT)
    override = _override_lines(data, content.width)
    override_height = len(override) * _FIELD_SIZE * _FIELD_LEADING + (6 if override else 0)
    return _header_height() + block + override_height + SECTION_GAP


# --- drawing ------------------------------------------------------------------------------------


def draw_top(painter: Painter, data: InspectionReportData) -> None:
    """Header (title, LPN, barcode), the unit's fields beside the grade box, the override line."""
    canvas, box = painter.canvas, painter.box
    top = painter.cursor
    barcode_width = _barcode_width(data.lpn, box.width)
    placed = _draw_lpn_barcode(canvas, data.lpn, box.right - barcode_width, top, barcode_width)
    # The text column ends where the bars begin (the quiet zone is inside the barcode box).
    text_right = placed.left - QUIET_ZONE_MODULES * placed.module_pt - 6
    title = Painter(canvas, Box(box.left, box.bottom, text_right, top), dpi=painter.dpi)
    title.text(data.title, size=_TITLE_SIZE, min_size=10, bold=True, leading=1.3)
    title.gap(4)
    title.inline([(data.captions["lpn"], data.lpn)], size=14)
    painter.gap(_header_height() - 8)
    painter.rule(space=4, thickness=1.0)

    block_top = painter.cursor
    left_width = box.width - _GRADE_BOX_WIDTH - 12
    fields, value_left = _fields(data, left_width)
    lines = sum(len(field.lines) for field in fields)
    block = max(lines * _FIELD_SIZE * _FIELD_LEADING, _GRADE_BOX_MIN_HEIGHT)
    painter.gap(block)
    y = block_top
    slot = _FIELD_SIZE * _FIELD_LEADING
    for field in fields:
        caption = fit_line(field.caption, value_left - 8, size=_FIELD_SIZE - 1, bold=True)
        canvas.setFillGray(0.35)
        draw_fitted(canvas, caption, box.left, slot_baseline(y, _FIELD_SIZE, _FIELD_LEADING))
        canvas.setFillGray(0)
        for line in field.lines:
            draw_fitted(
                canvas, line, box.left + value_left, slot_baseline(y, _FIELD_SIZE, _FIELD_LEADING)
            )
            y -= slot
    _draw_grade_box(
        canvas,
        data,
        Box(box.right - _GRADE_BOX_WIDTH, block_top - block, box.right, block_top),
    )

    override = _override_lines(data, box.width)
    if override:
        painter.gap(6)
        colour, _ = _GRADE_COLOURS.get(data.grade, _OTHER_GRADE)
        canvas.setFillColorRGB(*colour)
        for line in override:
            painter.line(line, leading=_FIELD_LEADING)
        canvas.setFillGray(0)
    painter.gap(SECTION_GAP)


def _draw_lpn_barcode(
    canvas: Canvas, lpn: str, left: float, top: float, width: float
) -> PlacedBarcode:
    return draw_code128(
        canvas,
        lpn,
        left=left,
        top=top,
        width=width,
        bar_height=_BAR_HEIGHT,
        dpi=SHEET_DPI,
        min_dots=SHEET_MIN_MODULE_DOTS,
        max_dots=SHEET_MAX_MODULE_DOTS,
        text=lpn,
        font_name=MONO,
        font_size=9,
    )


def _draw_grade_box(canvas: Canvas, data: InspectionReportData, box: Box) -> None:
    colour, tint = _GRADE_COLOURS.get(data.grade, _OTHER_GRADE)
    canvas.saveState()
    canvas.setFillColorRGB(*tint)
    canvas.setStrokeColorRGB(*colour)
    canvas.setLineWidth(2.5)
    height = box.top - box.bottom
    canvas.roundRect(box.left, box.bottom, box.width, height, 6, stroke=1, fill=1)
    caption = fit_line(data.captions["grade"], box.width - 12, size=10, bold=True)
    canvas.setFillGray(0.15)
    draw_fitted(canvas, caption, box.left + (box.width - caption.width) / 2, box.top - 16)
    grade = fit_line(data.grade, box.width - 12, size=_GRADE_SIZE, min_size=18, bold=True)
    canvas.setFillColorRGB(*(channel * 0.8 for channel in colour))
    middle = box.bottom + (height - 20) / 2
    draw_fitted(
        canvas,
        grade,
        box.left + (box.width - grade.width) / 2,
        middle - grade.font_size * 0.36,
    )
    canvas.restoreState()


def draw_continuation_header(painter: Painter, data: InspectionReportData) -> None:
    """The title and the LPN over a rule, :data:`CONTINUATION_HEADER` high, on pages after 1."""
    painter.inline([("", data.title)], [(data.captions["lpn"], data.lpn)], size=11, leading=1.4)
    painter.rule(space=(CONTINUATION_HEADER - 11 * 1.4) / 2, thickness=0.75)


def draw_footer(canvas: Canvas, data: InspectionReportData, number: int, count: int) -> None:
    """Inspector, station, time and template, and ``number / count``, below the content box."""
    width, _ = A4
    footer = Painter(
        canvas, Box(_MARGIN, _MARGIN, width - _MARGIN, _MARGIN + _FOOTER_HEIGHT), dpi=SHEET_DPI
    )
    footer.rule(space=4, thickness=0.5)
    captions = data.captions
    footer.inline(
        [
            (captions["inspector"], data.inspector),
            (captions["station"], data.station),
            (captions["inspected_at"], data.inspected_at),
            (captions["template"], data.template),
        ],
        [("", f"{number} / {count}")],
        size=8,
    )
