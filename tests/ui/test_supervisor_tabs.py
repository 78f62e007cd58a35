"""The approvals, exceptions and ageing tabs of the supervisor's desk, over a demo database with
twenty days of history: every action is a core call, and refusals change nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from db.models import RMA, CustomerOutcome, ExceptionResolution, OverrideReview, Parcel, Unit, User
from receiving_app.accounts import user_by_badge
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.demo_data import generate_demo_data
from receiving_app.outcomes import OutcomeCode
from receiving_app.settings import StationSettings
from receiving_app.supervisor.service import SupervisorDesk
from tests.conftest import NOW
from ui.supervisor.ageing_tab import AgeingTab
from ui.supervisor.approvals_tab import ApprovalsTab
from ui.supervisor.desk_tab import DeskTab
from ui.supervisor.exceptions_tab import ExceptionsTab

REVIEWER_BADGE = "BDG9901"
"""A supervisor added to the demo data: the demo's own supervisor made its grade override, and
a supervisor may not review their own."""
W = TypeVar("W", bound=QWidget)

NO_SLIP = "1Z879E930346834440"
"""A UPS tracking number no RMA expects: its parcel opens as an exception."""


@pytest.fixture(scope="module")
def history_template(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Path:
    """300 demo orders with twenty days of history, its overrides unreviewed, and a second
    supervisor, built once."""
    path = tmp_path_factory.mktemp("desk") / "desk.db"
    shutil.copy(migrated_sqlite, path)
    database = open_database(f"sqlite:///{path}")
    with database.connection_context():
        generate_demo_data(database, orders=300, seed=11, now=NOW, history_days=20)
        User.create(
            name="qa.review", display_name="QA Review", role="supervisor", badge=REVIEWER_BADGE
        )
        # The demo's admin reviewed the older overrides; the tests want every one waiting.
        OverrideReview.delete().execute()
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def context(history_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    target = tmp_path / "receiving.db"
    shutil.copy(history_template, target)
    context = open_context(f"sqlite:///{target}", clock=FixedClock(NOW), settings=StationSettings())
    yield context
    context.close()


@pytest.fixture
def desk(context: AppContext) -> SupervisorDesk:
    user = user_by_badge(REVIEWER_BADGE)
    assert user is not None
    return context.new_supervisor_desk(user)


def in_tabs(qtbot: QtBot, tab: DeskTab) -> QTabWidget:
    """The tab in a tab widget, as the page holds it, shown and refreshed."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(tab, tab.title())
    tabs.resize(1366, 640)
    tabs.show()
    qtbot.waitExposed(tabs)
    tab.refresh()
    return tabs


def child(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def column(table: QTableView, index: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, index).data()) for row in range(model.rowCount())]


def selected_lpn(table: QTableView, lpn_column: int) -> str | None:
    rows = table.selectionModel().selectedRows()
    return str(table.model().index(rows[0].row(), lpn_column).data()) if rows else None


def select(table: QTableView, lpn_column: int, lpn: str) -> None:
    table.selectRow(column(table, lpn_column).index(lpn))


# -- approvals --------------------------------------------------------------------------------


@pytest.fixture
def approvals(qtbot: QtBot, desk: SupervisorDesk) -> tuple[ApprovalsTab, QTabWidget]:
    tab = ApprovalsTab(desk)
    return tab, in_tabs(qtbot, tab)


def test_approving_an_override_without_a_note_reviews_it_and_selects_the_next(
    approvals: tuple[ApprovalsTab, QTabWidget], desk: SupervisorDesk, qtbot: QtBot
) -> None:
    tab, tabs = approvals
    items = desk.approvals()
    override = next(item for item in items if item.kind == "grade_override")
    following = items[items.index(override) + 1]
    table = child(tab, QTableView, "approvalsTable")
    assert tabs.tabText(0) == f"Approvals ({len(items)})"
    select(table, 1, override.lpn)
    qtbot.mouseClick(child(tab, QPushButton, "approveButton"), Qt.MouseButton.LeftButton)
    message = child(tab, QLabel, "approvalMessage")
    assert message.property("outcome") == "ok", message.text()
    review = OverrideReview.get(OverrideReview.subject == override.key)
    assert (review.decision, review.note) == ("approved", "")
    assert override.lpn not in column(table, 1)
    assert selected_lpn(table, 1) == following.lpn
    assert tabs.tabText(0) == f"Approvals ({len(items) - 1})"


def test_approving_an_outcome_keeps_the_note(
    approvals: tuple[ApprovalsTab, QTabWidget], desk: SupervisorDesk, qtbot: QtBot
) -> None:
    tab, _tabs = approvals
    chosen = next(item for item in desk.approvals() if item.outcome is not None)
    assert chosen.outcome is not None
    select(child(tab, QTableView, "approvalsTable"), 1, chosen.lpn)
    qtbot.keyClicks(child(tab, QLineEdit, "approvalNote"), "customer is a regular")
    qtbot.mouseClick(child(tab, QPushButton, "approveButton"), Qt.MouseButton.LeftButton)
    row = CustomerOutcome.get_by_id(chosen.outcome.id)
    assert (row.state, row.decision_note) == ("approved", "customer is a regular")
    assert child(tab, QLineEdit, "approvalNote").text() == ""


def test_rejecting_needs_a_note_and_then_rejects(
    approvals: tuple[ApprovalsTab, QTabWidget], desk: SupervisorDesk, qtbot: QtBot
) -> None:
    tab, tabs = approvals
    chosen = next(item for item in desk.approvals() if item.outcome is not None)
    assert chosen.outcome is not None
    table = child(tab, QTableView, "approvalsTable")
    count = table.model().rowCount()
    select(table, 1, chosen.lpn)
    reject = child(tab, QPushButton, "rejectButton")
    message = child(tab, QLabel, "approvalMessage")

    qtbot.mouseClick(reject, Qt.MouseButton.LeftButton)
    assert message.property("outcome") == "error"
    assert "note" in message.text()
    assert CustomerOutcome.get_by_id(chosen.outcome.id).state == "pending"
    assert table.model().rowCount() == count and selected_lpn(table, 1) == chosen.lpn

    qtbot.keyClicks(child(tab, QLineEdit, "approvalNote"), "photos show wear")
    qtbot.mouseClick(reject, Qt.MouseButton.LeftButton)
    assert message.property("outcome") == "ok"
    row = CustomerOutcome.get_by_id(chosen.outcome.id)
    assert (row.state, row.decision_note) == ("rejected", "photos show wear")
    assert chosen.lpn not in column(table, 1)
    assert tabs.tabText(0) == f"Approvals ({count - 1})"


def test_a_refresh_keeps_the_selection_and_the_note_being_typed(
    approvals: tuple[ApprovalsTab, QTabWidget], desk: SupervisorDesk, qtbot: QtBot
) -> None:
    tab, _tabs = approvals
    table = child(tab, QTableView, "approvalsTable")
    third = desk.approvals()[2]
    select(table, 1, third.lpn)
    note = child(tab, QLineEdit, "approvalNote")
    qtbot.keyClicks(note, "half a tho")
    # Another supervisor decides the first item meanwhile: the rows move up under the selection.
    first = desk.approvals()[0]
    desk.reject(first.key, "decided elsewhere")
    tab.refresh()
    assert selected_lpn(table, 1) == third.lpn
    assert first.lpn not in column(table, 1)
    assert note.text() == "half a tho"


# -- exceptions -------------------------------------------------------------------------------


@pytest.fixture
def parcel_without_rma(context: AppContext) -> Parcel:
    """A parcel the dock received just now with no RMA (the demo data has none open)."""
    dock = context.new_desk()
    badge = User.get((User.role == "dock") & User.badge.is_null(False)).badge
    assert badge is not None
    assert dock.handle_scan(badge).code == OutcomeCode.LOGGED_IN
    assert dock.handle_scan(NO_SLIP).code == OutcomeCode.PARCEL_EXCEPTION
    dock.set_note("no slip inside")
    assert dock.close_parcel().code == OutcomeCode.PARCEL_CLOSED
    return Parcel.get(Parcel.tracking_number == NO_SLIP)


@pytest.fixture
def exceptions(
    qtbot: QtBot, desk: SupervisorDesk, parcel_without_rma: Parcel
) -> tuple[ExceptionsTab, QTabWidget]:
    tab = ExceptionsTab(desk)
    return tab, in_tabs(qtbot, tab)


def test_a_parcel_without_rma_is_linked_to_an_rma(
    exceptions: tuple[ExceptionsTab, QTabWidget],
    parcel_without_rma: Parcel,
    desk: SupervisorDesk,
    qtbot: QtBot,
) -> None:
    tab, tabs = exceptions
    table = child(tab, QTableView, "exceptionsTable")
    select(table, 1, NO_SLIP)
    link = child(tab, QPushButton, "linkRmaButton")
    assert link.isEnabled() and child(tab, QPushButton, "linkOrderButton").isEnabled()
    rma = RMA.select().where(RMA.status == "open").order_by(RMA.id).first()
    qtbot.keyClicks(child(tab, QLineEdit, "exceptionReference"), rma.number.lower())
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    message = child(tab, QLabel, "exceptionMessage")
    assert message.property("outcome") == "ok", message.text()
    assert Parcel.get_by_id(parcel_without_rma.id).rma_id == rma.id
    resolution = ExceptionResolution.get(ExceptionResolution.parcel == parcel_without_rma.id)
    assert (resolution.action, resolution.rma_id) == ("linked", rma.id)
    # Now the parcel has an RMA whose lines did not arrive: its missing lines are open instead.
    shown = list(zip(column(table, 0), column(table, 1), strict=True))
    assert shown.count(("parcel without RMA", NO_SLIP)) == 0
    assert shown.count(("missing lines", NO_SLIP)) == 1
    assert tabs.tabText(0) == f"Exceptions ({len(desk.exceptions())})"


def test_missing_lines_are_only_closed_and_need_a_reason(
    exceptions: tuple[ExceptionsTab, QTabWidget], desk: SupervisorDesk, qtbot: QtBot
) -> None:
    tab, _tabs = exceptions
    missing = next(item for item in desk.exceptions() if item.kind == "missing")
    table = child(tab, QTableView, "exceptionsTable")
    select(table, 1, missing.tracking_number or missing.receipt_key)
    assert not child(tab, QPushButton, "linkRmaButton").isEnabled()
    assert not child(tab, QPushButton, "linkOrderButton").isEnabled()
    close = child(tab, QPushButton, "closeExceptionButton")
    message = child(tab, QLabel, "exceptionMessage")

    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert message.property("outcome") == "error"
    assert (
        not ExceptionResolution.select()
        .where(ExceptionResolution.subject == missing.subject)
        .exists()
    )
    assert missing.subject in {item.subject for item in desk.exceptions()}

    qtbot.keyClicks(child(tab, QLineEdit, "exceptionReason"), "customer kept the charger")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert message.property("outcome") == "ok", message.text()
    resolution = ExceptionResolution.get(ExceptionResolution.subject == missing.subject)
    assert (resolution.action, resolution.reason) == ("closed", "customer kept the charger")


def test_an_unknown_rma_is_refused_and_the_exception_stays(
    exceptions: tuple[ExceptionsTab, QTabWidget], qtbot: QtBot
) -> None:
    tab, _tabs = exceptions
    table = child(tab, QTableView, "exceptionsTable")
    select(table, 1, NO_SLIP)
    resolved = ExceptionResolution.select().count()
    qtbot.keyClicks(child(tab, QLineEdit, "exceptionReference"), "RMA00000000")
    qtbot.mouseClick(child(tab, QPushButton, "linkRmaButton"), Qt.MouseButton.LeftButton)
    message = child(tab, QLabel, "exceptionMessage")
    assert message.property("outcome") == "error" and "RMA00000000" in message.text()
    assert NO_SLIP in column(table, 1) and selected_lpn(table, 1) == NO_SLIP
    assert ExceptionResolution.select().count() == resolved
    assert Parcel.get(Parcel.tracking_number == NO_SLIP).is_exception


# -- ageing and put-away ----------------------------------------------------------------------


@pytest.fixture
def ageing(qtbot: QtBot, desk: SupervisorDesk) -> tuple[AgeingTab, QTabWidget]:
    tab = AgeingTab(desk)
    return tab, in_tabs(qtbot, tab)


def shown_totals(tab: AgeingTab, state: str) -> list[str]:
    return [
        child(tab, QLabel, f"{state}{part}").text() for part in ("Count", "OverTarget", "Target")
    ]


def test_the_totals_are_the_cores_and_the_filter_shows_one_state(
    ageing: tuple[AgeingTab, QTabWidget], desk: SupervisorDesk
) -> None:
    tab, _tabs = ageing
    core = desk.ageing()
    assert core.units, "the demo history leaves units waiting"
    for totals in core.totals:
        assert shown_totals(tab, totals.state) == [
            str(totals.count),
            str(totals.over_target),
            f"{totals.target_hours} h",
        ]
    table = child(tab, QTableView, "ageingTable")
    assert column(table, 0) == [unit.lpn for unit in core.units]
    tinted = [
        table.model().index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
        for row in range(table.model().rowCount())
    ]
    assert tinted == [unit.over_target for unit in core.units]
    chooser = child(tab, QComboBox, "ageingState")
    chooser.setCurrentIndex(chooser.findData("graded"))
    assert column(table, 0) == [unit.lpn for unit in core.units if unit.state == "graded"]
    chooser.setCurrentIndex(chooser.findData("received"))
    assert column(table, 0) == [unit.lpn for unit in core.units if unit.state == "received"]


def test_a_wrong_bin_is_refused_naming_the_right_one_then_the_unit_is_put_away(
    ageing: tuple[AgeingTab, QTabWidget], desk: SupervisorDesk, qtbot: QtBot
) -> None:
    tab, _tabs = ageing
    unit = next(unit for unit in desk.ageing().units if unit.state == "graded")
    assert unit.location is not None
    lpn_field = child(tab, QLineEdit, "putAwayLpn")
    location_field = child(tab, QLineEdit, "putAwayLocation")
    message = child(tab, QLabel, "ageingMessage")
    qtbot.keyClicks(lpn_field, unit.lpn)
    qtbot.keyClick(lpn_field, Qt.Key.Key_Return)
    qtbot.keyClicks(location_field, "WRONG-BIN-9")
    qtbot.keyClick(location_field, Qt.Key.Key_Return)
    assert message.property("outcome") == "error"
    assert unit.location in message.text() and "WRONG-BIN-9" in message.text()
    assert Unit.get(Unit.lpn == unit.lpn).state == "graded"

    location_field.setText(unit.location.lower())
    qtbot.keyClick(location_field, Qt.Key.Key_Return)
    assert message.property("outcome") == "ok", message.text()
    assert Unit.get(Unit.lpn == unit.lpn).state == "moved"
    chooser = child(tab, QComboBox, "ageingState")
    chooser.setCurrentIndex(chooser.findData("graded"))
    assert unit.lpn not in column(child(tab, QTableView, "ageingTable"), 0)
    assert (lpn_field.text(), location_field.text()) == ("", "")


def test_saved_targets_change_what_is_over_target(
    ageing: tuple[AgeingTab, QTabWidget], desk: SupervisorDesk, qtbot: QtBot
) -> None:
    tab, tabs = ageing
    before = {totals.state: totals.over_target for totals in desk.ageing().totals}
    assert before["graded"] > 0
    child(tab, QSpinBox, "inspectTargetHours").setValue(1440)
    child(tab, QSpinBox, "stockTargetHours").setValue(1440)
    tab.refresh()  # a timed refresh does not undo what is being edited
    assert child(tab, QSpinBox, "stockTargetHours").value() == 1440
    qtbot.mouseClick(child(tab, QPushButton, "saveTargetsButton"), Qt.MouseButton.LeftButton)
    assert child(tab, QLabel, "ageingMessage").property("outcome") == "ok"
    assert desk.ageing_targets() == {"received": 1440, "graded": 1440}
    assert shown_totals(tab, "graded")[1:] == ["0", "1440 h"]
    assert tabs.tabText(0) == "Ageing (0 over target)"


def test_a_refresh_keeps_the_selected_unit(
    ageing: tuple[AgeingTab, QTabWidget], desk: SupervisorDesk
) -> None:
    tab, _tabs = ageing
    table = child(tab, QTableView, "ageingTable")
    units = desk.ageing().units
    chosen = units[-2]
    select(table, 0, chosen.lpn)
    # A unit listed before it is put away elsewhere: the rows move up under the selection.
    desk.put_away(next(unit.lpn for unit in units[:-2] if unit.state == "graded"))
    tab.refresh()
    assert table.model().rowCount() == len(units) - 1
    assert selected_lpn(table, 0) == chosen.lpn


def test_the_three_tables_pass_the_model_tester(
    qtmodeltester: ModelTester,
    approvals: tuple[ApprovalsTab, QTabWidget],
    exceptions: tuple[ExceptionsTab, QTabWidget],
    ageing: tuple[AgeingTab, QTabWidget],
) -> None:
    for tab, name in (
        (approvals[0], "approvalsTable"),
        (exceptions[0], "exceptionsTable"),
        (ageing[0], "ageingTable"),
    ):
        model = child(tab, QTableView, name).model()
        assert model.rowCount() > 0, name
        qtmodeltester.check(model)
        last = model.index(0, model.columnCount() - 1)
        tooltip = last.data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip is None or tooltip == last.data(), name
