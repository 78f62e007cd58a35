"""What the supervisor's desk's queue tabs share: how a waiting time reads, the read-only queue
table and its kept selection, the title with its count, the message line, and ``QueueTab``, the
base of the tabs that work through one queue entry at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from ui.item_models.view_table_model import KeyedTableModel, ViewTableModel
from ui.restyle import set_style_properties
from ui.station_kit import error_text
from ui.supervisor.desk_tab import DeskTab

EntryT = TypeVar("EntryT")


def age_text(hours: float) -> str:
    """A waiting time as the desk shows it: hours up to two days, then days and hours."""
    if hours < 48:
        return QCoreApplication.translate("DeskTab", "{hours} h").format(hours=int(hours))
    whole = int(hours)
    return QCoreApplication.translate("DeskTab", "{days} d {hours} h").format(
        days=whole // 24, hours=whole % 24
    )


def queue_table(parent: QWidget, name: str, model: ViewTableModel) -> QTableView:
    """A read-only table of one queue: whole rows, one at a time, columns fitted, the last one
    stretched."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def select_row(table: QTableView, row: int) -> None:
    """Select ``row`` (clamped to the rows there are), or nothing when there are none."""
    count = table.model().rowCount()
    if count == 0:
        table.clearSelection()
        return
    index = table.model().index(min(max(row, 0), count - 1), 0)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(index, flags)


def show_title(tab: DeskTab) -> None:
    """Put the tab's title (with its count) on its tab, once it sits in a tab widget."""
    stack = tab.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    if isinstance(tabs, QTabWidget):
        tabs.setTabText(tabs.indexOf(tab), tab.title())


def say(label: QLabel, text: str, level: str) -> None:
    """Show ``text`` in a message label, coloured by its ``outcome`` ("ok" or "error")."""
    label.setText(text)
    set_style_properties(label, outcome=level)


class QueueTab(DeskTab, Generic[EntryT]):
    """A tab over one of the core's queues: the queue's table, a message line, a refresh that
    keeps the selected entry selected while it waits, and resolving the selected entry.

    Subclasses read the queue (``_read``), lay out the table, their form and the message, enable
    what the selected entry allows (``_enable_actions``) and clear their form once an entry is
    resolved (``_clear_form``).
    """

    def __init__(
        self,
        model_type: type[KeyedTableModel[EntryT]],
        table_name: str,
        message_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model_type(self)
        self._table = queue_table(self, table_name, self._model)
        self._table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._message = QLabel(self)
        self._message.setObjectName(message_name)
        self._message.setWordWrap(True)

    def _read(self) -> Sequence[EntryT]:
        raise NotImplementedError

    def _enable_actions(self) -> None:
        raise NotImplementedError

    def _clear_form(self) -> None:
        raise NotImplementedError

    @override
    def _retranslate(self) -> None:
        """The table's headers and the tab's title in the current language; subclasses add
        their own texts."""
        self._model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self._model.columnCount() - 1
        )
        show_title(self)

    @override
    def refresh(self) -> None:
        """Read the queue again, keeping the selected entry selected while it waits."""
        row = selected_row(self._table)
        chosen = self._model.row_at(row)
        self._load(row, None if chosen is None else self._model.key_of(chosen))

    def _load(self, fallback: int | None, keep: str | None) -> None:
        """Read the queue; select the entry with key ``keep`` when it is still there, else the
        row ``fallback`` (the first row when there is none)."""
        try:
            entries = self._read()
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        self._model.set_rows(entries)
        kept = None if keep is None else self._model.row_of(keep)
        select_row(self._table, kept if kept is not None else fallback or 0)
        self._enable_actions()
        show_title(self)

    def _selected(self) -> EntryT | None:
        return self._model.row_at(selected_row(self._table))

    def _resolve_selected(self, resolve: Callable[[EntryT], str]) -> None:
        """Resolve the selected entry through the core with ``resolve``, which returns what to
        say; then the form is cleared and the next entry is selected."""
        row = selected_row(self._table)
        chosen = self._model.row_at(row)
        if chosen is None:
            return
        try:
            done = resolve(chosen)
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        say(self._message, done, "ok")
        self._clear_form()
        self._load(row, None)

    @Slot()
    def _on_selection_changed(self) -> None:
        self._enable_actions()
