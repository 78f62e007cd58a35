"""The station's printing, driven through the window: the spooler runs on its own thread, the status
bar says how the printer is doing, and scanning a unit's LPN prints its label again."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.models import PrintJob, Unit
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext
from receiving_app.printing import Spooler, SpoolRun
from receiving_app.settings import LabelFormat, PrinterBackend, PrinterSettings
from tests.core.printers import ZPLRenderer, never_accepting_printer, refusing_target
from tests.ui.conftest import DemoCodes, Scan
from ui.app import run_gui
from ui.main_window import MainWindow
from ui.print_spooler import SpoolerThread

StartSpooler = Callable[..., SpoolerThread]


@pytest.fixture
def start_spooler(context: AppContext, window: MainWindow) -> Iterator[StartSpooler]:
    threads: list[SpoolerThread] = []

    def start(printer: PrinterSettings, spooler_class: type[Spooler] = Spooler) -> SpoolerThread:
        render = ZPLRenderer() if printer.format is LabelFormat.ZPL else None
        spooler = spooler_class(
            context.database,
            context.clock,
            context.station,
            [printer],
            **({"render": render} if render else {}),
        )
        thread = SpoolerThread(spooler, idle_seconds=0.02)
        window.watch_printing(thread)
        thread.start()
        threads.append(thread)
        return thread

    yield start
    for thread in threads:
        thread.stop()


def _status(window: MainWindow) -> QLabel:
    label = window.findChild(QLabel, "printStatus")
    assert label is not None
    return label


def _raw(target: str, timeout: float = 0.3) -> PrinterSettings:
    return PrinterSettings(
        "label", PrinterBackend.RAW9100, target, LabelFormat.ZPL, timeout=timeout
    )


def test_a_printer_that_refuses_shows_the_waiting_label_and_why(
    qtbot: QtBot,
    start_spooler: StartSpooler,
    parcel_open: Scan,
    codes: DemoCodes,
    window: MainWindow,
) -> None:
    start_spooler(_raw(refusing_target()))
    status = _status(window)
    qtbot.waitUntil(lambda: status.property("outcome") == "ok")
    assert status.text() == "Printer OK"

    assert parcel_open(codes.plain_gtin).property("outcome") == "ok"

    qtbot.waitUntil(lambda: status.property("outcome") == "warning", timeout=5000)
    assert status.text().startswith("1 label waiting: The printer at 127.0.0.1:")
    assert "refused the connection" in status.text()
    assert PrintJob.get().state in ("failed", "printing")  # never lost


def test_scanning_a_received_units_lpn_prints_its_label_again(
    qtbot: QtBot,
    start_spooler: StartSpooler,
    parcel_open: Scan,
    codes: DemoCodes,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "labels"
    start_spooler(PrinterSettings("label", PrinterBackend.FOLDER, str(folder)))
    parcel_open(codes.plain_gtin)
    lpn = Unit.get().lpn
    qtbot.waitUntil(lambda: PrintJob.get().state == "printed", timeout=5000)
    assert len(list(folder.iterdir())) == 1
    assert isinstance(context.clock, FixedClock)
    context.clock.advance(seconds=30)

    feedback = parcel_open(lpn)

    assert feedback.property("outcome") == "ok"
    assert lpn in feedback.text() and "printing again" in feedback.text()
    qtbot.waitUntil(lambda: len(list(folder.iterdir())) == 2, timeout=5000)
    first, again = sorted(folder.iterdir())
    assert first.read_bytes() == again.read_bytes()
    qtbot.waitUntil(lambda: _status(window).text() == "Printer OK")


def test_the_scan_field_never_waits_on_a_hanging_printer(
    qtbot: QtBot, start_spooler: StartSpooler, parcel_open: Scan, codes: DemoCodes
) -> None:
    with never_accepting_printer() as target:
        start_spooler(_raw(target, timeout=1.0))
        parcel_open(codes.plain_gtin)
        qtbot.waitUntil(lambda: PrintJob.get().state == "printing", timeout=5000)
        lpn = Unit.get().lpn
        started = time.monotonic()
        feedback = parcel_open(lpn)  # a write transaction while the spooler hangs on the printer
        assert time.monotonic() - started < 0.5
        assert feedback.property("outcome") == "warning"  # its label is on its way already


class BrokenSpooler(Spooler):
    """A spooler with a bug: the thread must hand the error over, not die silently."""

    def run_once(self) -> SpoolRun:
        raise RuntimeError("a bug in the spooler")


@pytest.mark.allow_log_warnings
def test_a_spooler_that_stops_on_a_bug_says_so(
    qtbot: QtBot,
    start_spooler: StartSpooler,
    window: MainWindow,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    start_spooler(PrinterSettings("label", PrinterBackend.FOLDER, str(tmp_path)), BrokenSpooler)
    status = _status(window)
    qtbot.waitUntil(lambda: status.property("outcome") == "error", timeout=5000)
    assert "a bug in the spooler" in status.text()
    assert "the print spooler stopped" in caplog.text


def test_the_app_runs_the_stations_spooler_and_shows_its_status(
    qapp: QApplication, sqlite_url: str
) -> None:
    seen: list[str] = []

    def poll(left: int) -> None:
        windows = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget.objectName() == "mainWindow" and widget.isVisible()
        ]
        status = windows[0].findChild(QLabel, "printStatus") if windows else None
        if status is not None and status.property("outcome") == "ok":
            seen.append(status.text())
            windows[0].close()
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))
        elif windows:
            windows[0].close()

    QTimer.singleShot(0, lambda: poll(500))
    assert run_gui(["--db", sqlite_url]) == 0
    assert seen == ["Printer OK"]
