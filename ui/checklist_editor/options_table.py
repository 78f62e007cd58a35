"""The answers of a choice step under edit: key, label in both languages and severity each.

A table the supervisor types into, with a severity box per row and buttons to add, remove and
reorder. Every edit goes straight into the core's draft; ``changed`` follows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_app.inspection.drafts import ChecklistDraft
from receiving_app.inspection.model import Severity
from ui.pages.checklist_step import severity_text

#: The language a checklist is translated into besides English (the app's two languages).
TRANSLATION = "zh_CN"
KEY, LABEL, LABEL_ZH, SEVERITY = range(4)


class OptionsTable(QWidget):
    """Edits the options of the draft's choice step at ``index``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft: ChecklistDraft | None = None
        self._index = -1
        self._loading = False
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("optionsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Key"), self.tr("Answer"), self.tr("Answer (中文)"), self.tr("Severity")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SEVERITY, QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._on_item_changed)

        buttons = QHBoxLayout()
        self._add = self._button("addOptionButton", self.tr("Add answer"), self._on_add)
        self._remove = self._button("removeOptionButton", self.tr("Remove"), self._on_remove)
        self._up = self._button("optionUpButton", self.tr("Up"), lambda: self._on_move(-1))
        self._down = self._button("optionDownButton", self.tr("Down"), lambda: self._on_move(1))
        for button in (self._add, self._remove, self._up, self._down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def show_options(self, draft: ChecklistDraft, index: int, select: int = 0) -> None:
        self._draft, self._index = draft, index
        self._loading = True
        try:
            options = draft.options(index)
            self.table.setRowCount(len(options))
            for row, option in enumerate(options):
                self._set_text(row, KEY, str(option.get("key", "")))
                self._set_text(row, LABEL, str(option.get("label", "")))
                self._set_text(row, LABEL_ZH, draft.option_label(index, row, TRANSLATION))
                box = self._severity_box(row, option)
                self.table.setCellWidget(row, SEVERITY, box)
                # A cell widget does not size its column: make room for the longest severity.
                self.table.setColumnWidth(SEVERITY, box.sizeHint().width() + 28)
            if options:
                self.table.selectRow(max(0, min(select, len(options) - 1)))
        finally:
            self._loading = False

    def _set_text(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        if item is None:
            self.table.setItem(row, column, QTableWidgetItem(text))
        else:
            item.setText(text)

    def _severity_box(self, row: int, option: dict[str, object]) -> QComboBox:
        box = QComboBox(self.table)
        box.setObjectName("optionSeverityBox")
        for severity in Severity:
            box.addItem(severity_text(severity.value), severity.value)
        box.setCurrentIndex(box.findData(option.get("severity")))
        box.activated.connect(lambda choice, r=row, b=box: self._on_severity(r, b, choice))
        return box

    def _selected(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.table.currentRow()

    # -- edits --------------------------------------------------------------------------------

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        draft = self._draft
        if self._loading or draft is None:
            return
        row, text = item.row(), item.text()
        if item.column() == KEY:
            draft.set_option(self._index, row, key=text)
        elif item.column() == LABEL:
            draft.set_option(self._index, row, label=text)
        elif item.column() == LABEL_ZH:
            draft.set_option_label(self._index, row, TRANSLATION, text)
        self.changed.emit()

    def _on_severity(self, row: int, box: QComboBox, choice: int) -> None:
        if self._draft is not None:
            self._draft.set_option(self._index, row, severity=Severity(box.itemData(choice)))
            self.changed.emit()

    @Slot()
    def _on_add(self) -> None:
        if self._draft is not None:
            row = self._draft.add_option(self._index)
            self.show_options(self._draft, self._index, row)
            label = self.table.item(row, LABEL)
            if label is not None:
                self.table.editItem(label)
            self.changed.emit()

    @Slot()
    def _on_remove(self) -> None:
        row = self._selected()
        if self._draft is not None and row >= 0:
            self._draft.remove_option(self._index, row)
            self.show_options(self._draft, self._index, row)
            self.changed.emit()

    def _on_move(self, offset: int) -> None:
        row = self._selected()
        if self._draft is not None and row >= 0:
            target = self._draft.move_option(self._index, row, offset)
            self.show_options(self._draft, self._index, target)
            self.changed.emit()
