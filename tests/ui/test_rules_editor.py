"""The supervisor's routing rules editor: edit, check, try a unit, save a version, history."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.models import AuditRecord, RoutingRulesVersion, User
from receiving_app.context import AppContext
from receiving_app.disposition.model import Disposition
from receiving_app.disposition.rule_files import rules_from_text
from receiving_app.disposition.rules_access import rules_library_for
from receiving_app.disposition.rules_library import RulesLibrary
from receiving_app.users import user_info
from tests.ui.conftest import when_dialog
from ui.rules_editor import RulesEditorDialog, open_rules_editor
from ui.rules_editor.rule_form import RuleForm as RuleFormType

RULES, ROUTES, TRY, HISTORY = range(4)


def child(parent: QWidget, kind: type, name: str) -> QWidget:
    found = parent.findChildren(kind, name)
    assert len(found) == 1, (name, found)
    widget: QWidget = found[0]
    return widget


@pytest.fixture
def library(context: AppContext) -> RulesLibrary:
    supervisor = User.select().where(User.role == "supervisor", User.active).first()
    assert supervisor is not None
    return rules_library_for(
        context.database, context.clock, context.station, user_info(supervisor)
    )


def answer_discard(button: QMessageBox.StandardButton) -> None:
    def press(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(button).click()

    when_dialog("discardChangesDialog", press)


class Editor:
    """The rules editor driven as a supervisor does, with the mouse and keyboard."""

    def __init__(self, qtbot: QtBot, library: RulesLibrary) -> None:
        self.qtbot = qtbot
        # Not qtbot.addWidget: qtbot closes its widgets before fixtures end, and an editor with
        # unsaved edits asks first; ``open_editor`` closes it and answers.
        self.dialog = RulesEditorDialog(library)
        self.dialog.show()
        qtbot.waitExposed(self.dialog)
        self.rules = self.widget(QListWidget, "ruleList")
        self.problem = self.widget(QLabel, "rulesProblem")
        self.save = self.widget(QPushButton, "saveRulesButton")
        self.tabs = self.widget(QTabWidget, "rulesTabs")
        assert isinstance(self.rules, QListWidget) and isinstance(self.save, QPushButton)
        assert isinstance(self.tabs, QTabWidget) and isinstance(self.problem, QLabel)

    def widget(self, kind: type, name: str) -> QWidget:
        return child(self.dialog, kind, name)

    def type_into(self, name: str, text: str) -> None:
        field = self.widget(QLineEdit, name)
        assert isinstance(field, QLineEdit)
        field.selectAll()
        if text:
            self.qtbot.keyClicks(field, text)
        else:
            self.qtbot.keyClick(field, Qt.Key.Key_Delete)

    def choose(self, name: str, data: object) -> None:
        box = self.widget(QComboBox, name)
        assert isinstance(box, QComboBox)
        row = box.findData(data)
        assert row >= 0, (name, data)
        box.setCurrentIndex(row)
        box.activated.emit(row)

    def click(self, name: str, kind: type = QPushButton) -> None:
        self.qtbot.mouseClick(self.widget(kind, name), Qt.MouseButton.LeftButton)

    def label(self, name: str) -> QLabel:
        label = self.widget(QLabel, name)
        assert isinstance(label, QLabel)
        return label


@pytest.fixture
def open_editor(qtbot: QtBot, library: RulesLibrary) -> Iterator[Callable[[], Editor]]:
    """Opens the editor; at the end unsaved edits are discarded as the supervisor would."""
    opened: list[Editor] = []

    def open_one() -> Editor:
        opened.append(Editor(qtbot, library))
        return opened[-1]

    yield open_one
    for editor in opened:
        if editor.dialog.is_dirty():
            answer_discard(QMessageBox.StandardButton.Discard)
        editor.dialog.close()
        assert not editor.dialog.isVisible()
        editor.dialog.deleteLater()


def stored_versions() -> list[int]:
    query = RoutingRulesVersion.select().order_by(RoutingRulesVersion.version)
    return [row.version for row in query]


def test_changing_a_rules_route_and_saving_makes_the_next_version(
    open_editor: Callable[[], Editor], qtbot: QtBot
) -> None:
    editor = open_editor()
    assert stored_versions() == [1]
    assert editor.rules.count() == 4
    assert editor.problem.property("outcome") == "none" and not editor.save.isEnabled()
    editor.rules.setCurrentRow(1)
    editor.choose("ruleRouteBox", "scrap")
    assert editor.rules.item(1).text().startswith("2. cosmetic_to_refurbish → scrap")
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    assert not editor.save.isEnabled()  # no note yet
    assert "say what changed" in editor.problem.text()
    editor.type_into("rulesNoteInput", "B units are scrapped")
    assert editor.save.isEnabled()
    editor.click("saveRulesButton")
    qtbot.waitUntil(lambda: "version 2" in editor.problem.text())
    assert stored_versions() == [1, 2]
    row = RoutingRulesVersion.get(RoutingRulesVersion.version == 2)
    assert json.loads(row.body)["rules"][1]["route"] == "scrap"
    assert row.note == "B units are scrapped"
    assert AuditRecord.select().where(AuditRecord.action == "routing_rules.saved").count() == 1
    assert not editor.save.isEnabled()  # saved: nothing left to save
    assert not editor.dialog.is_dirty()
    assert "saving makes version 3" in editor.label("rulesVersionLabel").text()
    versions = editor.widget(QTableView, "rulesVersionsTable")
    assert isinstance(versions, QTableView)
    assert versions.model().rowCount() == 2


def test_a_broken_condition_is_named_and_save_stays_off(
    open_editor: Callable[[], Editor], qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.type_into("rulesNoteInput", "Only recent returns go back")
    editor.rules.setCurrentRow(2)
    editor.type_into("maxDaysInput", "2.5")
    assert editor.problem.property("outcome") == "error"
    text = editor.problem.text()
    assert "Rule 3" in text and "defective_back_to_vendor" in text and "max_days" in text
    assert not editor.save.isEnabled()
    editor.type_into("maxDaysInput", "abc")
    field = editor.widget(QLineEdit, "maxDaysInput")
    assert field.property("invalid") is True
    assert "defective_back_to_vendor" in editor.problem.text()
    assert "not a number" in editor.problem.text()
    assert not editor.save.isEnabled()
    editor.type_into("minDaysInput", "40")
    editor.type_into("maxDaysInput", "30")
    assert "minimum (40) is above its maximum (30)" in editor.problem.text()
    editor.type_into("minDaysInput", "")
    assert field.property("invalid") is False
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    assert editor.save.isEnabled()
    assert "at most 30 days since delivery" in editor.rules.item(2).text()

    editor.click("bestOfRadio", QRadioButton)
    assert editor.problem.property("outcome") == "error"
    assert "Rule 3 (defective_back_to_vendor)" in editor.problem.text()
    assert "best_of" in editor.problem.text()
    box = editor.widget(QCheckBox, "bestOf_refurbish")
    assert isinstance(box, QCheckBox)
    box.click()
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    assert "whichever recovers most of vendor return | refurbish" in editor.rules.item(2).text()
    editor.click("saveRulesButton")
    qtbot.waitUntil(lambda: stored_versions() == [1, 2])
    rule = rules_from_text(RoutingRulesVersion.get(version=2).body).rules[2]
    assert rule.best_of and rule.routes == (Disposition.VENDOR_RETURN, Disposition.REFURBISH)
    assert (rule.conditions.min_days, rule.conditions.max_days) == (None, 30)


def test_a_new_rule_without_conditions_is_pointed_out(
    open_editor: Callable[[], Editor], qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.rules.setCurrentRow(0)
    editor.click("addRuleButton")
    assert editor.rules.count() == 5 and editor.rules.currentRow() == 1
    assert editor.problem.property("outcome") == "warning"
    assert "rule 2 (rule_1) has no conditions" in editor.problem.text()
    editor.type_into("ruleIdInput", "wet_parcels")
    editor.click("parcel_condition_wet", QCheckBox)
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    assert editor.rules.item(1).text().startswith("2. wet_parcels → scrap")
    editor.click("ruleDownButton")
    assert editor.rules.currentRow() == 2
    assert editor.rules.item(2).text().startswith("3. wet_parcels")
    editor.click("removeRuleButton")
    assert editor.rules.count() == 4
    assert editor.problem.property("outcome") == "none"  # back to what is stored


def test_routes_and_recovery_figures(open_editor: Callable[[], Editor], qtbot: QtBot) -> None:
    editor = open_editor()
    editor.tabs.setCurrentIndex(ROUTES)
    editor.choose("defaultRouteBox", "refurbish")
    editor.type_into("location_scrap", "BIN-{colour}")
    assert editor.problem.property("outcome") == "error"
    assert "BIN-{colour}" in editor.problem.text()
    editor.type_into("location_scrap", "BIN-{category}")
    editor.type_into("ratio_scrap_ratio", "x")
    assert "liquidator" in editor.problem.text()
    editor.type_into("ratio_scrap_ratio", "0,1")
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    editor.type_into("costCategoryInput", "Garden Tools")
    editor.type_into("costAmountInput", "7.5")
    editor.click("addCostButton")
    assert "Garden Tools is not a category" in editor.problem.text()
    editor.type_into("costCategoryInput", "garden")
    editor.click("addCostButton")
    table = editor.widget(QTableWidget, "refurbishCostTable")
    assert isinstance(table, QTableWidget)
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert "garden" in names
    editor.type_into("rulesNoteInput", "Scrap goes to bins")
    editor.click("saveRulesButton")
    qtbot.waitUntil(lambda: stored_versions() == [1, 2])
    rules = rules_from_text(RoutingRulesVersion.get(version=2).body)
    assert rules.default is Disposition.REFURBISH
    assert rules.locations[Disposition.SCRAP] == "BIN-{category}"
    assert str(rules.recovery.scrap_ratio) == "0.1"
    assert str(rules.recovery.refurbish_cost["garden"]) == "7.5"


def test_the_try_tab_shows_where_a_unit_goes_live(
    open_editor: Callable[[], Editor], qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.tabs.setCurrentIndex(TRY)
    editor.choose("tryGradeBox", "B")
    category = editor.widget(QComboBox, "tryCategoryBox")
    assert isinstance(category, QComboBox)
    category.setEditText("electronics")
    editor.type_into("tryValueInput", "399")
    route = editor.label("tryRoute")
    assert route.text() == "refurbish → REFURB-electronics"
    assert route.property("route") == "refurbish"
    assert editor.label("tryRule").text() == "Rule 2 (cosmetic_to_refurbish)"
    assert "grade B is one of B" in editor.label("tryReasons").text()
    table = editor.widget(QTableWidget, "tryRecoveryTable")
    assert isinstance(table, QTableWidget)
    amounts = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(4)}
    assert amounts == {
        "restock": "0.00",
        "refurbish": "204.40",
        "vendor return": "0.00",
        "scrap": "19.95",
    }
    editor.tabs.setCurrentIndex(RULES)
    editor.rules.setCurrentRow(1)
    editor.choose("ruleRouteBox", "scrap")
    editor.type_into("ruleLocationInput", "SCRAP-B")
    assert route.text() == "scrap → SCRAP-B"
    in_use = editor.label("tryInUse").text()
    assert "version 1" in in_use and "refurbish → REFURB-electronics" in in_use
    editor.type_into("tryValueInput", "lots")
    assert route.text() == "—" and route.property("route") == ""
    editor.type_into("tryValueInput", "399")
    editor.type_into("ruleIdInput", "B!")
    assert route.text() == "—"
    assert "Rule 2" in editor.label("tryRule").text()
    assert stored_versions() == [1]


def test_history_brings_back_an_older_version(
    open_editor: Callable[[], Editor], library: RulesLibrary, qtbot: QtBot
) -> None:
    draft = library.draft()
    draft.remove_rule(0)
    library.save(draft, "No restock rule")
    editor = open_editor()
    assert editor.rules.count() == 3
    editor.tabs.setCurrentIndex(HISTORY)
    table = editor.widget(QTableView, "rulesVersionsTable")
    assert isinstance(table, QTableView)
    model = table.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [2, 1]
    assert model.index(0, 4).data() == "No restock rule"
    table.selectRow(1)
    editor.click("restoreRulesButton")
    assert editor.tabs.currentIndex() == RULES
    assert editor.rules.count() == 4
    assert "saving makes version 3" in editor.label("rulesVersionLabel").text()
    assert editor.problem.property("outcome") == "ok"
    editor.type_into("rulesNoteInput", "Restock rule back")
    editor.click("saveRulesButton")
    qtbot.waitUntil(lambda: stored_versions() == [1, 2, 3])
    body = json.loads(RoutingRulesVersion.get(version=3).body)
    assert body["rules"][0]["id"] == "as_new_to_stock"


def test_unsaved_changes_are_kept_unless_the_supervisor_discards_them(
    open_editor: Callable[[], Editor], qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.type_into("rulesNameInput", "Dock rules")
    answer_discard(QMessageBox.StandardButton.Cancel)
    editor.dialog.close()
    qtbot.wait(50)
    assert editor.dialog.isVisible() and editor.dialog.is_dirty()
    answer_discard(QMessageBox.StandardButton.Discard)
    editor.click("discardRulesButton")
    qtbot.waitUntil(lambda: not editor.dialog.is_dirty())
    name = editor.widget(QLineEdit, "rulesNameInput")
    assert isinstance(name, QLineEdit) and name.text() == "Default routing"


def test_open_rules_editor_shows_the_dialog_until_it_is_closed(
    qtbot: QtBot, library: RulesLibrary
) -> None:
    seen: list[str] = []

    def close(dialog: QWidget) -> None:
        seen.append(child(dialog, QLabel, "rulesVersionLabel").text())
        assert isinstance(dialog, RulesEditorDialog)
        dialog.reject()

    when_dialog("rulesEditor", close)
    open_rules_editor(library)
    assert seen == ["Editing version 1: saving makes version 2"]


def test_every_rule_removed_leaves_the_default_and_costs_edit_in_place(
    open_editor: Callable[[], Editor], qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.rules.setCurrentRow(3)
    editor.click("bestOfRadio", QRadioButton)
    editor.click("bestOf_scrap", QCheckBox)
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    editor.click("singleRouteRadio", QRadioButton)
    route = editor.widget(QComboBox, "ruleRouteBox")
    assert isinstance(route, QComboBox) and route.currentData() == "refurbish"
    for _ in range(4):
        editor.click("removeRuleButton")
    assert editor.rules.count() == 0
    assert not editor.widget(RuleFormType, "ruleForm").isEnabled()
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    editor.tabs.setCurrentIndex(TRY)
    assert "No rule matched" in editor.label("tryRule").text()
    assert editor.label("tryRoute").text().startswith("scrap → SCRAP")

    editor.tabs.setCurrentIndex(ROUTES)
    table = editor.widget(QTableWidget, "refurbishCostTable")
    assert isinstance(table, QTableWidget)
    assert table.item(0, 0).text() == "any other category"
    table.item(0, 1).setText("abc")
    assert "refurbish cost of any other category is not a number" in editor.problem.text()
    table.item(0, 1).setText("20")
    assert editor.problem.property("outcome") == "ok", editor.problem.text()
    table.selectRow(0)
    editor.click("removeCostButton")
    assert "cannot be removed" in editor.problem.text()
    editor.type_into("rulesNoteInput", "Everything by the default")
    assert editor.save.isEnabled()
    editor.click("saveRulesButton")
    qtbot.waitUntil(lambda: stored_versions() == [1, 2])
    rules = rules_from_text(RoutingRulesVersion.get(version=2).body)
    assert rules.rules == () and str(rules.recovery.default_refurbish_cost) == "20"
