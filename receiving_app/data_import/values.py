"""Reading one row's fields as typed values, collecting a problem for each bad one (no Qt).

Every reader returns ``None`` when the field is absent (no column, no constant: an update then
keeps what is stored) or when it is bad (a ``RowProblem`` is recorded). ``ok`` says whether the
row had no problem at all.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from decimal import Decimal, InvalidOperation

from receiving_app.data_import import problems as p
from receiving_app.data_import.mappings import EntityMapping
from receiving_app.data_import.problems import RowProblem
from receiving_app.data_import.sources import SourceRow
from receiving_app.scanning.check_digits import is_valid_gs1_number

MAX_AMOUNT = Decimal("9999999999.99")
_TRUE = frozenset({"1", "true", "yes", "y", "是", "x"})
_FALSE = frozenset({"0", "false", "no", "n", "否", ""})


class RowReader:
    """The typed fields of one ``SourceRow`` under one ``EntityMapping``."""

    __slots__ = ("_cells", "_source", "mapping", "problems", "row")

    def __init__(self, row: SourceRow, mapping: EntityMapping) -> None:
        self.row = row
        self.mapping = mapping
        self.problems: list[RowProblem] = row.problems
        self._cells = row.cells
        self._source = mapping.source

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, column: str, message: str, value: str = "", **params: object) -> None:
        self.problems.append(RowProblem(self.row.number, column, message, params, value[:80]))

    def text(self, field: str, limit: int, required: bool = False) -> str | None:
        """The stripped text; None when the file has no such column (or it is bad)."""
        column, constant = self._source(field)
        if constant is not None:
            value = constant
        else:
            cell = self._cells.get(column)
            if cell is None:
                if required:
                    self.problem(column, p.REQUIRED)
                return None
            value = cell.strip()
        if not value and required:
            self.problem(column, p.REQUIRED)
            return None
        if len(value) > limit:
            self.problem(column, p.TOO_LONG, value, limit=limit)
            return None
        return value

    def whole(self, field: str, minimum: int = 0, required: bool = False) -> int | None:
        raw = self.text(field, 20, required)
        if not raw:
            return None
        column = self._column(field)
        try:
            number = int(Decimal(raw)) if raw.endswith(".0") else int(raw)
        except (ValueError, InvalidOperation):
            self.problem(column, p.NOT_WHOLE, raw)
            return None
        if number < minimum or number > 2**31 - 1:
            self.problem(column, p.NEGATIVE if minimum == 0 else p.NOT_POSITIVE, raw)
            return None
        return number

    def amount(self, field: str, required: bool = False) -> Decimal | None:
        raw = self.text(field, 30, required)
        if not raw:
            return None
        column = self._column(field)
        try:
            value = Decimal(self.mapping.amount_text(raw))
        except InvalidOperation:
            self.problem(column, p.NOT_AMOUNT, raw)
            return None
        exponent = value.as_tuple().exponent
        if not isinstance(exponent, int) or exponent < -2 or abs(value) > MAX_AMOUNT:
            self.problem(column, p.NOT_AMOUNT, raw)
            return None
        if value < 0:
            self.problem(column, p.NEGATIVE, raw)
            return None
        return value

    def moment(self, field: str, required: bool = False) -> datetime.datetime | None:
        raw = self.text(field, 40, required)
        if not raw:
            return None
        fmt = self.mapping.date_format
        try:
            if fmt == "iso":
                moment = datetime.datetime.fromisoformat(raw.replace("/", "-"))
                return moment.replace(tzinfo=None) if moment.tzinfo else moment
            return datetime.datetime.strptime(raw, fmt)
        except ValueError:
            shown = "YYYY-MM-DD HH:MM:SS" if fmt == "iso" else fmt
            self.problem(self._column(field), p.NOT_DATE, raw, format=shown)
            return None

    def day(self, field: str) -> datetime.date | None:
        raw = self.text(field, 40)
        if not raw:
            return None
        fmt = self.mapping.day_format
        try:
            if fmt == "iso":
                text = raw.replace("/", "-")
                return datetime.datetime.fromisoformat(text).date()
            return datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            shown = "YYYY-MM-DD" if fmt == "iso" else fmt
            self.problem(self._column(field), p.NOT_DATE, raw, format=shown)
            return None

    def flag(self, field: str) -> bool | None:
        raw = self.text(field, 10)
        if raw is None:
            return None
        lowered = raw.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        self.problem(self._column(field), p.NOT_BOOL, raw)
        return None

    def choice(self, field: str, choices: Collection[str], required: bool = False) -> str | None:
        raw = self.text(field, 32, required)
        if not raw:
            return None
        value = raw.lower()
        if value not in choices:
            self.problem(self._column(field), p.NOT_ONE_OF, raw, choices=", ".join(choices))
            return None
        return value

    def gtins(self, field: str) -> list[str] | None:
        """GTINs separated by "|" or spaces, each returned as GTIN-14 (as stored)."""
        raw = self.text(field, 200)
        if raw is None:
            return None
        found: list[str] = []
        for part in raw.replace("|", " ").split():
            if len(part) not in (8, 12, 13, 14) or not is_valid_gs1_number(part):
                self.problem(self._column(field), p.BAD_GTIN, part)
                return None
            found.append(part.zfill(14))
        return found

    def _column(self, field: str) -> str:
        return self._source(field)[0]
