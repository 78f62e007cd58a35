"""Start a checklist for a product category that has none: its code, its name, what to copy."""

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


class NewCategoryDialog(QDialog):
    """Asks for the category code (as products carry it), a name and the checklist to copy.

    The core checks the code; this dialog only collects the three answers.
    """

    def __init__(self, categories: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCategoryDialog")
        self.setWindowTitle(self.tr("New category"))
        self.setModal(True)
        self._category = QLineEdit(self)
        self._category.setObjectName("newCategoryInput")
        self._category.setPlaceholderText(self.tr("e.g. toys"))
        self._name = QLineEdit(self)
        self._name.setObjectName("newCategoryNameInput")
        self._copy_from = QComboBox(self)
        self._copy_from.setObjectName("copyFromBox")
        self._copy_from.addItems(categories)
        self._copy_from.setCurrentText(current)
        form = QFormLayout()
        form.addRow(self.tr("Category code"), self._category)
        form.addRow(self.tr("Name"), self._name)
        form.addRow(self.tr("Start from a copy of"), self._copy_from)
        hint = QLabel(
            self.tr(
                "Use the category code exactly as the product data has it: units of those "
                "products get this checklist."
            ),
            self,
        )
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def chosen(self) -> tuple[str, str, str]:
        """(category code, name, category to copy)."""
        return (
            self._category.text().strip(),
            self._name.text().strip(),
            self._copy_from.currentText(),
        )
