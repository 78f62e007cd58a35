"""The state changes of a label job, each with its audit record (no Qt).

queued → printing (claimed by one spooler) → printed; or → failed, waiting for its next attempt
after a growing delay, then printing again. Nothing here deletes a job or gives up on it, so a
label is never lost. The functions that change a job run inside the caller's write
transaction.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from db.models import PrintJob
from db.queries import print_jobs as job_queries
from db.queries.print_jobs import FAILED, PRINTED, PRINTING
from receiving_app.audit import Actor, append_audit

RETRY_DELAYS_S = (5, 15, 60, 300)
"""Seconds to wait after the 1st, 2nd and 3rd failed attempt, then after every later one."""

CLAIM_LEASE = datetime.timedelta(minutes=5)
"""How long a claim holds: longer than any attempt (the printer timeout is at most 120 s), so a
claim this old belongs to a spooler that died mid-send, and the job is taken over (at worst the
label prints twice; it is never lost)."""

ERROR_LIMIT = 500


@dataclass(frozen=True)
class ClaimedJob:
    """A job one spooler has claimed: all it needs to render and send, as plain values."""

    id: int
    kind: str
    reference: str
    payload: str
    printer: str
    format: str | None
    label_size: str | None
    dpi: int | None
    data: bytes | None
    attempts: int

    def payload_dict(self) -> Mapping[str, object]:
        """The label data the job was queued with.

        Raises:
            ValueError: the payload is not JSON; TypeError: it is not a JSON object.
        """
        value = json.loads(self.payload)
        if not isinstance(value, dict):
            raise TypeError("the payload is not a JSON object")
        return value


@dataclass(frozen=True)
class Rendered:
    """Label bytes and what they were rendered for: stored with the job once rendered."""

    data: bytes
    format: str
    label_size: str
    dpi: int


def retry_delay(attempts: int) -> datetime.timedelta:
    """The wait before the next attempt, after ``attempts`` attempts have failed."""
    return datetime.timedelta(seconds=RETRY_DELAYS_S[min(attempts, len(RETRY_DELAYS_S)) - 1])


def snapshot(job: PrintJob) -> dict[str, object]:
    """What the audit log keeps of a job's state (not the label bytes)."""
    return {
        "reference": job.reference,
        "kind": job.kind,
        "printer": job.printer,
        "state": job.state,
        "attempts": job.attempts,
        "claimed_by": job.claimed_by,
        "next_attempt_at": job.next_attempt_at,
        "last_error": job.last_error,
        "printed_at": job.printed_at,
    }


def anything_due(
    station_id: int, now: datetime.datetime, printers: Collection[str], other_printers: bool
) -> bool:
    """Whether :func:`claim_next` would find a job: a plain read, no transaction needed.

    An idle spooler asks this first, so it takes no write lock (on SQLite, the whole database)
    every time it looks for work.
    """
    stale_before = now - CLAIM_LEASE
    found = job_queries.next_due_job(
        station_id, now, stale_before, printers, other_printers, lock=False
    )
    return found is not None


def claim_next(
    actor: Actor,
    claimant: str,
    station_id: int,
    now: datetime.datetime,
    printers: Collection[str],
    other_printers: bool = False,
) -> ClaimedJob | None:
    """Claim the station's oldest due job for one of ``printers`` (or, with ``other_printers``,
    for a printer the station does not have) for ``claimant``; None when nothing is due.

    The job row is locked while it is read, and the update checks the state it was read in, so
    two spoolers never claim the same job.
    """
    job = job_queries.next_due_job(station_id, now, now - CLAIM_LEASE, printers, other_printers)
    if job is None:
        return None
    before = snapshot(job)
    claimed = (
        PrintJob.update(
            state=PRINTING, claimed_by=claimant, claimed_at=now, attempts=PrintJob.attempts + 1
        )
        .where((PrintJob.id == job.id) & (PrintJob.state == job.state))
        .execute()
    )
    if claimed != 1:
        return None
    job.state, job.claimed_by, job.claimed_at = PRINTING, claimant, now
    job.attempts += 1
    append_audit(actor, now, "print_job.claimed", "print_job", job.id, before, snapshot(job))
    return ClaimedJob(
        job.id,
        job.kind,
        job.reference,
        job.payload,
        job.printer,
        job.format,
        job.label_size,
        job.dpi,
        bytes(job.data) if job.data is not None else None,  # PostgreSQL gives a memoryview
        job.attempts,
    )


def record_printed(
    actor: Actor, claimant: str, job_id: int, now: datetime.datetime, rendered: Rendered | None
) -> bool:
    """Mark a claimed job printed (storing the bytes if they were rendered for this attempt).

    Returns False, changing nothing, if the claim is no longer ``claimant``'s.
    """
    return _finish(actor, claimant, job_id, now, rendered, None)


def record_failed(
    actor: Actor,
    claimant: str,
    job_id: int,
    now: datetime.datetime,
    rendered: Rendered | None,
    error: str,
) -> bool:
    """Mark a claimed job failed, with its error and the time of its next attempt.

    Bytes rendered before the failure are kept, so the next attempt sends the same label.
    Returns False, changing nothing, if the claim is no longer ``claimant``'s.
    """
    return _finish(actor, claimant, job_id, now, rendered, error)


def _finish(
    actor: Actor,
    claimant: str,
    job_id: int,
    now: datetime.datetime,
    rendered: Rendered | None,
    error: str | None,
) -> bool:
    job = job_queries.job_for_update(job_id)
    if job is None or job.state != PRINTING or job.claimed_by != claimant:
        return False
    before = snapshot(job)
    if rendered is not None:
        job.data = rendered.data
        job.format = rendered.format
        job.label_size = rendered.label_size
        job.dpi = rendered.dpi
    if error is None:
        job.state, job.printed_at = PRINTED, now
    else:
        job.state, job.last_error = FAILED, error[:ERROR_LIMIT]
        job.next_attempt_at = now + retry_delay(job.attempts)
    job.save()
    append_audit(actor, now, f"print_job.{job.state}", "print_job", job.id, before, snapshot(job))
    return True
