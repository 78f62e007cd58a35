"""The marked texts of receiving outcomes (context ``Outcome``), translated at the edge."""

from __future__ import annotations

from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.outcomes import OutcomeCode, OutcomeLevel

LOGGED_IN = QT_TRANSLATE_NOOP("Outcome", "Hello {user} ({role}) at {station}. Scan a parcel.")
LOGGED_OUT = QT_TRANSLATE_NOOP("Outcome", "Logged out. Scan your badge.")
LOGIN_REQUIRED = QT_TRANSLATE_NOOP(
    "Outcome", "Scan your badge first (or log in with name and PIN)."
)
UNKNOWN_USER = QT_TRANSLATE_NOOP(
    "Outcome", "Unknown badge, name or PIN. Try again or ask a supervisor."
)
PARCEL_RECEIVED = QT_TRANSLATE_NOOP(
    "Outcome", "Parcel received for {rma} ({lines} lines expected). Scan the units."
)
PARCEL_EXCEPTION = QT_TRANSLATE_NOOP(
    "Outcome",
    "No RMA expects parcel {tracking}: it is an exception. Scan the order or RMA number "
    "on the packing slip, or the units, and add a note (F9).",
)
PARCEL_RESUMED = QT_TRANSLATE_NOOP(
    "Outcome", "This parcel is already open here (received at {time} by {user} at {station})."
)
PARCEL_REPEAT = QT_TRANSLATE_NOOP(
    "Outcome", "Already received at {time} by {user} at {station}. Nothing was added."
)
CHOOSE_CARRIER = QT_TRANSLATE_NOOP(
    "Outcome",
    "Parcel {tracking} received; the number fits several couriers: pick the one on the label.",
)
CHOOSE_RMA = QT_TRANSLATE_NOOP(
    "Outcome", "Order {order} has {count} open RMAs: scan the RMA number on the slip or pick one."
)
RMA_LINKED = QT_TRANSLATE_NOOP("Outcome", "Parcel linked to {rma}. Scan the units.")
ORDER_LINKED_NO_RMA = QT_TRANSLATE_NOOP(
    "Outcome", "Parcel linked to order {order}, which has no open RMA: it stays an exception."
)
RMA_NOT_FOUND = QT_TRANSLATE_NOOP("Outcome", "No RMA {rma} exists. Check the slip and scan again.")
ORDER_NOT_FOUND = QT_TRANSLATE_NOOP(
    "Outcome", "No order {order} exists. Check the slip and scan again."
)
CARRIER_SET = QT_TRANSLATE_NOOP("Outcome", "Courier set to {carrier}.")
CONDITION_SET = QT_TRANSLATE_NOOP("Outcome", "Parcel condition: {condition}.")
BAD_CARRIER = QT_TRANSLATE_NOOP(
    "Outcome", "No courier has the code {carrier}: pick one from the list."
)
BAD_CONDITION = QT_TRANSLATE_NOOP("Outcome", "Unknown condition {condition}: use one of {allowed}.")
NOTE_TOO_LONG = QT_TRANSLATE_NOOP(
    "Outcome", "The note has {length} characters; at most {limit} fit. Shorten it and save again."
)
NOTE_SET = QT_TRANSLATE_NOOP("Outcome", "Note saved.")
PARCEL_PHOTO_ADDED = QT_TRANSLATE_NOOP("Outcome", "Photo of the parcel attached.")
PARCEL_PHOTO_REPEAT = QT_TRANSLATE_NOOP(
    "Outcome", "This photo is already attached to the parcel. Nothing was added."
)
NOTE_REQUIRED = QT_TRANSLATE_NOOP(
    "Outcome", "This parcel is an exception: add a note (F9) saying what it holds, then close it."
)
NO_OPEN_PARCEL = QT_TRANSLATE_NOOP("Outcome", "No parcel is open. Scan a parcel first.")
CLOSED_COMPLETE = QT_TRANSLATE_NOOP("Outcome", "Parcel closed: everything expected arrived.")
CLOSED_MISSING = QT_TRANSLATE_NOOP("Outcome", "Parcel closed. Missing: {missing}.")
LPN_NOT_FOUND = QT_TRANSLATE_NOOP("Outcome", "No unit has LPN {lpn}.")
UNIT_INFO = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn}: {sku}, {state}; received at {time} by {user} at {station}."
)
LABEL_REPRINTED = QT_TRANSLATE_NOOP(
    "Outcome",
    "{lpn}: its label is printing again. {sku}, {state}; received at {time} by {user} at "
    "{station}.",
)
LABEL_WAITING = QT_TRANSLATE_NOOP(
    "Outcome",
    "{lpn}: its label is already on its way to the printer; nothing was added. {sku}, {state}; "
    "received at {time} by {user} at {station}.",
)
SERIAL_NEEDED = QT_TRANSLATE_NOOP("Outcome", "{sku} {name}: now scan its serial number.")
BAD_SERIAL = QT_TRANSLATE_NOOP("Outcome", "That is not a serial number. Scan the serial of {sku}.")
UNKNOWN_PRODUCT = QT_TRANSLATE_NOOP(
    "Outcome",
    "No product has barcode {code}. Scan the SKU label instead, or set the unit aside "
    "for a supervisor.",
)
UNIT_REPEAT = QT_TRANSLATE_NOOP(
    "Outcome", "Already received as {lpn} at {time} by {user} at {station}. Nothing was added."
)
EXPECT_PARCEL = QT_TRANSLATE_NOOP(
    "Outcome", "Not a parcel label: {text}. Scan the courier label, the RMA or the order number."
)
EXPECT_UNIT = QT_TRANSLATE_NOOP(
    "Outcome", "Not recognised: {text}. Scan the product barcode, SKU or serial number."
)

UNIT_OUTCOMES: dict[str, tuple[OutcomeLevel, OutcomeCode, str]] = {
    "matched": (
        OutcomeLevel.OK,
        OutcomeCode.UNIT_RECEIVED,
        QT_TRANSLATE_NOOP("Outcome", "{lpn}: {sku} matches the RMA. Stick the label on."),
    ),
    "extra": (
        OutcomeLevel.WARNING,
        OutcomeCode.UNIT_EXTRA,
        QT_TRANSLATE_NOOP("Outcome", "{lpn}: {sku} is more than the RMA authorised (extra)."),
    ),
    "serial_mismatch": (
        OutcomeLevel.WARNING,
        OutcomeCode.UNIT_SERIAL_MISMATCH,
        QT_TRANSLATE_NOOP(
            "Outcome",
            "{lpn}: serial {serial} was not sold on this order: possible swap. Set it aside.",
        ),
    ),
    "wrong_item": (
        OutcomeLevel.WARNING,
        OutcomeCode.UNIT_WRONG_ITEM,
        QT_TRANSLATE_NOOP(
            "Outcome", "{lpn}: {sku} is on the order but not on this RMA (wrong item)."
        ),
    ),
    "not_on_order": (
        OutcomeLevel.WARNING,
        OutcomeCode.UNIT_NOT_ON_ORDER,
        QT_TRANSLATE_NOOP("Outcome", "{lpn}: {sku} was never sold on this order (wrong item)."),
    ),
    "no_rma": (
        OutcomeLevel.WARNING,
        OutcomeCode.UNIT_NO_RMA,
        QT_TRANSLATE_NOOP("Outcome", "{lpn}: {sku} received into an exception parcel."),
    ),
}
