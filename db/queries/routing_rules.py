"""Queries about the stored routing-rule versions, and the values a supervisor tries them with."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from peewee import JOIN, fn

from db.models import RMA, Product, RoutingRulesVersion, UnitDisposition, User, Vendor
from db.transactions import for_update


def versions() -> list[RoutingRulesVersion]:
    """Every stored version, newest first, with who saved each (``saver_name``, None for the
    shipped rules)."""
    return list(
        RoutingRulesVersion.select(RoutingRulesVersion, User.display_name.alias("saver_name"))
        .join(User, JOIN.LEFT_OUTER, on=RoutingRulesVersion.saved_by == User.id)
        .order_by(RoutingRulesVersion.version.desc())
        .objects()
    )


def decisions_per_version() -> dict[int, int]:
    """How many routing decisions used each version (version row id → count)."""
    query = UnitDisposition.select(
        UnitDisposition.rules_version, fn.COUNT(UnitDisposition.id)
    ).group_by(UnitDisposition.rules_version)
    return dict(cast(Iterable[tuple[int, int]], query.tuples()))


def latest_version_locked() -> RoutingRulesVersion | None:
    """The highest stored version, locked (PostgreSQL) until the transaction ends."""
    query = RoutingRulesVersion.select().order_by(RoutingRulesVersion.version.desc()).limit(1)
    return for_update(query).first()


def product_categories() -> list[str]:
    """The categories of the products on file, in alphabetical order."""
    query = Product.select(Product.category).distinct()
    return sorted(row.category for row in query)


def vendors() -> list[Vendor]:
    """Every vendor with its return terms, by code."""
    return list(Vendor.select().order_by(Vendor.code))


def return_reasons() -> list[str]:
    """The return reason codes RMAs on file carry, in alphabetical order."""
    query = RMA.select(RMA.reason_code).distinct()
    return sorted(row.reason_code for row in query)
