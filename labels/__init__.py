"""Pure rendering of labels and sheets: barcodes, fonts, the dock's labels as PDF and ZPL.

No Qt, no database, no core: renderers take frozen dataclasses of final strings and return bytes
(HOUSE.md B1). Data that cannot be put on a label raises :class:`LabelError` naming the field.
The labels' entry point is :func:`render_label`.
"""

from labels.barcodes import PlacedBarcode, draw_code128, encode_code128
from labels.carton_label import CartonLabelData, render_carton_labels_pdf, sscc_text
from labels.disposition_label import DispositionLabelData
from labels.errors import LabelError
from labels.fonts import label_fonts
from labels.label_render import (
    CAPTION_KEYS,
    LabelData,
    LabelFormat,
    LabelKind,
    label_layout,
    render_label,
)
from labels.label_samples import sample_label_data
from labels.lpn_label import LPNLabelData, render_lpn_label_pdf
from labels.parcel_label import ParcelLabelData
from labels.scan_sheet import SheetEntry, render_scan_sheet_pdf
from labels.sizes import LabelSize, parse_label_size
from labels.zpl import DEFAULT_CJK_FONT

__all__ = [
    "CAPTION_KEYS",
    "DEFAULT_CJK_FONT",
    "CartonLabelData",
    "DispositionLabelData",
    "LPNLabelData",
    "LabelData",
    "LabelError",
    "LabelFormat",
    "LabelKind",
    "LabelSize",
    "ParcelLabelData",
    "PlacedBarcode",
    "SheetEntry",
    "draw_code128",
    "encode_code128",
    "label_fonts",
    "label_layout",
    "parse_label_size",
    "render_carton_labels_pdf",
    "render_label",
    "render_lpn_label_pdf",
    "render_scan_sheet_pdf",
    "sample_label_data",
    "sscc_text",
]
