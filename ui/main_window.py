"""The station's main window: the receiving or the inspection page, sized for 1366×768."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget
from typing_extensions import override

from receiving_app.inspection.service import InspectionDesk
from receiving_app.receiving.desk import ReceivingDesk
from ui.pages.inspection_page import InspectionPage
from ui.pages.receiving_page import ReceivingPage
from ui.sounds import OutcomeSounds


class MainWindow(QMainWindow):
    """Holds one page: receiving, or inspection when given an inspection desk.

    The services come in through the constructor, never globals. Only one page exists per
    window, so exactly one ``scanInput`` and one ``scanFeedback`` can be found in it.
    """

    def __init__(
        self,
        desk: ReceivingDesk | InspectionDesk,
        courier_name: Callable[[str], str] = str,
        sounds: OutcomeSounds | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._desk = desk
        page: ReceivingPage | InspectionPage
        if isinstance(desk, InspectionDesk):
            page = InspectionPage(desk, sounds, language, demo, self)
            title = self.tr("Returns Inspection — {station}")
        else:
            page = ReceivingPage(desk, courier_name, sounds, demo, self)
            title = self.tr("Returns Receiving — {station}")
        self.page = page
        self.setCentralWidget(page)
        self.setWindowTitle(title.format(station=desk.station.code))
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.page.scan_field.setFocus()
