"""The LPN label stuck on every received unit: its barcode, big and first, then what it is.

Pure rendering, no Qt. ``render_lpn_label_pdf(data, size, dpi) -> bytes``; one page the size of
the label stock. Captions are the universal abbreviations (LPN, SKU, RMA, S/N) and the rest is
data, because renderers receive final strings and never translate (HOUSE.md B6).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from labels.barcodes import PlacedBarcode
from labels.errors import LabelError
from labels.layout import Box, Painter, TextAlign
from labels.sizes import LabelSize, check_dpi


@dataclass(frozen=True)
class LPNLabelData:
    """What an LPN label shows; every field is a final, display-ready string."""

    lpn: str
    sku: str
    product_name: str
    rma: str
    received_at: str
    station: str
    serial: str | None = None


def render_lpn_label_pdf(data: LPNLabelData, size: LabelSize, dpi: int) -> bytes:
    """Render one LPN label as a one-page PDF for a ``dpi`` thermal printer.

    The barcode's bars are whole dots at ``dpi`` (see :mod:`labels.barcodes`); print the PDF at
    100 % scale, never "fit to page", or that alignment is lost.

    Raises:
        LabelError: the LPN is empty, has control characters or non-ASCII, or is too long for
            a scannable barcode on this stock (on 62x29 mm: 16 letters/symbols, or ``LPN`` and
            24 digits, since digit pairs take one symbol); an unsupported ``dpi``.
    """
    check_dpi(dpi)
    size = LabelSize(size)
    if not data.lpn.strip() or data.lpn != data.lpn.strip():
        raise LabelError(f"LPN {data.lpn!r} is empty or has surrounding spaces", field="lpn")
    if not data.lpn.isprintable():
        raise LabelError(f"LPN {data.lpn!r} contains control characters", field="lpn")
    buffer = io.BytesIO()
    width, height = size.page_size
    # invariant: no timestamp or random ID in the file, so the same data gives the same bytes.
    canvas = Canvas(buffer, pagesize=(width, height), invariant=True, pageCompression=1)
    canvas.setTitle(f"LPN {data.lpn}")
    canvas.setCreator("receiving-app")
    _LAYOUTS[size](canvas, data, dpi)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _lpn_barcode(painter: Painter, data: LPNLabelData, bar_height: float) -> PlacedBarcode:
    try:
        return painter.barcode(data.lpn, bar_height=bar_height)
    except LabelError as error:
        raise LabelError(f"LPN does not fit this label: {error.reason}", field="lpn") from None


def _draw_4x6(canvas: Canvas, data: LPNLabelData, dpi: int) -> None:
    width, height = LabelSize.FOUR_BY_SIX.page_size
    painter = Painter(canvas, Box.inside(width, height, 5 * mm), dpi=dpi)
    painter.inline([("", data.station)], [("", data.received_at)], size=11)
    painter.rule(space=6)
    painter.gap(8)
    _lpn_barcode(painter, data, 136)
    painter.gap(4)
    painter.text(data.lpn, size=34, min_size=18, bold=True, align=TextAlign.CENTER)
    painter.rule(space=7)
    fields = [("SKU", data.sku), ("RMA", data.rma)]
    if data.serial:
        fields.append(("S/N", data.serial))
    painter.fields(fields, size=16, caption_size=10, leading=1.35)
    painter.gap(6)
    painter.wrapped(data.product_name, size=14, max_lines=5, leading=1.25)


def _draw_4x2(canvas: Canvas, data: LPNLabelData, dpi: int) -> None:
    width, height = LabelSize.FOUR_BY_TWO.page_size
    painter = Painter(canvas, Box.inside(width, height, 3 * mm), dpi=dpi)
    _lpn_barcode(painter, data, 70)
    painter.gap(3)
    painter.text(data.lpn, size=20, min_size=12, bold=True, align=TextAlign.CENTER, leading=1.1)
    painter.gap(1.5)
    _small_rows(painter, data, size=8.5, footer_size=7.5, leading=1.2)


def _draw_62x29(canvas: Canvas, data: LPNLabelData, dpi: int) -> None:
    width, height = LabelSize.MM62x29.page_size
    painter = Painter(canvas, Box.inside(width, height, 1.5 * mm), dpi=dpi)
    _lpn_barcode(painter, data, 37)
    painter.gap(1.5)
    painter.text(data.lpn, size=11, min_size=8, bold=True, align=TextAlign.CENTER, leading=1.1)
    _small_rows(painter, data, size=6.5, footer_size=6, leading=1.15)


def _small_rows(
    painter: Painter, data: LPNLabelData, *, size: float, footer_size: float, leading: float
) -> None:
    """The three lines under the LPN on the small stocks: SKU/RMA, product, S/N/date/station."""
    painter.inline([("SKU", data.sku)], [("RMA", data.rma)], size=size, leading=leading)
    painter.text(data.product_name, size=size, leading=leading)
    left = [("S/N", data.serial)] if data.serial else []
    painter.inline(
        left, [("", f"{data.received_at}  {data.station}")], size=footer_size, leading=leading
    )


_LAYOUTS: dict[LabelSize, Callable[[Canvas, LPNLabelData, int], None]] = {
    LabelSize.FOUR_BY_SIX: _draw_4x6,
    LabelSize.FOUR_BY_TWO: _draw_4x2,
    LabelSize.MM62x29: _draw_62x29,
}
