"""Start the GUI: QApplication, translations, logging and error hooks, the database, the window.

``receiving_app.__main__`` calls ``run_gui(argv)`` when no sub-command is given.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import re
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from receiving_app.cli import build_parser
from receiving_app.context import AppContext, open_context, resolve_db_url
from receiving_app.errors import (
    DatabaseURLError,
    ReceivingError,
    SchemaMismatch,
    StorageUnavailable,
)
from receiving_app.inspection.service import InspectionDesk
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.settings import StationMode, StationSettings, data_dir, load_station_settings
from receiving_app.supervisor.station import SupervisorStation
from ui import assets
from ui.error_hooks import CrashReporter, install_qt_message_handler, restore_qt_message_handler
from ui.main_window import MainWindow
from ui.print_spooler import SpoolerThread
from ui.scan_feedback import qt_translate
from ui.sounds import OutcomeSounds
from ui.supervisor.desk_tabs import supervisor_tabs
from ui.translators import effective_language, install_translators, remove_translators

log = logging.getLogger(__name__)

EXIT_FAILED = 1
LOG_BYTES, LOG_BACKUPS = 2_000_000, 5


def _setup_logging() -> logging.Handler | None:
    """One rotating log file in the data folder; peewee at INFO (DEBUG logs every query)."""
    try:
        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "receiving-app.log",
            maxBytes=LOG_BYTES,
            backupCount=LOG_BACKUPS,
            encoding="utf-8",
        )
    except OSError:
        return None  # a read-only data folder must not stop the station; stderr still works
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    logging.getLogger("peewee").setLevel(logging.INFO)
    return handler


def _hide_password(url: str) -> str:
    return re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", url)


def _show_start_error(text: str) -> None:
    title = QCoreApplication.translate("App", "Returns Receiving cannot start")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close)
    box.setObjectName("startErrorDialog")
    box.exec()


def _open_context(db: str | None, demo: bool, settings: StationSettings) -> AppContext | None:
    """Open the database, or explain in the user's language why not and return None."""
    url = _hide_password(resolve_db_url(db, settings, demo)[0])
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # first demo start seeds data
    try:
        return open_context(db, demo=demo, settings=settings)
    except SchemaMismatch as exc:
        text = QCoreApplication.translate(
            "App",
            "The database {url} does not have the schema this version of Returns "
            "Receiving works with:\n{detail}\n\nAsk an administrator to run "
            '"receiving-app db upgrade --db URL", or to install the matching version '
            "of the app.",
        ).format(url=url, detail=exc)
    except ReceivingError as exc:
        text = QCoreApplication.translate(exc.context, exc.message).format(**exc.params)
    except StorageUnavailable as exc:
        text = QCoreApplication.translate(
            "App", "The database {url} cannot be used now:\n{detail}"
        ).format(url=url, detail=exc)
    except (DatabaseURLError, OSError) as exc:
        log.exception("could not open the database %s", url)
        text = QCoreApplication.translate(
            "App",
            "Cannot open the database {url}:\n{detail}\n\nCheck the address given with "
            "--db, in RECEIVING_DB_URL or in the station file, and that the database "
            "server is running.",
        ).format(url=url, detail=exc)
    finally:
        QApplication.restoreOverrideCursor()
    log.error("start-up failed: %s", text)
    _show_start_error(text)
    return None


def _courier_namer(context: AppContext, language: str) -> Callable[[str], str]:
    return lambda code: context.couriers.courier_name(code, language)


def _station_mode(args: argparse.Namespace, settings: StationSettings) -> StationMode:
    """``--inspect``, ``--receive`` or ``--supervise`` (one at most) force a window; else the
    station file says."""
    if args.inspect:
        return StationMode.INSPECTION
    if args.receive:
        return StationMode.RECEIVING
    if args.supervise:
        return StationMode.SUPERVISOR
    return settings.mode


def _station_desk(
    context: AppContext, mode: StationMode
) -> ReceivingDesk | InspectionDesk | SupervisorStation:
    if mode is StationMode.INSPECTION:
        return context.new_inspection_desk()
    if mode is StationMode.SUPERVISOR:
        return context.new_supervisor_station()
    return context.new_desk()


def run_gui(argv: list[str]) -> int:
    """Open the station window (receiving, inspection or the supervisor's desk); return the
    process exit code.

    ``argv`` are the command-line arguments without the program name (``--db URL``,
    ``--demo``, ``--inspect``, ``--receive``); without ``--inspect`` or ``--receive`` the
    station file's ``[station] mode`` chooses the window. Returns 1, after telling the user why,
    when the database cannot be opened.
    """
    started = time.perf_counter()
    args = build_parser().parse_args(argv)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "receiving-app"])
    app.setApplicationName("receiving-app")
    app.setOrganizationName("receiving-app")
    log_handler = _setup_logging()
    previous_qt_handler = install_qt_message_handler()
    window: MainWindow | None = None
    spooler: SpoolerThread | None = None

    def crash_parent() -> QWidget | None:
        return window

    reporter = CrashReporter(crash_parent)
    reporter.install()
    translators = []
    context: AppContext | None = None
    try:
        try:
            settings = load_station_settings()
        except ReceivingError as exc:
            translators = install_translators(app, effective_language("system"))
            _show_start_error(
                QCoreApplication.translate(exc.context, exc.message).format(**exc.params)
            )
            return EXIT_FAILED
        language = effective_language(settings.language)
        translators = install_translators(app, language)
        app.setApplicationDisplayName(QCoreApplication.translate("App", "Returns Receiving"))
        context = _open_context(args.db, args.demo, settings)
        if context is None:
            return EXIT_FAILED
        app.setStyleSheet(assets.style_sheet())
        window = MainWindow(
            _station_desk(context, _station_mode(args, settings)),
            _courier_namer(context, language),
            OutcomeSounds(),
            demo=args.demo,
            language=language,
            desk_tabs=supervisor_tabs(context),
            camera=settings.camera,
        )
        window.showMaximized()
        window.raise_()
        window.activateWindow()  # the scanner types into whatever has the focus
        window.show_checklist_problems(context.checklist_problems)
        spooler = SpoolerThread(context.new_spooler(qt_translate))
        window.watch_printing(spooler)
        spooler.start()
        log.info(
            "station %s ready to scan in %.0f ms (database %s)",
            context.station.code,
            (time.perf_counter() - started) * 1000,
            _hide_password(context.url),
        )
        return app.exec()
    finally:
        if spooler is not None:
            spooler.stop()
        if window is not None:
            window.close()
            window.deleteLater()
        if context is not None:
            context.close()
        reporter.uninstall()
        remove_translators(app, translators)
        restore_qt_message_handler(previous_qt_handler)
        if log_handler is not None:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()
