"""The expected RMA lines of the current parcel: expected versus received."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from typing_extensions import override

from receiving_app.outcomes import LineView
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel


class RMALinesModel(ViewTableModel):
    """Columns: SKU, product, expected, received, missing. Complete lines are green."""

    SKU, PRODUCT, EXPECTED, RECEIVED, MISSING = range(5)

    def set_lines(self, lines: tuple[LineView, ...]) -> None:
        self._set_rows(lines)

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("SKU"),
            self.tr("Product"),
            self.tr("Expected"),
            self.tr("Received"),
            self.tr("Missing"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        line = cast(LineView, row)
        return (line.sku, line.product_name, line.expected, line.received, line.missing)

    @override
    def _background(self, row: object) -> object:
        complete = cast(LineView, row).missing == 0
        return row_colours.COMPLETE if complete else row_colours.ATTENTION

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        line = cast(LineView, row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.EXPECTED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.MISSING and line.missing:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and line.serials_sold:
            return self.tr("Serials sold: {serials}").format(serials=", ".join(line.serials_sold))
        return None
