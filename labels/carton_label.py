"""The carton label of a vendor-return batch: who ships to whom, and the carton's SSCC.

Pure rendering, no Qt. The SSCC-18 is printed as GS1-128 with Application Identifier (00), the
barcode a vendor's goods-in scans, and under it in the bracketed human-readable form
``(00) 0 0614141 000000123 4``: extension digit, company prefix, serial reference, check digit.
Ship-from and ship-to, the batch, the vendor's RMA number and "carton n of N" are printed too.
Captions arrive translated; the renderers never translate (HOUSE.md B6).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from labels.errors import LabelError
from labels.label_builder import LabelBuilder, Run
from labels.label_checks import check_captions, check_count, check_text
from labels.label_model import LabelLayout
from labels.label_pdf import render_layouts_pdf
from labels.layout import TextAlign
from labels.sizes import LabelSize

#: The keys :attr:`CartonLabelData.captions` must hold.
CARTON_CAPTIONS = ("ship_from", "ship_to", "batch", "vendor_rma", "carton", "units", "sscc")
#: The GS1 Application Identifier of an SSCC.
SSCC_AI = "00"
_PREFIX_DIGITS = range(7, 11)
_MAX_CARTONS = 99


@dataclass(frozen=True)
class CartonLabelData:
    """What a carton label shows; every string is final and display-ready.

    ``sscc`` is the 18 digits (check digit included) and ``prefix_digits`` the length of the
    GS1 company prefix inside it, which groups the printed digits. ``carton_number`` of
    ``carton_count`` is this carton's place in the batch. ``captions`` holds the translated
    captions named in :data:`CARTON_CAPTIONS`.
    """

    sscc: str
    prefix_digits: int
    ship_from: str
    ship_to: str
    batch: str
    vendor_rma: str
    carton_number: int
    carton_count: int
    unit_count: int
    captions: Mapping[str, str]


def sscc_text(sscc: str, prefix_digits: int) -> str:
    """The SSCC as printed under its barcode: ``(00) 0 0614141 000000123 4``."""
    end = 1 + prefix_digits
    return f"({SSCC_AI}) {sscc[0]} {sscc[1:end]} {sscc[end:-1]} {sscc[-1]}"


def check_carton_label(data: CartonLabelData) -> None:
    """Refuse data the label cannot show, naming the field.

    Raises:
        LabelError: the SSCC is not 18 digits ending in its GS1 check digit, the prefix length
            is not 7 to 10, the carton is not n of N with 1 <= n <= N <= 99, a text is empty,
            or a caption is missing.
    """
    _check_sscc(data.sscc)
    if isinstance(data.prefix_digits, bool) or data.prefix_digits not in _PREFIX_DIGITS:
        raise LabelError(f"{data.prefix_digits!r} is not 7 to 10", field="prefix_digits")
    count = check_count(data.carton_count, "carton_count", maximum=_MAX_CARTONS)
    number = check_count(data.carton_number, "carton_number", maximum=_MAX_CARTONS)
    if not 1 <= number <= count:
        raise LabelError(f"carton {number} of {count}", field="carton_number")
    check_count(data.unit_count, "unit_count")
    for field in ("ship_from", "ship_to", "batch", "vendor_rma"):
        check_text(getattr(data, field), field)
    check_captions(data.captions, CARTON_CAPTIONS)


def _check_sscc(sscc: object) -> None:
    if not (isinstance(sscc, str) and len(sscc) == 18 and sscc.isascii() and sscc.isdigit()):
        raise LabelError(f"{sscc!r} is not 18 digits", field="sscc")
    total = sum(int(digit) * (3 if index % 2 == 0 else 1) for index, digit in enumerate(sscc[:17]))
    if (10 - total % 10) % 10 != int(sscc[17]):
        raise LabelError(f"{sscc} does not end in its check digit", field="sscc")


def carton_label_layout(data: CartonLabelData, size: LabelSize, dpi: int) -> LabelLayout:
    """The carton label on ``size`` stock for a ``dpi`` printer.

    Raises:
        LabelError: as :func:`check_carton_label`, or the barcode does not fit this stock.
    """
    check_carton_label(data)
    builder = LabelBuilder(size, dpi)
    _LAYOUTS[size](builder, data)
    return builder.build(f"Carton {data.batch} {data.carton_number}/{data.carton_count}")


def render_carton_labels_pdf(
    cartons: Sequence[CartonLabelData], size: LabelSize, dpi: int
) -> bytes:
    """Every carton label of a batch in one PDF, a page each, to print from any PDF viewer.

    Raises:
        LabelError: as :func:`carton_label_layout`, or no cartons.
    """
    if not cartons:
        raise LabelError("no cartons", field="cartons")
    return render_layouts_pdf([carton_label_layout(data, size, dpi) for data in cartons])


def _carton(data: CartonLabelData) -> str:
    return f"{data.carton_number} / {data.carton_count}"


def _sscc_barcode(label: LabelBuilder, data: CartonLabelData, *, bar_height: float) -> None:
    label.barcode(SSCC_AI + data.sscc, field="sscc", bar_height=bar_height, gs1=True)


def _draw_4x6(label: LabelBuilder, data: CartonLabelData) -> None:
    captions = data.captions
    label.text(captions["ship_from"], size=10, min_size=7)
    label.wrapped(data.ship_from, size=14, max_lines=2)
    label.gap(4)
    label.text(captions["ship_to"], size=10, min_size=7)
    label.wrapped(data.ship_to, size=24, max_lines=2, leading=1.15)
    label.rule(space=6)
    label.fields(
        [
            (captions["batch"], data.batch),
            (captions["vendor_rma"], data.vendor_rma),
            (captions["carton"], _carton(data)),
            (captions["units"], str(data.unit_count)),
        ],
        size=16,
        caption_size=10,
        leading=1.35,
    )
    label.rule(space=6)
    label.text(captions["sscc"], size=10, min_size=7)
    label.gap(4)
    _sscc_barcode(label, data, bar_height=110)
    label.gap(4)
    label.text(
        sscc_text(data.sscc, data.prefix_digits),
        size=16,
        min_size=10,
        bold=True,
        align=TextAlign.CENTER,
    )


def _draw_4x2(label: LabelBuilder, data: CartonLabelData) -> None:
    captions = data.captions
    label.inline(
        [Run(captions["ship_to"], bold=True), Run(data.ship_to)],
        [Run(captions["carton"], bold=True), Run(_carton(data))],
        size=10,
        leading=1.2,
    )
    label.inline(
        [Run(captions["batch"], bold=True), Run(data.batch)],
        [Run(captions["vendor_rma"], bold=True), Run(data.vendor_rma)],
        size=8,
        leading=1.2,
    )
    label.gap(2)
    _sscc_barcode(label, data, bar_height=46)
    label.gap(1.5)
    label.text(
        sscc_text(data.sscc, data.prefix_digits),
        size=10,
        min_size=7,
        bold=True,
        align=TextAlign.CENTER,
        leading=1.1,
    )
    label.inline(
        [Run(captions["ship_from"], bold=True), Run(data.ship_from)],
        [Run(captions["units"], bold=True), Run(str(data.unit_count))],
        size=7.5,
        leading=1.2,
    )


def _draw_62x29(label: LabelBuilder, data: CartonLabelData) -> None:
    captions = data.captions
    label.inline(
        [Run(data.ship_to, bold=True)],
        [Run(captions["carton"], bold=True), Run(_carton(data))],
        size=6,
        leading=1.1,
    )
    _sscc_barcode(label, data, bar_height=26)
    label.gap(0.5)
    label.text(
        sscc_text(data.sscc, data.prefix_digits),
        size=6.5,
        min_size=5,
        bold=True,
        align=TextAlign.CENTER,
        leading=1.05,
    )
    label.inline(
        [Run(captions["batch"], bold=True), Run(data.batch)],
        [Run(captions["vendor_rma"], bold=True), Run(data.vendor_rma)],
        size=5.5,
        leading=1.1,
    )


_LAYOUTS: dict[LabelSize, Callable[[LabelBuilder, CartonLabelData], None]] = {
    LabelSize.FOUR_BY_SIX: _draw_4x6,
    LabelSize.FOUR_BY_TWO: _draw_4x2,
    LabelSize.MM62x29: _draw_62x29,
}
