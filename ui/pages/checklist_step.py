"""One checklist step on the inspection screen: progress, question, help and the answer controls."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.inspection.model import SEVERITY_TEXTS, Step, StepKind
from ui.restyle import set_style_properties

MAX_COLUMNS = 3
"""Choice buttons per row: three long labels still fit at 1366 pixels."""
TOUCH_HEIGHT = 56
"""The least height of a button a gloved finger hits on the touch screen."""


def severity_text(severity: str) -> str:
    """A severity's name in the user's language (the core marks them in context Checklist)."""
    source = next((text for key, text in SEVERITY_TEXTS.items() if key.value == severity), severity)
    return QCoreApplication.translate("Checklist", source)


class ChecklistStepPanel(QFrame):
    """Shows one step and turns clicks, Enter in its fields and Backspace into signals.

    The number keys and Y/N are read by the page from the scan field, which keeps the focus for
    pass/fail and choice steps; a measure or note step gives the focus to its own field. For the
    touch screen, "Back" (from the second step on) and the "OK" beside a measure or note field
    do what Backspace and Enter do; like the answer buttons they never take the focus.

    Signals:
        answered(object): the answer of the step on screen (True/False, an option key, a
            number or a text).
        back_requested(): Backspace in an empty answer field, or the "Back" button.
        photo_requested(): the "choose the picture file" button was pressed.
        scan_typed(str): text typed into the measure field that is not a number (a scanner
            fired while the field had the focus); the page treats it as a scan.
    """

    answered = Signal(object)
    back_requested = Signal()
    photo_requested = Signal()
    scan_typed = Signal(str)

    def __init__(self, parent: QWidget | None = None, max_columns: int = MAX_COLUMNS) -> None:
        super().__init__(parent)
        self._max_columns = max_columns
        self.setObjectName("stepPanel")
        self._step: Step | None = None
        self._progress_text = QLabel(self)
        self._progress_text.setObjectName("stepProgress")
        self._progress = QProgressBar(self)
        self._progress.setObjectName("stepProgressBar")
        self._progress.setTextVisible(False)
        self._progress.setFixedHeight(10)
        self._question = QLabel(self)
        self._question.setObjectName("stepQuestion")
        self._question.setWordWrap(True)
        self._help = QLabel(self)
        self._help.setObjectName("stepHelp")
        self._help.setWordWrap(True)
        self._help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._answer_now = QLabel(self)
        self._answer_now.setObjectName("stepAnswer")

        self._buttons_box = QWidget(self)
        self._buttons = QGridLayout(self._buttons_box)
        self._buttons.setContentsMargins(0, 0, 0, 0)
        self._buttons.setSpacing(10)
        self._answer_buttons: list[QPushButton] = []

        self.measure_input = self._field("measureInput")
        self._unit = QLabel(self)
        self._unit.setObjectName("measureUnit")
        self.note_input = self._field("noteInput")
        self.note_input.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self._photo_button = QPushButton(self)
        self._photo_button.setObjectName("photoButton")
        self._photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._photo_button.clicked.connect(self.photo_requested)
        self._confirm_button = self._touch_button("confirmAnswerButton")
        self._confirm_button.clicked.connect(self._on_field_return_pressed)
        field_row = QHBoxLayout()
        field_row.addWidget(self.measure_input, 1)
        field_row.addWidget(self._unit)
        field_row.addWidget(self.note_input, 3)
        field_row.addWidget(self._confirm_button)
        field_row.addWidget(self._photo_button)
        field_row.addStretch(0)

        self._hint = QLabel(self)
        self._hint.setObjectName("stepHint")
        self._hint.setWordWrap(True)
        self._back_button = self._touch_button("backButton")
        self._back_button.clicked.connect(self.back_requested)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self._back_button)
        bottom_row.addWidget(self._hint, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self._progress_text)
        layout.addWidget(self._progress)
        layout.addWidget(self._question)
        layout.addWidget(self._help)
        layout.addWidget(self._buttons_box)
        layout.addLayout(field_row)
        layout.addWidget(self._answer_now)
        layout.addStretch(1)
        layout.addLayout(bottom_row)

    def _touch_button(self, name: str) -> QPushButton:
        """A finger-sized button that leaves the keyboard focus where it is."""
        button = QPushButton(self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(TOUCH_HEIGHT)
        button.setMinimumWidth(2 * TOUCH_HEIGHT)
        button.hide()
        return button

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        # The scan field takes the focus back from any widget without this property.
        field.setProperty("keepsFocus", True)
        field.returnPressed.connect(self._on_field_return_pressed)
        field.installEventFilter(self)
        return field

    @property
    def step(self) -> Step | None:
        return self._step

    def show_step(
        self,
        step: Step,
        position: int,
        total: int,
        answer: object,
        language: str,
    ) -> None:
        """Show ``step`` (1-based ``position`` of ``total``) and its stored ``answer``, if any."""
        self._step = step
        self._progress_text.setText(
            self.tr("Step {position} of {total}").format(position=position, total=total)
        )
        self._progress.setRange(0, total)
        self._progress.setValue(position - 1)
        self._question.setText(step.question_in(language))
        self._help.setText(step.help_in(language))
        self._rebuild_buttons(step, language)
        kind = step.kind
        self.measure_input.setVisible(kind is StepKind.MEASURE)
        self._unit.setVisible(kind is StepKind.MEASURE)
        self.note_input.setVisible(kind is StepKind.NOTE)
        self._photo_button.setVisible(kind is StepKind.PHOTO)
        self._photo_button.setText(self.tr("F4  Take the photo…"))
        self._confirm_button.setVisible(kind in (StepKind.MEASURE, StepKind.NOTE))
        self._confirm_button.setText(self.tr("OK"))
        self._back_button.setVisible(position > 1)
        self._back_button.setText(self.tr("Back"))
        self.measure_input.clear()
        self.note_input.clear()
        if kind is StepKind.MEASURE:
            self._unit.setText(step.unit)
            if isinstance(answer, int | float) and not isinstance(answer, bool):
                self.measure_input.setText(f"{answer:g}")
            self.measure_input.setPlaceholderText(self._limits(step))
        elif kind is StepKind.NOTE and isinstance(answer, str):
            self.note_input.setText(answer)
        self._answer_now.setText(
            self.tr("Answered: {answer}").format(answer=self._answer_text(step, answer, language))
            if answer is not None
            else ""
        )
        self._hint.setText(self._hint_text(step))

    def _limits(self, step: Step) -> str:
        if step.minimum is not None and step.maximum is not None:
            return self.tr("a number from {low:g} to {high:g}").format(
                low=step.minimum, high=step.maximum
            )
        if step.minimum is not None:
            return self.tr("a number, at least {low:g}").format(low=step.minimum)
        if step.maximum is not None:
            return self.tr("a number, at most {high:g}").format(high=step.maximum)
        return self.tr("a number")

    def _hint_text(self, step: Step) -> str:
        hints = {
            StepKind.PASS_FAIL: self.tr("Y or 1: yes · N or 2: no · Backspace: previous step"),
            StepKind.CHOICE: self.tr(
                "Press the number of the answer · Enter keeps the answer · Backspace: previous step"
            ),
            StepKind.MEASURE: self.tr(
                "Type the number and press Enter · Backspace in the empty field: previous step"
            ),
            StepKind.NOTE: self.tr(
                "Type the note and press Enter · Backspace in the empty field: previous step"
            ),
            StepKind.PHOTO: self.tr(
                "F4 takes the photo (camera if on, else a file) · Backspace: previous step"
            ),
        }
        return hints[step.kind]

    def _answer_text(self, step: Step, answer: object, language: str) -> str:
        if step.kind is StepKind.PASS_FAIL:
            return self.tr("Yes") if answer is True else self.tr("No")
        if step.kind is StepKind.CHOICE and isinstance(answer, str):
            option = step.find_option(answer)
            return step.option_label_in(option, language) if option else answer
        if step.kind is StepKind.PHOTO:
            return self.tr("photo attached")
        return str(answer)

    def _rebuild_buttons(self, step: Step, language: str) -> None:
        for old in self._answer_buttons:
            self._buttons.removeWidget(old)
            old.hide()
            old.deleteLater()
        self._answer_buttons = []
        choices: list[tuple[str, object, str]] = []
        labels: list[str] = []
        if step.kind is StepKind.PASS_FAIL:
            choices = [("1  ·  Y", True, "pass"), ("2  ·  N", False, "fail")]
            labels = [self.tr("Yes"), self.tr("No")]
        elif step.kind is StepKind.CHOICE:
            labels = [step.option_label_in(option, language) for option in step.options]
            choices = [
                (str(number), option.key, option.severity.value)
                for number, option in enumerate(step.options, start=1)
            ]
        self._buttons_box.setVisible(bool(choices))
        columns = min(
            2 if step.kind is StepKind.PASS_FAIL else len(choices) or 1, self._max_columns
        )
        for index, ((key, value, severity), label) in enumerate(zip(choices, labels, strict=True)):
            button = QPushButton(f"{key}   {label}", self._buttons_box)
            button.setObjectName("answerButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(64)
            set_style_properties(button, severity=severity)
            button.clicked.connect(lambda _checked=False, v=value: self.answered.emit(v))
            self._buttons.addWidget(button, index // columns, index % columns)
            self._answer_buttons.append(button)
            button.show()

    def answer_field(self) -> QLineEdit | None:
        """The field that takes the keyboard for this step (measure, note), or None."""
        if self._step is None:
            return None
        if self._step.kind is StepKind.MEASURE:
            return self.measure_input
        if self._step.kind is StepKind.NOTE:
            return self.note_input
        return None

    @Slot()
    def _on_field_return_pressed(self) -> None:
        step = self._step
        if step is None:
            return
        if step.kind is StepKind.NOTE:
            self.answered.emit(self.note_input.text().strip())
            return
        text = self.measure_input.text().strip()
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            self.measure_input.clear()
            if text:
                self.scan_typed.emit(text)
            return
        self.answered.emit(int(value) if value.is_integer() else value)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QLineEdit)
        ):
            if event.key() == Qt.Key.Key_Backspace and not watched.text():
                self.back_requested.emit()
                return True
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self._on_field_return_pressed()
                return True
        return super().eventFilter(watched, event)
