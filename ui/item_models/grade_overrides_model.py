"""Grade overrides for the supervisors' review: which unit, from what to what, why, by whom."""

from __future__ import annotations

from typing import cast

from typing_extensions import override

from receiving_app.inspection.versions import OverrideInfo
from ui.item_models import row_colours
from ui.item_models.view_table_model import ViewTableModel


class GradeOverridesModel(ViewTableModel):
    """Columns: when, LPN, SKU, computed → final grade, reason, overridden by, inspected by.

    An override to a better grade (C → A) is tinted: it is the one that costs money when wrong.
    """

    WHEN, LPN, SKU, GRADE, REASON, OVERRIDDEN_BY, INSPECTED_BY = range(7)

    def set_overrides(self, overrides: list[OverrideInfo]) -> None:
        self._set_rows(overrides)

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("LPN"),
            self.tr("SKU"),
            self.tr("Grade"),
            self.tr("Reason"),
            self.tr("Overridden by"),
            self.tr("Inspected by"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        item = cast(OverrideInfo, row)
        return (
            item.overridden_at.strftime("%Y-%m-%d %H:%M"),
            item.lpn,
            item.sku,
            f"{item.computed_grade} → {item.final_grade}",
            item.reason,
            item.overridden_by,
            item.inspected_by,
        )

    @override
    def _background(self, row: object) -> object:
        item = cast(OverrideInfo, row)
        raised = item.final_grade < item.computed_grade  # "A" < "C": a better grade
        return row_colours.ATTENTION if raised else None
