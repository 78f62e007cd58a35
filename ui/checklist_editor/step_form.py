"""The form for one step of a checklist under edit: kind, texts in both languages, what fails.

Every edit goes straight into the core's ``ChecklistDraft`` and ``changed`` is emitted; the
dialog then checks the whole draft and shows what is wrong. The form never checks the checklist
itself (the core's rules are the only rules).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from receiving_app.inspection.drafts import ChecklistDraft
from receiving_app.inspection.model import Severity, StepKind
from ui.checklist_editor.options_table import TRANSLATION, OptionsTable
from ui.pages.checklist_step import severity_text
from ui.restyle import set_style_properties


def kind_text(kind: StepKind) -> str:
    texts = {
        StepKind.PASS_FAIL: QCoreApplication.translate("StepForm", "Yes / no"),
        StepKind.CHOICE: QCoreApplication.translate("StepForm", "Choice"),
        StepKind.MEASURE: QCoreApplication.translate("StepForm", "Measurement"),
        StepKind.PHOTO: QCoreApplication.translate("StepForm", "Photo"),
        StepKind.NOTE: QCoreApplication.translate("StepForm", "Note"),
    }
    return texts[kind]


def parse_limit(text: str) -> tuple[bool, float | None]:
    """(ok, value) of a limit field: empty is no limit; a comma works as the decimal point."""
    text = text.strip().replace(",", ".")
    if not text:
        return True, None
    try:
        value = float(text)
    except ValueError:
        return False, None
    return math.isfinite(value), value  # NaN and infinity are no limits


class StepForm(QWidget):
    """Edits the draft's step at ``index``; emits ``changed`` after every edit it made."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepForm")
        self._draft: ChecklistDraft | None = None
        self._index = -1
        self._loading = False

        self._id = self._line("stepIdInput", self._on_id_edited)
        self._kind = QComboBox(self)
        self._kind.setObjectName("stepKindBox")
        for kind in StepKind:
            self._kind.addItem(kind_text(kind), kind.value)
        self._kind.activated.connect(self._on_kind_activated)
        self._question = self._line("questionInput", self._on_question_edited)
        self._question_zh = self._line("questionZhInput", self._on_question_zh_edited)
        self._help = self._text("helpInput")
        self._help_zh = self._text("helpZhInput")
        self._severity = QComboBox(self)
        self._severity.setObjectName("stepSeverityBox")
        for severity in Severity:
            if severity is not Severity.NONE:
                self._severity.addItem(severity_text(severity.value), severity.value)
        self._severity.activated.connect(self._on_severity_activated)
        self._unit = self._line("measureUnitInput", self._on_limits_edited)
        self._minimum = self._line("minimumInput", self._on_limits_edited)
        self._maximum = self._line("maximumInput", self._on_limits_edited)
        self._required = QCheckBox(self)
        self._required.setObjectName("requiredCheck")
        self._required.toggled.connect(self._on_required_toggled)
        self._options = OptionsTable(self)
        self._options.changed.connect(self.changed)

        self._limits = QHBoxLayout()
        for widget in (self._minimum, self._maximum, self._unit):
            self._limits.addWidget(widget)
        self._form = QFormLayout()
        self._form.addRow(self.tr("Step id"), self._id)
        self._form.addRow(self.tr("Kind"), self._kind)
        self._form.addRow(self.tr("Question"), self._question)
        self._form.addRow(self.tr("Question (中文)"), self._question_zh)
        self._form.addRow(self.tr("Help"), self._help)
        self._form.addRow(self.tr("Help (中文)"), self._help_zh)
        self._form.addRow(self.tr("A failure is"), self._severity)
        self._form.addRow(self.tr("Allowed range"), self._limits)
        self._form.addRow(self._required)
        self._minimum.setPlaceholderText(self.tr("lowest"))
        self._maximum.setPlaceholderText(self.tr("highest"))
        self._unit.setPlaceholderText(self.tr("unit, e.g. %"))
        self._required.setText(self.tr("An answer is required"))
        hint = QLabel(
            self.tr(
                "Step ids are stored with the answers: keep them when you only reword a question."
            ),
            self,
        )
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._form)
        layout.addWidget(self._options, 1)
        layout.addWidget(hint)

    def _line(self, name: str, slot: Callable[..., None]) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.textEdited.connect(slot)
        return line

    def _text(self, name: str) -> QPlainTextEdit:
        text = QPlainTextEdit(self)
        text.setObjectName(name)
        text.setTabChangesFocus(True)
        text.setFixedHeight(64)
        text.textChanged.connect(self._on_help_changed)
        return text

    # -- showing a step -----------------------------------------------------------------------

    def show_step(self, draft: ChecklistDraft, index: int) -> None:
        """Fill the form from the draft's step at ``index`` (without echoing edits back)."""
        self._draft, self._index = draft, index
        self._loading = True
        try:
            step = draft.step(index)
            kind = draft.kind_of(index)
            self._id.setText(str(step.get("id", "")))
            self._kind.setCurrentIndex(self._kind.findData(kind.value))
            self._question.setText(draft.text_in(index, "question", "en"))
            self._question_zh.setText(draft.text_in(index, "question", TRANSLATION))
            self._help.setPlainText(draft.text_in(index, "help", "en"))
            self._help_zh.setPlainText(draft.text_in(index, "help", TRANSLATION))
            self._severity.setCurrentIndex(self._severity.findData(step.get("severity")))
            self._unit.setText(str(step.get("unit", "")))
            self._minimum.setText(_number(step.get("min")))
            self._maximum.setText(_number(step.get("max")))
            self._required.setChecked(bool(step.get("required", False)))
            for widget in (self._minimum, self._maximum):
                set_style_properties(widget, invalid=False)
            self._show_fields_of(kind)
            if kind is StepKind.CHOICE:
                self._options.show_options(draft, index)
        finally:
            self._loading = False

    def _show_fields_of(self, kind: StepKind) -> None:
        self._form.setRowVisible(self._severity, kind in (StepKind.PASS_FAIL, StepKind.MEASURE))
        self._form.setRowVisible(self._limits, kind is StepKind.MEASURE)
        self._form.setRowVisible(self._required, kind in (StepKind.PHOTO, StepKind.NOTE))
        self._options.setVisible(kind is StepKind.CHOICE)

    def focus_question(self) -> None:
        self._question.setFocus()
        self._question.selectAll()

    # -- edits --------------------------------------------------------------------------------

    def _edit(self) -> ChecklistDraft | None:
        """The draft to change, or None while the form is being filled."""
        return None if self._loading or self._draft is None else self._draft

    @Slot(str)
    def _on_id_edited(self, text: str) -> None:
        if (draft := self._edit()) is not None:
            draft.set_step_id(self._index, text)
            self.changed.emit()

    @Slot(str)
    def _on_question_edited(self, text: str) -> None:
        if (draft := self._edit()) is not None:
            draft.set_text(self._index, "question", text)
            self.changed.emit()

    @Slot(str)
    def _on_question_zh_edited(self, text: str) -> None:
        if (draft := self._edit()) is not None:
            draft.set_text(self._index, "question", text, TRANSLATION)
            self.changed.emit()

    @Slot()
    def _on_help_changed(self) -> None:
        if (draft := self._edit()) is not None:
            draft.set_text(self._index, "help", self._help.toPlainText())
            draft.set_text(self._index, "help", self._help_zh.toPlainText(), TRANSLATION)
            self.changed.emit()

    @Slot(int)
    def _on_kind_activated(self, row: int) -> None:
        if (draft := self._edit()) is not None:
            draft.set_kind(self._index, StepKind(self._kind.itemData(row)))
            self.show_step(draft, self._index)
            self.changed.emit()

    @Slot(int)
    def _on_severity_activated(self, row: int) -> None:
        if (draft := self._edit()) is not None:
            draft.set_severity(self._index, Severity(self._severity.itemData(row)))
            self.changed.emit()

    @Slot()
    def _on_limits_edited(self) -> None:
        draft = self._edit()
        if draft is None:
            return
        low_ok, low = parse_limit(self._minimum.text())
        high_ok, high = parse_limit(self._maximum.text())
        set_style_properties(self._minimum, invalid=not low_ok)
        set_style_properties(self._maximum, invalid=not high_ok)
        if low_ok and high_ok:
            draft.set_limits(self._index, self._unit.text(), low, high)
            self.changed.emit()

    @Slot(bool)
    def _on_required_toggled(self, checked: bool) -> None:
        if (draft := self._edit()) is not None:
            draft.set_required(self._index, checked)
            self.changed.emit()


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, int | float) and not isinstance(value, bool) else ""


__all__ = ["TRANSLATION", "StepForm", "kind_text", "parse_limit"]
