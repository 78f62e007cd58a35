"""A streamed import's memory stays flat as the file grows (the file is never held in memory)."""

from __future__ import annotations

import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from db.connection import open_database
from db.models import OrderLine
from receiving_app.audit import Actor
from receiving_app.data_import import choose_mapping, run_import
from tests.conftest import NOW

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
SKUS = ("EL-1001", "EL-1002", "EL-1003", "HM-3001", "AP-2001", "AP-2002")
SMALL, LARGE = 15_000, 150_000


def order_lines(path: Path, count: int) -> None:
    """``count`` order lines, three to an order, in the generic layout."""
    with path.open("w", encoding="utf-8") as file:
        file.write(
            "order_number,channel,ordered_at,delivered_on,customer_ref,customer_name,"
            "line_no,sku,quantity,unit_price\n"
        )
        for i in range(count):
            order = i // 3
            file.write(
                f"BIG{order:09d},web,2026-10-{1 + order % 28:02d} 10:{order % 60:02d}:00,"
                f"2026-11-01,C{order % 500},客户{order % 500},{i % 3 + 1},{SKUS[i % 6]},"
                f"{1 + i % 4},{10 + i % 90}.50\n"
            )


def peak_of_import(template: Path, folder: Path, lines: int) -> tuple[int, float]:
    """(peak Python memory in bytes, seconds) of importing ``lines`` order lines."""
    db_path = folder / f"dock-{lines}.db"
    shutil.copy(template, db_path)
    csv_path = folder / f"orders-{lines}.csv"
    order_lines(csv_path, lines)
    database = open_database(f"sqlite:///{db_path}")
    with database.connection_context():
        tracemalloc.start()
        try:
            started = time.monotonic()
            result = run_import(
                database, "orders", csv_path, choose_mapping(None, None), Actor("t", None), NOW
            )
            seconds = time.monotonic() - started
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert (result.inserted, result.problem_count) == (lines, 0)
        assert OrderLine.select().count() == lines
    return peak, seconds


@pytest.mark.slow
def test_memory_stays_flat_as_the_file_grows(tmp_path: Path, sqlite_url: str) -> None:
    template = Path(sqlite_url.removeprefix("sqlite:///"))
    database = open_database(sqlite_url)
    with database.connection_context():
        for entity in ("vendors", "products"):
            path = SAMPLES / f"{entity}.csv"
            run_import(database, entity, path, choose_mapping(None, None), Actor("t", None), NOW)
    small_peak, _ = peak_of_import(template, tmp_path, SMALL)
    large_peak, seconds = peak_of_import(template, tmp_path, LARGE)
    # Ten times the rows: the peak may not grow in proportion (a batch is the most held).
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
    print(f"{LARGE} order lines in {seconds:.1f} s (traced): peak {large_peak / 1e6:.1f} MB")  # noqa: T201
