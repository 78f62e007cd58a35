"""Starting the GUI: run_gui over good and bad databases, and the error hooks."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

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
