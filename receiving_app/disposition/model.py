"""Routing rules as values: dispositions, conditions, rules, the rule set and a unit's facts.

Pure, no Qt and no database. A rule set is data a supervisor edits (see ``docs/routing.md``);
``rule_files.rules_from_data`` builds these frozen values from a file once it has been checked,
and ``routing.decide`` applies them to the facts of one graded unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

ROUTING = "Routing"
GRADES = ("A", "B", "C")
# Parcel conditions as the receiving desk records them.
CONDITIONS = ("intact", "damaged", "wet", "opened")


class RulesError(InvalidInput):
    """A broken rule set or facts; ``params`` name the rule (``rule``, ``position``) when one is
    at fault, and ``file`` when the rules came from a file."""

    context = ROUTING


class Disposition(StrEnum):
    """Where a graded unit goes next."""

    RESTOCK = "restock"
    REFURBISH = "refurbish"
    VENDOR_RETURN = "vendor_return"
    SCRAP = "scrap"


DISPOSITION_TEXTS = {
    Disposition.RESTOCK: QT_TRANSLATE_NOOP("Routing", "restock"),
    Disposition.REFURBISH: QT_TRANSLATE_NOOP("Routing", "refurbish"),
    Disposition.VENDOR_RETURN: QT_TRANSLATE_NOOP("Routing", "vendor return"),
    Disposition.SCRAP: QT_TRANSLATE_NOOP("Routing", "scrap"),
}


@dataclass(frozen=True)
class Conditions:
    """What a rule asks of a unit; an empty field asks nothing. All given fields must hold.

    ``min_*`` and ``max_*`` are inclusive. ``within_vendor_window`` holds when the unit's days
    since delivery are at most the vendor's return window.
    """

    grades: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    vendors: frozenset[str] = frozenset()
    reasons: frozenset[str] = frozenset()
    parcel_conditions: frozenset[str] = frozenset()
    vendor_accepts: bool | None = None
    within_vendor_window: bool | None = None
    min_days: int | None = None
    max_days: int | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None


@dataclass(frozen=True)
class Rule:
    """One routing rule: when its conditions hold, the unit goes to ``routes[0]``.

    With ``best_of`` the rule allows several routes and picks whichever recovers most.
    ``location`` replaces the rule set's location template for the chosen route.
    """

    id: str
    conditions: Conditions
    routes: tuple[Disposition, ...]
    best_of: bool = False
    location: str = ""
    note: str = ""


@dataclass(frozen=True)
class Recovery:
    """The figures behind each route's expected recovery (a fraction or an amount each).

    restock: the unit's value × ``restock_ratio`` for an A unit (nothing for B or C, which cannot
    be sold as new); refurbish: value × ``refurbish_resale_ratio``
    less the category's refurbish cost; vendor return: the unit's cost × ``vendor_credit_ratio``
    when the vendor takes it back within its window, else nothing; scrap: value ×
    ``scrap_ratio`` (liquidation).
    """

    restock_ratio: Decimal = Decimal(1)
    refurbish_resale_ratio: Decimal = Decimal("0.6")
    refurbish_cost: Mapping[str, Decimal] = field(default_factory=dict)  # category → cost
    default_refurbish_cost: Decimal = Decimal(15)
    vendor_credit_ratio: Decimal = Decimal(1)
    scrap_ratio: Decimal = Decimal("0.05")

    def refurbish_cost_of(self, category: str) -> Decimal:
        return self.refurbish_cost.get(category, self.default_refurbish_cost)


@dataclass(frozen=True)
class RuleSet:
    """An ordered list of rules (first match wins), the default route and the locations.

    ``locations`` maps every disposition to a location template; ``{category}`` and
    ``{vendor}`` are filled from the unit (a unit without a vendor gets ``NONE``).
    """

    version: int
    name: str
    rules: tuple[Rule, ...]
    default: Disposition
    locations: Mapping[Disposition, str]
    recovery: Recovery = field(default_factory=Recovery)


@dataclass(frozen=True)
class UnitFacts:
    """What routing knows of one graded unit.

    ``days_since_delivery`` is None when the order has no delivery date; a window condition
    then does not hold. ``value`` is the unit's resale value, ``cost`` what the dock paid.
    """

    grade: str
    category: str
    value: Decimal
    cost: Decimal = Decimal(0)
    vendor: str | None = None
    vendor_accepts: bool = False
    vendor_window_days: int = 0
    days_since_delivery: int | None = None
    reason: str | None = None
    parcel_condition: str | None = None

    @property
    def within_vendor_window(self) -> bool:
        days = self.days_since_delivery
        return self.vendor_accepts and days is not None and 0 <= days <= self.vendor_window_days


@dataclass(frozen=True)
class Decision:
    """Where the unit goes and why: the matched rule (None: the default), the reasons that
    made it match (message and params, translated at the edge) and every route's recovery."""

    disposition: Disposition
    location: str
    rule_id: str | None
    position: int | None
    reasons: tuple[tuple[str, Mapping[str, object]], ...]
    recoveries: Mapping[Disposition, Decimal]
