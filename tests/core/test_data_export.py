"""The data export (units, routing decisions, customer outcomes) on demo history, both engines:
CSV and XLSX read back and compared with rows counted here, formulas neutralised, personal data
only for a supervisor, the file written whole or not at all."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from peewee import Database

from db.models import (
    RMA,
    Customer,
    CustomerOutcome,
    Order,
    Product,
    Unit,
    UnitDisposition,
    User,
    Vendor,
)
from receiving_app.data_export import datasets
from receiving_app.data_export.datasets import COLUMNS, PERSONAL_COLUMNS, Dataset, Row
from receiving_app.data_export.export import PERSONAL_NEEDS_SUPERVISOR, export_dataset
from receiving_app.data_export.writing import ExportFormat, write_export
from receiving_app.demo_data import generate_demo_data
from receiving_app.errors import InvalidInput, PermissionDenied
from receiving_app.reports.period import ReportPeriod, report_period
from receiving_app.users import UserInfo, user_info
from tests.conftest import NOW

DAYS = 14
WHOLE = report_period((NOW - datetime.timedelta(days=DAYS + 1)).date(), NOW.date())
CRAFTED = {
    "product": '=HYPERLINK("http://evil.example","click")',
    "vendor": "+1",
    "serial": "-2",
    "words": "@SUM(A1:A9) 我的手机",
    "override": "\t=1+1",
}
NEGATIVE = Decimal("-3.50")


@pytest.fixture
def history(database: Database) -> None:
    generate_demo_data(database, orders=300, seed=5, now=NOW, history_days=DAYS)


@pytest.fixture
def crafted(history: None) -> str:
    """Values a spreadsheet would run, on the first unit (which has an outcome); its LPN."""
    outcome = CustomerOutcome.select().order_by(CustomerOutcome.id).first()
    unit = Unit.get_by_id(outcome.unit_id)
    product = Product.get_by_id(unit.product_id)
    Product.update(name=CRAFTED["product"]).where(Product.id == product.id).execute()
    vendor = product.vendor_id
    assert vendor is not None
    Vendor.update(name=CRAFTED["vendor"]).where(Vendor.id == vendor).execute()
    Unit.update(serial=CRAFTED["serial"]).where(Unit.id == unit.id).execute()
    RMA.update(customer_words=CRAFTED["words"]).where(RMA.id == outcome.rma_id).execute()
    UnitDisposition.update(override_reason=CRAFTED["override"]).where(
        UnitDisposition.unit == unit.id
    ).execute()
    CustomerOutcome.update(refund_amount=NEGATIVE).where(CustomerOutcome.id == outcome.id).execute()
    return str(unit.lpn)


def named(name: str) -> UserInfo:
    return user_info(User.get(User.name == name))


def read_csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets on Chinese Windows need
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    assert reader.fieldnames is not None
    return [{"": ",".join(reader.fieldnames)}, *rows]


def read_xlsx(path: Path, sheet: str) -> list[dict[str, object]]:
    book = load_workbook(path)
    assert book.sheetnames == [sheet]
    values = list(book[sheet].iter_rows(values_only=True))
    header = [str(cell) for cell in values[0]]
    return [{"": ",".join(header)}, *(dict(zip(header, row, strict=True)) for row in values[1:])]


def export(
    dataset: Dataset,
    tmp_path: Path,
    file_format: ExportFormat,
    period: ReportPeriod = WHOLE,
    user: UserInfo | None = None,
) -> tuple[int, Path]:
    path = tmp_path / f"{dataset}.{file_format}"
    result = export_dataset(
        dataset, period, path, file_format, include_personal=user is not None, user=user
    )
    assert result.path == path and result.personal == (user is not None)
    return result.rows, path


def exported(
    dataset: Dataset,
    tmp_path: Path,
    file_format: ExportFormat,
    period: ReportPeriod = WHOLE,
    user: UserInfo | None = None,
) -> tuple[str, list[dict[str, object]]]:
    """The header (joined) and the rows of an export, read back; the count checked."""
    count, path = export(dataset, tmp_path, file_format, period, user)
    if file_format is ExportFormat.CSV:
        header, *rows = read_csv(path)
    else:
        header, *rows = read_xlsx(path, dataset.value)
    assert count == len(rows)
    return str(header[""]), [dict(row) for row in rows]


def in_period(at: datetime.datetime | None, period: ReportPeriod) -> bool:
    return at is not None and period.start <= at.date() <= period.end


def amount(cell: object) -> Decimal:
    return Decimal(str(cell)).quantize(Decimal("0.01"))


@pytest.mark.parametrize("file_format", list(ExportFormat))
def test_units_are_those_received_in_the_period(
    history: None, tmp_path: Path, file_format: ExportFormat
) -> None:
    units = list(Unit.select())
    assert len(units) > 10
    # A period of a few days inside the history: its ends are whole local days.
    middle = min(unit.received_at for unit in units).date() + datetime.timedelta(days=2)
    for period in (WHOLE, report_period(middle, middle + datetime.timedelta(days=3))):
        expected = {
            unit.lpn: (unit.grade, unit.disposition, unit.state)
            for unit in units
            if in_period(unit.received_at, period)
        }
        header, rows = exported(Dataset.UNITS, tmp_path, file_format, period=period)
        assert header == ",".join(COLUMNS[Dataset.UNITS])
        got = {row["lpn"]: (row["grade"], row["disposition"], row["state"]) for row in rows}
        assert len(got) == len(rows)
        blank = "" if file_format is ExportFormat.CSV else None
        assert got == {
            lpn: tuple(blank if value is None else value for value in values)
            for lpn, values in expected.items()
        }
        times = [row["received_at"] for row in rows]
        assert times == sorted(times)
    assert 0 < len(expected) < len(units)


@pytest.mark.parametrize("file_format", list(ExportFormat))
def test_every_routing_decision_of_the_period_is_a_row(
    history: None, tmp_path: Path, file_format: ExportFormat
) -> None:
    decisions = [row for row in UnitDisposition.select() if in_period(row.decided_at, WHOLE)]
    header, rows = exported(Dataset.DISPOSITIONS, tmp_path, file_format)
    assert header == ",".join(COLUMNS[Dataset.DISPOSITIONS])
    routes: dict[str, int] = {}
    for decision in decisions:
        routes[decision.route] = routes.get(decision.route, 0) + 1
    assert {route: sum(row["route"] == route for row in rows) for route in routes} == routes
    assert len(rows) == len(decisions) > 10
    assert {str(row["rules_version"]) for row in rows} == {"1"}
    assert all(amount(row["recovery"]) >= 0 for row in rows)


@pytest.mark.parametrize("file_format", list(ExportFormat))
def test_outcomes_are_those_proposed_in_the_period(
    history: None, tmp_path: Path, file_format: ExportFormat
) -> None:
    outcomes = [row for row in CustomerOutcome.select() if in_period(row.proposed_at, WHOLE)]
    header, rows = exported(Dataset.OUTCOMES, tmp_path, file_format)
    assert header == ",".join(COLUMNS[Dataset.OUTCOMES])
    assert len(rows) == len(outcomes) > 10
    assert sum(amount(row["refund_amount"]) for row in rows) == sum(
        outcome.refund_amount for outcome in outcomes
    )
    states = sorted(str(row["state"]) for row in rows)
    assert states == sorted(outcome.state for outcome in outcomes)


def test_xlsx_cells_are_typed(history: None, tmp_path: Path) -> None:
    _, rows = exported(Dataset.OUTCOMES, tmp_path, ExportFormat.XLSX)
    assert all(isinstance(row["proposed_at"], datetime.datetime) for row in rows)
    assert all(isinstance(row["refund_amount"], int | float) for row in rows)
    assert all(isinstance(row["claim_not_found"], bool) for row in rows)


@pytest.mark.parametrize("file_format", list(ExportFormat))
def test_cells_a_spreadsheet_would_run_are_neutralised(
    crafted: str, database: Database, tmp_path: Path, file_format: ExportFormat
) -> None:
    supervisor = named("samtaylor")
    _, units = exported(Dataset.UNITS, tmp_path, file_format, user=supervisor)
    unit = next(row for row in units if row["lpn"] == crafted)
    assert unit["product"] == "'" + CRAFTED["product"]
    assert unit["vendor"] == "'" + CRAFTED["vendor"]
    assert unit["serial"] == "'" + CRAFTED["serial"]
    assert unit["customer_words"] == "'" + CRAFTED["words"]
    _, decisions = exported(Dataset.DISPOSITIONS, tmp_path, file_format)
    assert {row["override_reason"] for row in decisions if row["lpn"] == crafted} == {
        "'" + CRAFTED["override"]
    }
    # A number is not text: a negative amount stays a number, not a quoted string.
    _, outcomes = exported(Dataset.OUTCOMES, tmp_path, file_format)
    refund = next(row["refund_amount"] for row in outcomes if row["lpn"] == crafted)
    assert refund == ("-3.50" if file_format is ExportFormat.CSV else -3.5)


def test_the_xlsx_holds_no_formula(crafted: str, tmp_path: Path) -> None:
    _, path = export(Dataset.UNITS, tmp_path, ExportFormat.XLSX)
    sheet = load_workbook(path)[Dataset.UNITS.value]
    kinds = {cell.data_type for row in sheet.iter_rows() for cell in row}
    assert "f" not in kinds
    assert kinds <= {"s", "n", "d", "b"}


def customers_of(lpns: set[str]) -> dict[str, tuple[str, str]]:
    """The customer (name, channel reference) of each unit's order, found through its RMA."""
    found: dict[str, tuple[str, str]] = {}
    for outcome in CustomerOutcome.select():
        unit = Unit.get_by_id(outcome.unit_id)
        if unit.lpn in lpns and outcome.rma_id is not None:
            order = Order.get_by_id(RMA.get_by_id(outcome.rma_id).order_id)
            customer = Customer.get_by_id(order.customer_id)
            found[unit.lpn] = (customer.display_name, customer.external_ref)
    return found


@pytest.mark.parametrize("file_format", list(ExportFormat))
def test_personal_data_only_for_a_supervisor_who_asks(
    history: None, tmp_path: Path, file_format: ExportFormat
) -> None:
    for dataset in (Dataset.UNITS, Dataset.OUTCOMES):
        header, rows = exported(dataset, tmp_path, file_format)
        assert header == ",".join(COLUMNS[dataset])
        names = customers_of({str(row["lpn"]) for row in rows})
        assert len(names) > 5
        text = str(rows)
        assert not any(name in text or ref in text for name, ref in names.values())

        header, rows = exported(dataset, tmp_path, file_format, user=named("samtaylor"))
        assert header == ",".join(COLUMNS[dataset] + PERSONAL_COLUMNS[dataset])
        got = {
            str(row["lpn"]): (row["customer_name"], row["customer_ref"])
            for row in rows
            if row["lpn"] in names
        }
        assert got == names


@pytest.mark.parametrize("dataset", list(Dataset))
def test_personal_data_is_refused_to_others(
    history: None, tmp_path: Path, dataset: Dataset
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(PermissionDenied) as refused:
        export(dataset, folder, ExportFormat.CSV, user=named("wangfang"))
    assert refused.value.params["role"] == "dock"
    with pytest.raises(PermissionDenied) as nobody:
        export_dataset(dataset, WHOLE, folder / "x.csv", ExportFormat.CSV, include_personal=True)
    assert nobody.value.message == PERSONAL_NEEDS_SUPERVISOR
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("file_format", list(ExportFormat))
@pytest.mark.parametrize("dataset", list(Dataset))
def test_an_empty_period_is_a_header_alone(
    history: None, tmp_path: Path, dataset: Dataset, file_format: ExportFormat
) -> None:
    before = report_period(datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    header, rows = exported(dataset, tmp_path, file_format, period=before)
    assert header == ",".join(COLUMNS[dataset]) and rows == []


def test_rows_are_read_in_chunks_without_losing_or_repeating_one(
    history: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several units received at the very same moment straddle the chunks' edges.
    first = list(Unit.select().order_by(Unit.id).limit(5))
    Unit.update(received_at=first[0].received_at).where(
        Unit.id.in_([unit.id for unit in first])
    ).execute()
    expected = sorted(unit.lpn for unit in Unit.select() if in_period(unit.received_at, WHOLE))
    monkeypatch.setattr(datasets, "CHUNK_ROWS", 2)
    _, rows = exported(Dataset.UNITS, tmp_path, ExportFormat.CSV)
    assert sorted(str(row["lpn"]) for row in rows) == expected


def failing_rows() -> Iterator[Row]:
    yield ("one",)
    raise InvalidInput("the rows broke off")


@pytest.mark.parametrize("file_format", list(ExportFormat))
def test_a_failed_export_leaves_the_old_file_alone(
    tmp_path: Path, file_format: ExportFormat
) -> None:
    target = tmp_path / "out"
    target.write_bytes(b"old")
    with pytest.raises(InvalidInput, match="broke off"):
        write_export(target, file_format, "sheet", ["a"], failing_rows())
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]
    with pytest.raises(InvalidInput) as cannot:
        write_export(tmp_path / "missing" / "out", file_format, "sheet", ["a"], iter([]))
    assert "No such file" in str(cannot.value.params["detail"])
    assert list(tmp_path.iterdir()) == [target]
