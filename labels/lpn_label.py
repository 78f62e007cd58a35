"""The LPN label stuck on every received unit: its barcode, big and first, then what it is.

Pure rendering, no Qt. :func:`lpn_label_layout` describes the label once, in printer dots, for
both outputs (:func:`labels.label_render.render_label` draws it as PDF or ZPL). Captions are
the universal abbreviations (LPN, SKU, RMA, S/N) and the rest is data, because renderers
receive final strings and never translate (HOUSE.md B6).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from labels.label_builder import LabelBuilder, Run
from labels.label_checks import check_barcode_data, check_optional_text, check_text
from labels.label_model import LabelLayout
from labels.label_pdf import render_layout_pdf
from labels.layout import TextAlign
from labels.sizes import LabelSize, check_dpi, parse_label_size


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


def check_lpn_label(data: LPNLabelData) -> None:
    """Refuse data the label cannot show, naming the field.

    Raises:
        LabelError: the LPN is empty, has surrounding spaces, control characters or non-ASCII;
            another field is not text or is empty.
    """
    check_barcode_data(data.lpn, "lpn")
    for field in ("sku", "product_name", "rma", "received_at", "station"):
        check_text(getattr(data, field), field)
    check_optional_text(data.serial, "serial")


def lpn_label_layout(data: LPNLabelData, size: LabelSize, dpi: int) -> LabelLayout:
    """The LPN label on ``size`` stock for a ``dpi`` printer.

    Raises:
        LabelError: as :func:`check_lpn_label`, or the LPN is too long for a scannable barcode
            on this stock (on 62x29 mm: 16 letters/symbols, or ``LPN`` and 24 digits, since
            digit pairs take one symbol).
    """
    check_lpn_label(data)
    builder = LabelBuilder(size, dpi)
    _LAYOUTS[size](builder, data)
    return builder.build(f"LPN {data.lpn}")


def render_lpn_label_pdf(data: LPNLabelData, size: LabelSize, dpi: int) -> bytes:
    """The LPN label as PDF: ``render_label(LabelKind.LPN, data, size, dpi, "pdf")``."""
    return render_layout_pdf(lpn_label_layout(data, parse_label_size(size), check_dpi(dpi)))


def _draw_4x6(label: LabelBuilder, data: LPNLabelData) -> None:
    label.inline([Run(data.station)], [Run(data.received_at)], size=11)
    label.rule(space=6)
    label.gap(8)
    label.barcode(data.lpn, field="lpn", bar_height=136)
    label.gap(4)
    label.text(data.lpn, size=34, min_size=18, bold=True, align=TextAlign.CENTER)
    label.rule(space=7)
    fields = [("SKU", data.sku), ("RMA", data.rma)]
    if data.serial:
        fields.append(("S/N", data.serial))
    label.fields(fields, size=16, caption_size=10, leading=1.35)
    label.gap(6)
    label.wrapped(data.product_name, size=14, max_lines=5, leading=1.25)


def _draw_4x2(label: LabelBuilder, data: LPNLabelData) -> None:
    label.barcode(data.lpn, field="lpn", bar_height=70)
    label.gap(3)
    label.text(data.lpn, size=20, min_size=12, bold=True, align=TextAlign.CENTER, leading=1.1)
    label.gap(1.5)
    _small_rows(label, data, size=8.5, footer_size=7.5, leading=1.2)


def _draw_62x29(label: LabelBuilder, data: LPNLabelData) -> None:
    label.barcode(data.lpn, field="lpn", bar_height=37)
    label.gap(1.5)
    label.text(data.lpn, size=11, min_size=8, bold=True, align=TextAlign.CENTER, leading=1.1)
    _small_rows(label, data, size=6.5, footer_size=6, leading=1.15)


def _small_rows(
    label: LabelBuilder, data: LPNLabelData, *, size: float, footer_size: float, leading: float
) -> None:
    """The three lines under the LPN on the small stocks: SKU/RMA, product, S/N/date/station."""
    label.inline(
        [Run("SKU", bold=True), Run(data.sku)],
        [Run("RMA", bold=True), Run(data.rma)],
        size=size,
        leading=leading,
    )
    label.text(data.product_name, size=size, leading=leading)
    serial = [Run("S/N", bold=True), Run(data.serial)] if data.serial else []
    label.inline(
        serial, [Run(f"{data.received_at}  {data.station}")], size=footer_size, leading=leading
    )


_LAYOUTS: dict[LabelSize, Callable[[LabelBuilder, LPNLabelData], None]] = {
    LabelSize.FOUR_BY_SIX: _draw_4x6,
    LabelSize.FOUR_BY_TWO: _draw_4x2,
    LabelSize.MM62x29: _draw_62x29,
}
