"""Vendor-return batches: routed units collect per vendor; closing gives cartons with SSCCs;
shipping records the carrier. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime
import json
import threading
from decimal import Decimal
from pathlib import Path

import biip
import pytest
from peewee import Database, IntegrityError

from db.models import (
    AuditRecord,
    PrintJob,
    Product,
    RtvBatch,
    RtvBatchLine,
    RtvCarton,
    Setting,
    Unit,
    User,
    Vendor,
)
from db.transactions import write_transaction
from receiving_app.accounts import ensure_station
from receiving_app.audit import Actor, verify_chain
from receiving_app.clock import FixedClock
from receiving_app.errors import InvalidInput, NotFound, PermissionDenied, ReceivingError
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import InspectContext
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.printing.rendering import label_renderer
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.users import hash_pin, user_info
from receiving_app.vendor_returns.batches import carton_sizes
from receiving_app.vendor_returns.collecting import collect_routed_unit
from receiving_app.vendor_returns.desk import VendorReturns
from receiving_app.vendor_returns.sscc import build_sscc, parse_company_prefix
from tests.core.report_setup import inspection_desk
from tests.core.test_inspection_desk import ALL_CLEAR, PNG, receive_phone
from tests.labels.zpl_reader import decode_code128_data, read_zpl

BROKEN = {**ALL_CLEAR, "powers_on": False}  # grade C: back to the vendor (ACME takes returns)
PREFIX = "0614141"


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock) -> InspectionDesk:
    return inspection_desk(database, clock)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "phone.png"
    path.write_bytes(PNG)
    return path


def make_desk(database: Database, clock: FixedClock, name: str = "zhang.min") -> VendorReturns:
    station = ensure_station(database, "SUP-1", "Returns dock Shanghai", clock.now())
    return VendorReturns(database, clock, station, user_info(User.get(User.name == name)))


@pytest.fixture
def rtv(database: Database, clock: FixedClock, dock) -> VendorReturns:
    return make_desk(database, clock)


def receive_phones(desk: ReceivingDesk, dock) -> list[str]:
    """Both sold phones, received in one parcel; their LPNs."""
    first = receive_phone(desk, dock.phone_serials[0], close=False)
    second = desk.handle_scan(dock.phone_serials[1]).lpn
    assert second is not None
    desk.close_parcel()
    return [first, second]


def inspect_phone(inspect: InspectionDesk, photo: Path, lpn: str, answers: dict) -> None:
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    for step_id, value in answers.items():
        assert inspect.answer(step_id, value).code == C.ANSWER_SAVED, step_id
    assert inspect.attach_photo("photo_overall", photo).code == C.PHOTO_ATTACHED
    assert inspect.complete().code == C.INSPECTION_COMPLETED


@pytest.fixture
def batched(desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path) -> list[str]:
    """Both phones graded C and routed back to ACME: in its open batch."""
    lpns = receive_phones(desk, dock)
    for lpn in lpns:
        inspect_phone(inspect, photo, lpn, BROKEN)
    return lpns


def gs1_check(payload: str) -> int:
    """The GS1 mod-10 check digit, written out again here from the GS1 General Specifications
    (weights 3, 1, 3... from the left of a 17-digit SSCC payload)."""
    weights = [3 if index % 2 == 0 else 1 for index in range(17)]
    total = sum(int(digit) * weight for digit, weight in zip(payload, weights, strict=True))
    return (10 - total % 10) % 10


def state_of(number: str) -> tuple[object, ...]:
    batch = RtvBatch.get(RtvBatch.number == number)
    lines = [(line.unit_id, line.carton_id) for line in RtvBatchLine.select().order_by(1)]
    return (batch.state, batch.vendor_rma, batch.open_key, tuple(lines), RtvCarton.select().count())


def test_routing_to_the_vendor_collects_in_its_open_batch(
    batched: list[str], rtv: VendorReturns, clock: FixedClock
) -> None:
    [batch] = rtv.batches()
    assert (batch.number, batch.vendor_code, batch.state) == ("RTV-000001", "ACME", "open")
    assert (batch.units, batch.total_cost, batch.age_days) == (2, Decimal("400.00"), 0)
    assert batch.oldest_unit_days == 0
    detail = rtv.detail("RTV-000001")
    assert [line.lpn for line in detail.lines] == sorted(batched)
    assert all(line.cost == Decimal("200.00") for line in detail.lines)
    assert {line.reason_code for line in detail.lines} == {"defective"}
    assert all(line.carton is None and line.grade == "C" for line in detail.lines)
    assert rtv.batches(["closed", "shipped"]) == []
    added = AuditRecord.select().where(AuditRecord.action == "rtv_batch.unit_added")
    assert [record.entity_id for record in added] == ["RTV-000001", "RTV-000001"]
    assert verify_chain().ok


def test_a_unit_routed_elsewhere_leaves_the_open_batch(
    batched: list[str], inspect: InspectionDesk, rtv: VendorReturns
) -> None:
    # The inspection on screen is the second phone's: its grade is overridden to A.
    assert inspect.override("A", "The battery was only flat").code == C.GRADE_OVERRIDDEN
    assert Unit.get(Unit.lpn == batched[1]).disposition == "restock"
    [line] = rtv.detail("RTV-000001").lines
    assert line.lpn == batched[0]
    removed = AuditRecord.get(AuditRecord.action == "rtv_batch.unit_removed")
    assert json.loads(removed.before) == {"lpn": batched[1]}
    # Routed back to the vendor by a supervisor: in the same open batch again.
    User.update(pin_hash=hash_pin("4321")).where(User.name == "zhang.min").execute()
    outcome = inspect.override_route("vendor_return", "", "Vendor wants it", "zhang.min", "4321")
    assert outcome.code == C.ROUTE_OVERRIDDEN
    assert [line.lpn for line in rtv.detail("RTV-000001").lines] == sorted(batched)
    assert verify_chain().ok


def test_a_unit_of_a_closed_batch_stays_on_its_manifest_when_routed_again(
    batched: list[str], inspect: InspectionDesk, rtv: VendorReturns
) -> None:
    rtv.set_company_prefix(PREFIX)
    rtv.set_vendor_rma("RTV-000001", "VRMA-1")
    rtv.close("RTV-000001")
    assert inspect.override("A", "The battery was only flat").code == C.GRADE_OVERRIDDEN
    assert Unit.get(Unit.lpn == batched[1]).disposition == "restock"
    assert len(rtv.detail("RTV-000001").lines) == 2
    assert not AuditRecord.select().where(AuditRecord.action == "rtv_batch.unit_removed").exists()


def test_one_open_batch_per_vendor_and_none_without_a_vendor(
    database: Database, batched: list[str], clock: FixedClock
) -> None:
    other = Vendor.create(code="GLOBEX", name="环球电子 Globex", accepts_returns=True)
    phone = Product.get(Product.sku == "EL-1001")
    globex_phone = Product.create(
        sku="EL-9", name="Phone G", category="electronics", vendor=other, unit_cost=Decimal(80)
    )
    orphan = Product.create(sku="EL-0", name="Phone 0", category="electronics")
    first, second = (Unit.get(Unit.lpn == lpn) for lpn in batched)
    with write_transaction(database):
        RtvBatchLine.delete().execute()
        Unit.update(product=globex_phone).where(Unit.id == first.id).execute()
        Unit.update(product=orphan).where(Unit.id == second.id).execute()
    ctx = InspectContext(1, 1, Actor(None, "X"), clock.now())
    with write_transaction(database):
        collect_routed_unit(ctx, Unit.get_by_id(first.id), "vendor_return")
        collect_routed_unit(ctx, Unit.get_by_id(second.id), "vendor_return")
    batches = {batch.vendor_id: batch for batch in RtvBatch.select()}
    assert set(batches) == {phone.vendor_id, other.id}  # ACME's (now empty) and Globex's
    [line] = RtvBatchLine.select()
    assert (line.unit_id, line.batch_id, line.cost) == (first.id, batches[other.id].id, 80)
    with pytest.raises(IntegrityError), write_transaction(database):
        RtvBatch.create(number="RTV-X", vendor=other, open_key=other.id, opened_at=clock.now())


def test_close_refuses_empty_batches_missing_rma_and_missing_prefix(
    batched: list[str], rtv: VendorReturns, database: Database, clock: FixedClock
) -> None:
    before = state_of("RTV-000001")
    with pytest.raises(InvalidInput) as refused:
        rtv.close("RTV-000001")
    assert "vendor RMA" in refused.value.message
    rtv.set_vendor_rma("RTV-000001", "  VRMA-2026-001 ")
    with pytest.raises(InvalidInput) as refused:
        rtv.close("RTV-000001")
    assert "rtv prefix --set 0614141" in str(refused.value)
    rtv.set_company_prefix(PREFIX)
    for cartons in (0, 3, 100):
        with pytest.raises(InvalidInput):
            rtv.close("RTV-000001", cartons)
    with pytest.raises(NotFound):
        rtv.close("RTV-999999")
    assert state_of("RTV-000001") == (*before[:1], "VRMA-2026-001", *before[2:])
    with write_transaction(database):
        empty = RtvBatch.create(
            number="RTV-000777", vendor=Vendor.create(code="V2", name="V2"), open_key=-1,
            opened_at=clock.now(), vendor_rma="R",
        )  # fmt: skip
    with pytest.raises(InvalidInput) as refused:
        rtv.close(empty.number)
    assert "no units" in refused.value.message
    assert not PrintJob.select().where(PrintJob.kind == "carton").exists()


def test_close_numbers_cartons_with_valid_ssccs_and_queues_their_labels(
    batched: list[str], rtv: VendorReturns
) -> None:
    rtv.set_company_prefix(PREFIX, extension=3)
    rtv.set_vendor_rma("RTV-000001", "VRMA-1")
    ssccs = rtv.close("RTV-000001", cartons=2)
    assert len(ssccs) == 2 and len(set(ssccs)) == 2
    for serial, sscc in enumerate(ssccs, start=1):
        assert len(sscc) == 18 and sscc.isdigit()
        assert sscc[:8] == "3" + PREFIX and int(sscc[8:17]) == serial
        assert int(sscc[17]) == gs1_check(sscc[:17])
        parsed = biip.parse("00" + sscc).gs1_message
        assert parsed is not None
        [element] = parsed.element_strings
        assert element.ai.ai == "00" and element.sscc is not None
        assert element.sscc.value == sscc
    detail = rtv.detail("RTV-000001")
    assert detail.summary.state == "closed" and detail.summary.closed_at is not None
    assert [(c.number, c.sscc, c.units) for c in detail.cartons] == [
        (1, ssccs[0], 1),
        (2, ssccs[1], 1),
    ]
    assert [line.carton for line in detail.lines] == [1, 2]  # LPN order
    assert RtvBatch.get().open_key is None and RtvBatch.get().closed_by_id is not None
    jobs = list(PrintJob.select().where(PrintJob.kind == "carton").order_by(PrintJob.id))
    assert [job.reference for job in jobs] == list(ssccs)
    payload = json.loads(jobs[0].payload)
    assert payload["ship_to"] == "Acme" and payload["ship_from"] == "Returns dock Shanghai"
    assert (payload["carton_number"], payload["carton_count"], payload["unit_count"]) == (1, 2, 1)
    # The spooler's renderer turns the queued payload into the label with the SSCC barcode.
    zpl = label_renderer()("carton", payload, "4x6", 203, "zpl")
    [barcode] = [field for field in read_zpl(zpl).fields if field.kind == "barcode"]
    assert decode_code128_data(barcode.data)[0] == "00" + ssccs[0]
    closed = AuditRecord.get(AuditRecord.action == "rtv_batch.closed")
    assert json.loads(closed.after)["ssccs"] == list(ssccs)
    assert closed.user_name == "zhang.min" and closed.station_code == "SUP-1"
    assert verify_chain().ok


def test_the_next_batch_opens_after_a_close(
    batched: list[str], rtv: VendorReturns, database: Database, clock: FixedClock
) -> None:
    rtv.set_company_prefix(PREFIX)
    rtv.set_vendor_rma("RTV-000001", "VRMA-1")
    rtv.close("RTV-000001")
    unit = Unit.get(Unit.lpn == batched[0])
    with write_transaction(database):
        RtvBatchLine.delete().where(RtvBatchLine.unit == unit.id).execute()
        collect_routed_unit(
            InspectContext(1, 1, Actor(None, "X"), clock.now()), unit, "vendor_return"
        )
    assert [(b.number, b.state) for b in rtv.batches()] == [
        ("RTV-000002", "open"),
        ("RTV-000001", "closed"),
    ]


def test_units_go_into_cartons_evenly() -> None:
    assert carton_sizes(7, 3) == [3, 2, 2]
    assert carton_sizes(6, 3) == [2, 2, 2]
    assert carton_sizes(1, 1) == [1]


def test_ship_records_date_carrier_and_the_units_leave(
    batched: list[str], rtv: VendorReturns, clock: FixedClock
) -> None:
    with pytest.raises(InvalidInput):
        rtv.ship("RTV-000001", "SF Express")  # still open
    rtv.set_company_prefix(PREFIX)
    rtv.set_vendor_rma("RTV-000001", "VRMA-1")
    rtv.close("RTV-000001")
    yesterday = clock.now().date() - datetime.timedelta(days=1)
    for carrier, day, tracking in (
        ("", None, None),
        ("x" * 33, None, None),
        ("SF", clock.now().date() + datetime.timedelta(days=1), None),
        ("SF", None, "T" * 65),
    ):
        with pytest.raises(InvalidInput):
            rtv.ship("RTV-000001", carrier, day, tracking)
    assert RtvBatch.get().state == "closed"
    assert rtv.ship("RTV-000001", " 顺丰 SF Express ", yesterday, "SF1234567890") == yesterday
    batch = RtvBatch.get()
    assert (batch.state, batch.shipped_on, batch.carrier) == (
        "shipped",
        yesterday,
        "顺丰 SF Express",
    )
    assert batch.tracking == "SF1234567890" and batch.shipped_at == clock.now()
    assert {unit.state for unit in Unit.select()} == {"shipped"}
    with pytest.raises(InvalidInput) as refused:
        rtv.ship("RTV-000001", "UPS")
    assert refused.value.params["state"] == "shipped"
    assert refused.value.params["user"] == "Zhang Min"
    assert RtvBatch.get().carrier == "顺丰 SF Express"
    assert verify_chain().ok


def test_bad_vendor_rma_numbers_are_refused(batched: list[str], rtv: VendorReturns) -> None:
    for bad in ("", "   ", "x" * 65, "VRMA\n1", "VRMA\x001"):
        with pytest.raises(InvalidInput):
            rtv.set_vendor_rma("RTV-000001", bad)
    assert RtvBatch.get().vendor_rma is None
    assert rtv.set_vendor_rma("RTV-000001", "x" * 64) == "x" * 64
    audited = AuditRecord.get(AuditRecord.action == "rtv_batch.vendor_rma")
    assert json.loads(audited.after) == {"vendor_rma": "x" * 64}


def test_the_company_prefix_is_checked_and_audited(rtv: VendorReturns) -> None:
    assert rtv.company_prefix() is None
    for prefix, extension in (("061414", 0), ("06141410000", 0), ("06l4141", 0), (PREFIX, 10)):
        with pytest.raises(InvalidInput):
            rtv.set_company_prefix(prefix, extension)
    assert not Setting.select().where(Setting.key == "gs1_company_prefix").exists()
    company = rtv.set_company_prefix(" 0614141 ", 1)
    assert (company.prefix, company.extension, company.serial_digits) == (PREFIX, 1, 9)
    assert rtv.set_company_prefix("0614141234").serial_digits == 6
    records = list(AuditRecord.select().where(AuditRecord.entity_id == "gs1_company_prefix"))
    assert len(records) == 2 and json.loads(records[1].before)["value"].count(PREFIX) == 1


def test_sscc_serials_must_fit_the_prefix() -> None:
    company = parse_company_prefix("0614141234")
    assert build_sscc(company, 999_999)[11:17] == "999999"
    with pytest.raises(InvalidInput):
        build_sscc(company, 1_000_000)


def test_only_a_supervisor_gets_the_desk(database: Database, clock: FixedClock, dock) -> None:
    with pytest.raises(PermissionDenied):
        make_desk(database, clock, "wang.fang")


def test_two_supervisors_closing_at_once_give_one_close(
    batched: list[str], rtv: VendorReturns, database: Database, clock: FixedClock
) -> None:
    rtv.set_company_prefix(PREFIX)
    rtv.set_vendor_rma("RTV-000001", "VRMA-1")
    desks = [make_desk(database, clock), make_desk(database, clock)]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def close(desk: VendorReturns) -> None:
        with database.connection_context():
            barrier.wait(timeout=10)
            try:
                results.append(desk.close("RTV-000001", 2))
            except ReceivingError as exc:
                results.append(exc)

    threads = [threading.Thread(target=close, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    closed = [r for r in results if isinstance(r, tuple)]
    refused = [r for r in results if isinstance(r, InvalidInput)]
    assert len(closed) == 1 and len(refused) == 1, results
    assert refused[0].params["state"] == "closed"
    assert RtvCarton.select().count() == 2
    assert PrintJob.select().where(PrintJob.kind == "carton").count() == 2
    assert AuditRecord.select().where(AuditRecord.action == "rtv_batch.closed").count() == 1
    assert verify_chain().ok
