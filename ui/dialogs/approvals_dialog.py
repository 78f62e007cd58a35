"""The supervisor's approval queue of customer outcomes (F6): approve or reject with a note.

Each row is a proposal the policy could not approve by itself: the unit, the RMA, what the
customer asked for and what the policy proposes, the amounts, and why it waits (a refund above
the limit, a claimed defect the inspection did not find). Every decision is a core call; a
proposal another supervisor decided meanwhile is refused with who decided it.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.customer_outcome.approvals import OutcomeApprovals, PendingOutcome
from receiving_app.errors import ReceivingError, StorageUnavailable
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel
from ui.restyle import set_style_properties
from ui.station_kit import error_text


class PendingOutcomesModel(ViewTableModel):
    """Columns: LPN, RMA, SKU, asked → proposed, refund, repair, why it waits."""

    def set_pending(self, pending: list[PendingOutcome]) -> None:
        self._set_rows(pending)

    def pending_at(self, row: int) -> PendingOutcome | None:
        return cast(PendingOutcome, self._rows[row]) if 0 <= row < len(self._rows) else None

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("LPN"),
            self.tr("RMA"),
            self.tr("SKU"),
            self.tr("Asked → proposed"),
            self.tr("Refund"),
            self.tr("Repair estimate"),
            self.tr("Why it waits"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        item = cast(PendingOutcome, row)
        why = "; ".join(
            QCoreApplication.translate("CustomerOutcome", message).format(**params)
            for message, params in item.notes
        )
        return (
            item.lpn,
            item.rma,
            item.sku,
            f"{item.requested} → {item.outcome}",
            f"{item.refund_amount:.2f}",
            f"{item.repair_estimate:.2f}",
            why,
        )

    @override
    def _background(self, row: object) -> object:
        return row_colours.ATTENTION if cast(PendingOutcome, row).claim_not_found else None


class ApprovalsDialog(QDialog):
    """Works the queue of one supervisor; the table refreshes after every decision."""

    def __init__(self, approvals: OutcomeApprovals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsDialog")
        self.setWindowTitle(self.tr("Customer outcomes waiting for approval"))
        self._approvals = approvals
        self._model = PendingOutcomesModel(self)
        self._table = QTableView(self)
        self._table.setObjectName("pendingOutcomesTable")
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self._table.verticalHeader().setVisible(False)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        hint = QLabel(
            self.tr("Rows tinted: the customer claims a defect the inspection did not find."),
            self,
        )
        hint.setObjectName("dialogHint")
        self._note = QLineEdit(self)
        self._note.setObjectName("decisionNote")
        self._note.setPlaceholderText(self.tr("Note (required to reject)"))
        self._approve = QPushButton(self.tr("Approve"), self)
        self._approve.setObjectName("approveButton")
        self._approve.clicked.connect(self._on_approve)
        self._reject = QPushButton(self.tr("Reject"), self)
        self._reject.setObjectName("rejectButton")
        self._reject.clicked.connect(self._on_reject)
        self._message = QLabel(self)
        self._message.setObjectName("approvalMessage")
        self._message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self._note, 1)
        buttons.addWidget(self._reject)
        buttons.addWidget(self._approve)
        layout = QVBoxLayout(self)
        layout.addWidget(self._table, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self._message)
        self.resize(1200, 560)
        self.refresh()

    def refresh(self) -> None:
        try:
            self._model.set_pending(self._approvals.pending())
        except StorageUnavailable as exc:
            self._say(error_text(exc), "error")
        if self._model.rowCount():
            self._table.selectRow(0)

    def _selected(self) -> PendingOutcome | None:
        rows = self._table.selectionModel().selectedRows()
        return self._model.pending_at(rows[0].row()) if rows else None

    @Slot()
    def _on_approve(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self._decide(chosen, True)

    @Slot()
    def _on_reject(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self._decide(chosen, False)

    def _decide(self, chosen: PendingOutcome, approve: bool) -> None:
        note = self._note.text()
        try:
            if approve:
                self._approvals.approve(chosen.id, note)
            else:
                self._approvals.reject(chosen.id, note)
        except (ReceivingError, StorageUnavailable) as exc:
            self._say(error_text(exc), "error")
        else:
            text = (
                self.tr("{lpn}: {outcome} approved.")
                if approve
                else self.tr("{lpn}: {outcome} rejected.")
            )
            self._say(text.format(lpn=chosen.lpn, outcome=chosen.outcome), "ok")
            self._note.clear()
        self.refresh()

    def _say(self, text: str, level: str) -> None:
        self._message.setText(text)
        set_style_properties(self._message, outcome=level)
