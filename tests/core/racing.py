"""Let several stations scan the same thing at the same moment, each on its own connection."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol

from peewee import Database

from receiving_app.outcomes import ScanOutcome


class Scanner(Protocol):
    def handle_scan(self, raw: str) -> ScanOutcome: ...


def race(desks: Sequence[Scanner], scan: str, database: Database) -> list[ScanOutcome]:
    """Let every desk scan ``scan`` at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(desks))
    results: list[ScanOutcome] = []
    errors: list[BaseException] = []

    def work(desk: Scanner) -> None:
        try:
            with database.connection_context():
                barrier.wait(timeout=10)
                results.append(desk.handle_scan(scan))
        except BaseException as exc:  # noqa: BLE001 (re-raised in the test thread below)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results
