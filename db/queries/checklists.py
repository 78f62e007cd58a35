"""Queries about stored checklist versions and the grade overrides supervisors review."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, NamedTuple, cast

from peewee import JOIN, fn

from db.models import ChecklistVersion, Inspection, Product, Unit, User
from db.transactions import for_update


def categories() -> list[str]:
    """Every category with at least one stored checklist version, in alphabetical order."""
    query = ChecklistVersion.select(ChecklistVersion.category).distinct()
    return sorted(row.category for row in query)


def versions_of(category: str) -> list[ChecklistVersion]:
    """The category's stored versions, newest first, with who saved each (``saver_name``)."""
    return list(
        ChecklistVersion.select(ChecklistVersion, User.display_name.alias("saver_name"))
        .join(User, JOIN.LEFT_OUTER, on=ChecklistVersion.saved_by == User.id)
        .where(ChecklistVersion.category == category)
        .order_by(ChecklistVersion.version.desc())
        .objects()
    )


def inspections_per_version(category: str) -> dict[int, int]:
    """How many inspections used each version of the category (version id → count)."""
    query = (
        Inspection.select(Inspection.checklist_version, fn.COUNT(Inspection.id).alias("uses"))
        .join(ChecklistVersion)
        .where(ChecklistVersion.category == category)
        .group_by(Inspection.checklist_version)
    )
    return dict(cast(Iterable[tuple[int, int]], query.tuples()))


def latest_version_locked(category: str) -> ChecklistVersion | None:
    """The category's highest version, locked (PostgreSQL) until the transaction ends."""
    query = (
        ChecklistVersion.select()
        .where(ChecklistVersion.category == category)
        .order_by(ChecklistVersion.version.desc())
        .limit(1)
    )
    return for_update(query).first()


class OverrideRow(NamedTuple):
    """A grade override with the names the review shows beside it."""

    lpn: str
    sku: str
    computed_grade: str | None
    final_grade: str | None
    reason: str | None
    overridden_at: datetime.datetime
    overridden_by: str | None
    inspected_by: str | None


def overrides_since(since: datetime.datetime, limit: int) -> list[OverrideRow]:
    """Inspections whose grade was overridden at or after ``since``, newest first."""
    overrider = User.alias("overrider")
    inspector = User.alias("inspector")
    query = (
        Inspection.select(
            Unit.lpn,
            Product.sku,
            Inspection.computed_grade,
            Inspection.final_grade,
            Inspection.override_reason,
            Inspection.overridden_at,
            overrider.display_name,
            inspector.display_name,
        )
        .join(Unit, on=Inspection.unit == Unit.id)
        .join(Product, on=Unit.product == Product.id)
        .join(overrider, JOIN.LEFT_OUTER, on=Inspection.overridden_by == overrider.id)
        .join(inspector, JOIN.LEFT_OUTER, on=Inspection.completed_by == inspector.id)
        .where(Inspection.overridden_at >= since)
        .order_by(Inspection.overridden_at.desc(), Inspection.id.desc())
        .limit(limit)
    )
    rows = cast(Iterable[tuple[Any, ...]], query.tuples())
    return [OverrideRow(*row) for row in rows]
