"""The import and export tab of the supervisor's desk.

Import: vendors, products, orders and RMAs from a channel's CSV or XLSX export, with a column
layout (a shipped preset or a mapping file). The file is checked whole before anything is
written; the bar follows both passes and the import can be cancelled, which writes nothing.

Export: units, routing decisions or customer outcomes of a period as CSV or XLSX, customers'
names only when the supervisor asks for them.

Both run on a worker thread through plain callables the page binds to the database
(``receiving_app.data_transfer``), so the window keeps answering.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ui.supervisor.desk_tab import DeskTab
from ui.supervisor.export_box import ExportBox
from ui.supervisor.import_box import ImportBox
from ui.supervisor.transfer_jobs import (
    ExportRunner,
    ImportRunner,
    OpenChooser,
    SaveChooser,
    ask_export_path,
    ask_open_path,
)


class DataTab(DeskTab):
    """The import box above the export box."""

    def __init__(
        self,
        run_import: ImportRunner,
        run_export: ExportRunner,
        today: Callable[[], datetime.date],
        choose_file: OpenChooser = ask_open_path,
        choose_export_path: SaveChooser = ask_export_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dataTab")
        self._import = ImportBox(run_import, choose_file, self)
        self._export = ExportBox(run_export, today, choose_export_path, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self._import, 1)
        layout.addWidget(self._export)
        self._retranslate()

    @override
    def _retranslate(self) -> None:
        self._import.retranslate()
        self._export.retranslate()

    @override
    def title(self) -> str:
        return self.tr("Import and export")

    @override
    def refresh(self) -> None:
        self._export.move_default_on()

    @override
    def stop_work(self) -> None:
        """A running import is cancelled (nothing is written), so a log-out never waits on it."""
        self._import.cancel_running()
