"""The stored versions of the routing rules, newest first: who saved each and why."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from typing_extensions import override

from receiving_app.disposition.rules_library import RulesVersionInfo
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel


class RulesVersionsModel(ViewTableModel):
    """Columns: version, name, saved at, saved by, note, units routed. The one in use is green."""

    VERSION, NAME, SAVED, SAVED_BY, NOTE, DECISIONS = range(6)

    def set_versions(self, versions: list[RulesVersionInfo]) -> None:
        self._set_rows(versions)

    def version_at(self, row: int) -> RulesVersionInfo | None:
        return cast(RulesVersionInfo, self._rows[row]) if 0 <= row < len(self._rows) else None

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("Version"),
            self.tr("Name"),
            self.tr("Saved"),
            self.tr("Saved by"),
            self.tr("What changed"),
            self.tr("Units routed"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        version = cast(RulesVersionInfo, row)
        return (
            version.version,
            version.name,
            version.saved_at.strftime("%Y-%m-%d %H:%M"),
            version.saved_by or self.tr("shipped with the app"),
            version.note,
            version.decisions,
        )

    @override
    def _background(self, row: object) -> object:
        return row_colours.COMPLETE if self._rows and row is self._rows[0] else None

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.VERSION, self.DECISIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
