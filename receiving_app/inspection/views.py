"""The frozen view of an inspection that the inspection screen shows (reads only, no Qt).

Steps are the template's language-neutral ``Step`` values: the screen shows their questions,
help and options through the step translations in the user's language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from db.models import Inspection, Unit
from db.queries import inspections as queries
from db.queries import units as unit_queries
from receiving_app.disposition.store import latest_disposition
from receiving_app.inspection.model import ChecklistTemplate, Step


@dataclass(frozen=True)
class InspectionView:
    """One unit's inspection: the unit, its return, the checklist, the answers so far."""

    inspection_id: int
    state: str
    lpn: str
    sku: str
    product_name: str
    category: str
    rma_number: str | None
    reason_code: str | None
    customer_words: str
    serial: str | None
    serials_sold: tuple[str, ...]
    template: ChecklistTemplate
    answers: Mapping[str, object]  # step id → answer, as stored (parsed JSON)
    current_index: int  # 0-based; equals len(steps) once past the last step
    computed_grade: str | None
    final_grade: str | None
    override_reason: str | None
    disposition: str | None = None  # the unit's route once graded (restock, refurbish...)
    location: str | None = None  # where that route sends it
    recoveries: Mapping[str, str] = field(default_factory=dict)  # route → expected amount
    route_reason: str | None = None  # set when a supervisor chose the route, and why

    @property
    def template_name(self) -> str:
        return self.template.name

    @property
    def template_version(self) -> int:
        return self.template.version

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.template.steps

    @property
    def current_step(self) -> Step | None:
        steps = self.template.steps
        return steps[self.current_index] if self.current_index < len(steps) else None

    @property
    def progress(self) -> tuple[int, int]:
        """(steps answered, steps in all)."""
        return len(self.answers), len(self.template.steps)


def first_unanswered(template: ChecklistTemplate, answers: Mapping[str, object]) -> int:
    for index, step in enumerate(template.steps):
        if step.id not in answers:
            return index
    return len(template.steps)


def stored_answers(inspection_id: int) -> dict[str, object]:
    return {step: json.loads(text) for step, text in queries.answers_of(inspection_id).items()}


def inspection_view(
    inspection: Inspection, unit: Unit, template: ChecklistTemplate, current_index: int
) -> InspectionView:
    rma = queries.rma_of_unit(unit)
    routed = latest_disposition(unit.id) if inspection.state == "completed" else None
    serials = unit_queries.sold_serials(queries.order_line_ids_of_unit(unit))
    sold = sorted({serial for group in serials.values() for serial in group})
    return InspectionView(
        inspection_id=inspection.id,
        state=inspection.state,
        lpn=unit.lpn,
        sku=unit.product.sku,
        product_name=unit.product.name,
        category=unit.product.category,
        rma_number=rma.number if rma else None,
        reason_code=rma.reason_code if rma else None,
        customer_words=rma.customer_words if rma else "",
        serial=unit.serial,
        serials_sold=tuple(sold),
        template=template,
        answers=MappingProxyType(stored_answers(inspection.id)),
        current_index=current_index,
        computed_grade=inspection.computed_grade,
        final_grade=inspection.final_grade,
        override_reason=inspection.override_reason,
        disposition=unit.disposition if routed is not None else None,
        location=unit.location if routed is not None else None,
        recoveries=MappingProxyType(json.loads(routed.recoveries))
        if routed
        else MappingProxyType({}),
        route_reason=routed.override_reason if routed is not None else None,
    )
