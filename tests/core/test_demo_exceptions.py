"""The demo history's dock exceptions and their resolutions (``demo-data --history-days``)."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import Database

from db.connection import open_database
from db.models import (
    AuditRecord,
    ExceptionResolution,
    Parcel,
    PrintJob,
    RMALine,
    SoldSerial,
    Unit,
    User,
)
from db.schema import upgrade
from receiving_app.audit import verify_chain
from receiving_app.demo_data import DemoSummary, generate_demo_data
from receiving_app.supervisor.exception_queue import open_exceptions

NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)
ORDERS, SEED, DAYS = 2000, 7, 30  # the first start's demo
UNIT_KINDS = ("wrong_item", "serial_mismatch", "extra")


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    database.connect()
    upgrade(database)
    yield database
    database.close()


@pytest.fixture
def history(database: Database) -> DemoSummary:
    return generate_demo_data(database, ORDERS, SEED, NOW, history_days=DAYS)


def _no_rma_parcels() -> dict[int, Parcel]:
    """The parcels received without an RMA, as their receipt records say."""
    records = AuditRecord.select().where(AuditRecord.action == "parcel.received")
    ids = [int(r.entity_id) for r in records if json.loads(r.after)["is_exception"]]
    return {parcel.id: parcel for parcel in Parcel.select().where(Parcel.id.in_(ids))}


def _short_parcels() -> set[int]:
    """Closed parcels with an RMA line that has fewer units than it authorised."""
    received = Counter(unit.rma_line_id for unit in Unit.select())
    short = set()
    for parcel in Parcel.select().where(Parcel.rma.is_null(False) & (Parcel.state == "closed")):
        lines = RMALine.select().where(RMALine.rma == parcel.rma_id)
        if any(received[line.id] < line.quantity for line in lines):
            short.add(parcel.id)
    return short


def _exceptions() -> dict[str, datetime.datetime]:
    """Every exception receiving recorded, by subject, with when it was opened."""
    opened = {f"parcel:{p.id}:no_rma": p.received_at for p in _no_rma_parcels().values()}
    for unit in Unit.select().where(Unit.match.in_(UNIT_KINDS)):
        opened[f"unit:{unit.lpn}:{unit.match}"] = unit.received_at
    for parcel_id in _short_parcels():
        opened[f"parcel:{parcel_id}:missing"] = Parcel.get_by_id(parcel_id).closed_at
    return opened


def test_exceptions_of_every_kind_arrive_as_receiving_records_them(history: DemoSummary) -> None:
    parcels = Parcel.select().count()
    units = list(Unit.select().where(Unit.match.in_(UNIT_KINDS)))
    kinds = Counter(unit.match for unit in units)
    assert all(kinds[kind] > 0 for kind in UNIT_KINDS)
    assert 0.01 * parcels <= len({unit.parcel_id for unit in units}) <= 0.06 * parcels
    unknown = _no_rma_parcels()
    assert 0.005 * parcels <= len(unknown) <= 0.04 * parcels
    for parcel in unknown.values():
        assert parcel.receipt_key == f"T:{parcel.tracking_number}"
        for unit in Unit.select().where(Unit.parcel == parcel.id):
            assert (unit.match, unit.rma_line_id, unit.state) == ("no_rma", None, "received")
    for unit in units:
        parcel = Parcel.get_by_id(unit.parcel_id)
        lines = list(RMALine.select().where(RMALine.rma == parcel.rma_id))
        products = {line.order_line.product_id for line in lines}
        if unit.match == "wrong_item":
            assert unit.rma_line_id is None and unit.product_id not in products
            assert unit.product_id in {line.product_id for line in parcel.order.lines}
            continue
        line = RMALine.get_by_id(unit.rma_line_id)
        assert line.rma_id == parcel.rma_id and line.order_line.product_id == unit.product_id
        if unit.match == "serial_mismatch":
            sold = {
                s.serial
                for s in SoldSerial.select().where(SoldSerial.order_line == line.order_line_id)
            }
            assert unit.serial is not None and unit.serial not in sold
        else:
            assert Unit.select().where(Unit.rma_line == line.id).count() > line.quantity
    labels = Counter(job.kind for job in PrintJob.select())
    assert labels["lpn"] == Unit.select().count()


def test_every_resolution_settles_an_exception_after_it_opened(history: DemoSummary) -> None:
    opened = _exceptions()
    unknown, short = _no_rma_parcels(), _short_parcels()
    roles = {user.id: user.role for user in User.select()}
    rows = list(ExceptionResolution.select())
    assert {row.kind for row in rows} >= {"no_rma", *UNIT_KINDS}
    for row in rows:
        assert opened[row.subject] < row.resolved_at < NOW
        assert roles[row.resolved_by_id] in ("supervisor", "admin")
        assert row.action in ("linked", "closed") and (row.action == "linked" or row.reason)
        kind_of_subject = row.subject.rpartition(":")[2]
        assert row.kind == kind_of_subject
        parcel = Parcel.get_by_id(row.parcel_id)
        if row.kind == "no_rma":
            assert row.parcel_id in unknown and row.unit_id is None
            assert (parcel.rma_id, parcel.is_exception) == (
                (row.rma_id, False) if row.action == "linked" else (None, True)
            )
        elif row.kind == "missing":
            assert row.parcel_id in short and row.action == "closed"
        else:
            unit = Unit.get_by_id(row.unit_id)
            assert row.subject == f"unit:{unit.lpn}:{unit.match}"
            assert unit.parcel_id == row.parcel_id
            assert row.rma_id in (None, parcel.rma_id)
    linked = sum(row.kind == "no_rma" and row.action == "linked" for row in rows)
    links = AuditRecord.select().where(AuditRecord.action == "parcel.rma_linked").count()
    assert links == linked > 0


def test_recent_exceptions_wait_and_most_older_ones_are_resolved(history: DemoSummary) -> None:
    resolved = {row.subject for row in ExceptionResolution.select()}
    dock = {s: at for s, at in _exceptions().items() if not s.endswith(":missing")}
    recent = {s for s, at in dock.items() if at >= NOW - datetime.timedelta(days=2)}
    older = {s for s, at in dock.items() if at < NOW - datetime.timedelta(days=4)}
    assert recent and not recent & resolved
    assert len(older & resolved) >= 0.75 * len(older)
    assert len(dock.keys() & resolved) >= 8  # a desk with a history of resolutions


def test_open_exceptions_are_the_unresolved_ones(history: DemoSummary) -> None:
    resolved = {row.subject for row in ExceptionResolution.select()}
    unresolved = _exceptions().keys() - resolved
    listed = open_exceptions(NOW)
    assert {item.subject for item in listed} == unresolved
    assert {item.kind for item in listed} & {"no_rma", *UNIT_KINDS}


def test_resolutions_are_audited_and_the_chain_holds(history: DemoSummary) -> None:
    records = AuditRecord.select().where(AuditRecord.action == "exception.resolved")
    audited = {(r.entity_id, json.loads(r.after)["id"]) for r in records}
    assert audited == {(row.subject, row.id) for row in ExceptionResolution.select()}
    assert verify_chain().ok
    times = [record.at for record in AuditRecord.select().order_by(AuditRecord.seq)]
    assert times == sorted(times)


def _dump() -> dict[str, list[tuple[object, ...]]]:
    tables = {}
    for model in (Parcel, Unit, PrintJob, ExceptionResolution, AuditRecord):
        query = model.select().order_by(model.id).tuples()
        tables[model._meta.table_name] = list(query)
    return tables


def test_same_seed_same_exceptions(tmp_path: Path) -> None:
    dumps = []
    for name in ("a.db", "b.db"):
        database = open_database(f"sqlite:///{tmp_path / name}")
        database.connect()
        upgrade(database)
        generate_demo_data(database, ORDERS, SEED, NOW, history_days=DAYS)
        dumps.append(_dump())
        database.close()
    assert dumps[0]["exception_resolution"]
    assert dumps[0] == dumps[1]
