"""The import and export tab over real SQLite databases: the sample files imported in order, a
broken file refused with its problems shown, a cancelled import that writes nothing, and the
exports with and without customers' names, all run on the tab's worker."""

from __future__ import annotations

import csv
import datetime
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.connection import open_database
from db.models import OrderLine, Product, RMALine, Unit, User, Vendor
from receiving_app.audit import Actor
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.data_export.datasets import COLUMNS, PERSONAL_COLUMNS, Dataset
from receiving_app.data_export.export import ExportResult
from receiving_app.data_export.writing import ExportFormat
from receiving_app.data_import import ImportProgress, ImportResult
from receiving_app.data_import.mappings import load_preset
from receiving_app.data_import.runner import BATCH_ROWS
from receiving_app.data_transfer import (
    ExportRequest,
    ImportRequest,
    export_on_own_connection,
    import_on_own_connection,
)
from receiving_app.demo_data import generate_demo_data
from receiving_app.settings import StationSettings
from receiving_app.users import UserInfo, user_info
from tests.conftest import NOW
from ui.qt_dates import to_date
from ui.supervisor.data_tab import DataTab
from ui.supervisor.transfer_jobs import OpenKind

W = TypeVar("W", bound=QWidget)
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
TODAY = NOW.date()
WORKER_MS = 30_000
SUPERVISOR = "desk.super"


class Choices:
    """Stands in for the open and save dialogs: answers what the test put in, records offers."""

    def __init__(self) -> None:
        self.files: dict[OpenKind, Path | None] = {}
        self.save_as: Path | None = None
        self.offered: list[tuple[Path, ExportFormat]] = []

    def open(self, _parent: QWidget, kind: OpenKind) -> Path | None:
        return self.files.get(kind)

    def save(self, _parent: QWidget, suggested: Path, file_format: ExportFormat) -> Path | None:
        self.offered.append((suggested, file_format))
        return self.save_as


def make_context(url: str) -> AppContext:
    return open_context(url, clock=FixedClock(NOW), settings=StationSettings())


@pytest.fixture
def context(sqlite_url: str) -> Iterator[AppContext]:
    """An empty migrated database with one supervisor."""
    context = make_context(sqlite_url)
    with context.database.connection_context():
        User.create(name=SUPERVISOR, display_name="Desk Super", role="supervisor", badge="BDG77")
    yield context
    context.close()


@pytest.fixture(scope="module")
def history_template(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Path:
    """Demo orders with a week of dock history (units received), built once."""
    path = tmp_path_factory.mktemp("data_tab") / "history.db"
    shutil.copy(migrated_sqlite, path)
    database = open_database(f"sqlite:///{path}")
    with database.connection_context():
        generate_demo_data(database, orders=120, seed=5, now=NOW, history_days=7)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def history(history_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    target = tmp_path / "history.db"
    shutil.copy(history_template, target)
    context = make_context(f"sqlite:///{target}")
    yield context
    context.close()


def supervisor_of(context: AppContext) -> UserInfo:
    with context.database.connection_context():
        user = User.select().where(User.role == "supervisor").order_by(User.id).first()
        assert user is not None
        return user_info(user)


def build_tab(
    qtbot: QtBot, context: AppContext, choices: Choices, user: UserInfo | None
) -> DataTab:
    """The tab bound to ``context`` as the supervisor's page binds it (``user`` may be None)."""
    database = context.database
    actor = Actor(user.name if user else None, context.station.code)

    def run_import(
        request: ImportRequest,
        progress: Callable[[ImportProgress], None],
        should_cancel: Callable[[], bool],
    ) -> ImportResult:
        return import_on_own_connection(database, request, actor, NOW, progress, should_cancel)

    def run_export(request: ExportRequest) -> ExportResult:
        return export_on_own_connection(database, request, user)

    tab = DataTab(run_import, run_export, lambda: TODAY, choices.open, choices.save)
    qtbot.addWidget(tab)
    tab.resize(1366, 640)
    tab.show()
    return tab


@pytest.fixture
def choices() -> Choices:
    return Choices()


@pytest.fixture
def tab(qtbot: QtBot, context: AppContext, choices: Choices) -> DataTab:
    return build_tab(qtbot, context, choices, supervisor_of(context))


def child(tab: QWidget, kind: type[W], name: str) -> W:
    widget = tab.findChild(kind, name)
    assert widget is not None, name
    return widget


def choose(tab: DataTab, name: str, value: str) -> None:
    combo = child(tab, QComboBox, name)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def start_import(
    tab: DataTab, choices: Choices, entity: str, path: Path, valid_only: bool = False
) -> None:
    choose(tab, "importKind", entity)
    choices.files[OpenKind.TABLE] = path
    child(tab, QPushButton, "chooseImportFile").click()
    assert child(tab, QLineEdit, "importFile").text() == str(path)
    child(tab, QCheckBox, "importValidOnly").setChecked(valid_only)
    child(tab, QPushButton, "importButton").click()


def wait_done(qtbot: QtBot, tab: DataTab, button: str) -> None:
    qtbot.waitUntil(lambda: child(tab, QPushButton, button).isEnabled(), timeout=WORKER_MS)


def import_file(
    qtbot: QtBot, tab: DataTab, choices: Choices, entity: str, path: Path, valid_only: bool = False
) -> str:
    """Import ``path`` through the tab and return the summary it shows."""
    start_import(tab, choices, entity, path, valid_only)
    assert not child(tab, QPushButton, "importButton").isEnabled()
    wait_done(qtbot, tab, "importButton")
    return child(tab, QLabel, "importSummary").text()


def count(context: AppContext, model: type[Vendor | Product | OrderLine | RMALine]) -> int:
    with context.database.connection_context():
        return model.select().count()


def test_the_samples_import_in_order_and_the_summary_matches_the_database(
    qtbot: QtBot, tab: DataTab, choices: Choices, context: AppContext
) -> None:
    kinds = child(tab, QComboBox, "importKind")
    assert [kinds.itemData(i) for i in range(kinds.count())] == [
        "vendors",
        "products",
        "orders",
        "rmas",
    ]
    for entity, model in (
        ("vendors", Vendor),
        ("products", Product),
        ("orders", OrderLine),
        ("rmas", RMALine),
    ):
        summary = import_file(qtbot, tab, choices, entity, SAMPLES / f"{entity}.csv")
        written = count(context, model)
        assert written > 0
        assert f"{written} rows: {written} inserted, 0 updated" in summary, summary
        assert child(tab, QTableView, "importProblems").model().rowCount() == 0
    again = import_file(qtbot, tab, choices, "vendors", SAMPLES / "vendors.csv")
    assert f"0 inserted, 0 updated, {count(context, Vendor)} unchanged" in again


def test_the_channel_is_asked_only_for_orders(tab: DataTab) -> None:
    channel = child(tab, QLineEdit, "importChannel")
    choose(tab, "importKind", "orders")
    assert channel.isEnabled()
    choose(tab, "importKind", "products")
    assert not channel.isEnabled()


BROKEN_PRODUCTS = (
    "sku,name,category,vendor_code,unit_cost,price\n"
    "P-1,Kettle,home,,10.00,20.00\n"
    "P-2,Toaster,home,NOSUCH,10.00,20.00\n"
    "P-3,,home,,abc,20.00\n"
)


def test_a_broken_file_shows_its_problems_and_writes_nothing(
    qtbot: QtBot, tab: DataTab, choices: Choices, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "products.csv"
    path.write_text(BROKEN_PRODUCTS, encoding="utf-8")
    summary = import_file(qtbot, tab, choices, "products", path)
    assert "Nothing was written" in summary
    assert child(tab, QLabel, "importSummary").property("attention") is True
    model = child(tab, QTableView, "importProblems").model()
    problems = {
        (model.index(row, 0).data(), model.index(row, 1).data(), model.index(row, 2).data())
        for row in range(model.rowCount())
    }
    assert (3, "vendor_code", "unknown vendor code: import the vendors first") in problems
    assert (4, "name", "a value is required") in problems
    assert {row for row, _column, _text in problems} == {3, 4}
    assert count(context, Product) == 0
    assert not child(tab, QPushButton, "openRejectedButton").isVisible()
    tab.grab().save("/tmp/tab_data.png")


def test_valid_rows_only_writes_them_and_names_the_rejected_file(
    qtbot: QtBot, tab: DataTab, choices: Choices, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "products.csv"
    path.write_text(BROKEN_PRODUCTS, encoding="utf-8")
    summary = import_file(qtbot, tab, choices, "products", path, valid_only=True)
    assert "3 rows: 1 inserted, 0 updated, 0 unchanged, 2 rejected" in summary
    assert count(context, Product) == 1
    rejected = tmp_path / "products.rejected.csv"
    assert str(rejected) in child(tab, QLabel, "importRejected").text()
    assert child(tab, QPushButton, "openRejectedButton").isVisible()
    assert len(rejected.read_text(encoding="utf-8-sig").splitlines()) == 3


def test_more_problems_than_kept_are_counted(
    qtbot: QtBot, tab: DataTab, choices: Choices, tmp_path: Path
) -> None:
    path = tmp_path / "vendors.csv"
    rows = "".join(f"V{n},\n" for n in range(10_250))
    path.write_text("code,name\n" + rows, encoding="utf-8")
    import_file(qtbot, tab, choices, "vendors", path)
    assert child(tab, QTableView, "importProblems").model().rowCount() == 10_000
    assert child(tab, QLabel, "importMore").text() == "… and 250 more problem(s), not shown."


def test_a_wrong_mapping_file_is_refused_before_the_import(
    qtbot: QtBot, tab: DataTab, choices: Choices, context: AppContext, tmp_path: Path
) -> None:
    mapping = tmp_path / "mine.json"
    mapping.write_text('{"name": "mine", "entities": {"boats": {}}}', encoding="utf-8")
    choices.files[OpenKind.MAPPING] = mapping
    combo = child(tab, QComboBox, "importMapping")
    combo.activated.emit(combo.count() - 1)
    assert combo.currentText() == "mine.json"
    choices.files[OpenKind.TABLE] = SAMPLES / "vendors.csv"
    child(tab, QPushButton, "chooseImportFile").click()
    child(tab, QPushButton, "importButton").click()
    summary = child(tab, QLabel, "importSummary")
    assert "mine.json" in summary.text() and "entities.boats" in summary.text()
    assert child(tab, QPushButton, "importButton").isEnabled()
    assert count(context, Vendor) == 0


def test_a_cancelled_mapping_choice_keeps_the_layout(tab: DataTab) -> None:
    combo = child(tab, QComboBox, "importMapping")
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    combo.setCurrentIndex(combo.count() - 1)
    combo.activated.emit(combo.count() - 1)
    assert combo.currentIndex() == 1


def large_orders(path: Path, lines: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["order_number", "channel", "ordered_at", "sku", "quantity", "unit_price"])
        for n in range(lines):
            writer.writerow([f"BIG{n:07d}", "web", "2026-11-01 09:00:00", "EL-1001", 1, "199.00"])


def test_cancelling_a_large_import_writes_nothing(
    qtbot: QtBot, tab: DataTab, choices: Choices, context: AppContext, tmp_path: Path
) -> None:
    generic = load_preset("generic")
    for entity in ("vendors", "products"):
        request = ImportRequest(entity, SAMPLES / f"{entity}.csv", generic)
        import_on_own_connection(context.database, request, Actor(None, None), NOW)
    path = tmp_path / "orders.csv"
    large_orders(path, 50_000)
    bar = child(tab, QProgressBar, "importProgress")
    cancel = child(tab, QPushButton, "cancelImportButton")
    seen: list[tuple[int, str]] = []

    def on_progress(value: int) -> None:
        if not seen:
            assert cancel.isEnabled()
            QTimer.singleShot(0, cancel.click)
        seen.append((value, bar.format()))

    bar.valueChanged.connect(on_progress)
    assert not cancel.isEnabled()
    start_import(tab, choices, "orders", path)
    assert bar.isVisible()
    wait_done(qtbot, tab, "importButton")
    assert seen and 0 < seen[0][0] < bar.maximum()
    assert seen[0][1] == f"Checking: %p% ({BATCH_ROWS} rows)"
    assert child(tab, QLabel, "importSummary").text() == "Import cancelled: nothing was written."
    assert not cancel.isEnabled() and not bar.isVisible()
    assert count(context, OrderLine) == 0


def test_leaving_the_tab_cancels_a_running_import(
    qtbot: QtBot, tab: DataTab, choices: Choices, context: AppContext, tmp_path: Path
) -> None:
    generic = load_preset("generic")
    for entity in ("vendors", "products"):
        request = ImportRequest(entity, SAMPLES / f"{entity}.csv", generic)
        import_on_own_connection(context.database, request, Actor(None, None), NOW)
    path = tmp_path / "orders.csv"
    large_orders(path, 50_000)
    bar = child(tab, QProgressBar, "importProgress")
    bar.valueChanged.connect(lambda _value: tab.stop_work())  # a log-out mid-import
    start_import(tab, choices, "orders", path)
    wait_done(qtbot, tab, "importButton")
    assert child(tab, QLabel, "importSummary").text() == "Import cancelled: nothing was written."
    assert count(context, OrderLine) == 0


# -- export -----------------------------------------------------------------------------------


def received_units(context: AppContext, start: datetime.date, end: datetime.date) -> int:
    since = datetime.datetime.combine(start, datetime.time.min)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min)
    with context.database.connection_context():
        return Unit.select().where(Unit.received_at >= since, Unit.received_at < until).count()


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def export_through(
    qtbot: QtBot, tab: DataTab, choices: Choices, path: Path, file_format: ExportFormat
) -> str:
    choose(tab, "exportFormat", file_format.value)
    choices.save_as = path
    child(tab, QPushButton, "exportButton").click()
    wait_done(qtbot, tab, "exportButton")
    return child(tab, QLabel, "exportMessage").text()


@pytest.fixture
def export_tab(qtbot: QtBot, history: AppContext, choices: Choices) -> DataTab:
    return build_tab(qtbot, history, choices, supervisor_of(history))


def test_the_export_period_defaults_to_the_last_seven_days(
    export_tab: DataTab, choices: Choices, qtbot: QtBot, tmp_path: Path
) -> None:
    start = to_date(child(export_tab, QDateEdit, "exportFrom").date())
    assert (start, to_date(child(export_tab, QDateEdit, "exportTo").date())) == (
        datetime.date(2026, 11, 18),
        TODAY,
    )
    choices.save_as = None
    child(export_tab, QPushButton, "exportButton").click()
    assert choices.offered[-1][0].name == "units-2026-11-18-to-2026-11-24.csv"
    assert child(export_tab, QLabel, "exportMessage").text() == ""


def test_units_export_as_csv_and_xlsx_with_every_unit_of_the_period(
    qtbot: QtBot, export_tab: DataTab, choices: Choices, history: AppContext, tmp_path: Path
) -> None:
    units = received_units(history, datetime.date(2026, 11, 18), TODAY)
    assert units > 0
    message = export_through(qtbot, export_tab, choices, tmp_path / "u.csv", ExportFormat.CSV)
    assert message == f"{units} row(s) written to {tmp_path / 'u.csv'}."
    rows = csv_rows(tmp_path / "u.csv")
    assert tuple(rows[0]) == COLUMNS[Dataset.UNITS] and len(rows) == units + 1
    assert child(export_tab, QPushButton, "openExportButton").isVisible()
    export_through(qtbot, export_tab, choices, tmp_path / "u.xlsx", ExportFormat.XLSX)
    sheet = load_workbook(tmp_path / "u.xlsx").active
    assert sheet is not None and sheet.max_row == units + 1


def test_personal_data_adds_the_customer_columns(
    qtbot: QtBot, export_tab: DataTab, choices: Choices, tmp_path: Path
) -> None:
    child(export_tab, QCheckBox, "exportPersonal").setChecked(True)
    export_through(qtbot, export_tab, choices, tmp_path / "p.csv", ExportFormat.CSV)
    header = tuple(csv_rows(tmp_path / "p.csv")[0])
    assert header == COLUMNS[Dataset.UNITS] + PERSONAL_COLUMNS[Dataset.UNITS]


def test_personal_data_without_a_supervisor_is_refused_and_nothing_written(
    qtbot: QtBot, history: AppContext, choices: Choices, tmp_path: Path
) -> None:
    tab = build_tab(qtbot, history, choices, None)
    child(tab, QCheckBox, "exportPersonal").setChecked(True)
    message = export_through(qtbot, tab, choices, tmp_path / "p.csv", ExportFormat.CSV)
    assert message.startswith("Customers' personal data is exported only for a supervisor")
    assert child(tab, QLabel, "exportMessage").property("attention") is True
    assert not (tmp_path / "p.csv").exists()
    assert not child(tab, QPushButton, "openExportButton").isVisible()


def test_a_period_ending_before_it_starts_is_refused(
    qtbot: QtBot, export_tab: DataTab, choices: Choices, tmp_path: Path
) -> None:
    child(export_tab, QDateEdit, "exportFrom").setDate(
        child(export_tab, QDateEdit, "exportTo").date().addDays(1)
    )
    message = export_through(qtbot, export_tab, choices, tmp_path / "x.csv", ExportFormat.CSV)
    assert message.startswith("The period ends")
    assert not (tmp_path / "x.csv").exists()
