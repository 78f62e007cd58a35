"""Exporting one dataset of a period to a CSV or XLSX file (no Qt): what the CLI and GUI call.

The export only reads. Personal data (see :data:`~.datasets.PERSONAL_COLUMNS`) is left out
unless the caller asks for it **and** names a user who holds ``Permission.APPROVE`` (a
supervisor or an admin); asking without one is refused before anything is read or written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.models import database_proxy
from db.transactions import storage_errors
from receiving_app.data_export.datasets import Dataset, columns, dataset_rows
from receiving_app.data_export.writing import ExportFormat, write_export
from receiving_app.errors import PermissionDenied
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.reports.period import ReportPeriod
from receiving_app.users import Permission, UserInfo, require

PERSONAL_NEEDS_SUPERVISOR = QT_TRANSLATE_NOOP(
    "Error",
    "Customers' personal data is exported only for a supervisor: log in as one (on the command "
    "line: --user NAME), or export without it.",
)


@dataclass(frozen=True)
class ExportResult:
    """What was written: which rows, in which format, to which file."""

    dataset: Dataset
    period: ReportPeriod
    file_format: ExportFormat
    path: Path
    rows: int
    personal: bool


def export_dataset(
    dataset: Dataset,
    period: ReportPeriod,
    path: Path,
    file_format: ExportFormat,
    *,
    include_personal: bool = False,
    user: UserInfo | None = None,
) -> ExportResult:
    """Write ``dataset``'s rows of ``period`` to ``path`` (replaced whole, or left as it was).

    The database bound to the models is read (it must be connected), in one transaction so
    the chunks see one state of it on SQLite.

    Raises:
        PermissionDenied: ``include_personal`` without a ``user`` who may approve.
        InvalidInput: the file cannot be written.
        StorageUnavailable: the database cannot be read.
    """
    if include_personal:
        if user is None:
            raise PermissionDenied(PERSONAL_NEEDS_SUPERVISOR)
        require(user, Permission.APPROVE)
    with storage_errors(), database_proxy.atomic():
        rows = write_export(
            path,
            file_format,
            dataset.value,
            columns(dataset, include_personal),
            dataset_rows(dataset, period, include_personal),
        )
    return ExportResult(dataset, period, file_format, path, rows, include_personal)


__all__ = ["PERSONAL_NEEDS_SUPERVISOR", "ExportResult", "export_dataset"]
