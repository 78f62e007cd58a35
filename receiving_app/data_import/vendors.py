"""Importing vendors: code, name, whether they take returns and within how many days (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from peewee import Field

from db.models import Vendor
from receiving_app.data_import.entity import Parsed, UniqueKey, WriteState, chunked
from receiving_app.data_import.problems import RowProblem
from receiving_app.data_import.values import RowReader


@dataclass(frozen=True)
class VendorRecord:
    code: str
    name: str
    accepts_returns: bool | None
    return_window_days: int | None


class VendorEntity:
    name = "vendors"

    def __init__(self, column_of_code: str) -> None:
        self._code_column = column_of_code

    def parse(self, reader: RowReader) -> VendorRecord | None:
        record = VendorRecord(
            code=(reader.text("code", 32, required=True) or "").upper(),
            name=reader.text("name", 120, required=True) or "",
            accepts_returns=reader.flag("accepts_returns"),
            return_window_days=reader.whole("return_window_days"),
        )
        return record if reader.ok else None

    def keys(self, record: VendorRecord) -> Sequence[UniqueKey]:
        return (UniqueKey("vendor", record.code, self._code_column),)

    def check(self, batch: Sequence[Parsed[VendorRecord]]) -> list[RowProblem]:
        return []

    def write(self, batch: Sequence[VendorRecord], state: WriteState) -> None:
        stored: dict[str, Vendor] = {}
        for codes in chunked({record.code for record in batch}):
            stored.update((v.code, v) for v in Vendor.select().where(Vendor.code.in_(codes)))
        fields: list[Field] = [
            Vendor.code,
            Vendor.name,
            Vendor.accepts_returns,
            Vendor.return_window_days,
        ]
        new = []
        for record in batch:
            vendor = stored.get(record.code)
            if vendor is None:
                new.append(
                    (
                        record.code,
                        record.name,
                        bool(record.accepts_returns),
                        record.return_window_days or 0,
                    )
                )
                continue
            after = {key: value for key, value in asdict(record).items() if value is not None}
            before = {key: getattr(vendor, key) for key in after}
            if before == after:
                state.unchanged += 1
                continue
            Vendor.update(**after).where(Vendor.id == vendor.id).execute()
            state.audit_update("vendor", vendor.id, before, after)
            state.updated += 1
        state.inserted += state.insert(Vendor, fields, new)
