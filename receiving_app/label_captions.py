"""The captions printed on the dock's labels, marked for translation (no Qt).

``labels`` prints final strings and never translates (HOUSE.md B6), so whoever builds a label's
data (the print queue, ``receiving-app label sample``) takes its captions from here, translated
with the station's ``tr``. The keys are the ones each kind's data must carry
(:data:`labels.CAPTION_KEYS`; a test keeps the two in step). The LPN label has no captions: it
prints the universal abbreviations LPN, SKU, RMA and S/N.
"""

from __future__ import annotations

from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

LABEL = "Label"

_CAPTIONS: dict[str, dict[str, str]] = {
    "lpn": {},
    "disposition": {
        "grade": QT_TRANSLATE_NOOP("Label", "Grade"),
        "destination": QT_TRANSLATE_NOOP("Label", "Destination"),
        "sku": QT_TRANSLATE_NOOP("Label", "SKU"),
        "rma": QT_TRANSLATE_NOOP("Label", "RMA"),
        "date": QT_TRANSLATE_NOOP("Label", "Date"),
        "inspector": QT_TRANSLATE_NOOP("Label", "Inspector"),
    },
    "parcel": {
        "tracking": QT_TRANSLATE_NOOP("Label", "Tracking no."),
        "carrier": QT_TRANSLATE_NOOP("Label", "Carrier"),
        "rma": QT_TRANSLATE_NOOP("Label", "RMA"),
        "received_at": QT_TRANSLATE_NOOP("Label", "Received"),
        "station": QT_TRANSLATE_NOOP("Label", "Station"),
        "units": QT_TRANSLATE_NOOP("Label", "Units"),
        "condition": QT_TRANSLATE_NOOP("Label", "Condition"),
        # The flag on a parcel no RMA expected, printed white on black across the label.
        "exception": QT_TRANSLATE_NOOP("Label", "EXCEPTION"),
    },
    "carton": {
        "ship_from": QT_TRANSLATE_NOOP("Label", "Ship from"),
        "ship_to": QT_TRANSLATE_NOOP("Label", "Ship to"),
        "batch": QT_TRANSLATE_NOOP("Label", "Batch"),
        "vendor_rma": QT_TRANSLATE_NOOP("Label", "Vendor RMA"),
        "carton": QT_TRANSLATE_NOOP("Label", "Carton"),
        "units": QT_TRANSLATE_NOOP("Label", "Units"),
        "sscc": QT_TRANSLATE_NOOP("Label", "SSCC"),
    },
}

#: The label kinds, as the command line and the print queue name them.
LABEL_KINDS = tuple(_CAPTIONS)


def label_captions(kind: str, tr: TranslateFn) -> dict[str, str]:
    """The captions of label ``kind`` (``lpn``, ``disposition``, ``parcel``), translated.

    Raises:
        KeyError: an unknown kind (the callers pass one of :data:`LABEL_KINDS`).
    """
    return {key: tr(LABEL, text) for key, text in _CAPTIONS[kind].items()}


__all__ = ["LABEL", "LABEL_KINDS", "label_captions"]
