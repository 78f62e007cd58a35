"""Label stock sizes and printer resolutions, keyed by the contract strings stored in settings.

Pure data, no Qt.
"""

from __future__ import annotations

import math
from enum import StrEnum

from reportlab.lib.units import inch, mm

from labels.errors import LabelError

#: Resolutions of the thermal printers the dock uses; other values are refused so that a typo in
#: station settings shows up at the first print, not as a barcode that does not scan.
SUPPORTED_DPI = (203, 300, 600)


class LabelSize(StrEnum):
    """A label stock; the value is the string stored in station settings and print jobs."""

    FOUR_BY_SIX = "4x6"
    FOUR_BY_TWO = "4x2"
    MM62x29 = "62x29mm"

    @property
    def page_size(self) -> tuple[float, float]:
        """(width, height) in PDF points, as the label feeds: width across the print head."""
        return _PAGE_SIZES[self]

    @property
    def width_pt(self) -> float:
        """Width across the print head in points."""
        return _PAGE_SIZES[self][0]

    @property
    def height_pt(self) -> float:
        """Length along the feed in points."""
        return _PAGE_SIZES[self][1]

    def dots(self, dpi: int) -> tuple[int, int]:
        """(width, length) in whole printer dots at ``dpi``: the area a printer can print.

        Rounded down, so a layout in dots never reaches past the stock's edge (62 mm is 495.6
        dots at 203 dpi: 495). This is also the ZPL ``^PW`` and ``^LL`` of the label.
        """
        width, height = _PAGE_SIZES[self]
        # The tolerance keeps an exact 812.0 from becoming 811 through floating point.
        return math.floor(width * dpi / 72 + 1e-6), math.floor(height * dpi / 72 + 1e-6)


# 4x6 feeds portrait (shipping-label stock); 4x2 and 62x29 mm feed landscape, the long edge across
# the head, which is how these rolls are loaded in desktop label printers.
_PAGE_SIZES: dict[LabelSize, tuple[float, float]] = {
    LabelSize.FOUR_BY_SIX: (4 * inch, 6 * inch),
    LabelSize.FOUR_BY_TWO: (4 * inch, 2 * inch),
    LabelSize.MM62x29: (62 * mm, 29 * mm),
}


def parse_label_size(text: str) -> LabelSize:
    """Read a label size from settings, tolerating case and spaces (``" 62X29MM "``).

    Raises:
        LabelError: for anything that is not one of the contract strings.
    """
    cleaned = text.strip().lower().replace(" ", "")
    try:
        return LabelSize(cleaned)
    except ValueError:
        allowed = ", ".join(size.value for size in LabelSize)
        raise LabelError(
            f"unknown label size {text!r}; use one of {allowed}", field="size"
        ) from None


def check_dpi(dpi: int) -> int:
    """Return ``dpi`` if it is a supported printer resolution.

    Raises:
        LabelError: for any other value.
    """
    if isinstance(dpi, bool) or not isinstance(dpi, int) or dpi not in SUPPORTED_DPI:
        allowed = ", ".join(str(value) for value in SUPPORTED_DPI)
        raise LabelError(
            f"unsupported printer resolution {dpi!r}; use one of {allowed}", field="dpi"
        )
    return dpi
