"""The export box: units, routing decisions or customer outcomes of a period as CSV or XLSX."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QStandardPaths,
    QThreadPool,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from receiving_app.data_export.datasets import Dataset
from receiving_app.data_export.export import ExportResult
from receiving_app.data_export.writing import ExportFormat
from receiving_app.data_transfer import ExportRequest
from ui.qt_dates import to_date, to_qdate
from ui.supervisor.reports_tab import Period, last_days
from ui.supervisor.transfer_jobs import (
    ExportRunner,
    SaveChooser,
    TransferJob,
    open_file,
    reported,
    show_message,
    suggested_export_name,
)


class ExportBox(QGroupBox):
    """Dataset, period, format, personal data; the export button; the outcome with an open
    button."""

    def __init__(
        self,
        run_export: ExportRunner,
        today: Callable[[], datetime.date],
        choose: SaveChooser,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportBox")
        self._run_export = run_export
        self._today = today
        self._choose = choose
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        self._default = last_days(today())
        self._saved: Path | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._labels: dict[str, QLabel] = {}
        self._kind = self._combo("exportKind", tuple(Dataset))
        self._from = self._date_edit("exportFrom")
        self._to = self._date_edit("exportTo")
        self._format = self._combo("exportFormat", tuple(ExportFormat))
        self._personal = QCheckBox(self)
        self._personal.setObjectName("exportPersonal")
        self._export = QPushButton(self)
        self._export.setObjectName("exportButton")
        self._export.clicked.connect(self._on_export_clicked)
        self._progress = QProgressBar(self)
        self._progress.setObjectName("exportProgress")
        self._progress.setRange(0, 0)
        self._progress.setTextVisible(False)
        self._progress.hide()
        self._message = QLabel(self)
        self._message.setObjectName("exportMessage")
        self._message.setWordWrap(True)
        self._open = QPushButton(self)
        self._open.setObjectName("openExportButton")
        self._open.clicked.connect(self._on_open_clicked)
        self._open.hide()
        self._lay_out()
        self.set_period(self._default)

    def _combo(self, name: str, values: tuple[StrEnum, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value in values:
            combo.addItem("", value.value)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _caption(self, key: str, buddy: QWidget) -> QLabel:
        label = QLabel(self)
        label.setBuddy(buddy)
        self._labels[key] = label
        return label

    def _lay_out(self) -> None:
        what = QHBoxLayout()
        what.addWidget(self._caption("kind", self._kind))
        what.addWidget(self._kind)
        what.addSpacing(12)
        what.addWidget(self._caption("from", self._from))
        what.addWidget(self._from)
        what.addWidget(self._caption("to", self._to))
        what.addWidget(self._to)
        what.addSpacing(12)
        what.addWidget(self._caption("format", self._format))
        what.addWidget(self._format)
        what.addStretch(1)
        output = QHBoxLayout()
        output.addWidget(self._personal)
        output.addStretch(1)
        output.addWidget(self._export)
        outcome = QHBoxLayout()
        outcome.addWidget(self._message, 1)
        outcome.addWidget(self._open)
        inside = QVBoxLayout(self)
        inside.addLayout(what)
        inside.addLayout(output)
        inside.addWidget(self._progress)
        inside.addLayout(outcome)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Export"))
        kinds = {
            Dataset.UNITS: self.tr("Units received"),
            Dataset.DISPOSITIONS: self.tr("Routing decisions"),
            Dataset.OUTCOMES: self.tr("Customer outcomes"),
        }
        for index in range(self._kind.count()):
            self._kind.setItemText(index, kinds[Dataset(self._kind.itemData(index))])
        formats = {ExportFormat.CSV: self.tr("CSV"), ExportFormat.XLSX: self.tr("Excel (XLSX)")}
        for index in range(self._format.count()):
            self._format.setItemText(index, formats[ExportFormat(self._format.itemData(index))])
        texts = {
            "kind": self.tr("&Data"),
            "from": self.tr("f&rom"),
            "to": self.tr("&to"),
            "format": self.tr("F&ormat"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self._personal.setText(self.tr("Include customer names (personal data)"))
        self._export.setText(self.tr("&Export…"))
        self._open.setText(self.tr("Open file"))

    # -- the period ---------------------------------------------------------------------------

    def period(self) -> Period:
        return to_date(self._from.date()), to_date(self._to.date())

    def set_period(self, period: Period) -> None:
        self._from.setDate(to_qdate(period[0]))
        self._to.setDate(to_qdate(period[1]))

    def move_default_on(self) -> None:
        """Move the default period on to today, unless the supervisor chose another one."""
        if self.period() == self._default:
            self._default = last_days(self._today())
            self.set_period(self._default)

    # -- slots --------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._progress.setVisible(busy)
        self._export.setEnabled(not busy)

    @Slot()
    def _on_export_clicked(self) -> None:
        start, end = self.period()
        dataset = Dataset(self._kind.currentData())
        file_format = ExportFormat(self._format.currentData())
        suggested = self._folder / suggested_export_name(dataset, start, end, file_format)
        path = self._choose(self, suggested, file_format)
        if path is None:
            return
        self._folder = path.parent
        self._open.hide()
        show_message(self._message, self.tr("Writing {file}…").format(file=path), error=False)
        self._set_busy(True)
        request = ExportRequest(
            dataset, start, end, path, file_format, include_personal=self._personal.isChecked()
        )
        run = self._run_export
        job = TransferJob(lambda _progress: run(request))
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._pool.start(job)

    @Slot(object)
    def _on_finished(self, result: ExportResult) -> None:
        self._set_busy(False)
        self._saved = result.path
        show_message(
            self._message,
            self.tr("%n row(s) written to {file}.", "", result.rows).format(file=result.path),
            error=False,
        )
        self._open.show()

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        show_message(self._message, reported(error), error=True)

    @Slot()
    def _on_open_clicked(self) -> None:
        if self._saved is not None:
            open_file(self._saved)
