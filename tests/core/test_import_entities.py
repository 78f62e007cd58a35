"""Importing vendors, products, orders and RMAs into a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from peewee import Database

from db.models import (
    RMA,
    AuditRecord,
    Channel,
    Customer,
    Order,
    OrderLine,
    Product,
    ProductGTIN,
    RMALine,
    Vendor,
)
from receiving_app.audit import Actor, verify_chain
from receiving_app.data_import import ImportProgress, ImportResult, choose_mapping, run_import
from receiving_app.data_import import problems as p
from receiving_app.data_import.mappings import load_preset
from receiving_app.errors import InvalidInput
from tests.conftest import NOW

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
TABLES = (Channel, Customer, Vendor, Product, ProductGTIN, Order, OrderLine, RMA, RMALine)
ACTOR = Actor("importer", "DOCK-1")
ORDER_HEADER = (
    "order_number,channel,ordered_at,delivered_on,customer_ref,customer_name,"
    "line_no,sku,quantity,unit_price\n"
)


def snapshot() -> dict[str, int]:
    counts = {model.__name__: model.select().count() for model in TABLES}
    counts["audit"] = AuditRecord.select().count()
    return counts


def run(
    database: Database,
    entity: str,
    path: Path,
    channel: str | None = None,
    valid_only: bool = False,
    rejected_path: Path | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    return run_import(
        database,
        entity,
        path,
        choose_mapping(None, channel),
        ACTOR,
        NOW,
        channel=channel,
        valid_only=valid_only,
        rejected_path=rejected_path,
        progress=progress,
        should_cancel=should_cancel,
    )


def import_samples(database: Database) -> list[ImportResult]:
    return [
        run(database, entity, SAMPLES / f"{entity}.csv")
        for entity in ("vendors", "products", "orders", "rmas")
    ]


def problems_of(result: ImportResult) -> set[tuple[int, str, str]]:
    return {(x.row, x.column, x.message) for x in result.problems}


def test_the_samples_import_in_order_into_a_fresh_database(database: Database) -> None:
    results = import_samples(database)
    assert [r.inserted for r in results] == [12, 12, 11, 7]
    assert all(not r.problems and not r.refused for r in results)
    assert Product.get(Product.sku == "EL-1001").vendor.code == "XIAOMI"
    gtin = ProductGTIN.select().join(Product).where(Product.sku == "EL-1001").get().gtin
    assert len(gtin) == 14 and gtin.startswith("0690")
    order = Order.get(Order.number == "SO10000004")
    assert order.channel.code == "web" and order.customer.display_name == "张伟"
    assert [
        line.sku
        for line in OrderLine.select(Product.sku)
        .join(Product)
        .where(OrderLine.order == order)
        .order_by(OrderLine.line_no)
        .objects()
    ] == ["HM-3002", "HM-3004", "AP-2003"]
    rma = RMA.get(RMA.number == "RMA20000001")
    assert (rma.status, rma.expected_tracking, rma.reason_code) == (
        "open",
        "SF1234567890123",
        "defective",
    )
    assert RMALine.select().where(RMALine.rma == rma).count() == 2
    summaries = AuditRecord.select().where(AuditRecord.action == "import").count()
    assert summaries == 4
    assert verify_chain().ok


def test_channel_presets_import_their_example_exports(database: Database) -> None:
    import_samples(database)
    taobao = run(database, "orders", SAMPLES / "taobao-orders.csv", channel="taobao")
    jd = run(database, "orders", SAMPLES / "jd-orders.xlsx", channel="jd")
    assert (taobao.inserted, jd.inserted) == (4, 3)
    order = Order.get(Order.number == "3398765432101234567")
    assert order.channel.code == "taobao" and order.customer.external_ref == "tb_xiaohua88"
    assert order.ordered_at == datetime.datetime(2026, 11, 11, 0, 5, 32)
    assert Order.get(Order.number == "290012345678").delivered_on == datetime.date(2026, 11, 14)


def test_importing_the_same_files_again_changes_nothing(database: Database) -> None:
    import_samples(database)
    before = snapshot()
    again = import_samples(database)
    assert [(r.inserted, r.updated) for r in again] == [(0, 0)] * 4
    assert [r.unchanged for r in again] == [12, 12, 11, 7]
    assert snapshot() == before


def test_a_changed_row_updates_its_record_with_an_audit_record(
    database: Database, tmp_path: Path
) -> None:
    import_samples(database)
    text = (SAMPLES / "products.csv").read_text(encoding="utf-8")
    changed = tmp_path / "products.csv"
    changed.write_text(
        text.replace(
            "HM-3001,陶瓷马克杯 Mug,home,MUJI,12.00,39.00",
            "HM-3001,陶瓷马克杯 Mug,home,MUJI,12.00,42.50",
        ),
        encoding="utf-8",
    )
    before = snapshot()
    result = run(database, "products", changed)
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 11)
    assert Product.get(Product.sku == "HM-3001").price == Decimal("42.50")
    records = list(AuditRecord.select().where(AuditRecord.seq > 0).order_by(AuditRecord.seq))
    update, summary = records[-2], records[-1]
    assert (update.action, update.entity, update.user_name) == (
        "import_update",
        "product",
        "importer",
    )
    assert Decimal(json.loads(update.before)["price"]) == Decimal(39)
    assert Decimal(json.loads(update.after)["price"]) == Decimal("42.50")
    assert summary.action == "import" and '"updated": 1' in summary.after
    assert snapshot() == {**before, "audit": before["audit"] + 2}
    assert verify_chain().ok


def orders_file(tmp_path: Path, body: str, name: str = "orders.csv") -> Path:
    path = tmp_path / name
    path.write_text(ORDER_HEADER + body, encoding="utf-8")
    return path


BAD_ORDERS = (
    "SO1,web,2026-11-01 09:00:00,,,,1,EL-1001,1,10.00\n"
    "SO1,web,2026-11-01 09:00:00,,,,2,HM-3001,-2,10.00\n"  # row 3: negative quantity
    "SO2,web,2026-13-45 09:00:00,,,,1,EL-1001,1,10.00\n"  # row 4: bad date
    "SO3,web,2026-11-01 09:00:00,,,,1,NOPE-1,1,10.00\n"  # row 5: unknown SKU
    "SO3,web,2026-11-01 09:00:00,,,,1,EL-1002,1,10.00\n"  # row 6: duplicate order line
    "SO4,web,2026-11-01 09:00:00,,,,1,EL-1002,1,ten\n"  # row 7: bad amount
)


def test_every_problem_is_reported_by_row_and_column_and_nothing_changes(
    database: Database, tmp_path: Path
) -> None:
    import_samples(database)
    before = snapshot()
    result = run(database, "orders", orders_file(tmp_path, BAD_ORDERS))
    assert result.refused
    assert problems_of(result) == {
        (3, "quantity", p.NOT_POSITIVE),
        (4, "ordered_at", p.NOT_DATE),
        (5, "sku", p.UNKNOWN_SKU),
        (6, "line_no", p.DUPLICATE_LINE),
        (7, "unit_price", p.NOT_AMOUNT),
    }
    values = {x.row: x.value for x in result.problems}
    assert values[5] == "NOPE-1" and values[3] == "-2"
    assert snapshot() == before


def test_missing_columns_and_wrong_gtins_are_reported(database: Database, tmp_path: Path) -> None:
    import_samples(database)
    before = snapshot()
    path = tmp_path / "products.csv"
    path.write_text(
        "sku,name,category,gtin,vendor_code,return_window\n"
        "N-1,New,home,6900000000015,,\n"  # wrong check digit (…14 is right)
        "N-2,New,home,,NOBODY,\n"  # unknown vendor
        "N-3,New,home,6900000000014,,\n",  # GTIN of EL-1001
        encoding="utf-8",
    )
    result = run(database, "products", path)
    assert problems_of(result) == {
        (2, "gtin", p.BAD_GTIN),
        (3, "vendor_code", p.UNKNOWN_VENDOR),
        (4, "gtin", p.GTIN_TAKEN),
    }
    no_name = tmp_path / "vendors.csv"
    no_name.write_text("title\nVendor\n", encoding="utf-8")
    missing = run(database, "vendors", no_name, valid_only=True)
    assert missing.refused
    assert problems_of(missing) == {(1, "code", p.MISSING_COLUMN), (1, "name", p.MISSING_COLUMN)}
    assert snapshot() == before


BROKEN = {
    "truncated": ORDER_HEADER.encode()
    + b"SO9,web,2026-11-01 09:00:00,,,,1,EL-1001,1,10.00\nSO9,web,2026-1",
    "wrong encoding": ORDER_HEADER.encode()
    + b"SO9,web,2026-11-01 09:00:00,,\xff\xfe\xff,,1,EL-1001,1,1\n",
    "missing columns": b"order_number,sku\nSO9,EL-1001\n",
    "bad values": ORDER_HEADER.encode() + b"SO9,web,yesterday,soon,,,zero,EL-1001,many,free\n",
    "100,000-character field": ORDER_HEADER.encode()
    + b"SO9,web,2026-11-01 09:00:00,,C1,"
    + b"x" * 100_000
    + b",1,EL-1001,1,10.00\n",
    "binary junk": bytes(range(256)) * 50,
    "quote never closed": ORDER_HEADER.encode()
    + b'SO9,web,"2026-11-01 09:00:00,,,,1,EL-1001,1,1\n',
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_files_change_nothing(database: Database, tmp_path: Path, kind: str) -> None:
    import_samples(database)
    path = tmp_path / "broken.csv"
    path.write_bytes(BROKEN[kind])
    before = snapshot()
    result = run(database, "orders", path)
    assert result.refused and result.problems
    assert all(x.row in (0, 1, 2, 3) for x in result.problems)
    assert snapshot() == before


def test_valid_only_writes_the_valid_rows_and_a_file_of_the_rejected(
    database: Database, tmp_path: Path
) -> None:
    import_samples(database)
    before = snapshot()
    path = orders_file(tmp_path, BAD_ORDERS)
    result = run(database, "orders", path, valid_only=True)
    assert not result.refused
    assert (result.inserted, result.rejected) == (1, 5)
    assert [
        line.line_no for line in OrderLine.select().join(Order).where(Order.number == "SO1")
    ] == [1]
    assert snapshot()["OrderLine"] == before["OrderLine"] + 1
    assert result.rejected_file == tmp_path / "orders.rejected.csv"
    rejected = result.rejected_file.read_text(encoding="utf-8-sig").splitlines()
    assert rejected[0] == ORDER_HEADER.strip() + ",row,problems"
    assert len(rejected) == 6
    assert rejected[3].startswith("SO3,web") and "sku: unknown SKU" in rejected[3]
    # Fixed and imported again: the rest goes in, the valid row stays as it is.
    again = run(database, "orders", path, valid_only=True, rejected_path=tmp_path / "again.csv")
    assert (again.inserted, again.unchanged, again.rejected) == (0, 1, 5)


def test_a_cancelled_import_leaves_nothing(database: Database) -> None:
    before = snapshot()
    phases: list[str] = []

    def cancel_while_writing() -> bool:
        return bool(phases) and phases[-1] == "writing"

    result = run(
        database,
        "vendors",
        SAMPLES / "vendors.csv",
        progress=lambda progress: phases.append(progress.phase),
        should_cancel=cancel_while_writing,
    )
    assert result.cancelled and phases == ["checking", "writing"]
    assert snapshot() == before


def test_a_mapping_without_the_entity_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        load_preset("jd").for_entity("vendors")
    assert raised.value.params == {"name": "jd", "entity": "vendors"}


def test_a_user_mapping_renames_columns_and_reads_decimal_commas(
    database: Database, tmp_path: Path
) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        '{"name": "shop", "decimal_separator": ",", "entities": {"products": {'
        '"columns": {"sku": "Artikel", "name": "Bezeichnung", "price": "Preis"},'
        '"constants": {"category": "home"}}}}',
        encoding="utf-8",
    )
    path = tmp_path / "products.csv"
    path.write_text("Artikel;Bezeichnung;Preis\nX-1;Tasse;12,50\n", encoding="utf-8")
    result = run_import(database, "products", path, choose_mapping(mapping, None), ACTOR, NOW)
    assert result.inserted == 1
    product = Product.get(Product.sku == "X-1")
    assert (product.price, product.category) == (Decimal("12.50"), "home")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            '{"entities": {"orders": {"columns": {"colour": "x"}}}}',
            "entities.orders.columns.colour",
        ),
        ('{"entities": {"parcels": {}}}', "entities.parcels"),
        ('{"entities": {"orders": {}}, "entities": {}}', "entities"),
        ('{"entities": {"orders": {}}, "decimal_separator": ";"}', "decimal_separator"),
        ("[1, 2", "(file)"),
    ],
)
def test_a_wrong_mapping_file_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        choose_mapping(path, None)
    assert raised.value.params["key"] == key


def test_rmas_need_known_orders_and_lines(database: Database, tmp_path: Path) -> None:
    import_samples(database)
    before = snapshot()
    header = (SAMPLES / "rmas.csv").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "rmas.csv"
    path.write_text(
        header + "\n"
        "RMA9,SO99999999,1,,1,defective,refund,,,,2026-11-08 10:00:00\n"
        "RMA8,SO10000001,9,,1,defective,refund,,,,2026-11-08 10:00:00\n"
        "RMA7,SO10000001,1,,5,defective,refund,,,,2026-11-08 10:00:00\n"
        "RMA6,SO10000001,1,,1,bored,money back,,,,2026-11-08 10:00:00\n",
        encoding="utf-8",
    )
    result = run(database, "rmas", path)
    assert problems_of(result) == {
        (2, "order_number", p.UNKNOWN_ORDER),
        (3, "line_no", p.UNKNOWN_ORDER_LINE),
        (4, "quantity", p.TOO_MANY),
        (5, "reason_code", p.NOT_ONE_OF),
        (5, "requested_outcome", p.NOT_ONE_OF),
    }
    assert snapshot() == before


def test_samples_folder_is_complete() -> None:
    names = {path.name for path in SAMPLES.iterdir()}
    assert {"vendors.csv", "products.csv", "orders.csv", "rmas.csv"} <= names
    assert (SAMPLES / "taobao-orders.csv").read_bytes().decode("gb18030").startswith("订单编号")


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("gb18030", "\t"), ("gbk", ",")],
)
def test_vendors_import_alike_in_every_encoding_and_delimiter(
    database: Database, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "vendors.csv"
    rows = ["code|name|accepts_returns", "hr|海尔电器|是", "jy|九阳股份|否"]
    path.write_bytes("\n".join(rows).replace("|", delimiter).encode(encoding))
    result = run(database, "vendors", path)
    assert (result.inserted, result.problem_count) == (2, 0)
    haier = Vendor.get(Vendor.code == "HR")
    assert (haier.name, haier.accepts_returns) == ("海尔电器", True)
    assert not Vendor.get(Vendor.code == "JY").accepts_returns


def test_changed_orders_and_lines_are_updated_and_audited(
    database: Database, tmp_path: Path
) -> None:
    import_samples(database)
    text = (SAMPLES / "orders.csv").read_text(encoding="utf-8")
    text = text.replace("2026-11-01 09:15:00,2026-11-03", "2026-11-01 09:15:00,2026-11-04")
    text = text.replace("Li Na,1,AP-2001,3,79.00", "Li Na,1,AP-2001,2,79.00")
    path = tmp_path / "orders.csv"
    path.write_text(text, encoding="utf-8")
    before = snapshot()
    result = run(database, "orders", path)
    assert (result.inserted, result.updated, result.unchanged) == (0, 3, 8)
    assert Order.get(Order.number == "SO10000001").delivered_on == datetime.date(2026, 11, 4)
    changes = list(
        AuditRecord.select(AuditRecord.entity, AuditRecord.before, AuditRecord.after)
        .where(AuditRecord.action == "import_update")
        .order_by(AuditRecord.seq)
        .tuples()
    )
    assert changes == [
        ("order", '{"delivered_on": "2026-11-03"}', '{"delivered_on": "2026-11-04"}'),
        ("order_line", '{"quantity": 3}', '{"quantity": 2}'),
    ]
    assert snapshot() == {**before, "audit": before["audit"] + 3}
