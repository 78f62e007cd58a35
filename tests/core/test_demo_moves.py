"""The demo history's put-away and closed exceptions (``demo-data --history-days``)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator

import pytest
from peewee import Database

from db.connection import open_database
from db.models import AuditRecord, ExceptionResolution, Unit, UnitDisposition, User
from db.schema import upgrade
from receiving_app.audit import verify_chain
from receiving_app.demo_data import DemoSummary, generate_demo_data
from receiving_app.supervisor.ageing import waiting_units
from receiving_app.supervisor.exception_queue import open_exceptions

NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)
DAYS = 60  # missing lines are rare: two months of returns show a few


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    database.connect()
    upgrade(database)
    yield database
    database.close()


@pytest.fixture
def history(database: Database) -> DemoSummary:
    return generate_demo_data(database, 2000, 7, NOW, history_days=DAYS)


def test_most_routed_units_are_put_away_after_routing(history: DemoSummary) -> None:
    routed_at: dict[int, datetime.datetime] = {}
    for row in UnitDisposition.select().order_by(UnitDisposition.id):
        routed_at[row.unit_id] = row.decided_at
    states = Counter(unit.state for unit in Unit.select())
    assert states["moved"] > 3 * states["graded"] > 0
    dock = {user.id for user in User.select().where(User.role == "dock")}
    for unit in Unit.select().where(Unit.state == "moved"):
        hours = (unit.moved_at - routed_at[unit.id]).total_seconds() / 3600
        assert 2 <= hours <= 72 and unit.moved_at < NOW
        assert unit.moved_by_id in dock and unit.location is not None
    for unit in Unit.select().where(Unit.state.not_in(("moved", "shipped"))):
        assert unit.moved_at is None and unit.moved_by_id is None
    moves = AuditRecord.select().where(AuditRecord.action == "unit.put_away").count()
    assert moves == Unit.select().where(Unit.moved_at.is_null(False)).count()


def test_ageing_shows_recent_units_and_old_stragglers(history: DemoSummary) -> None:
    ageing = waiting_units(NOW)
    graded = [unit for unit in ageing.units if unit.state == "graded"]
    assert any(unit.over_target for unit in graded)
    assert any(not unit.over_target for unit in graded)


def test_some_missing_lines_are_closed_and_the_chain_holds(history: DemoSummary) -> None:
    closed = list(ExceptionResolution.select().where(ExceptionResolution.kind == "missing"))
    assert closed and all(row.action == "closed" and row.reason for row in closed)
    assert all(row.resolved_at < NOW for row in closed)
    still_open = {item.subject for item in open_exceptions(NOW)}
    assert not still_open & {row.subject for row in closed}
    assert verify_chain().ok
    times = [record.at for record in AuditRecord.select().order_by(AuditRecord.seq)]
    assert times == sorted(times)
