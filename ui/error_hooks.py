"""The GUI's last line: Qt's messages into logging, and unexpected exceptions shown, not fatal.

Expected core errors are caught in the slot that called the core (HOUSE.md B4); what reaches
``sys.excepthook`` is a bug. It is logged with its traceback and shown in a non-modal dialog, and
the station keeps running so the worker can go on scanning.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> object:
    """Route Qt's own messages into the ``qt`` logger; returns the previous handler."""
    return qInstallMessageHandler(_qt_message)


def restore_qt_message_handler(previous: object) -> None:
    qInstallMessageHandler(previous)  # type: ignore[arg-type]


class CrashReporter:
    """An excepthook that logs the traceback and shows it without stopping the app."""

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        self._parent = parent
        self._previous: ExceptHook = sys.excepthook
        self._dialogs: list[QMessageBox] = []

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        log.critical("unexpected error", exc_info=(kind, error, trace))
        if QApplication.instance() is None:
            self._previous(kind, error, trace)
            return
        box = QMessageBox(self._parent())
        box.setObjectName("crashDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("CrashReporter", "Unexpected error"))
        box.setText(
            QApplication.translate(
                "CrashReporter",
                "Something went wrong inside the app. What you scanned before this message is "
                "saved. Scan the last item again; if this keeps happening, tell a supervisor.",
            )
        )
        box.setDetailedText("".join(traceback.format_exception(kind, error, trace)))
        box.setModal(False)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.finished.connect(lambda _result: self._forget(box))
        self._dialogs.append(box)
        box.show()

    def _forget(self, box: QMessageBox) -> None:
        if box in self._dialogs:
            self._dialogs.remove(box)
        box.deleteLater()
