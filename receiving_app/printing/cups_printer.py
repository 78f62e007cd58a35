"""The CUPS back-end: ``lp -d QUEUE`` with the label on its standard input (no Qt).

ZPL goes with ``-o raw`` (CUPS passes it to the printer untouched); PDF goes without, so CUPS
converts it for the printer. lp's exit status says whether CUPS took the job, and its standard
error says why not. Once lp has succeeded the job is CUPS's: it keeps and retries it itself.
"""

from __future__ import annotations

import os
import signal
import subprocess

from receiving_app.printing import messages
from receiving_app.printing.errors import PrinterError
from receiving_app.settings import LabelFormat, PrinterSettings

DETAIL_LIMIT = 300


class CupsPrinter:
    def __init__(self, settings: PrinterSettings) -> None:
        self._queue = settings.target
        self._raw = settings.format is LabelFormat.ZPL
        self._timeout = settings.timeout

    def send(self, data: bytes, title: str) -> None:
        command = ["lp", "-d", self._queue, "-t", title]
        if self._raw:
            command += ["-o", "raw"]
        try:
            # Its own session, so that a hung lp is killed with anything it started.
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except OSError as error:
            raise PrinterError(messages.LP_MISSING, detail=error.strerror or str(error)) from None
        try:
            _, errors = process.communicate(data, timeout=self._timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PrinterError(
                messages.LP_TIMEOUT, seconds=f"{self._timeout:g}", queue=self._queue
            ) from None
        if process.returncode != 0:
            detail = errors.decode("utf-8", "replace").strip()[:DETAIL_LIMIT] or "-"
            raise PrinterError(
                messages.LP_FAILED, queue=self._queue, status=process.returncode, detail=detail
            )
