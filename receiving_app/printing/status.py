"""What a station's print queue looks like right now: how many labels wait, and why (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from db.queries import print_jobs as job_queries


@dataclass(frozen=True)
class PrintStatus:
    """``waiting`` labels not printed yet; ``error`` is the newest error among them, if any.

    Labels that wait without an error are simply next in line, so the printer counts as fine.
    """

    waiting: int
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def print_status(station_id: int) -> PrintStatus:
    """The status of ``station_id``'s queue (two indexed queries, cheap enough for every pass)."""
    return PrintStatus(
        job_queries.waiting_count(station_id), job_queries.newest_waiting_error(station_id)
    )
