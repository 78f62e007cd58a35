"""The supervisor's routing rules window: edit the rules, try them on a unit, see their history.

Four tabs. *Rules*: the rules in the order they are tried (add, remove, move), and the selected
rule's form. *Routes and recovery*: the default route, each route's location and the recovery
figures. *Try*: a unit's facts and where the rules being edited would send it, and why.
*History*: the stored versions, any of which can be opened as the starting point of the next
one. Under the tabs, what is wrong with the draft is shown at all times, naming the rule, and
Save (with a note) stays off until it checks. Every read and write is a core call.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.disposition.model import RulesError
from receiving_app.disposition.rules_drafts import RulesDraft, catch_all_rule
from receiving_app.disposition.rules_library import NOTE_MAX_LENGTH, RulesLibrary, TryChoices
from ui.item_models.rules_versions_model import RulesVersionsModel
from ui.restyle import set_style_properties
from ui.rules_editor.routes_panel import RoutesPanel
from ui.rules_editor.rule_form import RuleForm, conditions_text, route_text
from ui.rules_editor.try_panel import TryPanel
from ui.station_kit import error_text
from ui.versioned_editor import VersionedEditorDialog

RULES_TAB, ROUTES_TAB, TRY_TAB, HISTORY_TAB = range(4)


class RulesEditorDialog(VersionedEditorDialog):
    """Edits the routing rules as the library's supervisor; nothing is stored before Save."""

    def __init__(self, library: RulesLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesEditor")
        self.setWindowTitle(self.tr("Routing rules"))
        self._library = library
        self._draft: RulesDraft | None = None
        self._saved_body = ""

        self._version = QLabel(self)
        self._version.setObjectName("rulesVersionLabel")
        self._name = QLineEdit(self)
        self._name.setObjectName("rulesNameInput")
        self._name.setMaxLength(120)
        self._name.textEdited.connect(lambda text: self._edit(lambda d: d.set_name(text)))

        self._rules = QListWidget(self)
        self._rules.setObjectName("ruleList")
        self._rules.setWordWrap(True)  # the conditions line of a rule can be long
        self._rules.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rules.currentRowChanged.connect(self._on_rule_selected)
        self._add_rule = self._button("addRuleButton", self._on_add_rule)
        self._remove_rule = self._button("removeRuleButton", self._on_remove_rule)
        self._rule_up = self._button("ruleUpButton", lambda: self._on_move_rule(-1))
        self._rule_down = self._button("ruleDownButton", lambda: self._on_move_rule(1))
        self._form = RuleForm(self)
        self._form.changed.connect(self._on_draft_changed)
        self._routes = RoutesPanel(self)
        self._routes.changed.connect(self._on_draft_changed)
        self._routes.refused.connect(lambda text: self._show_problem(text, "error"))
        self._try = TryPanel(library, self)

        self._problem = QLabel(self)
        self._problem.setObjectName("rulesProblem")
        self._problem.setWordWrap(True)
        self._note = QLineEdit(self)
        self._note.setObjectName("rulesNoteInput")
        self._note.setMaxLength(NOTE_MAX_LENGTH)
        self._note.textChanged.connect(self._check)
        self._save = self._button("saveRulesButton", self._on_save)
        self._discard = self._button("discardRulesButton", self._on_discard)

        self._versions = RulesVersionsModel(self)
        self._versions_table = QTableView(self)
        self._versions_table.setObjectName("rulesVersionsTable")
        self._versions_table.setModel(self._versions)
        self._versions_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self._versions_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self._versions_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RulesVersionsModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self._versions_table.verticalHeader().setVisible(False)
        self._restore = self._button("restoreRulesButton", self._on_restore)

        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("rulesTabs")
        self._tabs.addTab(self._rules_tab(), "")
        self._tabs.addTab(self._scroll(self._routes, self), "")
        self._tabs.addTab(self._try, "")
        self._history_hint = QLabel(self)
        self._tabs.addTab(
            self._history_tab(self._history_hint, self._versions_table, self._restore), ""
        )
        self._tabs.currentChanged.connect(self._on_tab_changed)
        self._build()
        self._retranslate()
        self.resize(1300, 720)
        self._try.set_choices(self._call(library.try_choices) or TryChoices((), (), ()))
        self._open(self._call(library.draft))

    # -- building -----------------------------------------------------------------------------

    def _rules_tab(self) -> QWidget:
        tab = QWidget(self)
        buttons = QGridLayout()
        for number, button in enumerate(
            (self._add_rule, self._remove_rule, self._rule_up, self._rule_down)
        ):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, number // 2, number % 2)
        left = QWidget(tab)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self._order_hint = QLabel(left)
        self._order_hint.setObjectName("dialogHint")
        self._order_hint.setWordWrap(True)
        left_layout.addWidget(self._order_hint)
        left_layout.addWidget(self._rules, 1)
        left_layout.addLayout(buttons)
        left.setMinimumWidth(380)
        form_scroll = self._scroll(self._form, tab)
        form_scroll.setMinimumWidth(560)
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(form_scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 740])
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        return tab

    def _build(self) -> None:
        top = QHBoxLayout()
        self._name_caption = QLabel(self)
        top.addWidget(self._name_caption)
        top.addWidget(self._name, 1)
        top.addSpacing(16)
        top.addWidget(self._version, 1)
        bottom = QHBoxLayout()
        self._note_caption = QLabel(self)
        bottom.addWidget(self._note_caption)
        bottom.addWidget(self._note, 1)
        bottom.addWidget(self._discard)
        bottom.addWidget(self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._tabs, 1)
        layout.addWidget(self._problem)
        layout.addLayout(bottom)

    def _retranslate(self) -> None:
        self._tabs.setTabText(RULES_TAB, self.tr("Rules"))
        self._tabs.setTabText(ROUTES_TAB, self.tr("Routes and recovery"))
        self._tabs.setTabText(TRY_TAB, self.tr("Try a unit"))
        self._tabs.setTabText(HISTORY_TAB, self.tr("History"))
        self._name_caption.setText(self.tr("Name"))
        self._order_hint.setText(
            self.tr("Tried from the top: the first rule whose conditions all hold decides.")
        )
        self._add_rule.setText(self.tr("Add rule"))
        self._remove_rule.setText(self.tr("Remove rule"))
        self._rule_up.setText(self.tr("Move up"))
        self._rule_down.setText(self.tr("Move down"))
        self._note_caption.setText(self.tr("What changed"))
        self._note.setPlaceholderText(self.tr("e.g. cosmetic units go to the outlet from now on"))
        self._save.setText(self.tr("Save as new version"))
        self._discard.setText(self.tr("Discard changes"))
        self._restore.setText(self.tr("Edit from this version"))
        self._history_hint.setText(
            self.tr(
                "Stored versions never change: every routed unit keeps the version that routed "
                "it. Editing from an older version and saving makes it the newest version again."
            )
        )

    # -- loading ------------------------------------------------------------------------------

    def _open(self, draft: RulesDraft | None, select_rule: int = 0) -> None:
        """Edit ``draft`` from now on; the rules in use are read again to try beside it."""
        if draft is None:
            return
        self._draft = draft
        self._saved_body = draft.body()
        self._note.clear()
        self._name.setText(draft.name)
        self._routes.show_draft(draft)
        self._fill_rules(select_rule)
        self._load_history()
        in_use = self._call(self._library.draft)
        self._try.set_rules(draft, in_use, draft.base_version)
        self._check()

    def _fill_rules(self, select: int) -> None:
        draft = self._draft
        assert draft is not None
        self._rules.blockSignals(True)
        self._rules.clear()
        for index in range(len(draft.rules)):
            self._rules.addItem(self._rule_title(draft, index))
        self._rules.blockSignals(False)
        row = max(0, min(select, len(draft.rules) - 1)) if draft.rules else -1
        self._rules.setCurrentRow(row)
        self._on_rule_selected(row)

    def _rule_title(self, draft: RulesDraft, index: int) -> str:
        rule_id = str(draft.rule(index).get("id", "")) or self.tr("(no id yet)")
        best = draft.best_of(index)
        route = draft.route_of(index)
        if best is not None:
            target = self.tr("whichever recovers most of {routes}").format(
                routes=" | ".join(route_text(option) for option in best)
            )
        else:
            target = route_text(route) if route is not None else "?"
        return f"{index + 1}. {rule_id} → {target}\n      {conditions_text(draft, index)}"

    def _load_history(self) -> None:
        self._versions.set_versions(self._call(self._library.history) or [])

    @override
    def is_dirty(self) -> bool:
        return self._draft is not None and self._draft.body() != self._saved_body

    # -- checking -----------------------------------------------------------------------------

    @override
    def _discard_question(self) -> str:
        return self.tr("The routing rules have changes that are not saved. Discard them?")

    @override
    def _forget_changes(self) -> None:
        if self._draft is not None:
            self._saved_body = self._draft.body()

    @Slot()
    def _check(self) -> None:
        """Say what is wrong with the draft (naming the rule), or what saving will do."""
        draft = self._draft
        if draft is None:
            self._save.setEnabled(False)
            self._discard.setEnabled(False)
            return
        self._version.setText(
            self.tr("Editing version {base}: saving makes version {version}").format(
                base=draft.base_version, version=draft.base_version + 1
            )
            if draft.base_version is not None
            else self.tr("No rules stored yet: saving makes version 1")
        )
        text, level = self._problem_of(draft)
        self._show_problem(text, level)
        ready = self.is_dirty() and level in ("ok", "warning") and bool(self._note.text().strip())
        self._save.setEnabled(ready)
        self._discard.setEnabled(self.is_dirty())

    def _problem_of(self, draft: RulesDraft) -> tuple[str, str]:
        row = self._rules.currentRow()
        unparsed = self._form.invalid_field()
        if unparsed is not None and 0 <= row < len(draft.rules):
            return (
                self.tr("Rule {position} ({rule}): {field} is not a number.").format(
                    position=row + 1, rule=draft.rule(row).get("id", ""), field=unparsed
                ),
                "error",
            )
        unparsed = self._routes.invalid_field()
        if unparsed is not None:
            return self.tr("Routes and recovery: {field} is not a number.").format(
                field=unparsed
            ), "error"
        try:
            rules = draft.check()
        except RulesError as exc:
            return error_text(exc), "error"
        if not self.is_dirty():
            return self.tr("No changes yet."), "none"
        hidden = catch_all_rule(rules)
        if hidden is not None:
            position, rule_id = hidden
            return (
                self.tr(
                    "The rules can be saved, but rule {position} ({rule}) has no conditions: "
                    "every unit stops there and the rules below it are never used."
                ).format(position=position, rule=rule_id),
                "warning",
            )
        if not self._note.text().strip():
            return self.tr("The rules check: say what changed, then save."), "ok"
        return self.tr("The rules check and can be saved."), "ok"

    @override
    def _show_problem(self, text: str, level: str) -> None:
        self._problem.setText(text)
        set_style_properties(self._problem, outcome=level)

    # -- editing ------------------------------------------------------------------------------

    def _edit(self, change: Callable[[RulesDraft], None]) -> None:
        if self._draft is not None:
            change(self._draft)
            self._on_draft_changed()

    @Slot()
    def _on_draft_changed(self) -> None:
        draft, row = self._draft, self._rules.currentRow()
        if draft is None:
            return
        if 0 <= row < len(draft.rules):
            item = self._rules.item(row)
            if item is not None:
                item.setText(self._rule_title(draft, row))
        self._try.refresh()
        self._check()

    @Slot(int)
    def _on_rule_selected(self, row: int) -> None:
        draft = self._draft
        has_rule = draft is not None and 0 <= row < len(draft.rules)
        self._form.setEnabled(has_rule)
        for button in (self._remove_rule, self._rule_up, self._rule_down):
            button.setEnabled(has_rule)
        if draft is not None and has_rule:
            self._form.show_rule(draft, row)
        self._check()

    @Slot()
    def _on_add_rule(self) -> None:
        draft = self._draft
        if draft is not None:
            index = draft.add_rule(self._rules.currentRow() + 1)
            self._fill_rules(index)
            self._form.focus_id()
            self._on_draft_changed()

    @Slot()
    def _on_remove_rule(self) -> None:
        draft, row = self._draft, self._rules.currentRow()
        if draft is not None and 0 <= row < len(draft.rules):
            draft.remove_rule(row)
            self._fill_rules(row)
            self._on_draft_changed()

    def _on_move_rule(self, offset: int) -> None:
        draft, row = self._draft, self._rules.currentRow()
        if draft is not None and 0 <= row < len(draft.rules):
            self._fill_rules(draft.move_rule(row, offset))
            self._on_draft_changed()

    # -- saving, history ----------------------------------------------------------------------

    @Slot()
    def _on_save(self) -> None:
        draft = self._draft
        if draft is None:
            return
        saved = self._call(lambda: self._library.save(draft, self._note.text()))
        if saved is None:
            self._save.setEnabled(False)
            return
        row = self._rules.currentRow()
        self._open(self._call(self._library.draft), row)
        self._show_problem(
            self.tr(
                "Saved as version {version}. Units graded from now on are routed by it."
            ).format(version=saved.version),
            "ok",
        )

    @Slot()
    def _on_discard(self) -> None:
        if self._draft is not None and self._may_leave():
            self._open(self._call(self._library.draft), self._rules.currentRow())

    @Slot()
    def _on_restore(self) -> None:
        rows = self._versions_table.selectionModel().selectedRows()
        version = self._versions.version_at(rows[0].row()) if rows else None
        if version is None or not self._may_leave():
            return
        draft = self._call(lambda: self._library.draft(version.version))
        if draft is not None:
            self._open(draft)
            self._saved_body = ""  # bringing back an old version is a change to save
            self._check()
            self._tabs.setCurrentIndex(RULES_TAB)

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if index == TRY_TAB:
            self._try.refresh()

    # -- leaving ------------------------------------------------------------------------------


def open_rules_editor(library: RulesLibrary, parent: QWidget | None = None) -> None:
    """Show the rules editor for ``library``'s supervisor until it is closed (modal)."""
    dialog = RulesEditorDialog(library, parent)
    dialog.exec()
    dialog.deleteLater()


__all__ = ["RulesEditorDialog", "open_rules_editor"]
