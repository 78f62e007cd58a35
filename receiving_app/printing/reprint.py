"""Reprinting the labels of an LPN: new jobs carrying the very bytes printed before (no Qt).

A reprint adds a job rather than re-queueing the printed one, so each printed label keeps its
own row (when, by which station, after how many attempts) and the audit log shows which job a
reprint copies. The copy goes to the station that asked for it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from db.models import PrintJob
from db.queries import print_jobs as job_queries
from db.queries.print_jobs import PRINTED
from receiving_app.audit import Actor, append_audit
from receiving_app.printing.outbox import snapshot


@dataclass(frozen=True)
class ReprintResult:
    """``queued`` labels were queued again; ``waiting`` were not, being queued already."""

    queued: int
    waiting: int


def reprint(
    actor: Actor,
    station_id: int,
    reference: str,
    now: datetime.datetime,
    double_read_since: datetime.datetime,
) -> ReprintResult:
    """Queue once more the latest printed label of each kind that ``reference`` has.

    A kind whose latest job has not printed yet gets no second one: it is on its way. Neither
    does one this station queued since ``double_read_since``, which is the scanner reading the
    same barcode twice. Runs inside the caller's write transaction; each new job is audited.
    """
    latest: dict[str, PrintJob] = {}
    for job in job_queries.jobs_of_reference(reference):
        latest[job.kind] = job  # oldest first: the last one of each kind stays
    queued = waiting = 0
    for job in latest.values():
        just_queued = job.station_id == station_id and job.created_at >= double_read_since
        if job.state != PRINTED or just_queued:
            waiting += 1
            continue
        copy = PrintJob.create(
            kind=job.kind,
            reference=job.reference,
            payload=job.payload,
            printer=job.printer,
            format=job.format,
            label_size=job.label_size,
            dpi=job.dpi,
            data=bytes(job.data) if job.data is not None else None,
            station=station_id,
            created_at=now,
        )
        append_audit(
            actor,
            now,
            "print_job.reprinted",
            "print_job",
            copy.id,
            {"copy_of": job.id},
            snapshot(copy),
        )
        queued += 1
    return ReprintResult(queued, waiting)
