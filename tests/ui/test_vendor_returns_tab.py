"""The vendor returns tab of the supervisor's desk, over a demo database with twenty days of
history whose units routed to the vendor collect in batches: every action is a core call, and
refusals change nothing."""

from __future__ import annotations

import csv
import datetime
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.connection import open_database
from db.models import Product, RtvBatch, RtvBatchLine, RtvCarton, Setting, Station, Unit, User
from db.transactions import write_transaction
from receiving_app.accounts import user_by_badge
from receiving_app.audit import Actor
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.demo_data import generate_demo_data
from receiving_app.i18n import identity_translate
from receiving_app.inspection.store import InspectContext
from receiving_app.settings import StationSettings
from receiving_app.vendor_returns.collecting import VENDOR_RETURN, collect_routed_unit
from receiving_app.vendor_returns.desk import VendorReturns
from receiving_app.vendor_returns.prefix_setting import PREFIX_SETTING
from tests.conftest import NOW
from ui.supervisor.vendor_returns_tab import VendorReturnsTab

W = TypeVar("W", bound=QWidget)
TODAY = NOW.date()
YESTERDAY = TODAY - datetime.timedelta(days=1)
ACTOR = Actor(None, "TEST")
# Columns of the two tables.
NUMBER, STATE, UNITS, VENDOR_RMA, SHIPPED_ON, CARRIER = 0, 2, 3, 5, 8, 9
CARTON, SSCC = 0, 1


@pytest.fixture(scope="module")
def rtv_template(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Path:
    """300 demo orders with twenty days of history, where the graded units of vendors without
    an open batch are re-routed to their vendor (as a route override does): open batches of
    several vendors besides the demo's own, built once."""
    path = tmp_path_factory.mktemp("rtv") / "rtv.db"
    shutil.copy(migrated_sqlite, path)
    database = open_database(f"sqlite:///{path}")
    with database.connection_context():
        generate_demo_data(database, orders=300, seed=5, now=NOW, history_days=20)
        with write_transaction(database):
            route_to_vendors()
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def route_to_vendors() -> None:
    busy = {batch.vendor_id for batch in RtvBatch.select().where(RtvBatch.state == "open")}
    ctx = InspectContext(User.select().first().id, Station.select().first().id, ACTOR, NOW)
    graded = (
        Unit.select(Unit, Product)
        .join(Product)
        .where(
            Unit.state == "graded",
            Unit.disposition != VENDOR_RETURN,
            Product.vendor.is_null(False),
            Product.vendor.not_in(busy or {0}),
        )
    )
    for unit in graded:
        Unit.update(disposition=VENDOR_RETURN).where(Unit.id == unit.id).execute()
        collect_routed_unit(ctx, unit, VENDOR_RETURN)


@pytest.fixture
def context(rtv_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    target = tmp_path / "receiving.db"
    shutil.copy(rtv_template, target)
    context = open_context(f"sqlite:///{target}", clock=FixedClock(NOW), settings=StationSettings())
    yield context
    context.close()


@pytest.fixture
def saved() -> list[Path]:
    """The files the tab was told to save to, in order."""
    return []


@pytest.fixture
def tab(
    qtbot: QtBot, context: AppContext, saved: list[Path], tmp_path: Path
) -> Iterator[VendorReturnsTab]:
    """The tab of the demo's supervisor in a tab widget, shown and refreshed; its save dialog
    answers a file of the suggested name in the test's folder."""
    badge = User.get(User.role == "supervisor").badge
    user = None if badge is None else user_by_badge(badge)
    assert user is not None
    returns = VendorReturns(context.database, context.clock, context.station, user)

    def choose(_parent: QWidget, suggested: Path) -> Path:
        saved.append(tmp_path / suggested.name)
        return saved[-1]

    tab = VendorReturnsTab(returns, identity_translate, lambda: TODAY, choose)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(tab, tab.title())
    tabs.resize(1366, 640)
    tabs.show()
    qtbot.waitExposed(tabs)
    tab.refresh()
    yield tab  # the tab widget lives (and holds the tab) until the test ends


def child(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def column(table: QTableView, index: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, index).data()) for row in range(model.rowCount())]


def select(tab: VendorReturnsTab, number: str) -> None:
    table = child(tab, QTableView, "rtvBatchesTable")
    table.selectRow(column(table, NUMBER).index(number))


def click(tab: VendorReturnsTab, name: str) -> QLabel:
    """Click the button ``name``; the message label after it."""
    button = child(tab, QPushButton, name)
    assert button.isEnabled(), name
    button.click()
    return child(tab, QLabel, "rtvMessage")


def open_batch_without_rma(units: int = 1) -> str:
    """An open batch of at least ``units`` units whose vendor RMA is not recorded yet."""
    batches = RtvBatch.select().where(RtvBatch.state == "open", RtvBatch.vendor_rma.is_null())
    number = next((b.number for b in batches if units_of(b.number) >= units), None)
    assert number is not None, f"no open vendor-return batch of {units} units"
    return number


def units_of(number: str) -> int:
    return RtvBatchLine.select().join(RtvBatch).where(RtvBatch.number == number).count()


def batch_state(number: str) -> tuple[object, ...]:
    batch = RtvBatch.get(RtvBatch.number == number)
    cartons = RtvCarton.select().where(RtvCarton.batch == batch.id).count()
    return (batch.state, batch.vendor_rma, batch.closed_at, cartons)


def gs1_check_digit_ok(code: str) -> bool:
    """GS1 mod 10 over the 18 digits: weights 3, 1, 3... from the left of the 17-digit
    payload, the check digit makes the sum a multiple of ten."""
    weights = [3 if index % 2 == 0 else 1 for index in range(17)]
    total = sum(int(digit) * weight for digit, weight in zip(code[:17], weights, strict=True))
    return len(code) == 18 and code.isdigit() and (10 - total % 10) % 10 == int(code[17])


def close_with_rma(tab: VendorReturnsTab, number: str, cartons: int) -> QLabel:
    select(tab, number)
    child(tab, QLineEdit, "rtvVendorRma").setText(f"VRMA-{number}")
    assert click(tab, "rtvSetRmaButton").property("outcome") == "ok"
    child(tab, QSpinBox, "rtvCartons").setValue(cartons)
    return click(tab, "rtvCloseButton")


def test_open_batches_are_listed_with_their_units(tab: VendorReturnsTab) -> None:
    table = child(tab, QTableView, "rtvBatchesTable")
    expected = {
        batch.number: units_of(batch.number)
        for batch in RtvBatch.select().where(RtvBatch.state.in_(("open", "closed")))
    }
    assert len(expected) >= 3, "too few vendor-return batches to work"
    shown = dict(zip(column(table, NUMBER), column(table, UNITS), strict=True))
    assert shown == {number: str(units) for number, units in expected.items()}
    opened = sum(batch.state == "open" for batch in RtvBatch.select())
    assert tab.title() == f"Vendor returns ({opened} open)"
    number = open_batch_without_rma()
    select(tab, number)
    lines = child(tab, QTableView, "rtvLinesTable")
    assert lines.model().rowCount() == expected[number]
    assert set(column(lines, CARTON)) == {""}
    assert child(tab, QPushButton, "rtvCloseButton").isEnabled()
    assert not child(tab, QPushButton, "rtvShipButton").isEnabled()
    assert not child(tab, QPushButton, "rtvManifestPdfButton").isEnabled()


def test_the_vendor_rma_is_recorded(tab: VendorReturnsTab) -> None:
    number = open_batch_without_rma()
    select(tab, number)
    child(tab, QLineEdit, "rtvVendorRma").setText("  VRMA-88412 ")
    message = click(tab, "rtvSetRmaButton")
    assert message.property("outcome") == "ok" and "VRMA-88412" in message.text()
    assert RtvBatch.get(RtvBatch.number == number).vendor_rma == "VRMA-88412"
    table = child(tab, QTableView, "rtvBatchesTable")
    row = column(table, NUMBER).index(number)
    assert column(table, VENDOR_RMA)[row] == "VRMA-88412"


def test_closing_without_the_vendor_rma_is_refused_and_changes_nothing(
    tab: VendorReturnsTab,
) -> None:
    number = open_batch_without_rma()
    before = batch_state(number)
    select(tab, number)
    message = click(tab, "rtvCloseButton")
    assert message.property("outcome") == "error" and "RMA" in message.text()
    assert batch_state(number) == before
    assert child(tab, QPushButton, "rtvCloseButton").isEnabled()


def test_closing_into_two_cartons_lists_their_ssccs(tab: VendorReturnsTab) -> None:
    number = open_batch_without_rma(units=2)
    message = close_with_rma(tab, number, 2)
    assert message.property("outcome") == "ok", message.text()
    ssccs = [
        carton.sscc for carton in RtvCarton.select().join(RtvBatch).where(RtvBatch.number == number)
    ]
    assert len(ssccs) == 2 and all(gs1_check_digit_ok(sscc) for sscc in ssccs)
    assert all(sscc in message.text() for sscc in ssccs) and "printer" in message.text()
    lines = child(tab, QTableView, "rtvLinesTable")
    assert set(column(lines, CARTON)) == {"1", "2"}
    assert set(column(lines, SSCC)) == set(ssccs)
    assert "2 carton(s)" in child(tab, QLabel, "rtvTotals").text()
    assert child(tab, QPushButton, "rtvShipButton").isEnabled()
    assert not child(tab, QPushButton, "rtvCloseButton").isEnabled()


def test_the_manifest_and_labels_of_a_closed_batch_are_saved(
    tab: VendorReturnsTab, saved: list[Path]
) -> None:
    number = open_batch_without_rma()
    assert close_with_rma(tab, number, 1).property("outcome") == "ok"
    for name in ("rtvManifestPdfButton", "rtvManifestCsvButton", "rtvLabelsButton"):
        assert click(tab, name).property("outcome") == "ok"
    pdf, table, labels = saved
    assert pdf.name == f"{number}-manifest.pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert labels.read_bytes().startswith(b"%PDF")
    rows = list(csv.reader(io.StringIO(table.read_bytes().decode("utf-8-sig"))))
    assert len(rows) - 1 == units_of(number)
    assert {row[0] for row in rows[1:]} == {number}
    assert str(labels) in child(tab, QLabel, "rtvMessage").text()


def test_shipping_records_the_carrier_and_date_and_leaves_the_default_filter(
    tab: VendorReturnsTab,
) -> None:
    number = open_batch_without_rma()
    assert close_with_rma(tab, number, 1).property("outcome") == "ok"
    assert child(tab, QDateEdit, "rtvShipDate").date().toPython() == TODAY
    child(tab, QLineEdit, "rtvCarrier").setText("SF Express")
    child(tab, QDateEdit, "rtvShipDate").setDate(
        QDate(YESTERDAY.year, YESTERDAY.month, YESTERDAY.day)
    )
    child(tab, QLineEdit, "rtvTracking").setText("SF1234567890")
    assert click(tab, "rtvShipButton").property("outcome") == "ok"
    batch = RtvBatch.get(RtvBatch.number == number)
    assert (batch.state, batch.carrier, batch.tracking) == ("shipped", "SF Express", "SF1234567890")
    assert batch.shipped_on == YESTERDAY
    table = child(tab, QTableView, "rtvBatchesTable")
    assert number not in column(table, NUMBER)
    state_filter = child(tab, QComboBox, "rtvStateFilter")
    state_filter.setCurrentIndex(state_filter.findData("shipped"))
    row = column(table, NUMBER).index(number)
    assert column(table, CARRIER)[row] == "SF Express"
    assert column(table, SHIPPED_ON)[row] == YESTERDAY.isoformat()


def test_shipping_an_open_batch_is_not_offered(tab: VendorReturnsTab) -> None:
    select(tab, open_batch_without_rma())
    assert not child(tab, QPushButton, "rtvShipButton").isEnabled()
    assert not child(tab, QLineEdit, "rtvCarrier").isEnabled()


def test_a_refresh_keeps_the_selected_batch_and_what_is_typed(tab: VendorReturnsTab) -> None:
    table = child(tab, QTableView, "rtvBatchesTable")
    number = column(table, NUMBER)[-1]
    select(tab, number)
    child(tab, QLineEdit, "rtvVendorRma").setText("VRMA-typ")
    child(tab, QSpinBox, "rtvCartons").setValue(3)
    tab.refresh()
    rows = table.selectionModel().selectedRows()
    assert [column(table, NUMBER)[index.row()] for index in rows] == [number]
    assert child(tab, QLineEdit, "rtvVendorRma").text() == "VRMA-typ"
    assert child(tab, QSpinBox, "rtvCartons").value() == 3


def test_without_a_company_prefix_a_hint_shows_until_one_is_set(tab: VendorReturnsTab) -> None:
    Setting.delete().where(Setting.key == PREFIX_SETTING).execute()
    tab.refresh()
    hint = child(tab, QLabel, "rtvPrefixHint")
    assert not hint.isHidden()
    assert child(tab, QLabel, "rtvCompanyPrefix").text() == "none set"
    child(tab, QLineEdit, "rtvPrefixEdit").setText("12345")
    assert click(tab, "rtvSetPrefixButton").property("outcome") == "error"
    assert not Setting.select().where(Setting.key == PREFIX_SETTING).exists()
    child(tab, QLineEdit, "rtvPrefixEdit").setText("0614141")
    assert click(tab, "rtvSetPrefixButton").property("outcome") == "ok"
    assert child(tab, QLabel, "rtvCompanyPrefix").text().startswith("0614141")
    assert hint.isHidden()
    assert Setting.select().where(Setting.key == PREFIX_SETTING).exists()


def test_both_tables_pass_the_model_tester(
    tab: VendorReturnsTab, qtmodeltester: ModelTester
) -> None:
    for name in ("rtvBatchesTable", "rtvLinesTable"):
        qtmodeltester.check(child(tab, QTableView, name).model())
