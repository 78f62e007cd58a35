"""The units received into the current parcel, newest first."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from typing_extensions import override

from receiving_app.outcomes import UnitView
from ui.domain_words import word
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel


class ReceivedUnitsModel(ViewTableModel):
    """Columns: LPN, SKU, product, serial, match. Units that do not match are amber.

    Newest first, so the unit just scanned is always the top row without scrolling.
    """

    LPN, SKU, PRODUCT, SERIAL, MATCH = range(5)

    def set_units(self, units: tuple[UnitView, ...]) -> None:
        self._set_rows(tuple(reversed(units)))

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("LPN"),
            self.tr("SKU"),
            self.tr("Product"),
            self.tr("Serial"),
            self.tr("Match"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        unit = cast(UnitView, row)
        return (unit.lpn, unit.sku, unit.product_name, unit.serial or "", word("match", unit.match))

    @override
    def _background(self, row: object) -> object:
        matched = cast(UnitView, row).match == "matched"
        return row_colours.COMPLETE if matched else row_colours.ATTENTION

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Received at {time}").format(time=cast(UnitView, row).received_at)
        return None
