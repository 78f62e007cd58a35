"""The supervisor's checklist window: edit a category's checklist, see its history and overrides.

Three tabs. *Edit*: the steps in order (add, remove, move), the selected step's form, a live
preview with trial answers, the grade rule, and Save with a note; what is wrong with the draft
is shown at all times, naming the step, and Save stays off until it checks. *History*: the
stored versions, any of which can be opened as the starting point of the next one. *Grade
overrides*: the last 30 days' overrides for review. Every read and write is a core call.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.inspection.drafts import ChecklistDraft
from receiving_app.inspection.model import DEFECTS, ChecklistError, Grade, Severity, StepKind
from receiving_app.inspection.versions import NOTE_MAX_LENGTH, ChecklistLibrary
from ui.checklist_editor.options_table import TRANSLATION
from ui.checklist_editor.preview_panel import PreviewPanel
from ui.checklist_editor.step_form import StepForm, kind_text
from ui.dialogs.new_category_dialog import NewCategoryDialog
from ui.item_models.checklist_versions_model import ChecklistVersionsModel
from ui.item_models.grade_overrides_model import GradeOverridesModel
from ui.pages.checklist_step import severity_text
from ui.restyle import set_style_properties
from ui.station_kit import error_text
from ui.versioned_editor import VersionedEditorDialog


class ChecklistEditorDialog(VersionedEditorDialog):
    """Edits the library's checklists as its supervisor; nothing is stored before Save."""

    def __init__(
        self, library: ChecklistLibrary, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checklistEditor")
        self._language = language
        self.setWindowTitle(self.tr("Checklists"))
        self._library = library
        self._draft: ChecklistDraft | None = None
        self._saved_body = ""

        self._category = QComboBox(self)
        self._category.setObjectName("categoryBox")
        self._category.activated.connect(self._on_category_activated)
        self._new_category = self._button("newCategoryButton", self._on_new_category)
        self._version = QLabel(self)
        self._version.setObjectName("draftVersionLabel")
        self._name = QLineEdit(self)
        self._name.setObjectName("checklistNameInput")
        self._name.textEdited.connect(lambda text: self._edit(lambda d: d.set_name(text)))
        self._name_zh = QLineEdit(self)
        self._name_zh.setObjectName("checklistNameZhInput")
        self._name_zh.textEdited.connect(
            lambda text: self._edit(lambda d: d.set_name(text, TRANSLATION))
        )
        self._grades = {severity: self._grade_box(severity) for severity in DEFECTS}

        self._steps = QListWidget(self)
        self._steps.setObjectName("stepList")
        self._steps.currentRowChanged.connect(self._on_step_selected)
        self._add_step = QToolButton(self)
        self._add_step.setObjectName("addStepButton")
        self._add_step.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._add_menu = QMenu(self._add_step)
        for kind in StepKind:
            action = self._add_menu.addAction(kind_text(kind))
            action.setObjectName(f"addStep_{kind.value}")
            action.triggered.connect(lambda _checked=False, k=kind: self._on_add_step(k))
        self._add_step.setMenu(self._add_menu)
        self._remove_step = self._button("removeStepButton", self._on_remove_step)
        self._step_up = self._button("stepUpButton", lambda: self._on_move_step(-1))
        self._step_down = self._button("stepDownButton", lambda: self._on_move_step(1))
        self._form = StepForm(self)
        self._form.changed.connect(self._on_draft_changed)
        self._preview = PreviewPanel(language, self)
        self._preview.next_requested.connect(self._on_preview_next)

        self._problem = QLabel(self)
        self._problem.setObjectName("draftProblem")
        self._problem.setWordWrap(True)
        self._note = QLineEdit(self)
        self._note.setObjectName("changeNoteInput")
        self._note.setMaxLength(NOTE_MAX_LENGTH)
        self._note.textChanged.connect(self._update_save_button)
        self._save = self._button("saveChecklistButton", self._on_save)
        self._discard = self._button("discardChangesButton", self._on_discard)

        self._versions = ChecklistVersionsModel(self)
        self._versions_table = self._table(
            "versionsTable", self._versions, ChecklistVersionsModel.NOTE
        )
        self._restore = self._button("restoreVersionButton", self._on_restore)
        self._overrides = GradeOverridesModel(self)
        self._overrides_table = self._table(
            "overridesTable", self._overrides, GradeOverridesModel.REASON
        )

        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("editorTabs")
        self._tabs.addTab(self._edit_tab(), "")
        self._history_hint = QLabel(self)
        self._tabs.addTab(
            self._history_tab(self._history_hint, self._versions_table, self._restore), ""
        )
        self._tabs.addTab(self._overrides_tab(), "")
        self._tabs.currentChanged.connect(self._on_tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self._tabs)
        self._retranslate()
        self.resize(1340, 740)
        self._load_categories()

    # -- building -----------------------------------------------------------------------------

    def _grade_box(self, severity: Severity) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(f"gradeBox_{severity.value}")
        for grade in Grade:
            box.addItem(grade.value, grade.value)
        box.activated.connect(
            lambda row, s=severity, b=box: self._edit(
                lambda d: d.set_grade(s, Grade(b.itemData(row)))
            )
        )
        return box

    def _table(
        self, name: str, model: ChecklistVersionsModel | GradeOverridesModel, stretch: int
    ) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        return table

    def _edit_tab(self) -> QWidget:
        tab = QWidget(self)
        top = QHBoxLayout()
        self._category_caption = QLabel(tab)
        top.addWidget(self._category_caption)
        top.addWidget(self._category)
        top.addWidget(self._new_category)
        top.addSpacing(16)
        top.addWidget(self._version, 1)
        names = QHBoxLayout()
        self._name_caption = QLabel(tab)
        names.addWidget(self._name_caption)
        names.addWidget(self._name, 2)
        names.addWidget(self._name_zh, 1)
        names.addSpacing(16)
        self._grade_captions: dict[Severity, QLabel] = {}
        for severity, box in self._grades.items():
            caption = QLabel(tab)
            self._grade_captions[severity] = caption
            names.addWidget(caption)
            names.addWidget(box)

        step_buttons = QGridLayout()
        for number, button in enumerate(
            (self._add_step, self._remove_step, self._step_up, self._step_down)
        ):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            step_buttons.addWidget(button, number // 2, number % 2)
        left = QWidget(tab)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._steps, 1)
        left_layout.addLayout(step_buttons)
        left.setMinimumWidth(300)
        form_scroll = self._scroll(self._form, tab)
        form_scroll.setMinimumWidth(460)
        preview_scroll = self._scroll(self._preview, tab)
        preview_scroll.setMinimumWidth(320)
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        splitter.setChildrenCollapsible(False)
        for widget in (left, form_scroll, preview_scroll):
            splitter.addWidget(widget)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([300, 470, 570])

        bottom = QHBoxLayout()
        self._note_caption = QLabel(tab)
        bottom.addWidget(self._note_caption)
        bottom.addWidget(self._note, 1)
        bottom.addWidget(self._discard)
        bottom.addWidget(self._save)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addLayout(names)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._problem)
        layout.addLayout(bottom)
        return tab

    def _overrides_tab(self) -> QWidget:
        tab = QWidget(self)
        self._overrides_hint = QLabel(tab)
        self._overrides_hint.setObjectName("dialogHint")
        self._overrides_hint.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self._overrides_hint)
        layout.addWidget(self._overrides_table, 1)
        return tab

    def _retranslate(self) -> None:
        self._tabs.setTabText(0, self.tr("Edit"))
        self._tabs.setTabText(1, self.tr("History"))
        self._tabs.setTabText(2, self.tr("Grade overrides"))
        self._category_caption.setText(self.tr("Category"))
        self._new_category.setText(self.tr("New category…"))
        self._name_caption.setText(self.tr("Name"))
        self._name_zh.setPlaceholderText(self.tr("Name (中文)"))
        for severity, caption in self._grade_captions.items():
            caption.setText(self.tr("{severity} →").format(severity=severity_text(severity.value)))
        self._add_step.setText(self.tr("Add step"))
        self._remove_step.setText(self.tr("Remove step"))
        self._step_up.setText(self.tr("Move up"))
        self._step_down.setText(self.tr("Move down"))
        self._note_caption.setText(self.tr("What changed"))
        self._note.setPlaceholderText(self.tr("e.g. dents are a major defect from now on"))
        self._save.setText(self.tr("Save as new version"))
        self._discard.setText(self.tr("Discard changes"))
        self._restore.setText(self.tr("Edit from this version"))
        self._history_hint.setText(
            self.tr(
                "Stored versions never change: inspections keep the version they used. Editing "
                "from an older version and saving makes it the newest version again."
            )
        )
        self._overrides_hint.setText(
            self.tr(
                "Grades overridden in the last 30 days, newest first. Overrides to a better "
                "grade are tinted."
            )
        )

    # -- loading ------------------------------------------------------------------------------

    def _load_categories(self, select: str | None = None) -> None:
        categories = self._call(self._library.categories) or []
        self._category.clear()
        self._category.addItems(categories)
        if categories:
            wanted = select if select in categories else categories[0]
            self._category.setCurrentText(wanted)
            self._open(self._call(lambda: self._library.draft(wanted)))

    def _open(self, draft: ChecklistDraft | None, select_step: int = 0) -> None:
        if draft is None:
            return
        self._draft = draft
        self._saved_body = draft.body()
        self._note.clear()
        self._name.setText(draft.name_in("en"))
        self._name_zh.setText(draft.name_in(TRANSLATION))
        for severity, box in self._grades.items():
            box.setCurrentIndex(box.findData(draft.grade_of(severity).value))
        self._fill_steps(select_step)
        self._load_history()
        self._check()

    def _fill_steps(self, select: int) -> None:
        draft = self._draft
        assert draft is not None
        self._steps.blockSignals(True)
        self._steps.clear()
        for index in range(len(draft.steps)):
            self._steps.addItem(self._step_title(draft, index))
        self._steps.blockSignals(False)
        if draft.steps:
            row = max(0, min(select, len(draft.steps) - 1))
            self._steps.setCurrentRow(row)
            self._on_step_selected(row)

    def _step_title(self, draft: ChecklistDraft, index: int) -> str:
        question = (
            draft.text_in(index, "question", self._language).strip()
            or draft.text_in(index, "question", "en").strip()
            or self.tr("(no question yet)")
        )
        return f"{index + 1}. {question}  [{kind_text(draft.kind_of(index))}]"

    def _load_history(self) -> None:
        draft = self._draft
        if draft is not None:
            self._versions.set_versions(
                self._call(lambda: self._library.history(draft.category)) or []
            )

    @override
    def is_dirty(self) -> bool:
        return self._draft is not None and self._draft.body() != self._saved_body

    # -- checking -----------------------------------------------------------------------------

    @override
    def _discard_question(self) -> str:
        return self.tr("The checklist has changes that are not saved. Discard them?")

    @override
    def _forget_changes(self) -> None:
        if self._draft is not None:
            self._saved_body = self._draft.body()

    def _check(self) -> None:
        """Say what is wrong with the draft (naming the step), or what saving will do."""
        draft = self._draft
        if draft is None:
            return
        next_version = (draft.base_version or 0) + 1
        self._version.setText(
            self.tr("Editing {category}: saving makes version {version}").format(
                category=draft.category, version=next_version
            )
            if draft.base_version
            else self.tr("New checklist {category}: saving makes version 1").format(
                category=draft.category
            )
        )
        try:
            draft.check()
        except ChecklistError as exc:
            self._show_problem(error_text(exc), "error")
        else:
            self._show_problem(
                self.tr("The checklist is complete and can be saved.")
                if self.is_dirty()
                else self.tr("No changes yet."),
                "ok" if self.is_dirty() else "none",
            )
        self._update_save_button()

    @override
    def _show_problem(self, text: str, level: str) -> None:
        self._problem.setText(text)
        set_style_properties(self._problem, outcome=level)

    @Slot()
    def _update_save_button(self) -> None:
        ready = (
            self.is_dirty()
            and self._problem.property("outcome") == "ok"
            and bool(self._note.text().strip())
        )
        self._save.setEnabled(ready)
        self._discard.setEnabled(self.is_dirty())

    # -- editing ------------------------------------------------------------------------------

    def _edit(self, change: Callable[[ChecklistDraft], None]) -> None:
        if self._draft is not None:
            change(self._draft)
            self._on_draft_changed()

    @Slot()
    def _on_draft_changed(self) -> None:
        draft, row = self._draft, self._steps.currentRow()
        if draft is None:
            return
        if 0 <= row < len(draft.steps):
            item = self._steps.item(row)
            if item is not None:
                item.setText(self._step_title(draft, row))
            self._preview.show_step(draft, row)
        self._check()

    @Slot(int)
    def _on_step_selected(self, row: int) -> None:
        draft = self._draft
        has_step = draft is not None and 0 <= row < len(draft.steps)
        self._form.setEnabled(has_step)
        for button in (self._remove_step, self._step_up, self._step_down):
            button.setEnabled(has_step)
        if draft is not None and has_step:
            self._form.show_step(draft, row)
            self._preview.show_step(draft, row)

    def _on_add_step(self, kind: StepKind) -> None:
        draft = self._draft
        if draft is not None:
            index = draft.add_step(kind, self._steps.currentRow() + 1)
            self._fill_steps(index)
            self._form.focus_question()
            self._check()

    @Slot()
    def _on_remove_step(self) -> None:
        draft, row = self._draft, self._steps.currentRow()
        if draft is not None and 0 <= row < len(draft.steps):
            draft.remove_step(row)
            self._fill_steps(row)
            self._check()

    def _on_move_step(self, offset: int) -> None:
        draft, row = self._draft, self._steps.currentRow()
        if draft is not None and 0 <= row < len(draft.steps):
            self._fill_steps(draft.move_step(row, offset))
            self._check()

    @Slot()
    def _on_preview_next(self) -> None:
        row = self._steps.currentRow()
        if row + 1 < self._steps.count():
            self._steps.setCurrentRow(row + 1)

    # -- categories, saving, history ----------------------------------------------------------

    @Slot(int)
    def _on_category_activated(self, row: int) -> None:
        category = self._category.itemText(row)
        if self._draft is not None and category == self._draft.category:
            return
        if not self._may_leave():
            assert self._draft is not None
            self._category.setCurrentText(self._draft.category)
            return
        self._open(self._call(lambda: self._library.draft(category)))

    @Slot()
    def _on_new_category(self) -> None:
        if not self._may_leave():
            return
        dialog = NewCategoryDialog(self._library.categories(), self._category.currentText(), self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        category, name, copy_from = dialog.chosen()
        dialog.deleteLater()
        if not accepted:
            return
        draft = self._call(lambda: self._library.new_category(category, name, copy_from))
        if draft is not None:
            self._category.addItem(draft.category)
            self._category.setCurrentText(draft.category)
            self._open(draft)
            self._saved_body = ""  # a new category is unsaved until Save
            self._check()

    @Slot()
    def _on_save(self) -> None:
        draft = self._draft
        if draft is None:
            return
        saved = self._call(lambda: self._library.save(draft, self._note.text()))
        if saved is None:
            self._save.setEnabled(False)
            return
        row = self._steps.currentRow()
        self._load_categories(saved.category)
        self._fill_steps(row)
        self._show_problem(
            self.tr("Saved as version {version}. New inspections use it from now on.").format(
                version=saved.version
            ),
            "ok",
        )

    @Slot()
    def _on_discard(self) -> None:
        if self._draft is not None and self._may_leave():
            self._load_categories(self._draft.category)

    @Slot()
    def _on_restore(self) -> None:
        rows = self._versions_table.selectionModel().selectedRows()
        version = self._versions.version_at(rows[0].row()) if rows else None
        if version is None or not self._may_leave():
            return
        draft = self._call(lambda: self._library.draft(version.category, version.version))
        if draft is not None:
            self._open(draft)
            self._saved_body = ""  # bringing back an old version is a change to save
            self._check()
            self._tabs.setCurrentIndex(0)

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if index == 2:
            self._overrides.set_overrides(self._call(self._library.recent_overrides) or [])

    # -- leaving ------------------------------------------------------------------------------
