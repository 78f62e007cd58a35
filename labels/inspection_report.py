"""The A4 inspection report of one returned unit: LPN barcode, what it is, the grade, the answers.

Pure rendering, no Qt. ``render_inspection_report_pdf(data) -> bytes``. The report travels with
the unit (to a vendor, a refurbisher, a customer-service agent), so it must read in black and
white, print Chinese with an embedded font, and keep the LPN scannable from an office printout.
Every text, captions included, arrives translated (HOUSE.md B6).

The layout is planned before anything is drawn: rows are measured, pages are counted, and only
then painted, so the footer can say ``n / N`` and nothing is ever clipped.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
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
from labels.layout import ASCENT, DESCENT, Box, Painter, draw_fitted
from labels.scan_sheet import SHEET_DPI, SHEET_MAX_MODULE_DOTS, SHEET_MIN_MODULE_DOTS
from labels.text import FittedText, fit_line, wrap_lines

#: Severity codes of a checklist answer, mildest first; anything but ``none`` is a failing row.
SEVERITIES = ("none", "cosmetic", "minor", "major", "critical")

#: More photos than this do not fit one page as useful thumbnails; the core picks which to send.
MAX_PHOTOS = 6

#: The keys ``InspectionReportData.captions`` must hold. ``overridden`` is a format string with
#: ``{grade}`` (the computed grade) and ``{reason}``; ``severity_<code>`` name each severity.
CAPTION_KEYS = (
    "lpn",
    "product",
    "sku",
    "serial",
    "rma",
    "reason",
    "customer_words",
    "grade",
    "overridden",
    "position",
    "question",
    "answer",
    "severity",
    "photos",
    "inspector",
    "station",
    "inspected_at",
    "template",
    *(f"severity_{code}" for code in SEVERITIES),
)


@dataclass(frozen=True)
class ReportAnswer:
    """One answered checklist step; ``severity`` is a code from :data:`SEVERITIES`."""

    position: int
    question: str
    answer: str
    severity: str


@dataclass(frozen=True)
class ReportPhoto:
    """A photo taken during the inspection: JPEG or PNG bytes and a caption."""

    caption: str
    image: bytes


@dataclass(frozen=True)
class InspectionReportData:
    """What the report shows; every string is final and display-ready.

    ``grade`` is the grade given, ``computed_grade`` the one the checklist arrived at; they
    differ, or ``override_reason`` is set, when the inspector overrode the grade. ``captions``
    holds the translated captions named in :data:`CAPTION_KEYS`.
    """

    title: str
    lpn: str
    product: str
    sku: str
    serial: str | None
    rma: str
    reason: str
    customer_words: str
    template: str
    grade: str
    computed_grade: str
    override_reason: str | None
    inspector: str
    station: str
    inspected_at: str
    answers: tuple[ReportAnswer, ...]
    photos: tuple[ReportPhoto, ...]
    captions: Mapping[str, str]


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
#: Background of failing answer rows, by severity.
_ROW_TINTS: dict[str, RGB] = {
    "cosmetic": (1.00, 0.96, 0.84),
    "minor": (1.00, 0.93, 0.76),
    "major": (0.99, 0.87, 0.87),
    "critical": (0.98, 0.80, 0.80),
}

_MARGIN = 15 * mm
_FOOTER_HEIGHT = 22.0
_BAR_HEIGHT = 40.0
_BARCODE_MAX_SHARE = 0.6
_TITLE_SIZE = 15.0
_CONTINUATION_HEADER = 30.0
_FIELD_SIZE = 9.5
_FIELD_LEADING = 1.3
_CUSTOMER_WORDS_LINES = 12
_GRADE_BOX_WIDTH = 118.0
_GRADE_BOX_MIN_HEIGHT = 100.0
_GRADE_SIZE = 54.0
_SECTION_GAP = 10.0
#: Table font sizes to try, largest first: the checklist shrinks "a little" to stay on one page;
#: if even the smallest size does not, it runs over pages at the first (most readable) size.
_TABLE_SIZES = (9.0, 8.5, 8.0, 7.5)
_TABLE_LEADING = 1.2
_CELL_PAD = 3.0
_CELL_LINES = 8
_PHOTO_COLUMNS = 3
_PHOTO_GAP = 8.0
_PHOTO_MAX_HEIGHT = 120.0
_PHOTO_MIN_HEIGHT = 60.0
_PHOTO_CAPTION_SIZE = 8.0
_PHOTO_CAPTION_LINES = 2
_HEADING_SIZE = 10.0


def render_inspection_report_pdf(data: InspectionReportData) -> bytes:
    """Render the inspection report of one unit as an A4 PDF, normally one page.

    Page 1 has the title, the LPN as a Code 128 barcode (whole dots of a 300 dpi grid, like the
    scan sheets, so it scans from an office printout) and as text, the unit's fields, the grade in
    a big coloured box with any override, the answers (failing rows tinted), and the photos.
    Up to 20 answers fit one page, the table shrinking a little if needed; more continue on
    further pages, which repeat the title, the LPN and the table header. Print at 100 %.

    Raises:
        LabelError: the LPN is empty, not printable ASCII or too long for a barcode across the
            page; a caption from :data:`CAPTION_KEYS` is missing or ``overridden`` is not a
            valid format string; an answer's severity is unknown; more than :data:`MAX_PHOTOS`
            photos, or a photo that is not a readable JPEG or PNG.
    """
    _check(data)
    images = [_read_photo(index, photo) for index, photo in enumerate(data.photos)]
    width, height = A4
    content = Box.inside(width, height, _MARGIN)
    content = Box(content.left, content.bottom + _FOOTER_HEIGHT, content.right, content.top)
    first_page_top = content.top - _top_height(data, content)
    pages = _plan(data, content, first_page_top)

    buffer = io.BytesIO()
    # invariant: no timestamp or random ID in the file, so the same data gives the same bytes.
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{data.title} {data.lpn}")
    canvas.setCreator("receiving-app")
    for number, page in enumerate(pages, start=1):
        painter = Painter(canvas, content, dpi=SHEET_DPI)
        if number == 1:
            _draw_top(painter, data)
        else:
            _draw_continuation_header(painter, data)
        if page.rows:
            _draw_table(painter, data, page.rows, page.table_size)
        if page.photo_height is not None:
            _draw_photos(painter, data, images, page.photo_height)
        _draw_footer(canvas, data, number, len(pages))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- checks -------------------------------------------------------------------------------------


def _check(data: InspectionReportData) -> None:
    if not data.lpn.strip() or data.lpn != data.lpn.strip() or not data.lpn.isprintable():
        raise LabelError(
            f"LPN {data.lpn!r} is empty, has surrounding spaces or control characters",
            field="lpn",
        )
    try:
        encode_code128(data.lpn)
    except LabelError as error:
        raise LabelError(error.reason, field="lpn") from None
    missing = [key for key in CAPTION_KEYS if key not in data.captions]
    if missing:
        raise LabelError(f"captions missing: {', '.join(missing)}", field="captions")
    _override_text(data)  # a broken format string fails here, before any drawing
    for answer in data.answers:
        if answer.severity not in SEVERITIES:
            raise LabelError(
                f"answer {answer.position} has severity {answer.severity!r}; "
                f"use one of {', '.join(SEVERITIES)}",
                field="answers",
            )
    if len(data.photos) > MAX_PHOTOS:
        raise LabelError(
            f"{len(data.photos)} photos; the report shows at most {MAX_PHOTOS}", field="photos"
        )


def _read_photo(index: int, photo: ReportPhoto) -> ImageReader:
    """Decode a photo fully now, so a damaged file fails with a reason instead of a blank box."""
    where = f"photo {index + 1} ({photo.caption!r})"
    if not photo.image.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        raise LabelError(f"{where} is not a JPEG or PNG image", field="photos")
    try:
        reader = ImageReader(io.BytesIO(photo.image))
        reader.getRGBData()  # forces a full decode: a truncated file raises here
    except (OSError, ValueError, SyntaxError) as error:
        first_line = str(error).strip().splitlines()[-1] if str(error).strip() else ""
        raise LabelError(f"{where} cannot be read: {first_line}", field="photos") from None
    return reader


def _override_text(data: InspectionReportData) -> str | None:
    """The override line, or None when the grade is the computed one and no reason was given."""
    if data.override_reason is None and data.grade == data.computed_grade:
        return None
    template = data.captions["overridden"]
    try:
        return template.format_map(
            {"grade": data.computed_grade, "reason": data.override_reason or ""}
        )
    except (KeyError, IndexError, ValueError) as error:
        raise LabelError(
            f"caption 'overridden' {template!r} is not a format string with {{grade}} and "
            f"{{reason}}: {error!r}",
            field="captions",
        ) from None


# --- measuring and planning ---------------------------------------------------------------------


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
    text = _override_text(data)
    if text is None:
        return []
    return wrap_lines(text, width, size=_FIELD_SIZE, max_lines=4, bold=True)


def _top_height(data: InspectionReportData, content: Box) -> float:
    """Height of page 1's header, unit block and override line, as :func:`_draw_top` draws them."""
    left_width = content.width - _GRADE_BOX_WIDTH - 12
    fields, _ = _fields(data, left_width)
    lines = sum(len(field.lines) for field in fields)
    block = max(lines * _FIELD_SIZE * _FIELD_LEADING, _GRADE_BOX_MIN_HEIGHT)
    override = _override_lines(data, content.width)
    override_height = len(override) * _FIELD_SIZE * _FIELD_LEADING + (6 if override else 0)
    return _header_height() + block + override_height + _SECTION_GAP


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
class _Row:
    answer: ReportAnswer
    question: list[FittedText]
    text: list[FittedText]
    height: float


def _rows(data: InspectionReportData, width: float, size: float) -> list[_Row]:
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
        rows.append(_Row(answer, question, text, lines * size * _TABLE_LEADING + 2 * _CELL_PAD))
    return rows


def _table_header_height(size: float) -> float:
    return size * _TABLE_LEADING + 2 * _CELL_PAD + 2


def _photos_height(count: int, photo_height: float) -> float:
    """Heading plus the grid of ``count`` photos with ``photo_height`` image boxes."""
    if count == 0:
        return 0.0
    grid_rows = math.ceil(count / _PHOTO_COLUMNS)
    cell = photo_height + 3 + _PHOTO_CAPTION_SIZE * 1.2 * _PHOTO_CAPTION_LINES
    return _SECTION_GAP + _HEADING_SIZE * 1.4 + grid_rows * cell + (grid_rows - 1) * _PHOTO_GAP


@dataclass
class _Page:
    rows: list[_Row]
    table_size: float
    photo_height: float | None = None


def _plan(data: InspectionReportData, content: Box, first_page_top: float) -> list[_Page]:
    """Decide what goes on which page: one page if the table fits at some size, else a run."""
    photos = len(data.photos)
    available = first_page_top - content.bottom
    for size in _TABLE_SIZES:
        rows = _rows(data, content.width, size)
        table = _table_header_height(size) + sum(row.height for row in rows) if rows else 0.0
        spare = available - table
        if spare >= _photos_height(photos, _PHOTO_MIN_HEIGHT) - 1e-6:
            photo_height = _fit_photo_height(photos, spare)
            return [_Page(rows, size, photo_height if photos else None)]

    size = _TABLE_SIZES[0]
    rows = _rows(data, content.width, size)
    pages = [_Page([], size)]
    room = available - _table_header_height(size)
    continued_room = content.top - content.bottom - _CONTINUATION_HEADER
    for row in rows:
        if row.height > room and pages[-1].rows:
            pages.append(_Page([], size))
            room = continued_room - _table_header_height(size)
        pages[-1].rows.append(row)
        room -= row.height
    if photos:
        if room < _photos_height(photos, _PHOTO_MIN_HEIGHT):
            pages.append(_Page([], size))
            room = continued_room
        pages[-1].photo_height = _fit_photo_height(photos, room)
    return pages


def _fit_photo_height(count: int, room: float) -> float:
    """The tallest image box between the limits whose grid fits ``room``."""
    if count == 0:
        return _PHOTO_MAX_HEIGHT
    grid_rows = math.ceil(count / _PHOTO_COLUMNS)
    fixed = _photos_height(count, 0.0)
    height = (room - fixed) / grid_rows
    return max(_PHOTO_MIN_HEIGHT, min(_PHOTO_MAX_HEIGHT, height))


# --- drawing --------------------------------------------------------------------------------------


def _baseline(top: float, size: float, leading: float) -> float:
    """Baseline of a line of ``size`` whose slot of ``size * leading`` starts at ``top``."""
    height = size * leading
    return top - size * ASCENT - (height - size * (ASCENT + DESCENT)) / 2


def _draw_top(painter: Painter, data: InspectionReportData) -> None:
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
        draw_fitted(canvas, caption, box.left, _baseline(y, _FIELD_SIZE, _FIELD_LEADING))
        canvas.setFillGray(0)
        for line in field.lines:
            draw_fitted(
                canvas, line, box.left + value_left, _baseline(y, _FIELD_SIZE, _FIELD_LEADING)
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
    painter.gap(_SECTION_GAP)


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


def _draw_continuation_header(painter: Painter, data: InspectionReportData) -> None:
    painter.inline([("", data.title)], [(data.captions["lpn"], data.lpn)], size=11, leading=1.4)
    painter.rule(space=(_CONTINUATION_HEADER - 11 * 1.4) / 2, thickness=0.75)


def _draw_table(
    painter: Painter, data: InspectionReportData, rows: Sequence[_Row], size: float
) -> None:
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
            _baseline(header_top - _CELL_PAD - 1, size, _TABLE_LEADING),
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
        first = _baseline(top - _CELL_PAD, size, _TABLE_LEADING)
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


def _draw_photos(
    painter: Painter,
    data: InspectionReportData,
    images: Sequence[ImageReader],
    photo_height: float,
) -> None:
    canvas, box = painter.canvas, painter.box
    painter.gap(_SECTION_GAP)
    painter.text(data.captions["photos"], size=_HEADING_SIZE, bold=True, leading=1.4)
    cell_width = (box.width - (_PHOTO_COLUMNS - 1) * _PHOTO_GAP) / _PHOTO_COLUMNS
    cell_height = photo_height + 3 + _PHOTO_CAPTION_SIZE * 1.2 * _PHOTO_CAPTION_LINES
    for start in range(0, len(images), _PHOTO_COLUMNS):
        if start:
            painter.gap(_PHOTO_GAP)
        top = painter.cursor
        painter.gap(cell_height)
        for column, index in enumerate(range(start, min(start + _PHOTO_COLUMNS, len(images)))):
            left = box.left + column * (cell_width + _PHOTO_GAP)
            _draw_photo(
                canvas, images[index], Box(left, top - photo_height, left + cell_width, top)
            )
            caption_top = top - photo_height - 3
            lines = wrap_lines(
                data.photos[index].caption,
                cell_width,
                size=_PHOTO_CAPTION_SIZE,
                max_lines=_PHOTO_CAPTION_LINES,
            )
            for number, line in enumerate(lines):
                y = caption_top - number * _PHOTO_CAPTION_SIZE * 1.2
                draw_fitted(
                    canvas,
                    line,
                    left + (cell_width - line.width) / 2,
                    _baseline(y, _PHOTO_CAPTION_SIZE, 1.2),
                )


def _draw_photo(canvas: Canvas, image: ImageReader, box: Box) -> None:
    """The image scaled to fit ``box`` without distortion, centred, with a hairline frame."""
    image_width, image_height = image.getSize()
    height = box.top - box.bottom
    scale = min(box.width / image_width, height / image_height)
    width, drawn_height = image_width * scale, image_height * scale
    canvas.drawImage(
        image,
        box.left + (box.width - width) / 2,
        box.bottom + (height - drawn_height) / 2,
        width,
        drawn_height,
        mask="auto",
    )
    canvas.setStrokeGray(0.7)
    canvas.setLineWidth(0.5)
    canvas.rect(box.left, box.bottom, box.width, height, stroke=1, fill=0)
    canvas.setStrokeGray(0)


def _draw_footer(canvas: Canvas, data: InspectionReportData, number: int, count: int) -> None:
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


__all__ = [
    "CAPTION_KEYS",
    "MAX_PHOTOS",
    "SEVERITIES",
    "InspectionReportData",
    "ReportAnswer",
    "ReportPhoto",
    "render_inspection_report_pdf",
]
