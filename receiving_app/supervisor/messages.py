"""The supervisor desk's refusals, marked for translation (context "Error", as the errors carrying
them are translated)."""

from __future__ import annotations

from receiving_app.i18n import QT_TRANSLATE_NOOP

NOTE_NEEDED = QT_TRANSLATE_NOOP("Error", "Say why in a note (at most {limit} characters).")
NOTE_TOO_LONG = QT_TRANSLATE_NOOP("Error", "A note holds at most {limit} characters.")
NO_SUCH_ITEM = QT_TRANSLATE_NOOP("Error", "There is no approval item {key}.")
ALREADY_REVIEWED = {
    "approved": QT_TRANSLATE_NOOP(
        "Error", "{key} was already approved by {user}: nothing changed."
    ),
    "rejected": QT_TRANSLATE_NOOP(
        "Error", "{key} was already rejected by {user}: nothing changed."
    ),
}
STALE_ITEM = QT_TRANSLATE_NOOP(
    "Error",
    "Unit {lpn} has moved on since this override (a newer inspection or route): "
    "nothing changed, refresh the queue.",
)
OWN_OVERRIDE = QT_TRANSLATE_NOOP(
    "Error",
    "{key} is your own override: another supervisor (or an admin) must review it.",
)
NO_SUCH_EXCEPTION = QT_TRANSLATE_NOOP("Error", "There is no open exception {subject}.")
ALREADY_RESOLVED = {
    "linked": QT_TRANSLATE_NOOP(
        "Error", "{subject} was already resolved by {user}, linked: nothing changed."
    ),
    "closed": QT_TRANSLATE_NOOP(
        "Error", "{subject} was already resolved by {user}, closed: nothing changed."
    ),
}
REASON_NEEDED = QT_TRANSLATE_NOOP(
    "Error", "Say why the exception is closed (at most {limit} characters)."
)
RMA_NOT_FOUND = QT_TRANSLATE_NOOP("Error", "There is no RMA {rma}.")
ORDER_NOT_FOUND = QT_TRANSLATE_NOOP("Error", "There is no order {order}.")
RMA_OTHER_ORDER = QT_TRANSLATE_NOOP(
    "Error",
    "RMA {rma} belongs to order {rma_order}, but parcel {parcel} came with order {order}.",
)
ORDER_DIFFERS = QT_TRANSLATE_NOOP(
    "Error", "Parcel {parcel} already belongs to order {current}, not {order}."
)
CANNOT_LINK_MISSING = QT_TRANSLATE_NOOP(
    "Error", "Missing lines cannot be linked: close {subject} with a reason."
)
NO_SUCH_UNIT = QT_TRANSLATE_NOOP("Error", "There is no unit {lpn}.")
NOT_GRADED = QT_TRANSLATE_NOOP(
    "Error", "Unit {lpn} is {state}: only a graded, routed unit is put away."
)
WRONG_LOCATION = QT_TRANSLATE_NOOP(
    "Error", "Wrong location {scanned}: unit {lpn} goes to {location}."
)
TARGETS_NOT_JSON = QT_TRANSLATE_NOOP("Error", "The ageing targets are not JSON: {detail}")
TARGETS_NOT_OBJECT = QT_TRANSLATE_NOOP(
    "Error", "The ageing targets must be a JSON object of hours per state (received, graded)."
)
TARGET_UNKNOWN = QT_TRANSLATE_NOOP("Error", "{key} is not a waiting state: use received or graded.")
TARGET_BAD_HOURS = QT_TRANSLATE_NOOP(
    "Error", "The target for {key} must be a whole number of hours from 1 to {limit}."
)
TARGETS_BROKEN = QT_TRANSLATE_NOOP(
    "Error", "The dock setting {key} is broken: set the ageing targets again."
)
NO_SUCH_USER = QT_TRANSLATE_NOOP("Error", "There is no active user named {name}.")
