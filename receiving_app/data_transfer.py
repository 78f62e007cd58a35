"""Imports and exports run on a worker thread, each on that thread's own connection (no Qt).

The GUI's import and export tab hands these a request and gets the core's result back; the
database connection is opened for the call and closed after it, so a pool thread never keeps
(or shares) one.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.audit import Actor
from receiving_app.data_export.datasets import Dataset
from receiving_app.data_export.export import ExportResult, export_dataset
from receiving_app.data_export.writing import ExportFormat
from receiving_app.data_import import ColumnMapping, ImportProgress, ImportResult, run_import
from receiving_app.reports.period import report_period
from receiving_app.users import UserInfo

if TYPE_CHECKING:
    from peewee import Database


@dataclass(frozen=True)
class ImportRequest:
    """One file to import as ``entity`` with ``mapping``; see ``run_import`` for the rest."""

    entity: str
    path: Path
    mapping: ColumnMapping
    channel: str | None = None
    valid_only: bool = False


@dataclass(frozen=True)
class ExportRequest:
    """One dataset of the days ``start`` to ``end`` (both included) to write to ``path``."""

    dataset: Dataset
    start: datetime.date
    end: datetime.date
    path: Path
    file_format: ExportFormat
    include_personal: bool = False


def import_on_own_connection(
    database: Database,
    request: ImportRequest,
    actor: Actor,
    now: datetime.datetime,
    progress: Callable[[ImportProgress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    """``run_import`` of ``request`` on the calling thread's own connection.

    Raises:
        InvalidInput: the mapping has no layout for the entity, or the rejected rows' file
            cannot be written.
        StorageUnavailable: the database cannot be written now.
    """
    with database.connection_context():
        return run_import(
            database,
            request.entity,
            request.path,
            request.mapping,
            actor,
            now,
            channel=request.channel,
            valid_only=request.valid_only,
            progress=progress,
            should_cancel=should_cancel,
        )


def export_on_own_connection(
    database: Database, request: ExportRequest, user: UserInfo | None
) -> ExportResult:
    """``export_dataset`` of ``request`` on the calling thread's own connection.

    Raises:
        InvalidInput: the period is refused or the file cannot be written.
        PermissionDenied: personal data asked for without a ``user`` who may approve.
        StorageUnavailable: the database cannot be read.
    """
    period = report_period(request.start, request.end)
    with database.connection_context():
        return export_dataset(
            request.dataset,
            period,
            request.path,
            request.file_format,
            include_personal=request.include_personal,
            user=user,
        )


__all__ = [
    "ExportRequest",
    "ImportRequest",
    "export_on_own_connection",
    "import_on_own_connection",
]
