"""The overrides waiting for a supervisor's review: grades and routes chosen by hand (no Qt).

An override waits while it still stands (no newer inspection of the unit, no newer routing
decision) and nobody has reviewed it (no ``OverrideReview`` with its subject).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

import peewee
from peewee import JOIN, Value, fn

from db.models import Inspection, OverrideReview, Product, Unit, UnitDisposition, User

GRADE_OVERRIDE = "grade_override"
ROUTE_OVERRIDE = "route_override"


@dataclass(frozen=True)
class PendingOverride:
    """One override to review: what changed (``before`` → ``after``), by whom, when and why."""

    subject: str  # "inspection:ID" or "disposition:ID"
    kind: str  # GRADE_OVERRIDE or ROUTE_OVERRIDE
    lpn: str
    sku: str
    before: str
    after: str
    reason: str
    by: str
    at: datetime.datetime


def grade_subject(inspection_id: int) -> str:
    return f"inspection:{inspection_id}"


def route_subject(disposition_id: int) -> str:
    return f"disposition:{disposition_id}"


def _unreviewed(prefix: str, key: peewee.Field) -> peewee.Expression:
    """No review names this row (``prefix`` + its id) as its subject."""
    reviewed = OverrideReview.select(OverrideReview.id).where(
        OverrideReview.subject == Value(prefix).concat(key.cast("text"))
    )
    return ~fn.EXISTS(reviewed)


def pending_grade_overrides() -> list[PendingOverride]:
    """Completed inspections whose grade was overridden, still the unit's grade, unreviewed."""
    newer = Inspection.alias("newer")
    replaced = newer.select(newer.id).where(
        (newer.unit == Inspection.unit) & (newer.id > Inspection.id) & (newer.state != "superseded")
    )
    rows = (
        Inspection.select(
            Inspection.id,
            Unit.lpn,
            Product.sku,
            Inspection.computed_grade,
            Inspection.final_grade,
            Inspection.override_reason,
            User.display_name,
            Inspection.overridden_at,
        )
        .join(Unit, on=Inspection.unit == Unit.id)
        .join(Product, on=Unit.product == Product.id)
        .switch(Inspection)
        .join(User, JOIN.LEFT_OUTER, on=Inspection.overridden_by == User.id)
        .where(
            (Inspection.state == "completed")
            & Inspection.override_reason.is_null(False)
            & ~fn.EXISTS(replaced)
            & _unreviewed("inspection:", Inspection.id)
        )
        .order_by(Inspection.overridden_at, Inspection.id)
        .tuples()
    )
    return [
        PendingOverride(
            grade_subject(ident),
            GRADE_OVERRIDE,
            lpn,
            sku,
            computed or "-",
            final or "-",
            reason or "",
            by or "-",
            at,
        )
        for ident, lpn, sku, computed, final, reason, by, at in cast(Iterable[Any], rows)
    ]


def pending_route_overrides() -> list[PendingOverride]:
    """Supervisors' routes that are still their unit's latest decision, unreviewed."""
    newer = UnitDisposition.alias("newer")
    replaced = newer.select(newer.id).where(
        (newer.unit == UnitDisposition.unit) & (newer.id > UnitDisposition.id)
    )
    rows = (
        UnitDisposition.select(
            UnitDisposition.id,
            UnitDisposition.unit,
            Unit.lpn,
            Product.sku,
            UnitDisposition.route,
            UnitDisposition.location,
            UnitDisposition.override_reason,
            User.display_name,
            UnitDisposition.decided_at,
        )
        .join(Unit, on=UnitDisposition.unit == Unit.id)
        .join(Product, on=Unit.product == Product.id)
        .switch(UnitDisposition)
        .join(User, on=UnitDisposition.decided_by == User.id)
        .where(
            UnitDisposition.override_reason.is_null(False)
            & ~fn.EXISTS(replaced)
            & _unreviewed("disposition:", UnitDisposition.id)
        )
        .order_by(UnitDisposition.decided_at, UnitDisposition.id)
        .tuples()
    )
    return [
        PendingOverride(
            route_subject(ident),
            ROUTE_OVERRIDE,
            lpn,
            sku,
            _route_before(unit_id, ident),
            f"{route} @ {location}",
            reason or "",
            by,
            at,
        )
        for ident, unit_id, lpn, sku, route, location, reason, by, at in cast(Iterable[Any], rows)
    ]


def _route_before(unit_id: int, disposition_id: int) -> str:
    """The route the override replaced ("-" when there was none)."""
    previous = (
        UnitDisposition.select(UnitDisposition.route, UnitDisposition.location)
        .where((UnitDisposition.unit == unit_id) & (UnitDisposition.id < disposition_id))
        .order_by(UnitDisposition.id.desc())
        .first()
    )
    return f"{previous.route} @ {previous.location}" if previous is not None else "-"
