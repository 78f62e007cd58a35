"""The station's main window: the receiving page, sized for a 1366×768 dock screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget
from typing_extensions import override

from receiving_app.receiving.desk import ReceivingDesk
from ui.pages.receiving_page import ReceivingPage
from ui.sounds import OutcomeSounds


class MainWindow(QMainWindow):
    """Holds the receiving page; the services come in through the constructor, never globals."""

    def __init__(
        self,
        desk: ReceivingDesk,
        courier_name: Callable[[str], str],
        sounds: OutcomeSounds | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._desk = desk
        self.receiving_page = ReceivingPage(desk, courier_name, sounds, demo, self)
        self.setCentralWidget(self.receiving_page)
        self.setWindowTitle(
            self.tr("Returns Receiving — {station}").format(station=desk.station.code)
        )
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.receiving_page.scan_field.setFocus()
