"""What an import found wrong: one ``RowProblem`` per row and column, with marked text (no Qt).

Messages are marked in the ``Import`` context with named ``{params}``; the edge (CLI or GUI)
translates them. Row 1 is the header line of a CSV file (or the first row of a sheet), so a
row number is the one a spreadsheet shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

IMPORT = "Import"

# File-level problems (row 0).
NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "Import", "not a CSV or XLSX file ({detail}): export the data again as CSV or XLSX"
)
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP(
    "Import", "the text is neither UTF-8 nor GB18030/GBK: save the file as UTF-8 CSV"
)
EMPTY_FILE = QT_TRANSLATE_NOOP("Import", "the file has no header line")
MISSING_COLUMN = QT_TRANSLATE_NOOP(
    "Import", "the required column {column} is missing (expected for {field})"
)
# Row-level problems.
FIELD_TOO_LONG = QT_TRANSLATE_NOOP(
    "Import", "a field longer than {limit} characters (is the file truncated or a quote missing?)"
)
BROKEN_ROW = QT_TRANSLATE_NOOP("Import", "the row cannot be read ({detail})")
BINARY = QT_TRANSLATE_NOOP("Import", "the row holds control characters: is this a text file?")
EXTRA_CELLS = QT_TRANSLATE_NOOP("Import", "the row has {count} cells but the header has {expected}")
REQUIRED = QT_TRANSLATE_NOOP("Import", "a value is required")
TOO_LONG = QT_TRANSLATE_NOOP("Import", "at most {limit} characters expected")
NOT_WHOLE = QT_TRANSLATE_NOOP("Import", "a whole number is expected")
NEGATIVE = QT_TRANSLATE_NOOP("Import", "a number of 0 or more is expected")
NOT_POSITIVE = QT_TRANSLATE_NOOP("Import", "a number of 1 or more is expected")
NOT_AMOUNT = QT_TRANSLATE_NOOP("Import", "an amount such as 12.50 is expected")
NOT_DATE = QT_TRANSLATE_NOOP("Import", "a date as {format} is expected")
NOT_BOOL = QT_TRANSLATE_NOOP("Import", "yes or no (1/0, true/false, 是/否) is expected")
BAD_GTIN = QT_TRANSLATE_NOOP(
    "Import", "a GTIN of 8, 12, 13 or 14 digits with a correct check digit is expected"
)
NOT_ONE_OF = QT_TRANSLATE_NOOP("Import", "one of {choices} is expected")
DUPLICATE = QT_TRANSLATE_NOOP("Import", "a duplicate of row {first}")
DUPLICATE_LINE = QT_TRANSLATE_NOOP(
    "Import", "order {order} line {line} is already on row {first} (duplicate order line)"
)
ORDER_SPLIT = QT_TRANSLATE_NOOP(
    "Import", "order {key} already began on row {first}: keep an order's rows together"
)
RMA_SPLIT = QT_TRANSLATE_NOOP(
    "Import", "RMA {key} already began on row {first}: keep an RMA's rows together"
)
HEADER_DIFFERS = QT_TRANSLATE_NOOP(
    "Import", "differs from row {first} of the same order ({expected})"
)
UNKNOWN_SKU = QT_TRANSLATE_NOOP("Import", "unknown SKU: import the products first")
UNKNOWN_VENDOR = QT_TRANSLATE_NOOP("Import", "unknown vendor code: import the vendors first")
UNKNOWN_ORDER = QT_TRANSLATE_NOOP("Import", "unknown order: import the orders first")
UNKNOWN_ORDER_LINE = QT_TRANSLATE_NOOP("Import", "the order has no such line")
GTIN_TAKEN = QT_TRANSLATE_NOOP("Import", "the GTIN already belongs to product {sku}")
TOO_MANY = QT_TRANSLATE_NOOP("Import", "more than the {ordered} ordered")
NEED_LINE_OR_SKU = QT_TRANSLATE_NOOP("Import", "the order line's number or SKU is expected")
AMBIGUOUS_SKU = QT_TRANSLATE_NOOP(
    "Import", "the order has this SKU on several lines: give the line number"
)


@dataclass(frozen=True)
class RowProblem:
    """One problem: ``row`` 0 means the whole file; ``column`` is the file's column name."""

    row: int
    column: str
    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    value: str = ""

    def text(self, tr: TranslateFn) -> str:
        """The message, translated and filled."""
        return tr(IMPORT, self.message).format(**self.params)


class FileProblem(Exception):
    """The file as a whole cannot be read; carries the problems (row 0 or 1) to report."""

    def __init__(self, problem: RowProblem, *more: RowProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem
        self.problems = (problem, *more)
