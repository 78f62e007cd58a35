"""The supervisor's approval queue dialog: a waiting refund approved, another rejected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from db.models import CustomerOutcome, User
from receiving_app.context import AppContext
from receiving_app.outcomes import OutcomeCode
from tests.ui.conftest import DemoCodes
from tests.ui.test_checklist_editor import badge_of, grade_and_override
from tests.ui.test_inspection_page import PNG
from ui.dialogs.approvals_dialog import ApprovalsDialog


def test_a_supervisor_approves_and_rejects_waiting_outcomes(
    qtbot: QtBot, context: AppContext, codes: DemoCodes, tmp_path: Path
) -> None:
    photo = tmp_path / "unit.png"
    photo.write_bytes(PNG)
    grade_and_override(context, codes, photo)  # graded, then overridden: a proposal waits
    waiting = CustomerOutcome.select().where(CustomerOutcome.state == "pending").count()
    assert waiting >= 1
    desk = context.new_inspection_desk()
    assert desk.handle_scan(badge_of("supervisor")).code == OutcomeCode.LOGGED_IN
    dialog = ApprovalsDialog(desk.outcome_approvals())
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QTableView, "pendingOutcomesTable")
    assert isinstance(table, QTableView) and table.model().rowCount() == waiting
    first = str(table.model().index(0, 0).data())

    reject = dialog.findChild(QPushButton, "rejectButton")
    message = dialog.findChild(QLabel, "approvalMessage")
    assert isinstance(reject, QPushButton) and isinstance(message, QLabel)
    qtbot.mouseClick(reject, Qt.MouseButton.LeftButton)  # no note: refused
    assert message.property("outcome") == "error"
    assert table.model().rowCount() == waiting

    approve = dialog.findChild(QPushButton, "approveButton")
    assert isinstance(approve, QPushButton)
    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    assert message.property("outcome") == "ok" and first in message.text()
    assert table.model().rowCount() == waiting - 1
    decided = CustomerOutcome.get(CustomerOutcome.state == "approved")
    supervisor = User.get(User.badge == badge_of("supervisor"))
    assert decided.decided_by_id == supervisor.id
    note = dialog.findChild(QLineEdit, "decisionNote")
    assert isinstance(note, QLineEdit) and note.text() == ""
