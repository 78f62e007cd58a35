"""Rendering any label kind on any stock, resolution and output: the labels' public entry point.

Pure rendering, no Qt. ``render_label(kind, data, size, dpi, fmt)`` lays the label out once in
printer dots (:mod:`labels.label_model`) and draws that layout as PDF (reportlab) or as ZPL II
for thermal printers, so both outputs show the same thing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from labels.carton_label import CARTON_CAPTIONS, CartonLabelData, carton_label_layout
from labels.disposition_label import (
    DISPOSITION_CAPTIONS,
    DispositionLabelData,
    disposition_label_layout,
)
from labels.errors import LabelError
from labels.label_model import LabelLayout
from labels.label_pdf import render_layout_pdf
from labels.lpn_label import LPNLabelData, lpn_label_layout
from labels.parcel_label import PARCEL_CAPTIONS, ParcelLabelData, parcel_label_layout
from labels.sizes import LabelSize, check_dpi, parse_label_size
from labels.zpl import DEFAULT_CJK_FONT, check_zpl_font, render_layout_zpl


class LabelKind(StrEnum):
    """A kind of label; the value is the contract string of the command line and settings."""

    LPN = "lpn"
    DISPOSITION = "disposition"
    PARCEL = "parcel"
    CARTON = "carton"


class LabelFormat(StrEnum):
    """An output: a PDF for any printer driver, or ZPL II for a Zebra-compatible printer."""

    PDF = "pdf"
    ZPL = "zpl"


LabelData = LPNLabelData | DispositionLabelData | ParcelLabelData | CartonLabelData
_Choice = TypeVar("_Choice", bound=StrEnum)

#: The caption keys each kind's data must carry, translated (the LPN label has none).
CAPTION_KEYS: dict[LabelKind, tuple[str, ...]] = {
    LabelKind.LPN: (),
    LabelKind.DISPOSITION: DISPOSITION_CAPTIONS,
    LabelKind.PARCEL: PARCEL_CAPTIONS,
    LabelKind.CARTON: CARTON_CAPTIONS,
}


def render_label(
    kind: LabelKind,
    data: LabelData,
    size: LabelSize,
    dpi: int,
    fmt: LabelFormat,
    *,
    zpl_cjk_font: str = DEFAULT_CJK_FONT,
) -> bytes:
    """One label as PDF or ZPL bytes.

    Args:
        kind: which label; ``data`` must be that kind's dataclass.
        data: final, display-ready strings (renderers never translate).
        size: the label stock (``"4x6"``, ``"4x2"``, ``"62x29mm"`` are accepted too).
        dpi: the printer's resolution: 203, 300 or 600. Barcode bars are whole dots at it, so
            print a PDF at 100 % on a printer of this resolution.
        fmt: ``"pdf"`` or ``"zpl"``.
        zpl_cjk_font: the printer's Chinese TrueType font for ZPL (see :mod:`labels.zpl`).

    Raises:
        LabelError: naming the field: bad data, a barcode that does not fit the stock, an
            unknown kind, size, resolution, format or font.
    """
    output = _choice(LabelFormat, fmt, "fmt")
    if output is LabelFormat.ZPL:
        check_zpl_font(zpl_cjk_font)
    layout = label_layout(kind, data, size, dpi)
    if output is LabelFormat.PDF:
        return render_layout_pdf(layout)
    return render_layout_zpl(layout, cjk_font=zpl_cjk_font)


def label_layout(kind: LabelKind, data: LabelData, size: LabelSize, dpi: int) -> LabelLayout:
    """The layout both renderers draw, for a preview or a test; raises as :func:`render_label`."""
    label_kind = _choice(LabelKind, kind, "kind")
    if not isinstance(size, str):
        raise LabelError(f"{size!r} is not a label size", field="size")
    stock = parse_label_size(size)
    check_dpi(dpi)
    if label_kind is LabelKind.LPN and isinstance(data, LPNLabelData):
        return lpn_label_layout(data, stock, dpi)
    if label_kind is LabelKind.DISPOSITION and isinstance(data, DispositionLabelData):
        return disposition_label_layout(data, stock, dpi)
    if label_kind is LabelKind.PARCEL and isinstance(data, ParcelLabelData):
        return parcel_label_layout(data, stock, dpi)
    if label_kind is LabelKind.CARTON and isinstance(data, CartonLabelData):
        return carton_label_layout(data, stock, dpi)
    raise LabelError(
        f"a {label_kind} label needs its own data, not {type(data).__name__}", field="data"
    )


def _choice(enum: type[_Choice], value: str, field: str) -> _Choice:
    """``value`` as a member of ``enum``, accepting the contract string."""
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise LabelError(f"{value!r} is not one of {allowed}", field=field) from None
