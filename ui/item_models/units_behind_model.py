"""The units behind what was clicked on the dashboard's charts: one row per unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from typing_extensions import override

from receiving_app.supervisor.dashboard import UnitRow
from ui.domain_words import word
from ui.item_models.view_table_model import KeyedTableModel


class UnitsBehindModel(KeyedTableModel[UnitRow]):
    """Columns: LPN, SKU, product, state, grade, disposition, location, received."""

    def set_units(self, units: Sequence[UnitRow]) -> None:
        self._set_rows(units)

    def lpn_at(self, row: int) -> str:
        return cast(UnitRow, self._rows[row]).lpn

    @override
    def key_of(self, row: UnitRow) -> str:
        return row.lpn

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("LPN"),
            self.tr("SKU"),
            self.tr("Product"),
            self.tr("State"),
            self.tr("Grade"),
            self.tr("Disposition"),
            self.tr("Location"),
            self.tr("Received"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        unit = cast(UnitRow, row)
        return (
            unit.lpn,
            unit.sku,
            unit.product_name,
            word("state", unit.state),
            unit.grade or "",
            word("route", unit.disposition),
            unit.location or "",
            f"{unit.received_at:%m-%d %H:%M}",
        )

    @override
    def _background(self, row: object) -> object:
        return None
