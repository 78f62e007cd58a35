"""Fixtures for the GUI tests: a demo database, the main window over it, and its scan codes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from peewee import fn
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from db.connection import open_database
from db.models import RMA, Order, Product, ProductGTIN, User
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.demo_data import SheetCode, build_scan_sheet, generate_demo_data
from receiving_app.settings import StationSettings
from tests.conftest import NOW
from ui.main_window import MainWindow
from ui.sounds import OutcomeSounds


@dataclass(frozen=True)
class DemoCodes:
    """What a dock worker scans in the tests, found in the demo data."""

    badge: str
    tracking: str
    """The tracking number of a parcel that one open RMA expects (``rma``)."""
    rma: str
    rma_skus: frozenset[str]
    plain_gtin: str
    """A product of ``rma`` without serial numbers."""
    serial_tracking: str
    """The tracking number of an RMA that expects a serialised product."""
    serial_gtin: str
    serial: str
    """A serial number sold on that RMA's order, of the product ``serial_gtin``."""
    order_with_two_rmas: str


@pytest.fixture(scope="session")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path
) -> tuple[Path, DemoCodes]:
    """A migrated SQLite file with 50 demo orders, built once; tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(migrated_sqlite, path)
    database = open_database(f"sqlite:///{path}")
    with database.connection_context():
        generate_demo_data(database, orders=50, seed=3, now=NOW)
        sheet = build_scan_sheet(database)
        codes = _codes(sheet)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, codes


def _codes(sheet: list[SheetCode]) -> DemoCodes:
    badge = next(
        code.code
        for code in sheet
        if code.kind == "badge" and User.get(User.badge == code.code).role == "dock"
    )
    plain: tuple[RMA, str] | None = None
    serialised: tuple[RMA, str, str] | None = None
    for rma in (
        RMA.select()
        .where(RMA.expected_tracking.is_null(False), RMA.status == "open")
        .order_by(RMA.id)
    ):
        if RMA.select().where(RMA.expected_tracking == rma.expected_tracking).count() != 1:
            continue
        for line in rma.lines:
            product: Product = line.order_line.product
            gtin = ProductGTIN.get(ProductGTIN.product == product).gtin
            sold = [row.serial for row in line.order_line.serials]
            if product.serialised and sold and serialised is None:
                serialised = (rma, gtin, sold[0])
            elif (
                not product.serialised
                and plain is None
                and rma is not (serialised and serialised[0])
            ):
                plain = (rma, gtin)
    orders = (
        Order.select(Order.number)
        .join(RMA)
        .where(RMA.status == "open")
        .group_by(Order.number)
        .having(fn.COUNT(RMA.id) >= 2)
    )
    order = next(iter(orders), None)
    assert plain and serialised and order, "the demo data lacks an RMA the tests need"
    rma, gtin = plain
    skus = frozenset(line.order_line.product.sku for line in rma.lines)
    return DemoCodes(
        badge,
        rma.expected_tracking,
        rma.number,
        skus,
        gtin,
        serialised[0].expected_tracking,
        serialised[1],
        serialised[2],
        order.number,
    )


@pytest.fixture
def demo_url(demo_template: tuple[Path, DemoCodes], tmp_path: Path) -> str:
    target = tmp_path / "receiving.db"
    shutil.copy(demo_template[0], target)
    return f"sqlite:///{target}"


@pytest.fixture
def codes(demo_template: tuple[Path, DemoCodes]) -> DemoCodes:
    return demo_template[1]


@pytest.fixture
def context(demo_url: str) -> Iterator[AppContext]:
    context = open_context(demo_url, clock=FixedClock(NOW), settings=StationSettings())
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(
        context.new_desk(),
        lambda code: context.couriers.courier_name(code),
        OutcomeSounds(enabled=False),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def scan_input(window: MainWindow) -> QLineEdit:
    field = window.findChild(QLineEdit, "scanInput")
    assert field is not None
    return field


@pytest.fixture
def feedback(window: MainWindow) -> QLabel:
    label = window.findChild(QLabel, "scanFeedback")
    assert label is not None
    return label


Scan = Callable[..., QLabel]


@pytest.fixture
def scan(qtbot: QtBot, scan_input: QLineEdit, feedback: QLabel) -> Scan:
    """Type ``code`` as a wedge scanner does (characters, then Enter or Tab)."""

    def scan(code: str, end: Qt.Key = Qt.Key.Key_Return) -> QLabel:
        qtbot.keyClicks(scan_input, code)
        qtbot.keyClick(scan_input, end)
        return feedback

    return scan


@pytest.fixture
def logged_in(scan: Scan, codes: DemoCodes) -> Scan:
    assert scan(codes.badge).property("outcome") == "ok"
    return scan


@pytest.fixture
def parcel_open(logged_in: Scan, codes: DemoCodes) -> Scan:
    assert logged_in(codes.tracking).property("outcome") == "ok"
    return logged_in


def when_dialog(name: str, action: Callable[[QWidget], None], tries: int = 300) -> None:
    """Run ``action`` on the modal dialog ``name`` as soon as it is open.

    A modal dialog runs its own event loop, so the test cannot wait for it in line: the timer
    set here fires inside that loop.
    """

    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.objectName() == name:
            action(widget)
            # A dialog that stays open would block the test for ever: close it so the test
            # fails on its assertions instead of hanging.
            QTimer.singleShot(2000, widget, lambda: _reject_if_open(widget))
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))


def _reject_if_open(widget: QWidget) -> None:
    if isinstance(widget, QDialog) and widget.isVisible():
        widget.reject()


# The offscreen platform plugin says this whenever a dialog is shown; it is not our warning
# (qt_log_level_fail = WARNING would otherwise fail every test that opens a dialog).
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
