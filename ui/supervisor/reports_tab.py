"""The reports tab of the supervisor's desk: pick a period and a format, save the disposition
report, and see its headline figures without opening the file.

The tab makes the report through a ``ReportWriter``: a plain callable the page binds to the
database, the translation and the dock's name (``make_disposition_report``), run on a worker
thread so the window keeps answering while the figures are gathered.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QStandardPaths,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from receiving_app.reports.output import ReportFormat
from receiving_app.reports.period import report_period
from receiving_app.reports.run_report import ReportResult
from ui.qt_dates import to_date, to_qdate
from ui.restyle import set_style_properties
from ui.station_kit import error_text
from ui.supervisor.desk_tab import DeskTab

DEFAULT_DAYS = 7
"""The period shown at first: the last seven days, today included."""

ReportWriter = Callable[[datetime.date, datetime.date, ReportFormat, Path], ReportResult]
"""Writes the report of a period (first and last day) in a format to a file; runs on a worker."""

PathChooser = Callable[[QWidget, Path, ReportFormat], Path | None]
"""Asks where to save, starting from a suggested file; None when the user cancelled."""

Period = tuple[datetime.date, datetime.date]


def last_days(today: datetime.date, days: int = DEFAULT_DAYS) -> Period:
    return today - datetime.timedelta(days=days - 1), today


def this_week(today: datetime.date) -> Period:
    return today - datetime.timedelta(days=today.weekday()), today


def last_week(today: datetime.date) -> Period:
    monday = this_week(today)[0] - datetime.timedelta(days=7)
    return monday, monday + datetime.timedelta(days=6)


def this_month(today: datetime.date) -> Period:
    return today.replace(day=1), today


def last_month(today: datetime.date) -> Period:
    last_day = today.replace(day=1) - datetime.timedelta(days=1)
    return last_day.replace(day=1), last_day


def suggested_name(start: datetime.date, end: datetime.date, file_format: ReportFormat) -> str:
    return f"disposition-{start.isoformat()}-to-{end.isoformat()}.{file_format.value}"


def ask_report_path(parent: QWidget, suggested: Path, file_format: ReportFormat) -> Path | None:
    """The save dialog, starting at ``suggested``; a name typed without extension gets one."""
    filters = {
        ReportFormat.PDF: QCoreApplication.translate("ReportsTab", "PDF document (*.pdf)"),
        ReportFormat.CSV: QCoreApplication.translate("ReportsTab", "CSV file (*.csv)"),
        ReportFormat.XLSX: QCoreApplication.translate("ReportsTab", "Excel workbook (*.xlsx)"),
    }
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReportsTab", "Save the disposition report"),
        str(suggested),
        filters[file_format],
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_name(f"{path.name}.{file_format.value}")


class ReportSignals(QObject):
    """What a report job tells the GUI thread (queued across threads).

    Signals:
        written(ReportResult): the file is on disk.
        failed(Exception): nothing was written; the error says why.
    """

    written = Signal(object)
    failed = Signal(object)


class ReportJob(QRunnable):
    """Runs one ``ReportWriter`` call on a pool thread and reports through :class:`ReportSignals`."""

    def __init__(self, write: Callable[[], ReportResult]) -> None:
        super().__init__()
        self.signals = ReportSignals()
        self._write = write

    @override
    def run(self) -> None:
        try:
            result = self._write()
        except Exception as error:  # noqa: BLE001 (handed to the GUI thread, which reports it)
            self.signals.failed.emit(error)
        else:
            self.signals.written.emit(result)


class ReportsTab(DeskTab):
    """The period, quick periods, the format, the save button, the outcome and the last figures.

    While a report is being made the save button is disabled and a busy bar shows; the outcome
    line then names the file (with a button that opens it) or says what went wrong.
    """

    def __init__(
        self,
        write_report: ReportWriter,
        today: Callable[[], datetime.date],
        choose_path: PathChooser = ask_report_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsTab")
        self._write_report = write_report
        self._today = today
        self._choose_path = choose_path
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        self._default = last_days(today())
        self._saved: Path | None = None
        # One report at a time; destroying the pool (with the tab) waits for a running one.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        self._from = self._date_edit("reportFrom")
        self._to = self._date_edit("reportTo")
        self._quick = {
            name: self._quick_button(name, period)
            for name, period in (
                ("reportThisWeek", this_week),
                ("reportLastWeek", last_week),
                ("reportThisMonth", this_month),
                ("reportLastMonth", last_month),
            )
        }
        self._format = QComboBox(self)
        self._format.setObjectName("reportFormat")
        for file_format in ReportFormat:
            self._format.addItem("", file_format.value)
        self._save = QPushButton(self)
        self._save.setObjectName("saveReportButton")
        self._save.setDefault(True)
        self._save.clicked.connect(self._on_save_clicked)
        self._progress = QProgressBar(self)
        self._progress.setObjectName("reportProgress")
        self._progress.setRange(0, 0)
        self._progress.setTextVisible(False)
        self._progress.hide()
        self._message = QLabel(self)
        self._message.setObjectName("reportMessage")
        self._message.setWordWrap(True)
        self._open = QPushButton(self)
        self._open.setObjectName("openReportButton")
        self._open.clicked.connect(self._on_open_clicked)
        self._open.hide()
        self._summary = QLabel(self)
        self._summary.setObjectName("reportSummary")
        self._summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._labels: dict[str, QLabel] = {}
        self._boxes: dict[str, QGroupBox] = {}
        self._lay_out()
        self._set_period(self._default)
        self._retranslate()

    # -- building -----------------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _quick_button(self, name: str, period: Callable[[datetime.date], Period]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(lambda: self._set_period(period(self._today())))
        return button

    def _label(self, key: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(self)
        if buddy is not None:
            label.setBuddy(buddy)
        self._labels[key] = label
        return label

    def _lay_out(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self._from)
        period.addWidget(self._label("to", self._to))
        period.addWidget(self._to)
        period.addSpacing(12)
        for button in self._quick.values():
            period.addWidget(button)
        period.addStretch(1)
        output = QHBoxLayout()
        output.addWidget(self._format)
        output.addSpacing(12)
        output.addWidget(self._save)
        output.addStretch(1)
        form = QFormLayout()
        form.addRow(self._label("from", self._from), period)
        form.addRow(self._label("format", self._format), output)
        outcome = QHBoxLayout()
        outcome.addWidget(self._message, 1)
        outcome.addWidget(self._open)
        report = self._box("report")
        inside = QVBoxLayout(report)
        inside.addWidget(self._label("about"))
        self._labels["about"].setWordWrap(True)
        inside.addLayout(form)
        inside.addWidget(self._progress)
        inside.addLayout(outcome)
        QVBoxLayout(self._box("last")).addWidget(self._summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(report)
        layout.addWidget(self._boxes["last"])
        layout.addStretch(1)

    def _box(self, key: str) -> QGroupBox:
        box = QGroupBox(self)
        self._boxes[key] = box
        return box

    @override
    def _retranslate(self) -> None:
        self._boxes["report"].setTitle(self.tr("Disposition report"))
        self._boxes["last"].setTitle(self.tr("Last report saved"))
        self._labels["about"].setText(
            self.tr(
                "The units routed in the period by disposition, grade, reason, vendor, category, "
                "product and inspector, with recovered value and dock-to-stock time."
            )
        )
        self._labels["from"].setText(self.tr("&Period from"))
        self._labels["to"].setText(self.tr("&to"))
        self._labels["format"].setText(self.tr("F&ormat"))
        texts = {
            "reportThisWeek": self.tr("This week"),
            "reportLastWeek": self.tr("Last week"),
            "reportThisMonth": self.tr("This month"),
            "reportLastMonth": self.tr("Last month"),
        }
        for name, button in self._quick.items():
            button.setText(texts[name])
        formats = {
            ReportFormat.PDF: self.tr("PDF"),
            ReportFormat.CSV: self.tr("CSV"),
            ReportFormat.XLSX: self.tr("Excel (XLSX)"),
        }
        for index in range(self._format.count()):
            self._format.setItemText(index, formats[ReportFormat(self._format.itemData(index))])
        self._save.setText(self.tr("&Save report…"))
        self._open.setText(self.tr("Open report"))
        if not self._summary.text():
            self._summary.setText(self.tr("No report saved yet."))

    # -- the desk -----------------------------------------------------------------------------

    @override
    def title(self) -> str:
        return self.tr("Reports")

    @override
    def refresh(self) -> None:
        """Move the default period on to today, unless the supervisor chose another one."""
        if self._period() == self._default:
            self._default = last_days(self._today())
            self._set_period(self._default)

    # -- showing ------------------------------------------------------------------------------

    def _period(self) -> Period:
        return to_date(self._from.date()), to_date(self._to.date())

    def _set_period(self, period: Period) -> None:
        self._from.setDate(to_qdate(period[0]))
        self._to.setDate(to_qdate(period[1]))

    def _show_message(self, text: str, error: bool) -> None:
        self._message.setText(text)
        set_style_properties(self._message, attention=error)

    def _set_busy(self, busy: bool) -> None:
        self._progress.setVisible(busy)
        self._save.setEnabled(not busy)

    def _amount(self, value: Decimal) -> str:
        return self.locale().toString(float(value), "f", 2)

    def _hours(self, value: Decimal | None) -> str:
        if value is None:
            return self.tr("none moved yet")
        return self.tr("{hours} h").format(hours=self.locale().toString(float(value), "f", 1))

    def _show_summary(self, result: ReportResult) -> None:
        lines = (
            self.tr("{start} to {end}: %n unit(s)", "", result.units),
            self.tr("Recovered value: {recovered}"),
            self.tr("Scrap loss: {scrap_loss}"),
            self.tr("Dock-to-stock: median {median}, 90th percentile {p90}"),
        )
        set_style_properties(self._summary, field="value")
        self._summary.setText(
            "\n".join(lines).format(
                start=result.period.start.isoformat(),
                end=result.period.end.isoformat(),
                recovered=self._amount(result.recovered),
                scrap_loss=self._amount(result.scrap_loss),
                median=self._hours(result.d2s_median),
                p90=self._hours(result.d2s_p90),
            )
        )

    # -- slots --------------------------------------------------------------------------------

    @Slot()
    def _on_save_clicked(self) -> None:
        start, end = self._period()
        try:
            report_period(start, end)
        except ReceivingError as error:
            self._open.hide()
            self._show_message(error_text(error), error=True)
            return
        file_format = ReportFormat(self._format.currentData())
        suggested = self._folder / suggested_name(start, end, file_format)
        path = self._choose_path(self, suggested, file_format)
        if path is None:
            return
        self._folder = path.parent
        self._open.hide()
        self._show_message(self.tr("Making the report for {file}…").format(file=path), error=False)
        self._set_busy(True)
        write = self._write_report
        job = ReportJob(lambda: write(start, end, file_format, path))
        job.signals.written.connect(self._on_job_written)
        job.signals.failed.connect(self._on_job_failed)
        self._pool.start(job)

    @Slot(object)
    def _on_job_written(self, result: ReportResult) -> None:
        self._set_busy(False)
        self._saved = result.path
        self._show_message(
            self.tr("Saved {file} (%n unit(s)).", "", result.units).format(file=result.path),
            error=False,
        )
        self._open.show()
        self._show_summary(result)

    @Slot(object)
    def _on_job_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if not isinstance(error, ReceivingError | StorageUnavailable):
            raise error
        self._show_message(error_text(error), error=True)

    @Slot()
    def _on_open_clicked(self) -> None:
        if self._saved is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._saved)))
