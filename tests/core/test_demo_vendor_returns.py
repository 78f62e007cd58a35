"""The demo history's vendor-return batches (``demo-data --history-days``)."""

from __future__ import annotations

import datetime
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import Database

from db.connection import open_database
from db.models import (
    AuditRecord,
    PrintJob,
    Product,
    RtvBatch,
    RtvBatchLine,
    RtvCarton,
    Sequence,
    Station,
    Unit,
    User,
)
from db.schema import upgrade
from receiving_app.audit import Actor, verify_chain
from receiving_app.demo_data import DemoSummary, generate_demo_data
from receiving_app.vendor_returns.batches import Acting, close_batch, set_vendor_rma

NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)
ORDERS = 2000
SEED = 7
DAYS = 30  # a month: every vendor's batches are open, closed and shipped
DEMO_PREFIX = "0614141"


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


def _sscc_ok(sscc: str) -> bool:
    """GS1 mod 10 from scratch: weights 3, 1, 3... from the rightmost digit before the check."""
    if len(sscc) != 18 or not sscc.isdigit():
        return False
    weights = [3 if i % 2 == 0 else 1 for i in range(17)]
    total = sum(int(d) * w for d, w in zip(reversed(sscc[:17]), weights, strict=True))
    return (10 - total % 10) % 10 == int(sscc[17])


def test_the_check_digit_helper_rejects_a_wrong_digit() -> None:
    assert _sscc_ok("106141411234567897")  # GS1's example SSCC
    assert not _sscc_ok("106141411234567891")


def test_every_returned_unit_is_in_one_batch_of_its_vendor(history: DemoSummary) -> None:
    lines = {line.unit_id: line for line in RtvBatchLine.select()}
    batches = {batch.id: batch for batch in RtvBatch.select()}
    vendor_of = {product.id: product.vendor_id for product in Product.select()}
    returned = 0
    for unit in Unit.select().where(Unit.disposition.is_null(False)):
        vendor = vendor_of[unit.product_id]
        line = lines.get(unit.id)
        if unit.disposition == "vendor_return" and vendor is not None:
            returned += 1
            assert line is not None and batches[line.batch_id].vendor_id == vendor
        elif line is not None:  # re-routed after its batch was closed: it stays on the papers
            assert vendor is not None and batches[line.batch_id].state != "open"
    assert returned > 50
    assert len(lines) == len(set(lines))


def test_at_most_one_open_batch_per_vendor(history: DemoSummary) -> None:
    states = Counter(batch.state for batch in RtvBatch.select())
    assert states["open"] and states["closed"] and states["shipped"] > states["closed"]
    open_vendors = [b.vendor_id for b in RtvBatch.select().where(RtvBatch.state == "open")]
    assert len(open_vendors) == len(set(open_vendors))
    for batch in RtvBatch.select():
        assert batch.open_key == (batch.vendor_id if batch.state == "open" else None)
        assert batch.opened_at < NOW
    numbers = sorted(batch.number for batch in RtvBatch.select())
    assert numbers == [f"RTV-{n:06d}" for n in range(1, len(numbers) + 1)]
    assert Sequence.get_by_id("rtv_batch").value == len(numbers)


def test_closed_batches_have_a_vendor_rma_and_cartons_with_sscc(history: DemoSummary) -> None:
    supervisors = {u.id for u in User.select().where(User.role == "supervisor")}
    all_ssccs = []
    for batch in RtvBatch.select().where(RtvBatch.state != "open"):
        lines = list(batch.lines)
        cartons = {carton.id: carton for carton in batch.cartons}
        assert batch.vendor_rma and batch.closed_by_id in supervisors
        assert 1 <= len(cartons) <= min(3, len(lines))
        assert sorted(c.number for c in cartons.values()) == list(range(1, len(cartons) + 1))
        assert all(line.carton_id in cartons for line in lines)
        assert all(line.added_at < batch.closed_at < NOW for line in lines)
        for carton in cartons.values():
            assert _sscc_ok(carton.sscc) and carton.sscc[1:8] == DEMO_PREFIX
            all_ssccs.append(carton.sscc)
    assert (
        len(all_ssccs)
        == len(set(all_ssccs))
        == PrintJob.select().where(PrintJob.kind == "carton").count()
    )
    assert Sequence.get_by_id(f"sscc_{DEMO_PREFIX}").value == len(all_ssccs)
    for line in RtvBatchLine.select().join(RtvBatch).where(RtvBatch.state == "open"):
        assert line.carton_id is None


def test_shipped_batches_took_their_units(history: DemoSummary) -> None:
    shipped_units = set()
    for batch in RtvBatch.select().where(RtvBatch.state == "shipped"):
        assert batch.carrier and batch.tracking and batch.shipped_by_id is not None
        assert batch.closed_at < batch.shipped_at < NOW
        assert batch.shipped_on == batch.shipped_at.date()
        assert 1 <= (batch.shipped_on - batch.closed_at.date()).days <= 3
        for line in batch.lines:
            unit = Unit.get_by_id(line.unit_id)
            assert unit.state == "shipped"
            assert unit.moved_at is None or unit.moved_at < batch.shipped_at
            shipped_units.add(unit.id)
    assert shipped_units == {u.id for u in Unit.select().where(Unit.state == "shipped")}
    in_cage = Unit.select().join(RtvBatchLine, on=RtvBatchLine.unit == Unit.id).join(RtvBatch)
    waiting = Counter(u.state for u in in_cage.where(RtvBatch.state != "shipped"))
    assert waiting["moved"] > 0 and not waiting["shipped"]


def test_audit_records_tell_each_batch_s_story(history: DemoSummary) -> None:
    report = verify_chain()
    assert report.ok
    times = [record.at for record in AuditRecord.select().order_by(AuditRecord.seq)]
    assert times == sorted(times)
    records: dict[str, list[AuditRecord]] = defaultdict(list)
    query = AuditRecord.select().where(AuditRecord.entity == "rtv_batch")
    for record in query.order_by(AuditRecord.seq):
        records[record.entity_id].append(record)
    for batch in RtvBatch.select():
        story = records.pop(batch.number)
        actions = Counter(record.action for record in story)
        lines = batch.lines.count()
        assert actions["rtv_batch.unit_added"] - actions["rtv_batch.unit_removed"] == lines
        after = {record.action: json.loads(record.after or "null") for record in story}
        if batch.state == "open":
            assert set(actions) <= {"rtv_batch.unit_added", "rtv_batch.unit_removed"}
            continue
        assert after["rtv_batch.vendor_rma"] == {"vendor_rma": batch.vendor_rma}
        ssccs = [c.sscc for c in batch.cartons.order_by(RtvCarton.number)]
        assert after["rtv_batch.closed"] == {"state": "closed", "units": lines, "ssccs": ssccs}
        if batch.state == "shipped":
            assert after["rtv_batch.shipped"]["tracking"] == batch.tracking
            assert after["rtv_batch.shipped"]["units"] == lines
    assert not records


def test_the_dock_closes_a_demo_batch_with_the_next_sscc(
    history: DemoSummary, database: Database
) -> None:
    batch = RtvBatch.select().where(RtvBatch.state == "open").order_by(RtvBatch.id).first()
    supervisor = User.get(User.role == "supervisor")
    station = Station.select().first()
    acting = Acting(database, Actor(supervisor.name, station.code), supervisor.id, station.id, NOW)
    set_vendor_rma(acting, batch.number, "RA-1")
    cartons = RtvCarton.select().count()
    (sscc,) = close_batch(acting, batch.number)
    assert _sscc_ok(sscc) and int(sscc[8:17]) == cartons + 1
    assert verify_chain().ok


def _dump() -> dict[str, list[tuple[object, ...]]]:
    tables = {}
    for model in (RtvBatch, RtvCarton, RtvBatchLine, Unit, PrintJob, AuditRecord, Sequence):
        query = model.select().order_by(*model._meta.get_primary_keys()).tuples()
        tables[model._meta.table_name] = list(query)
    return tables


def test_same_seed_same_batches(tmp_path: Path) -> None:
    dumps = []
    for name in ("a.db", "b.db"):
        database = open_database(f"sqlite:///{tmp_path / name}")
        database.connect()
        upgrade(database)
        generate_demo_data(database, ORDERS, SEED, NOW, history_days=DAYS)
        dumps.append(_dump())
        database.close()
    assert dumps[0]["rtv_batch"] and dumps[0] == dumps[1]
