"""The floor under the scan latency: the same kind of work without the app.

Stdlib ``sqlite3`` on the same file, WAL, synchronous=FULL, one indexed SELECT + one INSERT +
COMMIT (and psycopg2 on PostgreSQL). Used by ``benchmarks.scan_latency``.
"""

from __future__ import annotations

import datetime
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.common import Result, latency_stats
from db.models import RMA


def sqlite_floor(path: Path, trackings: Sequence[str], samples: int, warmup: int) -> Result:
    """Raw sqlite3 on the same file: indexed SELECT, and SELECT + INSERT + COMMIT (WAL, FULL)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor "
            "(id INTEGER PRIMARY KEY, rma_id INTEGER NOT NULL, at TEXT NOT NULL)"
        )
        select = f'SELECT id FROM "{RMA._meta.table_name}" WHERE expected_tracking = ?'

        def read(tracking: str) -> None:
            connection.execute(select, (tracking,)).fetchone()

        def read_write(tracking: str) -> None:
            connection.execute("BEGIN IMMEDIATE")
            row = connection.execute(select, (tracking,)).fetchone()
            connection.execute(
                "INSERT INTO bench_floor (rma_id, at) VALUES (?, ?)",
                (row[0], datetime.datetime.now().isoformat()),
            )
            connection.execute("COMMIT")

        return {
            "read": _time_calls(read, trackings, samples, warmup),
            "read_write_commit": _time_calls(read_write, trackings, samples, warmup),
        }
    finally:
        connection.close()


def postgres_floor(url: str, trackings: Sequence[str], samples: int, warmup: int) -> Result:
    """Raw psycopg2 on the same database: indexed SELECT, and SELECT + INSERT + COMMIT."""
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        cursor = connection.cursor()
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor "
            "(id SERIAL PRIMARY KEY, rma_id INTEGER NOT NULL, at TEXT NOT NULL)"
        )
        connection.commit()
        select = f'SELECT id FROM "{RMA._meta.table_name}" WHERE expected_tracking = %s'

        def read(tracking: str) -> None:
            cursor.execute(select, (tracking,))
            cursor.fetchone()
            connection.commit()

        def read_write(tracking: str) -> None:
            cursor.execute(select, (tracking,))
            row = cursor.fetchone()
            cursor.execute(
                "INSERT INTO bench_floor (rma_id, at) VALUES (%s, %s)",
                (row[0], datetime.datetime.now().isoformat()),
            )
            connection.commit()

        return {
            "read": _time_calls(read, trackings, samples, warmup),
            "read_write_commit": _time_calls(read_write, trackings, samples, warmup),
        }
    finally:
        connection.close()


def _time_calls(
    call: Callable[[str], None], keys: Sequence[str], samples: int, warmup: int
) -> dict[str, float]:
    times = []
    for index in range(warmup + samples):
        key = keys[index % len(keys)]
        started = time.perf_counter()
        call(key)
        if index >= warmup:
            times.append(time.perf_counter() - started)
    return latency_stats(times)
