"""Imports and exports on a worker thread: each opens its own connection and closes it after."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from peewee import Database

from db.connection import open_database
from db.models import Vendor
from receiving_app.audit import Actor
from receiving_app.data_export.datasets import Dataset
from receiving_app.data_export.writing import ExportFormat
from receiving_app.data_import.mappings import load_preset
from receiving_app.data_transfer import (
    ExportRequest,
    ImportRequest,
    export_on_own_connection,
    import_on_own_connection,
)
from receiving_app.errors import InvalidInput
from tests.conftest import NOW

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
T = TypeVar("T")


@pytest.fixture
def database(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.close()


def on_worker(database: Database, call: Callable[[], T]) -> T:
    """``call``'s result on a fresh thread, which must leave no connection open."""
    outcome: list[T | BaseException] = []
    closed: list[bool] = []

    def work() -> None:
        try:
            outcome.append(call())
        except Exception as error:  # noqa: BLE001 (re-raised on the test's thread)
            outcome.append(error)
        closed.append(database.is_closed())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive() and len(outcome) == 1
    assert closed == [True], "the worker's connection was left open"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def test_an_import_on_a_worker_writes_through_its_own_connection(database: Database) -> None:
    request = ImportRequest("vendors", SAMPLES / "vendors.csv", load_preset("generic"))
    result = on_worker(
        database,
        lambda: import_on_own_connection(database, request, Actor("sup", "S1"), NOW),
    )
    assert not result.refused and result.inserted == 12
    with database.connection_context():
        assert Vendor.select().count() == 12


def test_an_export_on_a_worker_reads_through_its_own_connection(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "units.csv"
    request = ExportRequest(Dataset.UNITS, NOW.date(), NOW.date(), path, ExportFormat.CSV)
    result = on_worker(database, lambda: export_on_own_connection(database, request, None))
    assert result.rows == 0 and path.read_text(encoding="utf-8-sig").startswith("lpn,")


def test_a_refused_period_writes_nothing(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    day = NOW.date()
    request = ExportRequest(
        Dataset.UNITS, day, day - datetime.timedelta(days=1), path, ExportFormat.CSV
    )
    with pytest.raises(InvalidInput):
        on_worker(database, lambda: export_on_own_connection(database, request, None))
    assert not path.exists()
