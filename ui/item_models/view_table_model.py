"""A read-only table over a tuple of the core's frozen views: the part every table shares.

Subclasses name their column titles and say, per row, what to display, which background it
gets, and anything else a role needs (alignment, fonts, tooltips).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from ui.item_models import row_colours

Index = QModelIndex | QPersistentModelIndex


class ViewTableModel(QAbstractTableModel):
    """Rows are frozen dataclasses from the core; the model never queries anything itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[object, ...] = ()

    def _set_rows(self, rows: Sequence[object]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def _titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _display(self, row: object) -> tuple[object, ...]:
        raise NotImplementedError

    def _background(self, row: object) -> object:
        raise NotImplementedError

    def _other_role(self, row: object, column: int, role: int) -> object:
        """Roles beyond display, background and foreground; None when there is nothing to add."""
        return None

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles())

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self._titles()
        return titles[section] if 0 <= section < len(titles) else None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = self._display(row)
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return row_colours.TEXT
        return self._other_role(row, column, role)


RowT = TypeVar("RowT")


class KeyedTableModel(ViewTableModel, Generic[RowT]):
    """A table whose rows each have a key (an LPN, a batch number…), so a view can find the row it
    had selected again after the rows were read anew."""

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self._set_rows(rows)

    def row_at(self, row: int | None) -> RowT | None:
        """The row's view, or None for no row or one that is not there."""
        if row is None or not 0 <= row < len(self._rows):
            return None
        return cast(RowT, self._rows[row])

    def row_of(self, key: str) -> int | None:
        """The row with ``key``, or None when no row has it."""
        keys = [self.key_of(cast(RowT, row)) for row in self._rows]
        return keys.index(key) if key in keys else None

    def key_of(self, row: RowT) -> str:
        raise NotImplementedError
