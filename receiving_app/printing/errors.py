"""Why a label could not be sent: a printer that is off, refuses, hangs or says no (no Qt).

The message is marked text (context ``Printing``) with params, like every error of the core; the
spooler stores it translated into the station's language as the job's last error.
"""

from __future__ import annotations

from receiving_app.errors import ReceivingError


class PrinterError(ReceivingError):
    """The printer did not take the label; the job stays in the outbox and is tried again."""

    context = "Printing"
