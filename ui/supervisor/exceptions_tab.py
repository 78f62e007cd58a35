"""The exceptions tab of the supervisor's desk: parcels without RMA, units that are not what was
authorised and missing lines, oldest first; link one to an RMA or an order, or close it with a
reason.

Every resolution is a core call, audited there; the buttons offer only what the selected kind
allows (missing lines can only be closed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from receiving_app.supervisor.exception_queue import MISSING, DockException
from receiving_app.supervisor.service import SupervisorDesk
from ui.domain_words import word
from ui.item_models.view_table_model import KeyedTableModel
from ui.supervisor.queue_widgets import QueueTab, age_text

NOTE_MAX_LENGTH = 500
"""The longest reason or note the core keeps; the field stops there."""


class ExceptionsModel(KeyedTableModel[DockException]):
    """Columns: kind, parcel (tracking number or receipt key), LPN, SKU, detail, when, by, age."""

    @override
    def key_of(self, row: DockException) -> str:
        return row.subject

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("Kind"),
            self.tr("Parcel"),
            self.tr("LPN"),
            self.tr("SKU"),
            self.tr("When"),
            self.tr("By"),
            self.tr("Waiting"),
            self.tr("Detail"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        item = cast(DockException, row)
        return (
            word("exception", item.kind),
            item.tracking_number or item.receipt_key,
            item.lpn or "",
            item.sku or "",
            f"{item.at:%m-%d %H:%M}",
            item.by,
            age_text(item.age_hours),
            item.detail,
        )

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        """The detail in full as the tooltip of its column (the table may cut it)."""
        if role == Qt.ItemDataRole.ToolTipRole and column == len(self._titles()) - 1:
            return cast(DockException, row).detail or None
        return None

    @override
    def _background(self, row: object) -> object:
        return None


class ExceptionsTab(QueueTab[DockException]):
    """The open exceptions with an RMA or order number, a reason, and the three resolutions."""

    def __init__(self, desk: SupervisorDesk, parent: QWidget | None = None) -> None:
        super().__init__(ExceptionsModel, "exceptionsTable", "exceptionMessage", parent)
        self.setObjectName("exceptionsTab")
        self._desk = desk
        self._reference = QLineEdit(self)
        self._reference.setObjectName("exceptionReference")
        self._reference.setMaxLength(40)
        self._link_rma = _button(self, "linkRmaButton", self._on_link_rma_clicked)
        self._link_order = _button(self, "linkOrderButton", self._on_link_order_clicked)
        self._reason = QLineEdit(self)
        self._reason.setObjectName("exceptionReason")
        self._reason.setMaxLength(NOTE_MAX_LENGTH)
        self._close = _button(self, "closeExceptionButton", self._on_close_clicked)
        form = QHBoxLayout()
        form.addWidget(self._reference, 1)
        form.addWidget(self._link_rma)
        form.addWidget(self._link_order)
        form.addSpacing(16)
        form.addWidget(self._reason, 2)
        form.addWidget(self._close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self._table, 1)
        layout.addLayout(form)
        layout.addWidget(self._message)
        self._retranslate()
        self._enable_actions()

    @override
    def title(self) -> str:
        return self.tr("Exceptions ({count})").format(count=self._model.rowCount())

    @override
    def _read(self) -> list[DockException]:
        return self._desk.exceptions()

    @override
    def _enable_actions(self) -> None:
        chosen = self._selected()
        can_link = chosen is not None and chosen.kind != MISSING
        self._link_rma.setEnabled(can_link)
        self._link_order.setEnabled(can_link)
        self._reference.setEnabled(can_link)
        self._close.setEnabled(chosen is not None)

    @override
    def _clear_form(self) -> None:
        self._reference.clear()
        self._reason.clear()

    def _resolve(
        self, resolve: Callable[[DockException], None], done: str, number: str = ""
    ) -> None:
        """Resolve the selected exception through the core; then the next one is selected.

        ``done`` says so, with {what}, {parcel} and the {number} linked to."""

        def resolve_chosen(chosen: DockException) -> str:
            resolve(chosen)
            parcel = chosen.lpn or chosen.tracking_number or chosen.receipt_key
            what = word("exception", chosen.kind)
            return done.format(what=what, parcel=parcel, number=number.strip())

        self._resolve_selected(resolve_chosen)

    @override
    def _retranslate(self) -> None:
        self._reference.setPlaceholderText(self.tr("RMA or order number"))
        self._link_rma.setText(self.tr("Link to &RMA"))
        self._link_order.setText(self.tr("Link to &order"))
        self._reason.setPlaceholderText(
            self.tr("Reason (required to close; kept as the note of a link)")
        )
        self._close.setText(self.tr("&Close with reason"))
        super()._retranslate()

    # -- slots ----------------------------------------------------------------------------------

    @Slot()
    def _on_link_rma_clicked(self) -> None:
        number, note = self._reference.text(), self._reason.text()
        self._resolve(
            lambda chosen: self._desk.link_to_rma(chosen.subject, number, note),
            self.tr("Linked to RMA {number}: {what}, {parcel}."),
            number,
        )

    @Slot()
    def _on_link_order_clicked(self) -> None:
        number, note = self._reference.text(), self._reason.text()
        self._resolve(
            lambda chosen: self._desk.link_to_order(chosen.subject, number, note),
            self.tr("Linked to order {number}: {what}, {parcel}."),
            number,
        )

    @Slot()
    def _on_close_clicked(self) -> None:
        reason = self._reason.text()
        self._resolve(
            lambda chosen: self._desk.close_exception(chosen.subject, reason),
            self.tr("Closed: {what}, {parcel}."),
        )


def _button(parent: QWidget, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button
