"""Override the grade of the completed inspection on screen (F7): a grade and the reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

GRADES = ("A", "B", "C")


class OverrideGradeDialog(QDialog):
    """Asks for the new grade and why; the core refuses an empty or too long reason."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideGradeDialog")
        self.setWindowTitle(self.tr("Override grade"))
        self.setModal(True)
        self._grade = QComboBox(self)
        self._grade.setObjectName("overrideGrade")
        self._grade.addItems(GRADES)
        if current in GRADES:
            self._grade.setCurrentIndex(GRADES.index(current))
        self._reason = QLineEdit(self)
        self._reason.setObjectName("overrideReason")
        form = QFormLayout()
        form.addRow(self.tr("New grade"), self._grade)
        form.addRow(self.tr("Reason"), self._reason)
        hint = QLabel(self.tr("Overrides are audited and shown to supervisors."), self)
        hint.setObjectName("dialogHint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, 200)
        self._reason.setFocus()

    def chosen(self) -> tuple[str, str]:
        return self._grade.currentText(), self._reason.text().strip()
