"""The parcel receipt label: stuck on a received parcel, it carries the parcel's receipt key.

Pure rendering, no Qt. The receipt key (the tracking number, or the RMA or order number the
parcel was opened with) is the barcode, so scanning the label finds the parcel again. An
exception parcel (one no RMA expected) gets a white-on-black flag on top, so it is not shelved
with the others. Captions arrive translated; the renderers never translate (HOUSE.md B6).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from labels.label_builder import LabelBuilder, Run
from labels.label_checks import (
    check_barcode_data,
    check_captions,
    check_count,
    check_flag,
    check_optional_text,
    check_text,
)
from labels.label_model import LabelLayout
from labels.layout import TextAlign
from labels.sizes import LabelSize

#: The keys :attr:`ParcelLabelData.captions` must hold; ``exception`` is the flag's word.
PARCEL_CAPTIONS = (
    "tracking",
    "carrier",
    "rma",
    "received_at",
    "station",
    "units",
    "condition",
    "exception",
)


@dataclass(frozen=True)
class ParcelLabelData:
    """What a parcel receipt label shows; every string is final and display-ready.

    ``receipt_key`` is the barcode. ``tracking_number`` is printed as well when it differs
    from the key (a parcel opened with its RMA number); ``carrier`` and ``rma`` are None when
    unknown. ``condition`` is the parcel's condition in the station's language. ``exception``
    flags a parcel no RMA expected. ``captions`` holds the translated captions named in
    :data:`PARCEL_CAPTIONS`.
    """

    receipt_key: str
    tracking_number: str | None
    carrier: str | None
    rma: str | None
    received_at: str
    station: str
    unit_count: int
    condition: str
    exception: bool
    captions: Mapping[str, str]


def check_parcel_label(data: ParcelLabelData) -> None:
    """Refuse data the label cannot show, naming the field.

    Raises:
        LabelError: the receipt key cannot be a barcode, a text is empty or not text, the unit
            count is not a whole number from 0 to 9999, the flag is not a bool, or a caption
            is missing.
    """
    check_barcode_data(data.receipt_key, "receipt_key")
    for field in ("tracking_number", "carrier", "rma"):
        check_optional_text(getattr(data, field), field)
    for field in ("received_at", "station", "condition"):
        check_text(getattr(data, field), field)
    check_count(data.unit_count, "unit_count")
    check_flag(data.exception, "exception")
    check_captions(data.captions, PARCEL_CAPTIONS)


def parcel_label_layout(data: ParcelLabelData, size: LabelSize, dpi: int) -> LabelLayout:
    """The parcel receipt label on ``size`` stock for a ``dpi`` printer.

    Raises:
        LabelError: as :func:`check_parcel_label`, or the receipt key is too long for a
            scannable barcode on this stock.
    """
    check_parcel_label(data)
    builder = LabelBuilder(size, dpi)
    _LAYOUTS[size](builder, data)
    return builder.build(f"Parcel {data.receipt_key}")


def _tracking(data: ParcelLabelData) -> str | None:
    """The tracking number, if it says more than the barcode does."""
    return data.tracking_number if data.tracking_number != data.receipt_key else None


def _draw_4x6(label: LabelBuilder, data: ParcelLabelData) -> None:
    captions = data.captions
    if data.exception:
        label.banner(captions["exception"], size=28, min_size=14, pad=5)
        label.gap(6)
    label.barcode(data.receipt_key, field="receipt_key", bar_height=148)
    label.gap(4)
    label.text(data.receipt_key, size=22, min_size=12, bold=True, align=TextAlign.CENTER)
    label.rule(space=6)
    optional = [("tracking", _tracking(data)), ("carrier", data.carrier), ("rma", data.rma)]
    rows = [(captions[key], value) for key, value in optional if value is not None]
    rows += [
        (captions["units"], str(data.unit_count)),
        (captions["condition"], data.condition),
        (captions["received_at"], data.received_at),
        (captions["station"], data.station),
    ]
    label.fields(rows, size=16, caption_size=10, leading=1.35)


def _draw_4x2(label: LabelBuilder, data: ParcelLabelData) -> None:
    if data.exception:
        label.banner(data.captions["exception"], size=10, min_size=7, pad=2)
    label.barcode(data.receipt_key, field="receipt_key", bar_height=52 if data.exception else 64)
    label.gap(2)
    label.text(data.receipt_key, size=12, min_size=8, bold=True, align=TextAlign.CENTER)
    _small_rows(label, data, size=8.5, footer_size=7.5, leading=1.2)


def _draw_62x29(label: LabelBuilder, data: ParcelLabelData) -> None:
    if data.exception:
        label.banner(data.captions["exception"], size=7, min_size=5, pad=1)
    label.barcode(data.receipt_key, field="receipt_key", bar_height=30 if data.exception else 38)
    label.gap(0.5)
    label.text(
        data.receipt_key, size=7, min_size=5.5, bold=True, align=TextAlign.CENTER, leading=1.05
    )
    _small_rows(label, data, size=5.5, footer_size=5.5, leading=1.1)


def _small_rows(
    label: LabelBuilder, data: ParcelLabelData, *, size: float, footer_size: float, leading: float
) -> None:
    """Carrier and RMA; units, condition and tracking number; when and where received."""
    captions = data.captions

    def captioned(key: str, value: str | None) -> list[Run]:
        return [] if value is None else [Run(captions[key], bold=True), Run(value)]

    label.inline(
        captioned("carrier", data.carrier),
        captioned("rma", data.rma),
        size=size,
        leading=leading,
    )
    label.inline(
        captioned("units", str(data.unit_count)) + captioned("condition", data.condition),
        captioned("tracking", _tracking(data)),
        size=size,
        leading=leading,
    )
    label.inline([Run(data.received_at)], [Run(data.station)], size=footer_size, leading=leading)


_LAYOUTS: dict[LabelSize, Callable[[LabelBuilder, ParcelLabelData], None]] = {
    LabelSize.FOUR_BY_SIX: _draw_4x6,
    LabelSize.FOUR_BY_TWO: _draw_4x2,
    LabelSize.MM62x29: _draw_62x29,
}
