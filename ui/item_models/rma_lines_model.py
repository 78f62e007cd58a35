"""The expected RMA lines of the current parcel: expected versus received."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from typing_extensions import override

from receiving_app.outcomes import LineView
from ui.item_models import row_colours

_Index = QModelIndex | QPersistentModelIndex


class RMALinesModel(QAbstractTableModel):
    """Columns: SKU, product, expected, received, missing. Complete lines are green."""

    SKU, PRODUCT, EXPECTED, RECEIVED, MISSING = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[LineView, ...] = ()

    def set_lines(self, lines: tuple[LineView, ...]) -> None:
        self.beginResetModel()
        self._lines = tuple(lines)
        self.endResetModel()

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._lines)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    @override
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("SKU"), self.tr("Product"), self.tr("Expected"), self.tr("Received"),
                  self.tr("Missing"))
        return titles[section] if 0 <= section < len(titles) else None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (line.sku, line.product_name, line.expected, line.received, line.missing)
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return row_colours.COMPLETE if line.missing == 0 else row_colours.ATTENTION
        if role == Qt.ItemDataRole.ForegroundRole:
            return row_colours.TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.EXPECTED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.MISSING and line.missing:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and line.serials_sold:
            return self.tr("Serials sold: {serials}").format(
                serials=", ".join(line.serials_sold))
        return None
