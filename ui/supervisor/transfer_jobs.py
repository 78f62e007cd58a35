"""What the import and export boxes share: running a transfer on a worker thread, the file
choosers, and showing how it went."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QWidget,
)
from typing_extensions import override

from receiving_app.data_export.datasets import Dataset
from receiving_app.data_export.export import ExportResult
from receiving_app.data_export.writing import ExportFormat
from receiving_app.data_import import (
    ImportProgress,
    ImportResult,
)
from receiving_app.data_transfer import ExportRequest, ImportRequest
from receiving_app.errors import ReceivingError, StorageUnavailable
from ui.restyle import set_style_properties
from ui.station_kit import error_text


class OpenKind(StrEnum):
    """What the open dialog asks for: a file to import, or a mapping file."""

    TABLE = "table"
    MAPPING = "mapping"


OpenChooser = Callable[[QWidget, OpenKind], Path | None]
"""Asks for a file to read; None when the user cancelled."""

SaveChooser = Callable[[QWidget, Path, ExportFormat], Path | None]
"""Asks where to save, starting from a suggested file; None when the user cancelled."""

ImportRunner = Callable[
    [ImportRequest, Callable[[ImportProgress], None], Callable[[], bool]], ImportResult
]
"""Runs an import (with progress and cancel callbacks) on a worker thread."""

ExportRunner = Callable[[ExportRequest], ExportResult]
"""Writes an export on a worker thread."""


def ask_open_path(parent: QWidget, kind: OpenKind) -> Path | None:
    """The open dialog for a CSV or XLSX file, or for a JSON mapping file."""
    translate = QCoreApplication.translate
    if kind is OpenKind.MAPPING:
        caption = translate("DataTab", "Choose a mapping file")
        filters = translate("DataTab", "Mapping file (*.json)")
    else:
        caption = translate("DataTab", "Choose the file to import")
        filters = translate("DataTab", "CSV or Excel file (*.csv *.xlsx)")
    name, _filter = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return Path(name) if name else None


def ask_export_path(parent: QWidget, suggested: Path, file_format: ExportFormat) -> Path | None:
    """The save dialog, starting at ``suggested``; a name typed without extension gets one."""
    filters = {
        ExportFormat.CSV: QCoreApplication.translate("DataTab", "CSV file (*.csv)"),
        ExportFormat.XLSX: QCoreApplication.translate("DataTab", "Excel workbook (*.xlsx)"),
    }
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DataTab", "Save the export"),
        str(suggested),
        filters[file_format],
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_name(f"{path.name}.{file_format.value}")


def suggested_export_name(
    dataset: Dataset, start: datetime.date, end: datetime.date, file_format: ExportFormat
) -> str:
    return f"{dataset.value}-{start.isoformat()}-to-{end.isoformat()}.{file_format.value}"


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class TransferSignals(QObject):
    """What a transfer job tells the GUI thread (queued across threads).

    Signals:
        progressed(ImportProgress): a batch was checked or written.
        finished(object): the core's result.
        failed(Exception): the core refused; the error says why.
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object)


class TransferJob(QRunnable):
    """Runs one import or export on a pool thread; ``work`` gets the progress callback."""

    def __init__(self, work: Callable[[Callable[[ImportProgress], None]], object]) -> None:
        super().__init__()
        self.signals = TransferSignals()
        self._work = work

    @override
    def run(self) -> None:
        try:
            result = self._work(self.signals.progressed.emit)
        except Exception as error:  # noqa: BLE001 (handed to the GUI thread, which reports it)
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def show_message(label: QLabel, text: str, error: bool) -> None:
    label.setText(text)
    set_style_properties(label, attention=error)


def reported(error: Exception) -> str:
    """The text of a refusal of the core; anything else is a bug and goes to the excepthook."""
    if not isinstance(error, ReceivingError | StorageUnavailable):
        raise error
    return error_text(error)
