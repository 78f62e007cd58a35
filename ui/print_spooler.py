"""The station's print spooler on its own thread, so the scan field never waits on a printer."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal
from typing_extensions import override

from receiving_app.printing import Spooler, run_spooler
from receiving_app.printing.spooler import IDLE_SECONDS


class SpoolerThread(QThread):
    """Runs :func:`receiving_app.printing.run_spooler` until :meth:`stop`.

    Signals:
        status_changed(PrintStatus): the station's print queue changed (queued across threads,
            so slots run on the GUI thread).
        failed(Exception): the spooler stopped on an unexpected error; labels stay queued.
    """

    status_changed = Signal(object)
    failed = Signal(object)

    def __init__(
        self, spooler: Spooler, idle_seconds: float = IDLE_SECONDS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printSpooler")
        self._spooler = spooler
        self._idle_seconds = idle_seconds
        self._stop = threading.Event()

    @override
    def run(self) -> None:
        try:
            run_spooler(self._spooler, self._stop, self.status_changed.emit, self._idle_seconds)
        except Exception as error:  # noqa: BLE001 (handed to the GUI thread, which reports it)
            self.failed.emit(error)

    def stop(self) -> None:
        """Ask the loop to end and wait for it (at most the attempt in progress)."""
        self._stop.set()
        self.wait()
