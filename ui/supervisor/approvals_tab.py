"""The approvals tab of the supervisor's desk: customer outcomes, grade and route overrides
waiting for a decision, oldest first; approve (note optional) or reject (note required).

Every decision is a core call, audited there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.supervisor.approvals import CUSTOMER_OUTCOME, ApprovalItem
from receiving_app.supervisor.override_queue import ROUTE_OVERRIDE
from receiving_app.supervisor.service import SupervisorDesk
from ui.domain_words import word
from ui.item_models import row_colours
from ui.item_models.view_table_model import KeyedTableModel
from ui.supervisor.queue_widgets import QueueTab, age_text


class ApprovalsModel(KeyedTableModel[ApprovalItem]):
    """Columns: kind, LPN, SKU, by, when, before → after, reason or notes, waiting."""

    @override
    def key_of(self, row: ApprovalItem) -> str:
        return row.key

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


class ApprovalsTab(QueueTab[ApprovalItem]):
    """The approval queue with a note and the approve and reject buttons."""

    def __init__(self, desk: SupervisorDesk, parent: QWidget | None = None) -> None:
        super().__init__(ApprovalsModel, "approvalsTable", "approvalMessage", parent)
        self.setObjectName("approvalsTab")
        self._desk = desk
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
        self._enable_actions()

    @override
    def title(self) -> str:
        return self.tr("Approvals ({count})").format(count=self._model.rowCount())

    @override
    def _read(self) -> list[ApprovalItem]:
        return self._desk.approvals()

    @override
    def _enable_actions(self) -> None:
        chosen = self._selected() is not None
        self._approve.setEnabled(chosen)
        self._reject.setEnabled(chosen)

    @override
    def _clear_form(self) -> None:
        self._note.clear()

    def _decide(self, decide: Callable[[str, str], None], done: str) -> None:
        """Call the core's decision on the selected item; then the next item is selected."""

        def decide_chosen(chosen: ApprovalItem) -> str:
            decide(chosen.key, self._note.text())
            return done.format(what=word("approval", chosen.kind), lpn=chosen.lpn)

        self._resolve_selected(decide_chosen)

    @override
    def _retranslate(self) -> None:
        self._hint.setText(
            self.tr("Rows tinted: the customer claims a defect the inspection did not find.")
        )
        self._note.setPlaceholderText(self.tr("Note (required to reject)"))
        self._approve.setText(self.tr("&Approve"))
        self._reject.setText(self.tr("&Reject"))
        super()._retranslate()

    # -- slots ----------------------------------------------------------------------------------

    @Slot()
    def _on_approve_clicked(self) -> None:
        self._decide(self._desk.approve, self.tr("Approved: {what} of {lpn}."))

    @Slot()
    def _on_reject_clicked(self) -> None:
        self._decide(self._desk.reject, self.tr("Rejected: {what} of {lpn}."))
