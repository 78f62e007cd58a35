"""The supervisor's routing rules editor: rules in order, routes and recovery, a trial unit,
versions saved with a note and their history."""

from ui.rules_editor.editor_dialog import RulesEditorDialog, open_rules_editor

__all__ = ["RulesEditorDialog", "open_rules_editor"]
