"""The hints a scan carries when it is unknown or invalid (marked for translation, no Qt).

Each hint says what was wrong and what to do, in the words of the dock. They are
marked with ``QT_TRANSLATE_NOOP("Scan", ...)`` and translated at the edge; the
``{name}`` placeholders are filled from ``Scan.hint_params`` after translation.
"""

from receiving_app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Scan"
"""Translation context of every hint."""

EMPTY = QT_TRANSLATE_NOOP("Scan", "Nothing was read. Scan the barcode again.")

TOO_LONG = QT_TRANSLATE_NOOP(
    "Scan",
    "The scan is too long ({length} characters) to be one label. "
    "Scan one barcode at a time, holding the scanner over it.",
)

UNKNOWN = QT_TRANSLATE_NOOP(
    "Scan",
    '"{text}" is not a tracking, RMA, order, LPN or product number. '
    "Scan the barcode again, or type the number printed under it.",
)

DIGITS_BAD_CHECK = QT_TRANSLATE_NOOP(
    "Scan",
    '"{text}" is not a known number. If it is a product barcode, its check digit is '
    "wrong: scan it again, or type the number printed under it.",
)

GTIN_BAD_CHECK = QT_TRANSLATE_NOOP(
    "Scan",
    "The product barcode {value} has a wrong check digit, so it was misread. "
    "Scan it again, or type the number printed under it.",
)

SSCC_BAD_CHECK = QT_TRANSLATE_NOOP(
    "Scan",
    "The carton number (SSCC) {value} has a wrong check digit, so it was misread. "
    "Scan it again, or type the number printed under it.",
)

TRACKING_BAD_CHECK = QT_TRANSLATE_NOOP(
    "Scan",
    "{value} looks like a {couriers} tracking number, but its check digit or country "
    "code is wrong. Scan it again, or type the number from the label.",
)

GS1_UNREADABLE = QT_TRANSLATE_NOOP(
    "Scan",
    "This GS1 barcode could not be read. Scan it again; if it fails again, "
    "scan the product barcode (EAN/UPC) or type its number.",
)

GS1_WITHOUT_KEY = QT_TRANSLATE_NOOP(
    "Scan",
    "This GS1 barcode holds no product (GTIN) or carton (SSCC) number. "
    "Scan the other barcode on the label.",
)

CARRIER_2D_CODE = QT_TRANSLATE_NOOP(
    "Scan",
    "This is the carrier's square 2D code. Scan the long tracking-number barcode "
    "on the same label instead.",
)

INTERNAL_ERROR = QT_TRANSLATE_NOOP(
    "Scan",
    "This scan could not be interpreted because of a program error (it has been logged). "
    "Scan it again, or type the number.",
)

MAX_TEXT_PARAM = 40
"""Longest scanned text quoted in a hint; longer text is cut with an ellipsis."""


def quoted_text(text: str) -> str:
    """``text`` shortened for quoting in a hint, so a runaway scan cannot flood the screen."""
    if len(text) <= MAX_TEXT_PARAM:
        return text
    return text[: MAX_TEXT_PARAM - 1] + "…"
