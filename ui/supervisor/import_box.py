"""The import box: vendors, products, orders and RMAs from a channel's CSV or XLSX export,
checked whole before anything is written, with progress and cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QThreadPool,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receiving_app.data_import import (
    ENTITIES,
    PRESETS,
    ColumnMapping,
    ImportProgress,
    ImportResult,
    choose_mapping,
)
from receiving_app.data_import.mappings import load_preset
from receiving_app.data_transfer import ImportRequest
from receiving_app.errors import ReceivingError
from ui.item_models.import_problems_model import ImportProblemsModel
from ui.station_kit import error_text
from ui.supervisor.transfer_jobs import (
    ImportRunner,
    OpenChooser,
    OpenKind,
    TransferJob,
    open_file,
    reported,
    show_message,
)

PROGRESS_STEPS = 1000
"""The import bar's resolution (bytes read are scaled to it)."""


class ImportBox(QGroupBox):
    """Kind, layout, channel, file, valid rows only; import and cancel; progress; the outcome."""

    def __init__(self, run_import: ImportRunner, choose: OpenChooser, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("importBox")
        self._run_import = run_import
        self._choose = choose
        self._cancel_flag = threading.Event()
        self._rejected_file: Path | None = None
        self._last_mapping = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._labels: dict[str, QLabel] = {}
        self._kind = self._combo("importKind", ENTITIES)
        self._kind.currentIndexChanged.connect(self._on_kind_changed)
        self._mapping = self._combo("importMapping", (*PRESETS, ""))
        self._mapping.activated.connect(self._on_mapping_activated)
        self._channel = QLineEdit(self)
        self._channel.setObjectName("importChannel")
        self._channel.setMinimumWidth(240)
        self._file = QLineEdit(self)
        self._file.setObjectName("importFile")
        self._file.setReadOnly(True)
        self._choose_file = self._button("chooseImportFile", self._on_choose_file_clicked)
        self._valid_only = QCheckBox(self)
        self._valid_only.setObjectName("importValidOnly")
        self._import = self._button("importButton", self._on_import_clicked)
        self._cancel = self._button("cancelImportButton", self._on_cancel_clicked)
        self._cancel.setEnabled(False)
        self._progress = QProgressBar(self)
        self._progress.setObjectName("importProgress")
        self._progress.hide()
        self._summary = self._label("importSummary")
        self._more = self._label("importMore")
        self._rejected = self._label("importRejected")
        self._open_rejected = self._button("openRejectedButton", self._on_open_rejected_clicked)
        self._clear_outcome()
        self._problems = ImportProblemsModel(self)
        self._table = self._problems_view()
        self._lay_out()
        self._on_kind_changed()

    # -- building -----------------------------------------------------------------------------

    def _combo(self, name: str, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value in values:
            combo.addItem("", value)
        return combo

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _caption(self, key: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(self)
        if buddy is not None:
            label.setBuddy(buddy)
        self._labels[key] = label
        return label

    def _problems_view(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("importProblems")
        table.setModel(self._problems)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ImportProblemsModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        what = QHBoxLayout()
        what.addWidget(self._kind)
        hint = self._caption("hint")
        hint.setObjectName("importOrderHint")
        what.addWidget(hint, 1)
        layout_row = QHBoxLayout()
        layout_row.addWidget(self._mapping)
        layout_row.addWidget(self._caption("channel", self._channel))
        layout_row.addWidget(self._channel)
        layout_row.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self._file, 1)
        file_row.addWidget(self._choose_file)
        form = QFormLayout()
        form.addRow(self._caption("kind", self._kind), what)
        form.addRow(self._caption("mapping", self._mapping), layout_row)
        form.addRow(self._caption("file", self._choose_file), file_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self._valid_only)
        buttons.addStretch(1)
        buttons.addWidget(self._import)
        buttons.addWidget(self._cancel)
        rejected = QHBoxLayout()
        rejected.addWidget(self._rejected, 1)
        rejected.addWidget(self._open_rejected)
        inside = QVBoxLayout(self)
        for part in (form, buttons):
            inside.addLayout(part)
        for widget in (self._progress, self._summary):
            inside.addWidget(widget)
        inside.addWidget(self._table, 1)
        inside.addWidget(self._more)
        inside.addLayout(rejected)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import"))
        kinds = {
            "vendors": self.tr("Vendors"),
            "products": self.tr("Products"),
            "orders": self.tr("Orders"),
            "rmas": self.tr("RMAs"),
        }
        for index in range(self._kind.count()):
            self._kind.setItemText(index, kinds[self._kind.itemData(index)])
        presets = {
            "generic": self.tr("Generic (our column names)"),
            "taobao": self.tr("Taobao export"),
            "jd": self.tr("JD export"),
        }
        for index, name in enumerate(PRESETS):
            self._mapping.setItemText(index, presets[name])
        self._mapping.setItemText(self._mapping.count() - 1, self.tr("Mapping file…"))
        texts = {
            "hint": self.tr("Import in this order: vendors, products, orders, then RMAs."),
            "kind": self.tr("&What"),
            "mapping": self.tr("&Layout"),
            "channel": self.tr("&Channel"),
            "file": self.tr("&File"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self._channel.setPlaceholderText(self.tr("from the file or the layout"))
        self._file.setPlaceholderText(self.tr("no file chosen"))
        self._choose_file.setText(self.tr("C&hoose…"))
        self._valid_only.setText(
            self.tr("Import the valid rows only (the rejected ones go to a file for fixing)")
        )
        self._import.setText(self.tr("&Import"))
        self._cancel.setText(self.tr("Cancel import"))
        self._open_rejected.setText(self.tr("Open rejected rows"))

    # -- reading the form ---------------------------------------------------------------------

    def _entity(self) -> str:
        return str(self._kind.currentData())

    def _mapping_choice(self) -> ColumnMapping:
        """The chosen preset, or the mapping file read now.

        Raises:
            InvalidInput: the mapping file cannot be read or is wrong.
        """
        value = str(self._mapping.currentData())
        if value in PRESETS:
            return load_preset(value)
        return choose_mapping(Path(value), None)

    def _request(self) -> ImportRequest:
        channel = self._channel.text().strip().lower() if self._channel.isEnabled() else ""
        return ImportRequest(
            self._entity(),
            Path(self._file.text()),
            self._mapping_choice(),
            channel=channel or None,
            valid_only=self._valid_only.isChecked(),
        )

    # -- showing ------------------------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        for widget in (self._import, self._choose_file, self._kind, self._mapping):
            widget.setEnabled(not running)
        self._cancel.setEnabled(running)
        self._progress.setVisible(running)

    def _clear_outcome(self) -> None:
        for widget in (self._more, self._rejected, self._open_rejected):
            widget.hide()
        self._rejected_file = None

    def _summary_text(self, result: ImportResult) -> str:
        if result.refused:
            return self.tr(
                "Nothing was written: %n problem(s) in the file. Fix them and import again, or "
                "import the valid rows only.",
                "",
                result.problem_count,
            )
        if result.cancelled:
            return self.tr("Import cancelled: nothing was written.")
        text = self.tr(
            "{rows} rows: {inserted} inserted, {updated} updated, {unchanged} unchanged, "
            "{rejected} rejected, in {seconds} s ({rate} rows/s)."
        ).format(
            rows=result.rows,
            inserted=result.inserted,
            updated=result.updated,
            unchanged=result.unchanged,
            rejected=result.rejected,
            seconds=self.locale().toString(result.seconds, "f", 1),
            rate=self.locale().toString(result.rows_per_second, "f", 0),
        )
        if result.created:
            counts = ", ".join(f"{name} {count}" for name, count in result.created.items())
            text += " " + self.tr("Also created: {counts}.").format(counts=counts)
        return text

    def _show_result(self, result: ImportResult) -> None:
        failed = result.refused or result.cancelled
        show_message(self._summary, self._summary_text(result), error=failed)
        self._problems.set_problems(result.problems)
        hidden = result.problem_count - len(result.problems)
        if hidden > 0:
            self._more.setText(self.tr("… and %n more problem(s), not shown.", "", hidden))
            self._more.show()
        self._rejected_file = result.rejected_file
        if result.rejected_file is not None:
            self._rejected.setText(
                self.tr("The rejected rows were written to {file}.").format(
                    file=result.rejected_file
                )
            )
            self._rejected.show()
            self._open_rejected.show()

    # -- slots --------------------------------------------------------------------------------

    @Slot()
    def _on_kind_changed(self) -> None:
        self._channel.setEnabled(self._entity() == "orders")

    @Slot(int)
    def _on_mapping_activated(self, index: int) -> None:
        if index != self._mapping.count() - 1:
            self._last_mapping = index
            return
        path = self._choose(self, OpenKind.MAPPING)
        if path is None:
            self._mapping.setCurrentIndex(self._last_mapping)
            return
        self._mapping.insertItem(index, path.name, str(path))
        self._mapping.setCurrentIndex(index)
        self._last_mapping = index

    @Slot()
    def _on_choose_file_clicked(self) -> None:
        path = self._choose(self, OpenKind.TABLE)
        if path is not None:
            self._file.setText(str(path))

    @Slot()
    def _on_import_clicked(self) -> None:
        self._clear_outcome()
        self._problems.set_problems(())
        if not self._file.text():
            show_message(self._summary, self.tr("Choose the file to import first."), error=True)
            return
        try:
            request = self._request()
        except ReceivingError as error:
            show_message(self._summary, error_text(error), error=True)
            return
        self._start(request)

    def _start(self, request: ImportRequest) -> None:
        self._cancel_flag = threading.Event()
        should_cancel, run = self._cancel_flag.is_set, self._run_import
        show_message(
            self._summary, self.tr("Checking {file}…").format(file=request.path), error=False
        )
        self._progress.setRange(0, 0)
        self._set_running(True)
        job = TransferJob(lambda progress: run(request, progress, should_cancel))
        job.signals.progressed.connect(self._on_progressed)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._pool.start(job)

    @Slot()
    def cancel_running(self) -> None:
        """Ask a running import to stop at its next batch; it rolls back."""
        self._cancel_flag.set()

    def _on_cancel_clicked(self) -> None:
        self._cancel_flag.set()
        self._cancel.setEnabled(False)
        show_message(self._summary, self.tr("Cancelling…"), error=False)

    @Slot(object)
    def _on_progressed(self, progress: ImportProgress) -> None:
        phase = self.tr("Checking") if progress.phase == "checking" else self.tr("Writing")
        self._progress.setFormat(
            self.tr("{phase}: %p% ({rows} rows)").format(phase=phase, rows=progress.rows)
        )
        if progress.total_bytes <= 0:
            self._progress.setRange(0, 0)
        else:
            self._progress.setRange(0, PROGRESS_STEPS)
            share = min(progress.bytes_read / progress.total_bytes, 1.0)
            self._progress.setValue(round(share * PROGRESS_STEPS))

    @Slot(object)
    def _on_finished(self, result: ImportResult) -> None:
        self._set_running(False)
        self._show_result(result)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self._set_running(False)
        show_message(self._summary, reported(error), error=True)

    @Slot()
    def _on_open_rejected_clicked(self) -> None:
        if self._rejected_file is not None:
            open_file(self._rejected_file)
