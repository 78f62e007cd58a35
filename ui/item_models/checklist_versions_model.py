"""The stored versions of one category's checklist, newest first: who saved each and why."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from typing_extensions import override

from receiving_app.inspection.versions import VersionInfo
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel


class ChecklistVersionsModel(ViewTableModel):
    """Columns: version, name, stored at, saved by, note, inspections. The current one is green."""

    VERSION, NAME, STORED, SAVED_BY, NOTE, INSPECTIONS = range(6)

    def set_versions(self, versions: list[VersionInfo]) -> None:
        self._set_rows(versions)

    def version_at(self, row: int) -> VersionInfo | None:
        return cast(VersionInfo, self._rows[row]) if 0 <= row < len(self._rows) else None

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("Version"),
            self.tr("Name"),
            self.tr("Stored"),
            self.tr("Saved by"),
            self.tr("What changed"),
            self.tr("Inspections"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        version = cast(VersionInfo, row)
        return (
            version.version,
            version.name,
            version.stored_at.strftime("%Y-%m-%d %H:%M"),
            version.saved_by or self.tr("template file"),
            version.note,
            version.inspections,
        )

    @override
    def _background(self, row: object) -> object:
        return row_colours.COMPLETE if self._rows and row is self._rows[0] else None

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.VERSION, self.INSPECTIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
