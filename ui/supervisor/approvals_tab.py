"""The approvals tab of the supervisor's desk: customer outcomes, grade and route overrides
waiting for a decision, oldest first; approve (note optional) or reject (note required).

Every decision is a core call, audited there. The tab also holds what the desk's three queue
tabs share: how a waiting time reads, the title with its count, and the kept selection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from receiving_app.supervisor.approvals import CUSTOMER_OUTCOME, ApprovalItem
from receiving_app.supervisor.override_queue import ROUTE_OVERRIDE
from receiving_app.supervisor.service import SupervisorDesk
from ui.domain_words import word
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel
from ui.restyle import set_style_properties
from ui.station_kit import error_text
from ui.supervisor.desk_tab import DeskTab

# -- shared by the desk's queue tabs ---------------------------------------------------------


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


# -- the approvals ----------------------------------------------------------------------------


class ApprovalsModel(ViewTableModel):
    """Columns: kind, LPN, SKU, by, when, before → after, reason or notes, waiting."""

    def set_items(self, items: list[ApprovalItem]) -> None:
        self._set_rows(items)

    def item_at(self, row: int | None) -> ApprovalItem | None:
        if row is None or not 0 <= row < len(self._rows):
            return None
        return cast(ApprovalItem, self._rows[row])

    def row_of(self, key: str) -> int | None:
        keys = [cast(ApprovalItem, item).key for item in self._rows]
        return keys.index(key) if key in keys else None

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("Kind"),
            self.tr("LPN"),
            self.tr("SKU"),
            self.tr("By"),
            self.tr("When"),
            self.tr("Before → after"),
            self.tr("Waiting"),
            self.tr("Reason or notes"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        item = cast(ApprovalItem, row)
        return (
            word("approval", item.kind),
            item.lpn,
            item.sku,
            item.by,
            f"{item.at:%m-%d %H:%M}",
            f"{_change_word(item.kind, item.before)} → {_change_word(item.kind, item.after)}",
            age_text(item.age_hours),
            item.reason or _notes_text(item),
        )

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        """The reason or notes in full as the tooltip of their column (the table cuts them)."""
        if role == Qt.ItemDataRole.ToolTipRole and column == len(self._titles()) - 1:
            return self._display(row)[column] or None
        return None

    @override
    def _background(self, row: object) -> object:
        outcome = cast(ApprovalItem, row).outcome
        return row_colours.ATTENTION if outcome is not None and outcome.claim_not_found else None


def _change_word(kind: str, value: str) -> str:
    """One side of before → after in the user's language: an outcome, a grade, or a route as
    "route @ location"."""
    if kind == CUSTOMER_OUTCOME:
        return word("outcome", value)
    if kind == ROUTE_OVERRIDE and " @ " in value:
        route, _, location = value.partition(" @ ")
        return f"{word('route', route)} @ {location}"
    return value


def _notes_text(item: ApprovalItem) -> str:
    return "; ".join(
        QCoreApplication.translate("CustomerOutcome", message).format(**params)
        for message, params in item.notes
    )


class ApprovalsTab(DeskTab):
    """The approval queue with a note and the approve and reject buttons."""

    def __init__(self, desk: SupervisorDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsTab")
        self._desk = desk
        self._model = ApprovalsModel(self)
        self._table = queue_table(self, "approvalsTable", self._model)
        self._table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._hint = QLabel(self)
        self._hint.setObjectName("approvalsHint")
        self._note = QLineEdit(self)
        self._note.setObjectName("approvalNote")
        self._note.setMaxLength(500)
        self._approve = QPushButton(self)
        self._approve.setObjectName("approveButton")
        self._approve.clicked.connect(self._on_approve_clicked)
        self._reject = QPushButton(self)
        self._reject.setObjectName("rejectButton")
        self._reject.clicked.connect(self._on_reject_clicked)
        self._message = QLabel(self)
        self._message.setObjectName("approvalMessage")
        self._message.setWordWrap(True)
        form = QHBoxLayout()
        form.addWidget(self._note, 1)
        form.addWidget(self._reject)
        form.addWidget(self._approve)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._hint)
        layout.addLayout(form)
        layout.addWidget(self._message)
        self._retranslate()
        self._enable_buttons()

    @override
    def title(self) -> str:
        return self.tr("Approvals ({count})").format(count=self._model.rowCount())

    @override
    def refresh(self) -> None:
        """Read the queue again, keeping the selected item selected while it waits."""
        row = selected_row(self._table)
        self._load(row, self._model.item_at(row))

    def _load(self, fallback: int | None, keep: ApprovalItem | None) -> None:
        """Read the queue; select ``keep`` when it is still there, else the row ``fallback``
        (the first row when there is none)."""
        try:
            items = self._desk.approvals()
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        self._model.set_items(items)
        kept = None if keep is None else self._model.row_of(keep.key)
        select_row(self._table, kept if kept is not None else fallback or 0)
        self._enable_buttons()
        show_title(self)

    def _enable_buttons(self) -> None:
        chosen = self._model.item_at(selected_row(self._table)) is not None
        self._approve.setEnabled(chosen)
        self._reject.setEnabled(chosen)

    def _decide(self, decide: Callable[[str, str], None], done: str) -> None:
        """Call the core's decision on the selected item; then the next item is selected."""
        row = selected_row(self._table)
        chosen = self._model.item_at(row)
        if chosen is None:
            return
        try:
            decide(chosen.key, self._note.text())
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        what = word("approval", chosen.kind)
        say(self._message, done.format(what=what, lpn=chosen.lpn), "ok")
        self._note.clear()
        self._load(row, None)

    def _retranslate(self) -> None:
        self._hint.setText(
            self.tr("Rows tinted: the customer claims a defect the inspection did not find.")
        )
        self._note.setPlaceholderText(self.tr("Note (required to reject)"))
        self._approve.setText(self.tr("&Approve"))
        self._reject.setText(self.tr("&Reject"))
        self._model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self._model.columnCount() - 1
        )
        show_title(self)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- slots ----------------------------------------------------------------------------------

    @Slot()
    def _on_selection_changed(self) -> None:
        self._enable_buttons()

    @Slot()
    def _on_approve_clicked(self) -> None:
        self._decide(self._desk.approve, self.tr("Approved: {what} of {lpn}."))

    @Slot()
    def _on_reject_clicked(self) -> None:
        self._decide(self._desk.reject, self.tr("Rejected: {what} of {lpn}."))
