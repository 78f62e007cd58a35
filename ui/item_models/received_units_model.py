"""The units received into the current parcel, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from receiving_app.outcomes import UnitView
from ui.domain_words import word
from ui.item_models import row_colours

_Index = QModelIndex | QPersistentModelIndex


class ReceivedUnitsModel(QAbstractTableModel):
    """Columns: LPN, SKU, product, serial, match. Units that do not match are amber.

    Newest first, so the unit just scanned is always the top row without scrolling.
    """

    LPN, SKU, PRODUCT, SERIAL, MATCH = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: tuple[UnitView, ...] = ()

    def set_units(self, units: tuple[UnitView, ...]) -> None:
        self.beginResetModel()
        self._units = tuple(reversed(units))
        self.endResetModel()

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._units)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    @override
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("LPN"), self.tr("SKU"), self.tr("Product"), self.tr("Serial"),
                  self.tr("Match"))
        return titles[section] if 0 <= section < len(titles) else None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        unit = self._units[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (unit.lpn, unit.sku, unit.product_name, unit.serial or "",
                      word("match", unit.match))
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return row_colours.COMPLETE if unit.match == "matched" else row_colours.ATTENTION
        if role == Qt.ItemDataRole.ForegroundRole:
            return row_colours.TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Received at {time}").format(time=unit.received_at)
        return None
