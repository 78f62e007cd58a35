"""The print spooler of one station: claims due label jobs, renders, sends, records (no Qt).

A pass (:meth:`Spooler.run_once`) takes at most one job per printer: it claims the job in one
short transaction, renders it if it has no bytes for this printer yet, sends it with no
transaction open, and records printed or failed (with the next attempt's time) in another
short transaction, each change with its audit record. Sending is bounded by the printer's
``timeout``, so a pass never blocks longer than the sum of its printers' timeouts.

A printer that failed rests until the job's next attempt is due, so one printer that is off
costs one attempt per retry delay rather than one per waiting label, and its labels keep their
order. :func:`run_spooler` repeats passes on a worker thread until told to stop; the GUI runs it
on a QThread and shows each :class:`PrintStatus` it reports.

If the database refuses to record a label that was sent, the job keeps its claim until the
claim lease runs out and is then sent again: a label may print twice, it is never lost.
"""

from __future__ import annotations

import datetime
import logging
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import peewee

from db.errors import StorageUnavailable
from db.transactions import storage_errors, write_transaction
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor
from receiving_app.clock import Clock
from receiving_app.i18n import TranslateFn, identity_translate
from receiving_app.printing import messages, outbox
from receiving_app.printing.errors import PrinterError
from receiving_app.printing.outbox import ClaimedJob, Rendered
from receiving_app.printing.printers import open_printer
from receiving_app.printing.rendering import RenderFn, label_renderer
from receiving_app.printing.status import PrintStatus, print_status
from receiving_app.settings import PrinterSettings

log = logging.getLogger(__name__)

IDLE_SECONDS = 1.0
"""How often an idle spooler looks for new jobs: a label comes out within about a second."""


@dataclass(frozen=True)
class SpoolRun:
    """What one pass did: labels handed to a printer, and attempts that failed."""

    printed: int
    failed: int


class Spooler:
    """Sends one station's labels to its printers. Use it from one thread at a time.

    ``render`` is the injection point for the label renderers (see
    :mod:`receiving_app.printing.rendering`; by default :func:`labels.render_label`).
    ``translate`` gives the labels' captions and the printer errors stored as a job's last
    error the station's language.
    """

    def __init__(
        self,
        database: peewee.Database,
        clock: Clock,
        station: StationInfo,
        printers: Sequence[PrinterSettings],
        render: RenderFn | None = None,
        translate: TranslateFn = identity_translate,
    ) -> None:
        self.database = database
        self._clock = clock
        self._station = station
        self._printers = {printer.name: printer for printer in printers}
        self._backends = {printer.name: open_printer(printer) for printer in printers}
        self._render = render or label_renderer(translate)
        self._translate = translate
        # The station's code, told apart from another spooler of the same station (the app
        # started twice) by a random suffix.
        self.claimant = f"{station.code}#{secrets.token_hex(4)}"
        self._actor = Actor(None, station.code)
        self._resting_until: dict[str, datetime.datetime] = {}

    def run_once(self) -> SpoolRun:
        """One pass: at most one due job per printer, then one job for a printer not set up."""
        printed = failed = 0
        for printer in self._printers.values():
            rest = self._resting_until.get(printer.name)
            if rest is not None and rest > self._clock.now():
                continue
            job = self._claim((printer.name,))
            if job is None:
                continue
            if self._print(job, printer):
                printed += 1
            else:
                failed += 1
        stray = self._claim(tuple(self._printers), other_printers=True)
        if stray is not None:
            self._record(stray, None, PrinterError(messages.NO_SUCH_PRINTER, printer=stray.printer))
            failed += 1
        return SpoolRun(printed, failed)

    def status(self) -> PrintStatus:
        return print_status(self._station.id)

    def _claim(self, printers: tuple[str, ...], other_printers: bool = False) -> ClaimedJob | None:
        station_id, now = self._station.id, self._clock.now()
        if not outbox.anything_due(station_id, now, printers, other_printers):
            return None
        with write_transaction(self.database):
            return outbox.claim_next(
                self._actor, self.claimant, station_id, now, printers, other_printers
            )

    def _print(self, job: ClaimedJob, printer: PrinterSettings) -> bool:
        """Render ``job`` if needed, send it, record the result; True if it printed."""
        fmt, size, dpi = printer.format.value, printer.size, printer.dpi
        rendered: Rendered | None = None
        if job.data is not None and (job.format, job.label_size, job.dpi) == (fmt, size, dpi):
            data = job.data
        else:
            try:
                data = self._render(job.kind, job.payload_dict(), size, dpi, fmt)
            except Exception as error:  # one label's bad data or renderer must not stop the rest
                log.exception(
                    "label job %s (%s %s) cannot be rendered", job.id, job.kind, job.reference
                )
                self._record(
                    job,
                    None,
                    PrinterError(
                        messages.NOT_RENDERED, kind=job.kind, reference=job.reference, detail=error
                    ),
                )
                return False
            rendered = Rendered(data, fmt, size, dpi)
        try:
            self._backends[printer.name].send(data, f"{job.reference}-{job.id}")
        except PrinterError as error:
            log.info("label job %s not printed on %s: %s", job.id, printer.name, error)
            self._resting_until[printer.name] = self._clock.now() + outbox.retry_delay(job.attempts)
            self._record(job, rendered, error)
            return False
        self._resting_until.pop(printer.name, None)
        self._record(job, rendered, None)
        return True

    def _record(
        self, job: ClaimedJob, rendered: Rendered | None, error: PrinterError | None
    ) -> None:
        now = self._clock.now()
        with write_transaction(self.database):
            if error is None:
                recorded = outbox.record_printed(self._actor, self.claimant, job.id, now, rendered)
            else:
                text = self._translate(error.context, error.message).format(**error.params)
                recorded = outbox.record_failed(
                    self._actor, self.claimant, job.id, now, rendered, text
                )
        if not recorded:
            log.info("label job %s was taken over by another spooler meanwhile", job.id)


def run_spooler(
    spooler: Spooler,
    stop: threading.Event,
    report: Callable[[PrintStatus], object],
    idle_seconds: float = IDLE_SECONDS,
) -> None:
    """Run passes on the calling (worker) thread until ``stop`` is set.

    ``report`` gets the station's print status whenever it changed. A pass that printed is
    followed at once by the next; otherwise the loop waits ``idle_seconds`` or until ``stop``.
    The thread keeps its own database connection; when the database is out of reach the pass is
    skipped and the next one opens a fresh connection.
    """
    database = spooler.database
    last: PrintStatus | None = None
    try:
        while not stop.is_set():
            printed = 0
            try:
                with storage_errors():
                    database.connect(reuse_if_open=True)
                    printed = spooler.run_once().printed
                    status = spooler.status()
            except StorageUnavailable as error:
                log.warning("print spooler: the database is out of reach (%s)", error)
                database.close()
            else:
                if status != last:
                    report(status)
                    last = status
            if not printed:
                stop.wait(idle_seconds)
    finally:
        database.close()
