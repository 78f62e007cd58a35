"""Running one import: validate the whole file, then write it in one transaction (no Qt).

Pass 1 streams the file, parses every row, checks it against the database a batch at a time and
records the keys that must be unique (in a temporary file, see ``ledger``). A file with any
problem changes nothing, unless ``valid_only``: then its valid rows are written and the rejected
rows go to a CSV file with a ``problems`` column, for fixing and importing again.

Pass 2 streams the file again and writes it inside ONE write transaction: all or nothing. An
unchanged row is skipped, a new one inserted in bulk, a changed one updated with one audit
record each (before and after). The inserts are summed up in one audit record per import
(counts and the file's SHA-256). Cancelling (``should_cancel`` returns True, checked between
batches) rolls everything back.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.transactions import write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.data_import import problems as p
from receiving_app.data_import.entity import Entity, Parsed, WriteState
from receiving_app.data_import.ledger import KeyLedger
from receiving_app.data_import.mappings import FIELDS, ColumnMapping, EntityMapping
from receiving_app.data_import.orders import OrderEntity
from receiving_app.data_import.problems import FileProblem, RowProblem
from receiving_app.data_import.products import ProductEntity
from receiving_app.data_import.rmas import RMAEntity
from receiving_app.data_import.sources import SourceRow, TableSource, open_table
from receiving_app.data_import.values import RowReader
from receiving_app.data_import.vendors import VendorEntity
from receiving_app.files import write_whole
from receiving_app.i18n import identity_translate

if TYPE_CHECKING:
    from peewee import Database

BATCH_ROWS = 5000
"""Rows parsed, checked and written together (one look-up query per batch and table)."""
KEPT_PROBLEMS = 10_000
"""Problems kept for showing; the rest are only counted."""


@dataclass(frozen=True)
class ImportProgress:
    """Where an import is: ``phase`` is ``"checking"`` (pass 1) or ``"writing"`` (pass 2)."""

    phase: str
    rows: int
    bytes_read: int
    total_bytes: int


@dataclass(frozen=True)
class ImportResult:
    """What an import did; ``refused``: nothing was written because of ``problems``."""

    entity: str
    file: Path
    rows: int
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    problems: tuple[RowProblem, ...]
    problem_count: int
    seconds: float
    refused: bool = False
    cancelled: bool = False
    rejected_file: Path | None = None
    created: Mapping[str, int] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


class ImportCancelled(Exception):
    """Raised between batches when the user cancels; the transaction rolls back."""


class _Problems:
    """Every problem found: the first ``KEPT_PROBLEMS`` kept, all counted, rows rejected."""

    def __init__(self) -> None:
        self.kept: list[RowProblem] = []
        self.count = 0
        self.by_row: dict[int, list[RowProblem]] = {}

    def add(self, problem: RowProblem) -> None:
        self.count += 1
        if len(self.kept) < KEPT_PROBLEMS:
            self.kept.append(problem)
        self.by_row.setdefault(problem.row, []).append(problem)


def make_entity(entity: str, mapping: EntityMapping) -> Entity[Any]:
    """A fresh entity (with no state from an earlier pass) for ``entity``."""
    columns = {name: mapping.columns.get(name, name) for name in FIELDS[entity]}
    if entity == "vendors":
        return VendorEntity(columns["code"])
    if entity == "products":
        return ProductEntity(columns)
    if entity == "orders":
        return OrderEntity(columns)
    return RMAEntity(columns)


def missing_columns(header: list[str], mapping: EntityMapping, entity: str) -> list[RowProblem]:
    """Required fields that neither a column of the file nor a constant provides."""
    present = set(header)
    return [
        RowProblem(
            1,
            mapping.columns.get(name, name),
            p.MISSING_COLUMN,
            {"column": mapping.columns.get(name, name), "field": name},
        )
        for name, required in FIELDS[entity].items()
        if required
        and name not in mapping.constants
        and mapping.columns.get(name, name) not in present
    ]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def run_import(
    database: Database,
    entity: str,
    path: Path,
    mapping: ColumnMapping,
    actor: Actor,
    now: datetime.datetime,
    *,
    channel: str | None = None,
    valid_only: bool = False,
    rejected_path: Path | None = None,
    sheet: str | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import ``path`` as ``entity`` (vendors, products, orders or rmas); see the module doc.

    ``progress`` is called after every batch of each pass; ``should_cancel`` is asked as often.

    Raises:
        InvalidInput: the mapping has no layout for ``entity``, or the rejected rows' file
            cannot be written.
        StorageUnavailable: the database cannot be written now.
    """
    started = time.monotonic()
    entity_mapping = mapping.for_entity(entity, channel)
    found = _Problems()
    run = _Run(entity, path, entity_mapping, sheet, progress, should_cancel)

    def result(**changes: Any) -> ImportResult:
        values: dict[str, Any] = {
            "entity": entity,
            "file": path,
            "rows": run.rows,
            "inserted": 0,
            "updated": 0,
            "unchanged": 0,
            "rejected": len(found.by_row),
            "problems": tuple(sorted(found.kept, key=lambda x: (x.row, x.column))),
            "problem_count": found.count,
            "seconds": time.monotonic() - started,
        }
        values.update(changes)
        return ImportResult(**values)

    try:
        run.validate(found)
    except FileProblem as exc:
        for problem in exc.problems:
            found.add(problem)
        return result(refused=True)
    except ImportCancelled:
        return result(cancelled=True)
    if found.count and (not valid_only or 0 in found.by_row or 1 in found.by_row):
        return result(refused=True)
    digest = file_sha256(path)
    rejected_rows: list[SourceRow] = []
    state = WriteState(database, actor, now)
    try:
        with write_transaction(database):
            run.write(state, set(found.by_row), rejected_rows)
            if state.inserted or state.updated or state.created:
                counts = {
                    "inserted": state.inserted,
                    "updated": state.updated,
                    "unchanged": state.unchanged,
                    "rejected": len(found.by_row),
                    **state.created,
                }
                details = {"file": path.name, "sha256": digest, **counts}
                append_audit(actor, now, "import", "import", entity, None, details)
    except FileProblem as exc:  # the file changed between the passes: nothing was written
        for problem in exc.problems:
            found.add(problem)
        return result(refused=True)
    except ImportCancelled:
        return result(cancelled=True)
    target = None
    if rejected_rows:
        target = rejected_path or path.with_name(f"{path.stem}.rejected.csv")
        write_rejected(target, run.header, rejected_rows, found.by_row)
    return result(
        inserted=state.inserted,
        updated=state.updated,
        unchanged=state.unchanged,
        rejected_file=target,
        created=dict(state.created),
    )


class _Run:
    """The two passes over one file."""

    def __init__(
        self,
        entity: str,
        path: Path,
        mapping: EntityMapping,
        sheet: str | None,
        progress: Callable[[ImportProgress], None] | None,
        should_cancel: Callable[[], bool] | None,
    ) -> None:
        self.entity, self.path, self.mapping, self.sheet = entity, path, mapping, sheet
        self._progress, self._should_cancel = progress, should_cancel
        self.rows = 0
        self.header: list[str] = []

    def _batches(self, phase: str) -> Iterator[tuple[Entity[Any], list[tuple[SourceRow, Any]]]]:
        """(entity, [(row, record or None)]) a batch at a time; progress and cancel between."""
        source: TableSource = open_table(self.path, self.sheet)
        try:
            self.header = source.header
            missing = missing_columns(source.header, self.mapping, self.entity)
            if missing:
                raise FileProblem(*missing)
            entity = make_entity(self.entity, self.mapping)
            batch: list[tuple[SourceRow, Any]] = []
            rows = 0
            for row in source.rows():
                reader = RowReader(row, self.mapping)
                record = entity.parse(reader)
                row.problems = reader.problems
                batch.append((row, record))
                rows += 1
                if len(batch) >= BATCH_ROWS:
                    yield entity, batch
                    batch = []
                    self._between(phase, rows, source)
            if batch:
                yield entity, batch
            self.rows = rows
            self._between(phase, rows, source)
        finally:
            source.close()

    def _between(self, phase: str, rows: int, source: TableSource) -> None:
        if self._progress is not None:
            self._progress(ImportProgress(phase, rows, source.bytes_read, source.size))
        if self._should_cancel is not None and self._should_cancel():
            raise ImportCancelled

    def validate(self, found: _Problems) -> None:
        ledger = KeyLedger()
        try:
            for entity, batch in self._batches("checking"):
                parsed = []
                for row, record in batch:
                    for problem in row.problems:
                        found.add(problem)
                    if record is not None:
                        parsed.append(Parsed(row.number, record))
                for problem in entity.check(parsed):
                    found.add(problem)
                ledger.add((item.row, key) for item in parsed for key in entity.keys(item.record))
            for problem in ledger.duplicates():
                found.add(problem)
        finally:
            ledger.close()

    def write(self, state: WriteState, rejected: set[int], rejected_rows: list[SourceRow]) -> None:
        for entity, batch in self._batches("writing"):
            records = []
            for row, record in batch:
                if row.number in rejected:
                    rejected_rows.append(row)
                else:
                    records.append(record)
            entity.write(records, state)


def write_rejected(
    target: Path,
    header: list[str],
    rows: list[SourceRow],
    problems: Mapping[int, list[RowProblem]],
) -> None:
    """The rejected rows with their original cells and a ``problems`` column (UTF-8 with BOM,
    so that spreadsheet programs show Chinese text right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*header, "row", "problems"])
    for row in rows:
        notes = "; ".join(
            f"{x.column}: {x.text(identity_translate)}" if x.column else x.text(identity_translate)
            for x in problems.get(row.number, [])
        )
        writer.writerow([*(row.cells.get(name, "") for name in header), row.number, notes])
    write_whole(target, buffer.getvalue().encode("utf-8-sig"))
