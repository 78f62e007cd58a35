"""The disposition label: where a graded unit goes, readable from across the dock.

Pure rendering, no Qt. The disposition is a white-on-black band in the biggest letters that fit,
the grade and the destination location follow, then the unit's LPN barcode and what identifies
it (SKU, RMA, date, inspector). Captions and the disposition word arrive translated; the
renderers never translate (HOUSE.md B6).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from labels.label_builder import LabelBuilder, Run
from labels.label_checks import check_barcode_data, check_captions, check_choice, check_text
from labels.label_model import LabelLayout
from labels.layout import TextAlign
from labels.sizes import LabelSize

#: The keys :attr:`DispositionLabelData.captions` must hold.
DISPOSITION_CAPTIONS = ("grade", "destination", "sku", "rma", "date", "inspector")
#: The grades a checklist gives (DESIGN.md §2).
GRADES = ("A", "B", "C")


@dataclass(frozen=True)
class DispositionLabelData:
    """What a disposition label shows; every string is final and display-ready.

    ``disposition`` is the route as the station's language says it and the label prints it
    in big letters: ``RESTOCK``, ``REFURBISH``, ``VENDOR RETURN``, ``SCRAP`` or their
    translations. ``destination`` is the location the unit is carried to (a bin, a vendor
    cage). ``captions`` holds the translated captions named in :data:`DISPOSITION_CAPTIONS`.
    """

    lpn: str
    grade: str
    disposition: str
    destination: str
    sku: str
    rma: str
    date: str
    inspector: str
    captions: Mapping[str, str]


def check_disposition_label(data: DispositionLabelData) -> None:
    """Refuse data the label cannot show, naming the field.

    Raises:
        LabelError: the LPN cannot be a barcode, the grade is not A, B or C, a text is missing
            or empty, or a caption is missing.
    """
    check_barcode_data(data.lpn, "lpn")
    check_choice(data.grade, "grade", GRADES)
    for field in ("disposition", "destination", "sku", "rma", "date", "inspector"):
        check_text(getattr(data, field), field)
    check_captions(data.captions, DISPOSITION_CAPTIONS)


def disposition_label_layout(data: DispositionLabelData, size: LabelSize, dpi: int) -> LabelLayout:
    """The disposition label on ``size`` stock for a ``dpi`` printer.

    Raises:
        LabelError: as :func:`check_disposition_label`, or the LPN is too long for a
            scannable barcode on this stock.
    """
    check_disposition_label(data)
    builder = LabelBuilder(size, dpi)
    _LAYOUTS[size](builder, data)
    return builder.build(f"{data.disposition} {data.lpn}")


def _draw_4x6(label: LabelBuilder, data: DispositionLabelData) -> None:
    captions = data.captions
    label.banner(data.disposition, size=44, min_size=18, pad=6)
    label.gap(6)
    grade, destination = label.columns(0.3, gap=8)
    grade.text(captions["grade"], size=10, min_size=7)
    grade.text(data.grade, size=60, bold=True, align=TextAlign.CENTER, leading=1.05)
    destination.text(captions["destination"], size=10, min_size=7)
    destination.text(data.destination, size=30, min_size=14, bold=True)
    label.below(grade, destination)
    label.rule(space=6)
    label.barcode(data.lpn, field="lpn", bar_height=110)
    label.gap(3)
    label.text(data.lpn, size=24, min_size=14, bold=True, align=TextAlign.CENTER)
    label.rule(space=6)
    label.fields(
        [
            (captions["sku"], data.sku),
            (captions["rma"], data.rma),
            (captions["date"], data.date),
            (captions["inspector"], data.inspector),
        ],
        size=16,
        caption_size=10,
        leading=1.35,
    )


def _draw_4x2(label: LabelBuilder, data: DispositionLabelData) -> None:
    captions = data.captions
    disposition, grade = label.columns(0.74, gap=6)
    disposition.banner(data.disposition, size=22, min_size=10, pad=3)
    grade.text(captions["grade"], size=7, min_size=5, align=TextAlign.CENTER, leading=1.1)
    grade.text(data.grade, size=20, bold=True, align=TextAlign.CENTER, leading=1.05)
    label.below(disposition, grade)
    label.gap(2)
    label.inline([Run(captions["destination"]), Run(data.destination, bold=True)], size=12)
    label.gap(1)
    label.barcode(data.lpn, field="lpn", bar_height=42)
    label.gap(1.5)
    label.text(data.lpn, size=11, min_size=8, bold=True, align=TextAlign.CENTER, leading=1.1)
    _small_rows(label, data, size=7.5, leading=1.2)


def _draw_62x29(label: LabelBuilder, data: DispositionLabelData) -> None:
    captions = data.captions
    disposition, grade = label.columns(0.76, gap=4)
    disposition.banner(data.disposition, size=12, min_size=6, pad=1.5)
    grade.text(captions["grade"], size=5, min_size=4, align=TextAlign.CENTER, leading=1.1)
    grade.text(data.grade, size=11, bold=True, align=TextAlign.CENTER, leading=1.1)
    label.below(disposition, grade)
    label.inline([Run(captions["destination"]), Run(data.destination, bold=True)], size=8)
    label.barcode(data.lpn, field="lpn", bar_height=22)
    label.gap(0.5)
    label.text(data.lpn, size=7, min_size=5.5, bold=True, align=TextAlign.CENTER, leading=1.05)
    _small_rows(label, data, size=5.5, leading=1.1)


def _small_rows(
    label: LabelBuilder, data: DispositionLabelData, *, size: float, leading: float
) -> None:
    """SKU and RMA, then date and inspector, on the small stocks."""
    captions = data.captions
    label.inline(
        [Run(captions["sku"], bold=True), Run(data.sku)],
        [Run(captions["rma"], bold=True), Run(data.rma)],
        size=size,
        leading=leading,
    )
    label.inline(
        [Run(data.date)],
        [Run(captions["inspector"], bold=True), Run(data.inspector)],
        size=size,
        leading=leading,
    )


_LAYOUTS: dict[LabelSize, Callable[[LabelBuilder, DispositionLabelData], None]] = {
    LabelSize.FOUR_BY_SIX: _draw_4x6,
    LabelSize.FOUR_BY_TWO: _draw_4x2,
    LabelSize.MM62x29: _draw_62x29,
}
