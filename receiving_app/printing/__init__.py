"""The print queue and the printers it drives (no Qt).

Labels wait as jobs in the database (``db.models.PrintJob``) until a printer has taken them.
``spooler`` claims, renders, sends and records them; ``printers`` holds the back-ends (a folder,
CUPS, raw TCP port 9100); ``reprint`` queues an LPN's labels again; ``status`` says how many
labels wait and why.
"""

from receiving_app.printing.errors import PrinterError
from receiving_app.printing.reprint import ReprintResult, reprint
from receiving_app.printing.spooler import Spooler, SpoolRun, run_spooler
from receiving_app.printing.status import PrintStatus, print_status

__all__ = [
    "PrintStatus",
    "PrinterError",
    "ReprintResult",
    "SpoolRun",
    "Spooler",
    "print_status",
    "reprint",
    "run_spooler",
]
