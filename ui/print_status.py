"""The small print status in the station's status bar (objectName ``printStatus``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QLabel, QWidget
from typing_extensions import override

from receiving_app.printing import PrintStatus
from ui.restyle import set_style_properties

log = logging.getLogger(__name__)


class PrintStatusLabel(QLabel):
    """Says "Printer OK", or how many labels wait and the last error, in warning colour.

    The ``outcome`` property (ok, warning, error) colours it through the style sheet. Labels
    that wait without an error are next in line, not a problem, so the printer counts as OK.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._status: PrintStatus | None = None
        self._stopped: str | None = None
        self._show()

    @Slot(object)
    def show_status(self, status: PrintStatus) -> None:
        self._status = status
        self._show()

    @Slot(object)
    def show_stopped(self, error: Exception) -> None:
        """The spooler thread died on a bug: say so, and keep its traceback in the log."""
        log.error("the print spooler stopped", exc_info=error)
        self._stopped = str(error) or type(error).__name__
        self._show()

    def _show(self) -> None:
        status = self._status
        if self._stopped is not None:
            text = self.tr("Printing stopped ({error}): labels wait. Restart the app.").format(
                error=self._stopped
            )
            level = "error"
        elif status is None:
            text, level = self.tr("Printer: starting…"), "none"
        elif status.ok:
            text, level = self.tr("Printer OK"), "ok"
        else:
            if status.waiting == 1:
                text = self.tr("1 label waiting: {error}")
            else:
                text = self.tr("{count} labels waiting: {error}")
            text = text.format(count=status.waiting, error=status.error)
            level = "warning"
        self.setText(text)
        self.setToolTip(text)
        set_style_properties(self, outcome=level)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
