"""The station's main window: the receiving, inspection or supervisor's page, for 1366×768."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStyle, QWidget
from typing_extensions import override

from receiving_app.inspection.model import ChecklistError
from receiving_app.inspection.service import InspectionDesk
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.settings import CameraSettings
from receiving_app.supervisor.station import SupervisorStation
from ui.pages.inspection_page import InspectionPage
from ui.pages.receiving_page import ReceivingPage
from ui.pages.supervisor_page import SupervisorPage
from ui.print_spooler import SpoolerThread
from ui.print_status import PrintStatusLabel
from ui.sounds import OutcomeSounds
from ui.station_kit import error_text
from ui.supervisor.desk_tab import TabsFactory

WARNING_ICON_SIZE = 24


class MainWindow(QMainWindow):
    """Holds one page: receiving, inspection for an inspection desk, or the supervisor's desk
    for a supervisor station (its tabs come from ``desk_tabs``). With ``camera`` settings the
    receiving and inspection pages get a camera panel (F3 / F5).

    The services come in through the constructor, never globals. Only one page exists per
    window, so exactly one ``scanInput`` and one ``scanFeedback`` can be found in it.
    """

    def __init__(
        self,
        desk: ReceivingDesk | InspectionDesk | SupervisorStation,
        courier_name: Callable[[str], str] = str,
        sounds: OutcomeSounds | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
        language: str = "en",
        desk_tabs: TabsFactory | None = None,
        camera: CameraSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._desk = desk
        page: ReceivingPage | InspectionPage | SupervisorPage
        if isinstance(desk, SupervisorStation):
            page = SupervisorPage(
                desk, desk_tabs or (lambda _user, _parent: ()), sounds, demo, self
            )
            title = self.tr("Supervisor's desk — {station}")
        elif isinstance(desk, InspectionDesk):
            page = InspectionPage(desk, sounds, language, demo, self, camera=camera)
            title = self.tr("Returns Inspection — {station}")
        else:
            page = ReceivingPage(desk, courier_name, sounds, demo, self, camera=camera)
            title = self.tr("Returns Receiving — {station}")
        self.page = page
        self.setCentralWidget(page)
        self.setWindowTitle(title.format(station=desk.station.code))
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)
        self._checklist_problems: QWidget | None = None

    def watch_printing(self, spooler: SpoolerThread) -> None:
        """Show the spooler's print status (``printStatus``) at the right of the status bar."""
        label = PrintStatusLabel(self)
        spooler.status_changed.connect(label.show_status)
        spooler.failed.connect(label.show_stopped)
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.addPermanentWidget(label)

    def show_checklist_problems(self, problems: Sequence[ChecklistError]) -> None:
        """Warn in the status bar that broken site checklist files were skipped at start.

        Non-blocking and without taking the focus from the scan field; the warning stays for
        the session (the files are read again at the next start). Nothing is shown for none.
        """
        if self._checklist_problems is not None:
            self.statusBar().removeWidget(self._checklist_problems)
            self._checklist_problems.deleteLater()
            self._checklist_problems = None
        if not problems:
            return
        box = QWidget(self)
        icon = QLabel(box)
        icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            .pixmap(WARNING_ICON_SIZE, WARNING_ICON_SIZE)
        )
        lines = [
            self.tr(
                "Broken site checklist files were not loaded; the earlier checklists stay in "
                "use. Tell a supervisor."
            )
        ]
        lines += [self._problem_line(problem) for problem in problems]
        text = QLabel("\n".join(lines), box)
        text.setObjectName("checklistProblems")
        text.setWordWrap(True)
        text.setToolTip("\n".join(str(problem.params.get("file", "")) for problem in problems))
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(icon)
        row.addWidget(text, 1)
        status = self.statusBar()
        status.setObjectName("statusBar")
        status.setSizeGripEnabled(False)
        status.addWidget(box, 1)
        self._checklist_problems = box

    def _problem_line(self, problem: ChecklistError) -> str:
        """The problem in the user's language, after its file's name unless it names the file."""
        detail = error_text(problem)
        if "{file}" in problem.message:
            return detail
        name = Path(str(problem.params.get("file", ""))).name
        return self.tr("{file}: {problem}").format(file=name, problem=detail)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.page.scan_field.setFocus()
