"""Pure rendering of labels and sheets as PDF: barcodes, fonts, the LPN label, scan sheets.

No Qt, no database, no core: renderers take frozen dataclasses of final strings and return bytes
(HOUSE.md B1). Data that cannot be encoded raises :class:`LabelError`.
"""

from labels.barcodes import PlacedBarcode, draw_code128, encode_code128
from labels.errors import LabelError
from labels.fonts import label_fonts
from labels.lpn_label import LPNLabelData, render_lpn_label_pdf
from labels.scan_sheet import SheetEntry, render_scan_sheet_pdf
from labels.sizes import LabelSize, parse_label_size

__all__ = [
    "LPNLabelData",
    "LabelError",
    "LabelSize",
    "PlacedBarcode",
    "SheetEntry",
    "draw_code128",
    "encode_code128",
    "label_fonts",
    "parse_label_size",
    "render_lpn_label_pdf",
    "render_scan_sheet_pdf",
]
