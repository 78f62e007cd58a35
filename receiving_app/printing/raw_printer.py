"""The raw TCP back-end: ZPL straight to a thermal printer's port 9100 (no Qt).

Connecting and sending share one deadline, the printer's ``timeout``: a printer that is off
refuses or never answers, one that is out of paper stops reading once its buffer is full, and
either way the spooler gets its thread back in time. The label counts as sent when every byte
went into the connection and it closed cleanly. A host name is looked up by the system's
resolver, which no timeout bounds: set printers up by IP address.
"""

from __future__ import annotations

import socket
import time

from receiving_app.printing import messages
from receiving_app.printing.errors import PrinterError
from receiving_app.settings import PrinterSettings


class RawPrinter:
    def __init__(self, settings: PrinterSettings) -> None:
        self._host, self._port = settings.address
        self._timeout = settings.timeout

    @property
    def _address(self) -> str:
        return f"{self._host}:{self._port}"

    def send(self, data: bytes, title: str) -> None:
        deadline = time.monotonic() + self._timeout
        sent = 0
        try:
            with socket.create_connection((self._host, self._port), timeout=self._timeout) as sock:
                view = memoryview(data)
                while sent < len(data):
                    sock.settimeout(max(deadline - time.monotonic(), 0.001))
                    count = sock.send(view[sent:])
                    if count == 0:
                        raise ConnectionResetError("the printer closed the connection")
                    sent += count
                sock.shutdown(socket.SHUT_WR)
        except ConnectionRefusedError:
            raise PrinterError(messages.PRINTER_REFUSED, address=self._address) from None
        except TimeoutError:
            raise PrinterError(
                messages.PRINTER_TIMEOUT,
                address=self._address,
                seconds=f"{self._timeout:g}",
                sent=sent,
                total=len(data),
            ) from None
        except OSError as error:
            raise PrinterError(
                messages.PRINTER_UNREACHABLE,
                address=self._address,
                detail=error.strerror or str(error),
            ) from None
