"""Translated names for the core's stored codes (conditions, match results, roles, reasons,
outcomes, vendor-return batch states, and the kinds of approvals and exceptions).

The core stores and returns plain codes (``damaged``, ``serial_mismatch``); the screen shows
them in the user's language. Unknown codes are shown as they are, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

# Each source string appears literally so that pyside6-lupdate extracts it.
_WORDS: dict[str, dict[str, Callable[[], str]]] = {
    "condition": {
        "intact": lambda: QCoreApplication.translate("DomainWords", "intact"),
        "damaged": lambda: QCoreApplication.translate("DomainWords", "damaged"),
        "wet": lambda: QCoreApplication.translate("DomainWords", "wet"),
        "opened": lambda: QCoreApplication.translate("DomainWords", "opened"),
    },
    "match": {
        "matched": lambda: QCoreApplication.translate("DomainWords", "matches"),
        "extra": lambda: QCoreApplication.translate("DomainWords", "extra"),
        "serial_mismatch": lambda: QCoreApplication.translate("DomainWords", "serial mismatch"),
        "wrong_item": lambda: QCoreApplication.translate("DomainWords", "wrong item"),
        "not_on_order": lambda: QCoreApplication.translate("DomainWords", "not on order"),
        "no_rma": lambda: QCoreApplication.translate("DomainWords", "no RMA"),
    },
    "role": {
        "dock": lambda: QCoreApplication.translate("DomainWords", "dock"),
        "inspector": lambda: QCoreApplication.translate("DomainWords", "inspector"),
        "supervisor": lambda: QCoreApplication.translate("DomainWords", "supervisor"),
        "admin": lambda: QCoreApplication.translate("DomainWords", "admin"),
    },
    "reason": {
        "defective": lambda: QCoreApplication.translate("DomainWords", "defective"),
        "damaged_in_transit": lambda: QCoreApplication.translate(
            "DomainWords", "damaged in transit"
        ),
        "wrong_item_sent": lambda: QCoreApplication.translate("DomainWords", "wrong item sent"),
        "not_as_described": lambda: QCoreApplication.translate("DomainWords", "not as described"),
        "no_longer_needed": lambda: QCoreApplication.translate("DomainWords", "no longer needed"),
        "size_fit": lambda: QCoreApplication.translate("DomainWords", "size or fit"),
    },
    "route": {
        "restock": lambda: QCoreApplication.translate("DomainWords", "restock"),
        "refurbish": lambda: QCoreApplication.translate("DomainWords", "refurbish"),
        "vendor_return": lambda: QCoreApplication.translate("DomainWords", "vendor return"),
        "scrap": lambda: QCoreApplication.translate("DomainWords", "scrap"),
    },
    "state": {
        "open": lambda: QCoreApplication.translate("DomainWords", "open"),
        "closed": lambda: QCoreApplication.translate("DomainWords", "closed"),
        "received": lambda: QCoreApplication.translate("DomainWords", "received"),
        "graded": lambda: QCoreApplication.translate("DomainWords", "graded"),
        "moved": lambda: QCoreApplication.translate("DomainWords", "moved"),
    },
    "batch_state": {
        "open": lambda: QCoreApplication.translate("DomainWords", "open"),
        "closed": lambda: QCoreApplication.translate("DomainWords", "closed"),
        "shipped": lambda: QCoreApplication.translate("DomainWords", "shipped"),
    },
    "outcome": {
        "refund": lambda: QCoreApplication.translate("DomainWords", "refund"),
        "exchange": lambda: QCoreApplication.translate("DomainWords", "exchange"),
        "repair": lambda: QCoreApplication.translate("DomainWords", "repair"),
        "none": lambda: QCoreApplication.translate("DomainWords", "no outcome"),
    },
    "approval": {
        "customer_outcome": lambda: QCoreApplication.translate("DomainWords", "customer outcome"),
        "grade_override": lambda: QCoreApplication.translate("DomainWords", "grade override"),
        "route_override": lambda: QCoreApplication.translate("DomainWords", "route override"),
    },
    "exception": {
        "no_rma": lambda: QCoreApplication.translate("DomainWords", "parcel without RMA"),
        "wrong_item": lambda: QCoreApplication.translate("DomainWords", "wrong item"),
        "not_on_order": lambda: QCoreApplication.translate("DomainWords", "not on order"),
        "serial_mismatch": lambda: QCoreApplication.translate("DomainWords", "serial mismatch"),
        "extra": lambda: QCoreApplication.translate("DomainWords", "extra unit"),
        "missing": lambda: QCoreApplication.translate("DomainWords", "missing lines"),
    },
}


def word(kind: str, code: str | None) -> str:
    """The translated name of ``code`` of ``kind`` (condition, match, role, reason, route, state,
    batch_state, outcome, approval, exception)."""
    if not code:
        return ""
    maker = _WORDS.get(kind, {}).get(code)
    return maker() if maker is not None else code.replace("_", " ")
