"""Queries over the label outbox (``print_job``): a station's due and waiting jobs, an LPN's labels.

The states are the strings stored in ``print_job.state``. A station's spooler looks its jobs up
through the (station, state) index, so a poll stays cheap after months of printed labels.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from db.models import PrintJob
from db.transactions import for_update

QUEUED = "queued"
PRINTING = "printing"
PRINTED = "printed"
FAILED = "failed"
WAITING_STATES = (QUEUED, PRINTING, FAILED)
"""Not printed yet: queued, being sent, or failed and waiting for its next attempt."""


def next_due_job(
    station_id: int,
    now: datetime.datetime,
    stale_before: datetime.datetime,
    printers: Collection[str],
    other_printers: bool = False,
    lock: bool = True,
) -> PrintJob | None:
    """The station's oldest job that may be sent now, locked for the claim unless ``lock`` is off.

    Due are queued jobs, failed jobs whose next attempt has come, and jobs whose claim is older
    than ``stale_before`` (their spooler died while sending). Only jobs for ``printers`` are
    considered, or, with ``other_printers``, only jobs for any other printer name.
    """
    target = PrintJob.printer.not_in(printers) if other_printers else PrintJob.printer.in_(printers)
    due = (
        (PrintJob.state == QUEUED)
        | ((PrintJob.state == FAILED) & (PrintJob.next_attempt_at <= now))
        | ((PrintJob.state == PRINTING) & (PrintJob.claimed_at < stale_before))
    )
    query = (
        PrintJob.select()
        .where((PrintJob.station == station_id) & PrintJob.state.in_(WAITING_STATES) & due & target)
        .order_by(PrintJob.id)
        .limit(1)
    )
    return (for_update(query) if lock else query).first()


def job_for_update(job_id: int) -> PrintJob | None:
    """The job, locked until the transaction ends (to record what its attempt came to)."""
    return for_update(PrintJob.select().where(PrintJob.id == job_id)).first()


def jobs_of_reference(reference: str) -> list[PrintJob]:
    """Every label job ever queued for ``reference`` (an LPN), oldest first."""
    return list(PrintJob.select().where(PrintJob.reference == reference).order_by(PrintJob.id))


def waiting_count(station_id: int) -> int:
    return (
        PrintJob.select()
        .where((PrintJob.station == station_id) & PrintJob.state.in_(WAITING_STATES))
        .count()
    )


def newest_waiting_error(station_id: int) -> str | None:
    """The error of the most recently attempted job that is still waiting, if any failed."""
    row = (
        PrintJob.select(PrintJob.last_error)
        .where(
            (PrintJob.station == station_id)
            & PrintJob.state.in_(WAITING_STATES)
            & (PrintJob.last_error != "")
        )
        .order_by(PrintJob.claimed_at.desc(), PrintJob.id.desc())
        .first()
    )
    return row.last_error if row is not None else None
