"""A4 training sheets of barcodes to scan: badges, tracking numbers, RMAs, orders, units.

Pure rendering, no Qt. ``render_scan_sheet_pdf(title, entries) -> bytes``. Dock staff and testers
scan from these sheets on screen or on paper, so every barcode must decode from an office laser
print and from a 150 dpi rendering of the page: modules are 4 dots of a 300 dpi grid (0.34 mm,
2 pixels at 150 dpi), never thinner.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from labels.barcodes import GS, draw_code128, encode_code128, fit_module_dots, human_readable
from labels.errors import LabelError
from labels.fonts import MONO
from labels.layout import Box, Painter, TextAlign
from labels.text import fit_line, wrap_lines

#: The grid bars snap to: office printers are 300 or 600 dpi, both hit by a 300 dpi grid.
SHEET_DPI = 300
#: Module limits on that grid: 4 dots (0.34 mm) is two pixels at 150 dpi; 5 dots is 0.42 mm.
SHEET_MIN_MODULE_DOTS = 4
SHEET_MAX_MODULE_DOTS = 5

_MARGIN = 15 * mm
_GUTTER = 9 * mm
_HEADER_HEIGHT = 34.0
_FOOTER_HEIGHT = 18.0
_SECTION_HEIGHT = 26.0
_BAR_HEIGHT = 38.0
_CODE_SIZE = 7.5
_LABEL_SIZE = 9.0
_LABEL_LINES = 2
_ROW_HEIGHT = _BAR_HEIGHT + 4 + _CODE_SIZE * 1.3 + _LABEL_SIZE * 1.25 * _LABEL_LINES + 14


@dataclass(frozen=True)
class SheetEntry:
    """One barcode on the sheet: what it encodes, what it is, and the section it belongs to.

    ``gs1``: None means GS1-128 exactly when ``code`` contains GS (ASCII 29), i.e. it is a GS1
    element string with a variable-length field before the end; True or False forces the choice
    (a GS1 string whose only variable field is last has no GS and needs ``gs1=True``).
    """

    code: str
    label: str
    section: str
    gs1: bool | None = None

    @property
    def is_gs1(self) -> bool:
        """Whether the barcode is GS1-128 (FNC1 first, GS as FNC1) rather than plain Code 128."""
        return GS in self.code if self.gs1 is None else self.gs1


@dataclass(frozen=True)
class _Section:
    title: str


@dataclass(frozen=True)
class _Row:
    entries: tuple[SheetEntry, ...]
    wide: bool  # one entry across both columns, because it does not fit one


_Item = _Section | _Row


def render_scan_sheet_pdf(
    title: str,
    entries: Sequence[SheetEntry],
    section_titles: Mapping[str, str] | None = None,
) -> bytes:
    """Render a training sheet: sections in order of first appearance, two columns of barcodes.

    Each barcode has its content in small monospace type under it (GS shown as ``<GS>``) and
    the entry's label below that. Codes too long for a column span the page width. Pages carry
    the title and ``n / N`` page numbers; a section continued on a new page repeats its title.

    Args:
        title: the sheet's title, printed on every page (Chinese allowed).
        entries: the barcodes; ``section`` groups them.
        section_titles: display titles for the section keys; a key without one prints as is.

    Raises:
        LabelError: a code that is empty, not ASCII, or too long for the width of the page.
    """
    titles = section_titles or {}
    width, height = A4
    column = (width - 2 * _MARGIN - _GUTTER) / 2
    pages = _paginate(_rows(entries, titles, column), height)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("receiving-app")
    for number, items in enumerate(pages, start=1):
        _draw_page(canvas, title, items, number, len(pages), column)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fits_column(entry: SheetEntry, column: float) -> bool:
    symbol = encode_code128(entry.code, gs1=entry.is_gs1)
    try:
        fit_module_dots(
            symbol,
            column,
            SHEET_DPI,
            min_dots=SHEET_MIN_MODULE_DOTS,
            max_dots=SHEET_MAX_MODULE_DOTS,
        )
    except LabelError:
        return False
    return True


def _rows(entries: Sequence[SheetEntry], titles: Mapping[str, str], column: float) -> list[_Item]:
    """Group by section (first appearance), then pair entries into rows of two columns."""
    sections: dict[str, list[SheetEntry]] = {}
    for entry in entries:
        sections.setdefault(entry.section, []).append(entry)
    items: list[_Item] = []
    for key, members in sections.items():
        items.append(_Section(titles.get(key, key)))
        pending: list[SheetEntry] = []
        for entry in members:
            if _fits_column(entry, column):
                pending.append(entry)
                if len(pending) == 2:
                    items.append(_Row(tuple(pending), wide=False))
                    pending = []
            else:
                if pending:  # keep the order: the half row goes out first
                    items.append(_Row(tuple(pending), wide=False))
                    pending = []
                items.append(_Row((entry,), wide=True))
        if pending:
            items.append(_Row(tuple(pending), wide=False))
    return items


def _paginate(items: list[_Item], page_height: float) -> list[list[_Item]]:
    """Split items into pages; a section title never ends a page, and continues on the next."""
    usable = page_height - 2 * _MARGIN - _HEADER_HEIGHT - _FOOTER_HEIGHT
    pages: list[list[_Item]] = [[]]
    used = 0.0
    section: _Section | None = None
    for index, item in enumerate(items):
        if isinstance(item, _Section):
            section = item
            following = items[index + 1] if index + 1 < len(items) else None
            needed = _SECTION_HEIGHT + (_ROW_HEIGHT if isinstance(following, _Row) else 0)
            if used + needed > usable and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(item)
            used += _SECTION_HEIGHT
            continue
        if used + _ROW_HEIGHT > usable:
            pages.append([])
            used = 0.0
            if section is not None:
                pages[-1].append(section)
                used += _SECTION_HEIGHT
        pages[-1].append(item)
        used += _ROW_HEIGHT
    return pages


def _draw_page(
    canvas: Canvas, title: str, items: list[_Item], number: int, count: int, column: float
) -> None:
    width, height = A4
    page = Painter(canvas, Box.inside(width, height, _MARGIN), dpi=SHEET_DPI)
    footer = page.reserve_bottom(_FOOTER_HEIGHT)
    page.text(title, size=16, min_size=11, bold=True, leading=1.3)
    page.rule(space=(_HEADER_HEIGHT - 16 * 1.3) / 2, thickness=1.0)
    footer.gap(_FOOTER_HEIGHT - 8 * 1.2)
    footer.text(f"{number} / {count}", size=8, align=TextAlign.CENTER)
    for item in items:
        if isinstance(item, _Section):
            page.gap(8)
            page.text(item.title, size=12, bold=True, leading=1.25)
            page.rule(space=(_SECTION_HEIGHT - 8 - 12 * 1.25) / 2, thickness=0.5)
            continue
        top = page.cursor
        page.gap(_ROW_HEIGHT)
        if item.wide:
            _draw_entry(
                canvas, item.entries[0], Box(page.box.left, page.cursor, page.box.right, top)
            )
            continue
        for position, entry in enumerate(item.entries):
            left = page.box.left + position * (column + _GUTTER)
            _draw_entry(canvas, entry, Box(left, page.cursor, left + column, top))


def _draw_entry(canvas: Canvas, entry: SheetEntry, box: Box) -> None:
    """Barcode, its content in monospace, and the label, centred in one cell."""
    cell = Painter(canvas, Box(box.left, box.bottom, box.right, box.top - 6), dpi=SHEET_DPI)
    draw_code128(
        canvas,
        entry.code,
        left=cell.box.left,
        top=cell.cursor,
        width=cell.box.width,
        bar_height=_BAR_HEIGHT,
        dpi=SHEET_DPI,
        gs1=entry.is_gs1,
        min_dots=SHEET_MIN_MODULE_DOTS,
        max_dots=SHEET_MAX_MODULE_DOTS,
    )
    cell.gap(_BAR_HEIGHT + 3)
    content = fit_line(human_readable(entry.code), cell.box.width, size=_CODE_SIZE, font_name=MONO)
    cell.line(content, align=TextAlign.CENTER, leading=1.3)
    cell.gap(1)
    for line in wrap_lines(
        entry.label, cell.box.width, size=_LABEL_SIZE, max_lines=_LABEL_LINES, bold=True
    ):
        cell.line(line, align=TextAlign.CENTER, leading=1.25)
