"""The preview of a checklist under edit: the step as the inspector will see it, and a trial grade.

The supervisor can answer the previewed steps (click, as on a touch screen); the panel keeps
those trial answers and shows the grade they would give with the edited grade rule, unanswered
steps counted as passing. Nothing is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from receiving_app.inspection.drafts import ChecklistDraft
from receiving_app.inspection.grading import trial_grade
from receiving_app.inspection.model import ChecklistError, ChecklistTemplate
from receiving_app.inspection.steps import parse_step
from ui.pages.checklist_step import ChecklistStepPanel, severity_text
from ui.restyle import set_style_properties
from ui.station_kit import error_text


class PreviewPanel(QWidget):
    """Shows one step of the draft through the inspection screen's own step panel.

    Signals:
        next_requested(): a trial answer was given; the editor moves to the next step.
    """

    next_requested = Signal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self._draft: ChecklistDraft | None = None
        self._index = -1
        self._answers: dict[str, object] = {}
        self._language = QComboBox(self)
        self._language.setObjectName("previewLanguageBox")
        self._language.addItem("English", "en")
        self._language.addItem("中文", "zh_CN")
        self._language.setCurrentIndex(max(0, self._language.findData(language)))
        self._language.activated.connect(self._refresh)
        self._clear = QPushButton(self)
        self._clear.setObjectName("clearTrialButton")
        self._clear.clicked.connect(self._on_clear)
        self.step_panel = ChecklistStepPanel(self, max_columns=1)  # a narrow pane: one per row
        self.step_panel.answered.connect(self._on_answered)
        self.step_panel.photo_requested.connect(lambda: self._on_answered("preview-photo"))
        self._problem = QLabel(self)
        self._problem.setObjectName("previewProblem")
        self._problem.setWordWrap(True)
        self._grade = QLabel(self)
        self._grade.setObjectName("trialGrade")
        self._grade.setWordWrap(True)
        self._title = QLabel(self)
        self._title.setObjectName("sectionTitle")

        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self._language)
        top.addWidget(self._clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.step_panel, 1)
        layout.addWidget(self._problem)
        layout.addWidget(self._grade)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Preview: the step as the inspector sees it"))
        self._clear.setText(self.tr("Clear trial answers"))

    def show_step(self, draft: ChecklistDraft, index: int) -> None:
        self._draft, self._index = draft, index
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        draft, index = self._draft, self._index
        if draft is None or not 0 <= index < len(draft.steps):
            return
        language = str(self._language.currentData())
        try:
            step = parse_step(draft.step(index), index + 1)
        except ChecklistError as exc:
            self.step_panel.hide()
            self._problem.setText(error_text(exc))
        else:
            self._problem.clear()
            self.step_panel.show()
            answer = self._answers.get(step.id)
            self.step_panel.show_step(step, index + 1, len(draft.steps), answer, language)
        self._show_trial_grade(draft)

    def _show_trial_grade(self, draft: ChecklistDraft) -> None:
        try:
            template = draft.check()
        except ChecklistError:
            self._grade.clear()  # the editor already says what is wrong
            return
        answers = self._answers_for(template)
        result = trial_grade(template, answers)
        failing = ", ".join(
            f"{failure.position}. {failure.step_id} ({severity_text(failure.severity.value)})"
            for failure in result.failures
        )
        self._grade.setText(
            self.tr("Trial grade: {grade} · answered {answered} of {total}").format(
                grade=result.grade.value, answered=len(answers), total=len(template.steps)
            )
            + (("\n" + self.tr("Failing: {steps}").format(steps=failing)) if failing else "")
        )
        set_style_properties(self._grade, grade=result.grade.value)

    def _answers_for(self, template: ChecklistTemplate) -> dict[str, object]:
        """The trial answers that still fit their step (a step edited since may not take them)."""
        fitting: dict[str, object] = {}
        for step_id, answer in self._answers.items():
            try:
                trial_grade(template, {step_id: answer})
            except ChecklistError:
                continue
            fitting[step_id] = answer
        return fitting

    @Slot(object)
    def _on_answered(self, value: object) -> None:
        draft = self._draft
        if draft is None:
            return
        step_id = str(draft.step(self._index).get("id"))
        self._answers[step_id] = value
        self._refresh()
        self.next_requested.emit()

    @Slot()
    def _on_clear(self) -> None:
        self._answers.clear()
        self._refresh()
