"""The printer back-ends behind one small protocol, chosen by the station's settings (no Qt).

Every back-end sends one finished label (PDF or ZPL bytes) and either returns, meaning the label
was handed over whole (to a file, to CUPS, to the printer's socket), or raises
:class:`PrinterError`. None blocks longer than its printer's ``timeout``.
"""

from __future__ import annotations

from typing import Protocol

from receiving_app.printing.cups_printer import CupsPrinter
from receiving_app.printing.folder_printer import FolderPrinter
from receiving_app.printing.raw_printer import RawPrinter
from receiving_app.settings import PrinterBackend, PrinterSettings


class Printer(Protocol):
    def send(self, data: bytes, title: str) -> None:
        """Hand ``data`` over whole; ``title`` names the job (a file name, a CUPS job title)."""
        ...


def open_printer(settings: PrinterSettings) -> Printer:
    """The back-end for one ``[printers.<name>]`` table."""
    if settings.backend is PrinterBackend.FOLDER:
        return FolderPrinter(settings)
    if settings.backend is PrinterBackend.CUPS:
        return CupsPrinter(settings)
    return RawPrinter(settings)
