"""The demo data generator and the training scan sheet, on a temporary SQLite file."""

from __future__ import annotations

import datetime
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import Database

from db.connection import open_database
from db.models import (
    MODELS,
    RMA,
    AuditRecord,
    Channel,
    Order,
    OrderLine,
    Product,
    ProductGTIN,
    RMALine,
    SoldSerial,
    Station,
    User,
)
from db.schema import upgrade
from receiving_app.audit import verify_chain
from receiving_app.demo.tracking import TRACKING_FORMATS, TrackingNumbers, scramble
from receiving_app.demo_data import (
    SHEET_KINDS,
    DemoSummary,
    build_scan_sheet,
    generate_demo_data,
    sheet_json,
    write_scan_sheet_pdf,
)
from receiving_app.errors import InvalidInput
from receiving_app.scanning.app_numbers import IdPrefixes
from receiving_app.scanning.check_digits import is_valid_gs1_number
from receiving_app.scanning.interpret import interpret_scan
from receiving_app.users import Role, check_pin

NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)
ORDERS = 200
SEED = 7


def _open(path: Path) -> Database:
    database = open_database(f"sqlite:///{path}")
    database.connect()
    upgrade(database)
    return database


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = _open(tmp_path / "t.db")
    yield database
    database.close()


@pytest.fixture
def demo(database: Database) -> DemoSummary:
    return generate_demo_data(database, ORDERS, SEED, NOW)


def _dump() -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table; PIN hashes are salted, so they are left out."""
    tables = {}
    for model in MODELS:
        fields = [f for f in model._meta.sorted_fields if f.name != "pin_hash"]
        query = model.select(*fields).order_by(*model._meta.get_primary_keys()).tuples()
        tables[model._meta.table_name] = list(query)
    return tables


def test_summary_counts_match_the_tables(demo: DemoSummary) -> None:
    assert demo.orders == Order.select().count() == ORDERS
    assert demo.order_lines == OrderLine.select().count()
    assert demo.serials == SoldSerial.select().count()
    assert demo.rmas == RMA.select().count()
    assert demo.rma_lines == RMALine.select().count()
    assert demo.gtins == ProductGTIN.select().count() > demo.products == Product.select().count()
    assert (demo.channels, demo.vendors, demo.products) == (6, 8, 60)
    assert {c.code for c in Channel.select()} >= {"web", "taobao", "jd", "pinduoduo", "wechat"}
    assert 0.2 < demo.rmas / demo.orders < 0.45
    two = Counter(r.order_id for r in RMA.select(RMA.order))
    assert demo.orders_with_two_rmas == sum(1 for n in two.values() if n == 2) > 0
    assert set(Counter(p.category for p in Product.select())) == {"electronics", "apparel", "home"}
    assert all(re.fullmatch(r"SO\d{8}", o.number) for o in Order.select())
    assert all(re.fullmatch(r"RMA\d{8}", r.number) for r in RMA.select())


def test_users_cover_every_role_with_the_demo_pin(demo: DemoSummary) -> None:
    users = list(User.select())
    assert {Role(u.role) for u in users} == set(Role)
    assert all(re.fullmatch(r"BDG\d{4}", u.badge) for u in users)
    assert len({u.pin_hash for u in users}) == 1  # hashed once, shared
    assert check_pin("1234", users[0].pin_hash)
    assert Station.get(Station.code == "DOCK-1")


def test_one_audit_record_summarises_the_generation(demo: DemoSummary) -> None:
    records = list(AuditRecord.select())
    assert [r.action for r in records] == ["demo.generated"]
    after = json.loads(records[0].after)
    assert after["orders"] == ORDERS and after["rmas"] == demo.rmas and after["seed"] == SEED
    assert verify_chain().ok


def test_same_seed_gives_identical_data_and_another_seed_does_not(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a.db", SEED), ("b.db", SEED), ("c.db", SEED + 1)):
        database = _open(tmp_path / name)
        generate_demo_data(database, ORDERS, seed, NOW)
        dumps.append(_dump())
        database.close()
    assert dumps[0] == dumps[1]
    assert dumps[0]["order"] != dumps[2]["order"]


def test_gtins_are_gtin_14_with_valid_check_digits(demo: DemoSummary) -> None:
    gtins = [g.gtin for g in ProductGTIN.select()]
    assert len(set(gtins)) == len(gtins)
    for gtin in gtins:
        assert len(gtin) == 14 and gtin.startswith("0") and is_valid_gs1_number(gtin)
        scan = interpret_scan(gtin[1:])  # as printed on the box: EAN-13
        assert scan.kind == "gtin" and scan.valid and scan.gtin == gtin
    per_product = Counter(g.product_id for g in ProductGTIN.select())
    assert max(per_product.values()) == 2 and len(per_product) == demo.products


def test_rma_lines_belong_to_their_rmas_order(demo: DemoSummary) -> None:
    lines_by_order: dict[int, list[int]] = defaultdict(list)
    query = RMALine.select(RMALine, RMA, OrderLine).join(RMA).switch(RMALine).join(OrderLine)
    for line in query:
        assert line.order_line.order_id == line.rma.order_id
        assert 1 <= line.quantity <= line.order_line.quantity
        lines_by_order[line.rma.order_id].append(line.order_line_id)
    assert lines_by_order
    # Two RMAs of one order never return the same order line.
    assert all(len(ids) == len(set(ids)) for ids in lines_by_order.values())
    assert all(RMA.get_by_id(rma_id).lines.count() >= 1 for rma_id in range(1, demo.rmas + 1))


def test_serialised_lines_have_one_serial_per_unit(demo: DemoSummary) -> None:
    serials = Counter(s.order_line_id for s in SoldSerial.select())
    checked = 0
    for line in OrderLine.select(OrderLine, Product).join(Product):
        expected = line.quantity if line.product.serialised else 0
        assert serials.get(line.id, 0) == expected
        checked += expected
    assert checked == demo.serials > 0
    all_serials = [s.serial for s in SoldSerial.select()]
    assert len(set(all_serials)) == len(all_serials)
    assert all(re.fullmatch(r"SN[A-Z0-9]{10}", s) for s in all_serials)


def test_dates_are_recent_and_in_order(demo: DemoSummary) -> None:
    for order in Order.select():
        assert NOW - datetime.timedelta(days=60) <= order.ordered_at <= NOW
        if order.delivered_on is None:  # not delivered yet: ordered in the last five days
            assert order.ordered_at > NOW - datetime.timedelta(days=6)
        else:
            days = (order.delivered_on - order.ordered_at.date()).days
            assert 2 <= days <= 5 and order.delivered_on <= NOW.date()
    for rma in RMA.select(RMA, Order).join(Order):
        assert rma.order.delivered_on is not None
        assert rma.order.delivered_on <= rma.created_at.date() and rma.created_at <= NOW


def test_expected_tracking_numbers_interpret_as_their_courier(demo: DemoSummary) -> None:
    rmas = list(RMA.select().where(RMA.expected_tracking.is_null(False)))
    assert len(rmas) > demo.rmas // 2
    assert len({r.expected_tracking for r in rmas}) == len(rmas)
    for rma in rmas:
        scan = interpret_scan(rma.expected_tracking)
        assert (scan.kind, scan.valid) == ("tracking", True), rma.expected_tracking
        assert rma.expected_carrier in scan.candidates


@pytest.mark.parametrize("key", sorted(TRACKING_FORMATS))
def test_every_courier_format_writes_numbers_interpret_scan_accepts(key: str) -> None:
    numbers = TrackingNumbers()
    rng = random.Random(key)
    seen = set()
    for index in range(300):
        courier, number = numbers.make(key, rng, index)
        scan = interpret_scan(number)
        assert (scan.kind, scan.valid) == ("tracking", True), number
        assert courier in scan.candidates, (number, scan.candidates)
        seen.add(number)
    assert len(seen) == 300


def test_scramble_is_a_bijection() -> None:
    space = 10**5
    assert sorted(scramble(i, space) for i in range(space)) == list(range(space))


def test_refuses_a_database_that_already_has_orders(demo: DemoSummary, database: Database) -> None:
    with pytest.raises(InvalidInput) as raised:
        generate_demo_data(database, 10, SEED + 1, NOW)
    assert "orders" in str(raised.value)
    assert Order.select().count() == ORDERS


def test_refuses_an_order_count_out_of_range(database: Database) -> None:
    with pytest.raises(InvalidInput):
        generate_demo_data(database, 0, SEED, NOW)
    assert not Order.select().exists() and not User.select().exists()


def test_prefixes_shape_the_numbers(database: Database) -> None:
    prefixes = IdPrefixes(rma="RT", order="WO", lpn="LP", badge="EMP")
    generate_demo_data(database, 30, SEED, NOW, prefixes)
    assert all(o.number.startswith("WO") for o in Order.select())
    assert all(r.number.startswith("RT") for r in RMA.select())
    codes = build_scan_sheet(database, prefixes)
    for code in codes:
        if code.kind in ("badge", "rma", "order"):
            assert interpret_scan(code.code, prefixes).kind == code.kind


def test_scan_sheet_codes_interpret_as_their_kind(demo: DemoSummary, database: Database) -> None:
    codes = build_scan_sheet(database, IdPrefixes())
    items = json.loads(sheet_json(codes))
    assert {item["kind"] for item in items} == set(SHEET_KINDS)
    serials = {s.serial for s in SoldSerial.select()}
    rma_numbers = {r.number for r in RMA.select()}
    expected_kind = {
        "badge": "badge",
        "tracking": "tracking",
        "rma": "rma",
        "order": "order",
        "unit": "gtin",
        "wrong_item": "gtin",
    }
    for item in items:
        scan = interpret_scan(item["code"])
        if item["kind"] == "unit" and item["code"] in serials:
            assert scan.kind == "unknown"
        else:
            assert scan.kind == expected_kind[item["kind"]], item
            assert scan.valid
        if item["kind"] in ("tracking", "unit", "wrong_item"):
            assert item["rma"] in rma_numbers
        else:
            assert "rma" not in item
        assert item["label"]
    badges = [item["label"] for item in items if item["kind"] == "badge"]
    assert "Badge: Li Wei (dock)" in badges


def test_scan_sheet_units_and_wrong_items_fit_their_rma(
    demo: DemoSummary, database: Database
) -> None:
    codes = build_scan_sheet(database)
    orders = {c.code for c in codes if c.kind == "order"}
    open_rmas = Counter(
        r.order.number
        for r in RMA.select(RMA, Order)
        .join(Order)
        .where((RMA.status == "open") & Order.number.in_(orders))
    )
    assert 2 in open_rmas.values()  # the order with two open RMAs is on the sheet
    assert 3 <= len({c.rma for c in codes if c.rma}) <= 4
    serial_units = 0
    for code in codes:
        if code.kind not in ("unit", "wrong_item"):
            continue
        rma = RMA.get(RMA.number == code.rma)
        returned = OrderLine.select().join(RMALine).where(RMALine.rma == rma)
        on_order = {line.product_id for line in rma.order.lines}
        if code.code.startswith("SN"):
            sold = SoldSerial.get(SoldSerial.serial == code.code)
            assert sold.order_line_id in {line.id for line in returned}
            serial_units += 1
            continue
        product = ProductGTIN.get(ProductGTIN.gtin == code.code.zfill(14)).product_id
        assert len(code.code) == 13
        if code.kind == "unit":
            assert product in {line.product_id for line in returned}
        else:
            assert product not in on_order
    assert serial_units >= 1
    tracking = {c.rma: c.code for c in codes if c.kind == "tracking"}
    assert all(RMA.get(RMA.number == rma).expected_tracking == t for rma, t in tracking.items())


def test_scan_sheet_pdf_fits_two_pages(
    demo: DemoSummary, database: Database, tmp_path: Path
) -> None:
    path = write_scan_sheet_pdf(
        build_scan_sheet(database), tmp_path / "sheet.pdf", "Training sheet 培训"
    )
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert 1 <= len(re.findall(rb"/Type /Page\b", data)) <= 2


def test_existing_users_are_kept_and_progress_is_reported(database: Database) -> None:
    User.create(name="liwei", display_name="Li Wei (real)", role="admin", badge="BDG0001")
    calls: list[tuple[int, int]] = []
    summary = generate_demo_data(
        database, 50, SEED, NOW, progress=lambda done, total: calls.append((done, total))
    )
    assert summary.users == 5 and User.select().count() == 6
    assert User.get(User.name == "liwei").display_name == "Li Wei (real)"
    assert calls == [(50, 50)]
