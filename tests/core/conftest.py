"""Fixtures for the core tests: an open database with the small dock seeded, and desks on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from peewee import Database

from db.connection import open_database
from receiving_app.accounts import ensure_station
from receiving_app.clock import FixedClock
from receiving_app.receiving.desk import ReceivingDesk
from tests.conftest import NOW
from tests.core.seed import Dock, seed_dock


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    database.connect()
    yield database
    database.close()


@pytest.fixture
def dock(database: Database) -> Dock:
    with database.atomic():
        return seed_dock(NOW)


@pytest.fixture
def make_desk(database: Database, dock: Dock, clock: FixedClock) -> Callable[[str], ReceivingDesk]:
    def make(station_code: str = "DOCK-1") -> ReceivingDesk:
        station = ensure_station(database, station_code, None, clock.now())
        return ReceivingDesk(database, clock, station)

    return make


@pytest.fixture
def desk(make_desk: Callable[[str], ReceivingDesk]) -> ReceivingDesk:
    return make_desk("DOCK-1")


@pytest.fixture
def logged_in(desk: ReceivingDesk) -> ReceivingDesk:
    outcome = desk.handle_scan("BDG0001")
    assert outcome.code == "logged_in"
    return desk
