"""The problems an import found: the row and column of the file, what is wrong, the value."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from typing_extensions import override

from receiving_app.data_import import RowProblem
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel
from ui.scan_feedback import qt_translate


class ImportProblemsModel(ViewTableModel):
    """Columns: row (as a spreadsheet numbers it; "file" for the whole file), column, problem
    (translated), value. Every row is tinted: each one keeps its row out of the database."""

    ROW, COLUMN, PROBLEM, VALUE = range(4)

    def set_problems(self, problems: Sequence[RowProblem]) -> None:
        self._set_rows(problems)

    @override
    def _titles(self) -> tuple[str, ...]:
        return (self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Value"))

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        problem = cast(RowProblem, row)
        return (
            problem.row if problem.row else self.tr("file"),
            problem.column,
            problem.text(qt_translate),
            problem.value,
        )

    @override
    def _background(self, row: object) -> object:
        return row_colours.ATTENTION
