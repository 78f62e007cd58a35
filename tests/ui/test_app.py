"""Starting the GUI: run_gui over good and bad databases, and the error hooks."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from receiving_app.cli import run
from receiving_app.inspection import site_folder
from receiving_app.settings import config_file
from ui.app import run_gui
from ui.error_hooks import CrashReporter


def _answer_start_error(seen: list[str]) -> None:
    """Close the start-up error box once it is shown, remembering its text."""

    def poll(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "startErrorDialog":
            seen.append(box.text())
            box.accept()
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(500))


def _close_main_window_when_shown(seen: list[QWidget]) -> None:
    def poll(left: int) -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "mainWindow" and w.isVisible()
        ]
        if windows:
            seen.append(windows[0])
            windows[0].close()
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(500))


def _look_at_main_window_when_shown(look: Callable[[QWidget], None]) -> None:
    """Run ``look`` on the main window once it is shown, then close it (ending ``run_gui``)."""

    def poll(left: int) -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "mainWindow" and w.isVisible()
        ]
        if windows:
            try:
                look(windows[0])
            finally:
                windows[0].close()
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(500))


def _write_station_file(text: str) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _page_of_window(argv: list[str]) -> str:
    """The objectName of the page ``run_gui(argv)`` opens."""
    pages: list[str] = []

    def look(window: QWidget) -> None:
        assert isinstance(window, QMainWindow)
        central = window.centralWidget()
        pages.append(central.objectName() if central is not None else "")

    _look_at_main_window_when_shown(look)
    assert run_gui(argv) == 0
    assert len(pages) == 1
    return pages[0]


def test_the_window_opens_in_the_mode_the_station_file_sets(
    qapp: QApplication, sqlite_url: str
) -> None:
    assert _page_of_window(["--db", sqlite_url]) == "receivingPage"
    _write_station_file('[station]\ncode = "INSPECT-1"\nmode = "inspection"\n')
    assert _page_of_window(["--db", sqlite_url]) == "inspectionPage"
    assert _page_of_window(["--db", sqlite_url, "--receive"]) == "receivingPage"
    _write_station_file('[station]\nmode = "receiving"\n')
    assert _page_of_window(["--db", sqlite_url, "--inspect"]) == "inspectionPage"


def test_inspect_and_receive_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run(["--inspect", "--receive"])
    assert stop.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.allow_log_warnings
def test_a_wrong_mode_in_the_station_file_is_explained_at_start(qapp: QApplication) -> None:
    _write_station_file('[station]\nmode = "inspect"\n')
    seen: list[str] = []
    _answer_start_error(seen)
    assert run_gui([]) == 1
    assert seen and "station.mode" in seen[0] and "receiving or inspection" in seen[0]


@pytest.mark.allow_log_warnings
def test_a_broken_site_checklist_is_shown_in_the_status_bar_not_a_stop(
    qapp: QApplication, sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    _write_station_file('[station]\nlanguage = "en"\nmode = "inspection"\n')
    folder = site_folder()
    folder.mkdir(parents=True)
    (folder / "toys.json").write_text('{"category": "toys",', encoding="utf-8")
    seen: list[tuple[str, bool, bool]] = []

    def look(window: QWidget) -> None:
        QApplication.processEvents()  # let the window settle: shown, activated, focused
        label = window.findChild(QLabel, "checklistProblems")
        scan_field = window.findChild(QLineEdit, "scanInput")
        assert label is not None and scan_field is not None
        seen.append((label.text(), label.isVisible(), scan_field.hasFocus()))

    _look_at_main_window_when_shown(look)
    with caplog.at_level(logging.WARNING):
        assert run_gui(["--db", sqlite_url]) == 0
    assert len(seen) == 1
    text, visible, scan_has_focus = seen[0]
    # A warning, not a dialog: the scanner still types into the scan field.
    assert (visible, scan_has_focus) == (True, True)
    assert "Tell a supervisor" in text
    assert "toys.json: This is not valid JSON" in text
    assert any("toys.json" in r.getMessage() for r in caplog.records if r.levelno >= 30)
    assert QApplication.activeModalWidget() is None


def test_no_status_bar_warning_when_every_checklist_is_fine(
    qapp: QApplication, sqlite_url: str
) -> None:
    labels: list[object] = []
    _look_at_main_window_when_shown(
        lambda window: labels.append(window.findChild(QLabel, "checklistProblems"))
    )
    assert run_gui(["--db", sqlite_url]) == 0
    assert labels == [None]


@pytest.mark.allow_log_warnings
def test_a_newer_schema_is_refused_with_a_message(qapp: QApplication, sqlite_url: str) -> None:
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO schema_migration (name, applied) "
            "VALUES ('9999_from_the_future', '2030-01-01 00:00:00')"
        )
    seen: list[str] = []
    _answer_start_error(seen)
    assert run_gui(["--db", sqlite_url]) == 1
    assert seen and "schema" in seen[0]


@pytest.mark.allow_log_warnings
def test_a_database_that_cannot_be_opened_gives_a_message(
    qapp: QApplication, tmp_path: Path
) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()  # a folder where the file should be
    seen: list[str] = []
    _answer_start_error(seen)
    assert run_gui(["--db", f"sqlite:///{folder}"]) == 1
    assert seen and str(folder) in seen[0]


@pytest.mark.allow_log_warnings
def test_a_wrong_url_gives_a_message(qapp: QApplication) -> None:
    seen: list[str] = []
    _answer_start_error(seen)
    assert run_gui(["--db", "mysql://somewhere/db"]) == 1
    assert seen and "mysql://somewhere/db" in seen[0]


def test_the_window_opens_over_a_good_database(qapp: QApplication, sqlite_url: str) -> None:
    hook = sys.excepthook
    seen: list[QWidget] = []
    _close_main_window_when_shown(seen)
    assert run_gui(["--db", sqlite_url]) == 0
    assert seen
    assert sys.excepthook is hook  # run_gui puts back what it replaced


@pytest.mark.allow_log_warnings
def test_an_unexpected_error_is_logged_and_shown_without_blocking(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    reporter = CrashReporter(lambda: parent)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.CRITICAL, logger="ui.error_hooks"):
            reporter.handle(type(exc), exc, exc.__traceback__)
    assert any(record.exc_info for record in caplog.records)
    box = parent.findChild(QMessageBox, "crashDialog")
    assert box is not None and box.isVisible() and not box.isModal()
    assert "boom" in box.detailedText()
    box.close()
