"""The receiving screen driven as a dock worker drives it: scans into scanInput, function keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from db.models import Parcel, Unit
from receiving_app.context import AppContext
from tests.ui.conftest import DemoCodes, Scan, when_dialog
from ui.main_window import MainWindow


def _column(window: MainWindow, table: str, column: int) -> list[str]:
    view = window.findChild(QTableView, table)
    assert view is not None
    model = view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _lpn(window: MainWindow) -> str:
    label = window.findChild(QLabel, "lpnLabel")
    assert label is not None
    return label.text()


def test_the_scan_field_has_the_focus_and_no_input_method(
    window: MainWindow, scan_input: QLineEdit
) -> None:
    assert scan_input.hasFocus()
    assert not scan_input.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_badge_logs_in(scan: Scan, codes: DemoCodes, window: MainWindow) -> None:
    feedback = scan(codes.badge)
    assert feedback.text()
    assert feedback.property("outcome") == "ok"
    user = window.findChild(QLabel, "userLabel")
    assert user is not None and "Li Wei" in user.text()


def test_tracking_number_of_an_expected_rma_shows_its_lines(
    logged_in: Scan, codes: DemoCodes, window: MainWindow
) -> None:
    feedback = logged_in(codes.tracking)
    assert feedback.property("outcome") == "ok"
    assert codes.rma in feedback.text()
    assert set(_column(window, "expectedLinesTable", 0)) == codes.rma_skus
    rma = window.findChild(QLabel, "parcelRma")
    assert rma is not None and rma.text() == codes.rma


def test_unit_gtin_issues_an_lpn_that_is_stored(
    parcel_open: Scan, codes: DemoCodes, window: MainWindow, context: AppContext
) -> None:
    feedback = parcel_open(codes.plain_gtin)
    assert feedback.property("outcome") == "ok"
    lpn = _lpn(window)
    assert Unit.get_or_none(Unit.lpn == lpn) is not None
    assert _column(window, "receivedUnitsTable", 0) == [lpn]


def test_same_serial_twice_warns_and_stores_one_unit(
    logged_in: Scan, codes: DemoCodes, window: MainWindow
) -> None:
    parcel_open = logged_in
    assert parcel_open(codes.serial_tracking).property("outcome") == "ok"
    assert parcel_open(codes.serial_gtin).property("outcome") == "ok"  # asks for the serial
    assert parcel_open(codes.serial).property("outcome") == "ok"
    first = _lpn(window)
    parcel_open(codes.serial_gtin)
    feedback = parcel_open(codes.serial)
    assert feedback.property("outcome") == "warning"
    assert first in feedback.text()
    assert Unit.select().where(Unit.serial == codes.serial).count() == 1
    assert _column(window, "receivedUnitsTable", 0) == [first]


def test_garbage_is_an_error(logged_in: Scan) -> None:
    feedback = logged_in("#?no such thing?#")
    assert feedback.text()
    assert feedback.property("outcome") == "error"


def test_a_scan_ended_by_tab_counts(scan: Scan, codes: DemoCodes, scan_input: QLineEdit) -> None:
    feedback = scan(codes.badge, Qt.Key.Key_Tab)
    assert feedback.property("outcome") == "ok"
    assert scan_input.hasFocus()
    assert scan_input.text() == ""


def test_group_separator_typed_by_the_scanner_reaches_the_core(
    qtbot: QtBot, logged_in: Scan, codes: DemoCodes, scan_input: QLineEdit, feedback: QLabel
) -> None:
    assert logged_in(codes.serial_tracking).property("outcome") == "ok"
    # GS1 element string: GTIN, serial (variable length, so GS ends it), then a batch number.
    gtin14 = codes.serial_gtin.rjust(14, "0")
    qtbot.keyClicks(scan_input, f"01{gtin14}21{codes.serial}")
    # What a wedge sends for FNC1: a key press whose text is ASCII 29 (no Ctrl modifier, so the
    # text itself, not the Ctrl+] fallback, is what the field recognises).
    for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
        QTest.sendKeyEvent(
            action, scan_input, Qt.Key.Key_BracketRight, "\x1d", Qt.KeyboardModifier.NoModifier
        )
    qtbot.keyClicks(scan_input, "10B2611")
    assert "\u241d" in scan_input.text()
    qtbot.keyClick(scan_input, Qt.Key.Key_Return)
    assert feedback.property("outcome") == "ok", feedback.text()
    unit = Unit.get(Unit.serial == codes.serial)  # not "<serial>10B2611"
    assert unit.lpn in feedback.text()


def test_ctrl_bracket_is_a_group_separator_too(qtbot: QtBot, scan_input: QLineEdit) -> None:
    qtbot.keyClicks(scan_input, "21ABC")
    qtbot.keyClick(scan_input, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert scan_input.text() == "21ABC\u241d"


def test_f10_closes_the_parcel(
    qtbot: QtBot,
    parcel_open: Scan,
    codes: DemoCodes,
    scan_input: QLineEdit,
    feedback: QLabel,
    window: MainWindow,
) -> None:
    parcel_open(codes.plain_gtin)
    qtbot.keyClick(scan_input, Qt.Key.Key_F10)
    assert feedback.property("outcome") in ("ok", "warning")  # warning: units are missing
    parcel = Parcel.get(Parcel.tracking_number == codes.tracking)
    assert parcel.state == "closed"
    badge = window.findChild(QLabel, "stateBadge")
    assert badge is not None and badge.isVisible()


def test_function_keys_set_the_condition(
    qtbot: QtBot, parcel_open: Scan, codes: DemoCodes, scan_input: QLineEdit, feedback: QLabel
) -> None:
    for key, condition in (
        (Qt.Key.Key_F6, "damaged"),
        (Qt.Key.Key_F7, "wet"),
        (Qt.Key.Key_F8, "opened"),
        (Qt.Key.Key_F5, "intact"),
    ):
        qtbot.keyClick(scan_input, key)
        assert feedback.property("outcome") == "ok"
        assert Parcel.get(Parcel.tracking_number == codes.tracking).condition == condition


def test_condition_without_a_parcel_says_why(
    qtbot: QtBot, logged_in: Scan, scan_input: QLineEdit, feedback: QLabel
) -> None:
    qtbot.keyClick(scan_input, Qt.Key.Key_F6)
    assert feedback.property("outcome") == "error"
    assert feedback.text()


def test_f12_logs_out_and_clears_the_parcel(
    qtbot: QtBot, parcel_open: Scan, scan_input: QLineEdit, feedback: QLabel, window: MainWindow
) -> None:
    qtbot.keyClick(scan_input, Qt.Key.Key_F12)
    assert feedback.property("outcome") == "ok"
    assert _column(window, "expectedLinesTable", 0) == []
    assert parcel_open("4006381333931").property("outcome") == "error"  # login needed


def test_f2_logs_in_with_name_and_pin(
    qtbot: QtBot, scan_input: QLineEdit, feedback: QLabel
) -> None:
    def fill(dialog: QWidget) -> None:
        name = dialog.findChild(QLineEdit, "loginName")
        pin = dialog.findChild(QLineEdit, "loginPin")
        assert name is not None and pin is not None
        QTest.keyClicks(name, "wangfang")
        QTest.keyClick(name, Qt.Key.Key_Return)  # moves to the PIN
        QTest.keyClicks(pin, "1234")
        QTest.keyClick(pin, Qt.Key.Key_Return)

    when_dialog("loginDialog", fill)
    qtbot.keyClick(scan_input, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: feedback.property("outcome") == "ok")
    assert "Wang Fang" in feedback.text()
    qtbot.waitUntil(scan_input.hasFocus)


def test_wrong_pin_is_an_error(qtbot: QtBot, scan_input: QLineEdit, feedback: QLabel) -> None:
    def fill(dialog: QWidget) -> None:
        QTest.keyClicks(dialog.findChild(QLineEdit, "loginName"), "wangfang")
        pin = dialog.findChild(QLineEdit, "loginPin")
        QTest.keyClicks(pin, "9999")
        QTest.keyClick(pin, Qt.Key.Key_Return)

    when_dialog("loginDialog", fill)
    qtbot.keyClick(scan_input, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: feedback.property("outcome") == "error")


def test_f9_saves_a_note(
    qtbot: QtBot,
    parcel_open: Scan,
    codes: DemoCodes,
    scan_input: QLineEdit,
    feedback: QLabel,
    window: MainWindow,
) -> None:
    def write(dialog: QWidget) -> None:
        text = dialog.findChild(QPlainTextEdit, "noteText")
        assert text is not None
        QTest.keyClicks(text, "Box crushed, corner open")
        QTest.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_dialog("noteDialog", write)
    qtbot.keyClick(scan_input, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: Parcel.get(Parcel.tracking_number == codes.tracking).note != "")
    assert Parcel.get(Parcel.tracking_number == codes.tracking).note == "Box crushed, corner open"
    note = window.findChild(QLabel, "parcelNote")
    assert note is not None and note.text() == "Box crushed, corner open"
    qtbot.waitUntil(scan_input.hasFocus)


def test_order_with_two_rmas_offers_a_numbered_choice(
    qtbot: QtBot, logged_in: Scan, codes: DemoCodes, feedback: QLabel, window: MainWindow
) -> None:
    def pick_second(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit, "choiceInput")
        assert field is not None
        QTest.keyClick(field, Qt.Key.Key_2)  # a lone digit picks after a short pause

    when_dialog("choiceDialog", pick_second)
    logged_in(codes.order_with_two_rmas)
    assert feedback.property("outcome") == "warning"  # "pick one"
    rma_label = window.findChild(QLabel, "parcelRma")
    assert rma_label is not None
    qtbot.waitUntil(lambda: rma_label.text().startswith("RMA"), timeout=3000)
    parcel = Parcel.get(Parcel.receipt_key == f"R:{rma_label.text()}")
    assert parcel.order.number == codes.order_with_two_rmas
    assert feedback.property("outcome") == "ok"


def test_focus_comes_back_to_the_scan_field(
    qtbot: QtBot, window: MainWindow, scan_input: QLineEdit
) -> None:
    table = window.findChild(QTableView, "receivedUnitsTable")
    assert table is not None
    table.setFocus()
    qtbot.waitUntil(scan_input.hasFocus)


def test_ok_is_shown_only_after_the_commit(
    parcel_open: Scan, codes: DemoCodes, context: AppContext, demo_url: str
) -> None:
    context.database.execute_sql("PRAGMA busy_timeout = 200")  # wait briefly, then give up
    path = Path(demo_url.removeprefix("sqlite:///"))
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        feedback = parcel_open(codes.plain_gtin)
        assert feedback.property("outcome") == "error"
        assert feedback.text()
        assert Unit.select().count() == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert parcel_open(codes.plain_gtin).property("outcome") == "ok"  # nothing was half-done
    assert Unit.select().count() == 1


def test_the_feedback_box_keeps_its_size_for_long_messages(logged_in: Scan) -> None:
    short = logged_in("#?")
    height = short.height()
    long = logged_in("X" * 40 + " and a lot more text that is not any number at all " * 4)
    assert long.property("outcome") == "error"
    assert long.height() == height  # the screen does not jump between scans


def test_a_number_of_several_couriers_offers_a_numbered_choice(
    qtbot: QtBot, logged_in: Scan, feedback: QLabel
) -> None:
    number = "75123456789012"  # fits DHL and ZTO, and no RMA expects it

    def pick_second(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit, "choiceInput")
        assert field is not None
        QTest.keyClicks(field, "2")
        QTest.keyClick(field, Qt.Key.Key_Return)

    when_dialog("choiceDialog", pick_second)
    assert logged_in(number).property("outcome") == "warning"
    qtbot.waitUntil(lambda: Parcel.get(Parcel.tracking_number == number).carrier is not None)
    parcel = Parcel.get(Parcel.tracking_number == number)
    assert parcel.carrier in parcel.carrier_candidates.split(",")
    assert parcel.carrier == parcel.carrier_candidates.split(",")[1]
    assert feedback.property("outcome") == "ok"


def test_control_characters_reach_the_core_as_sent(qtbot: QtBot, scan_input: QLineEdit) -> None:
    sent: list[str] = []
    scan_input.scanned.connect(sent.append)  # type: ignore[attr-defined]
    qtbot.keyClicks(scan_input, "01")
    for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
        QTest.sendKeyEvent(
            action, scan_input, Qt.Key.Key_BracketRight, "\x1d", Qt.KeyboardModifier.NoModifier
        )
    qtbot.keyClicks(scan_input, "10")
    qtbot.keyClick(scan_input, Qt.Key.Key_Return)
    assert sent == ["01\x1d10"]
