"""The marked texts of printing problems (context ``Printing``), translated at the edge (no Qt)."""

from __future__ import annotations

from receiving_app.i18n import QT_TRANSLATE_NOOP

FOLDER_FAILED = QT_TRANSLATE_NOOP(
    "Printing", "Cannot write the label into {folder} ({detail}): check the folder."
)
LP_MISSING = QT_TRANSLATE_NOOP(
    "Printing", "The lp command is missing ({detail}): install the CUPS client (cups-client)."
)
LP_FAILED = QT_TRANSLATE_NOOP(
    "Printing", "CUPS refused the label for {queue} (lp exit status {status}): {detail}"
)
LP_TIMEOUT = QT_TRANSLATE_NOOP(
    "Printing", "lp did not answer within {seconds} s: is CUPS running and {queue} set up?"
)
PRINTER_REFUSED = QT_TRANSLATE_NOOP(
    "Printing", "The printer at {address} refused the connection: is it on and on the network?"
)
PRINTER_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Printing", "Cannot reach the printer at {address} ({detail})."
)
PRINTER_TIMEOUT = QT_TRANSLATE_NOOP(
    "Printing",
    "The printer at {address} did not take the label within {seconds} s ({sent} of {total} "
    "bytes sent): check paper, ribbon and the cable.",
)
NO_SUCH_PRINTER = QT_TRANSLATE_NOOP(
    "Printing", "No printer named {printer} is set up in station.toml ([printers.{printer}])."
)
NOT_RENDERED = QT_TRANSLATE_NOOP(
    "Printing", "The {kind} label {reference} cannot be made for this printer: {detail}"
)
