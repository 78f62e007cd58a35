"""Applying routing rules to one graded unit: the route, its location, why, and what each route
recovers (pure, no Qt).

First match wins; no match gives the rule set's default. A ``best_of`` rule takes whichever of
its routes recovers most (ties go to the earlier one listed). Every decision carries the reasons
the rule matched, as marked messages with parameters, so the station and ``rules test`` can say
in the user's language why a unit goes where it goes.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from receiving_app.disposition.model import (
    GRADES,
    Conditions,
    Decision,
    Disposition,
    Rule,
    RulesError,
    RuleSet,
    UnitFacts,
)
from receiving_app.i18n import QT_TRANSLATE_NOOP

Reason = tuple[str, Mapping[str, object]]
CENT = Decimal("0.01")
NO_VENDOR = "NONE"


def decide(rules: RuleSet, facts: UnitFacts) -> Decision:
    """Where ``facts``' unit goes under ``rules``.

    Raises:
        RulesError: the facts are impossible (a grade other than A/B/C, a negative value).
    """
    check_facts(facts)
    recoveries = recoveries_of(rules, facts)
    for position, rule in enumerate(rules.rules, start=1):
        reasons = _match(rule.conditions, facts)
        if reasons is None:
            continue
        route = _route(rule, recoveries)
        if rule.best_of:
            reasons = (*reasons, _best_reason(rule, route, recoveries))
        location = rule.location or rules.locations[route]
        return Decision(route, _place(location, facts), rule.id, position, reasons, recoveries)
    default = rules.default
    return Decision(
        default,
        _place(rules.locations[default], facts),
        None,
        None,
        ((QT_TRANSLATE_NOOP("Routing", "no rule matched: the default route"), {}),),
        recoveries,
    )


def check_facts(facts: UnitFacts) -> None:
    if facts.grade not in GRADES:
        raise RulesError(
            QT_TRANSLATE_NOOP("Routing", "The grade must be A, B or C (found {value})."),
            value=facts.grade,
        )
    for name, amount in (("value", facts.value), ("cost", facts.cost)):
        if not amount.is_finite() or amount < 0:
            raise RulesError(
                QT_TRANSLATE_NOOP("Routing", "The {field} must be an amount of 0 or more."),
                field=name,
            )
    if facts.vendor_window_days < 0:
        raise RulesError(
            QT_TRANSLATE_NOOP("Routing", "The vendor's return window cannot be negative.")
        )


def recoveries_of(rules: RuleSet, facts: UnitFacts) -> dict[Disposition, Decimal]:
    """What each route is expected to recover for this unit, to the cent (never below zero)."""
    figures = rules.recovery
    refurbish = facts.value * figures.refurbish_resale_ratio - figures.refurbish_cost_of(
        facts.category
    )
    credit = facts.cost * figures.vendor_credit_ratio if facts.within_vendor_window else Decimal(0)
    amounts = {
        Disposition.RESTOCK: facts.value * figures.restock_ratio if facts.grade == "A" else 0,
        Disposition.REFURBISH: refurbish,
        Disposition.VENDOR_RETURN: credit,
        Disposition.SCRAP: facts.value * figures.scrap_ratio,
    }
    return {
        route: max(Decimal(amount), Decimal(0)).quantize(CENT, ROUND_HALF_UP)
        for route, amount in amounts.items()
    }


def _route(rule: Rule, recoveries: Mapping[Disposition, Decimal]) -> Disposition:
    if not rule.best_of:
        return rule.routes[0]
    # max() keeps the first of equals: ties go to the route listed first.
    return max(rule.routes, key=lambda route: recoveries[route])


def _best_reason(
    rule: Rule, route: Disposition, recoveries: Mapping[Disposition, Decimal]
) -> Reason:
    return (
        QT_TRANSLATE_NOOP("Routing", "{route} recovers most ({amount}) of {routes}"),
        {
            "route": route.value,
            "amount": str(recoveries[route]),
            "routes": ", ".join(option.value for option in rule.routes),
        },
    )


def _place(template: str, facts: UnitFacts) -> str:
    return template.format(category=facts.category, vendor=facts.vendor or NO_VENDOR)


def _match(conditions: Conditions, facts: UnitFacts) -> tuple[Reason, ...] | None:
    """The reasons every condition holds, or None as soon as one does not."""
    reasons: list[Reason] = []
    for check in _CHECKS:
        outcome = check(conditions, facts)
        if outcome is False:
            return None
        if outcome is not True and outcome is not None:
            reasons.append(outcome)
    return tuple(reasons)


def _in(
    allowed: frozenset[str], value: str | None, message: str, name: str
) -> Reason | bool | None:
    if not allowed:
        return None
    if value is None or value not in allowed:
        return False
    return message, {name: value, "allowed": ", ".join(sorted(allowed))}


def _grade(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    return _in(
        c.grades,
        f.grade,
        QT_TRANSLATE_NOOP("Routing", "grade {grade} is one of {allowed}"),
        "grade",
    )


def _category(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    return _in(
        c.categories,
        f.category,
        QT_TRANSLATE_NOOP("Routing", "category {category} is one of {allowed}"),
        "category",
    )


def _vendor(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    return _in(
        c.vendors,
        f.vendor,
        QT_TRANSLATE_NOOP("Routing", "vendor {vendor} is one of {allowed}"),
        "vendor",
    )


def _reason(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    return _in(
        c.reasons,
        f.reason,
        QT_TRANSLATE_NOOP("Routing", "return reason {reason} is one of {allowed}"),
        "reason",
    )


def _condition(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    return _in(
        c.parcel_conditions,
        f.parcel_condition,
        QT_TRANSLATE_NOOP("Routing", "parcel condition {condition} is one of {allowed}"),
        "condition",
    )


def _accepts(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    if c.vendor_accepts is None:
        return None
    if f.vendor_accepts != c.vendor_accepts:
        return False
    message = (
        QT_TRANSLATE_NOOP("Routing", "vendor {vendor} takes returns")
        if f.vendor_accepts
        else QT_TRANSLATE_NOOP("Routing", "vendor {vendor} takes no returns")
    )
    return message, {"vendor": f.vendor or NO_VENDOR}


def _window(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    if c.within_vendor_window is None:
        return None
    if f.within_vendor_window != c.within_vendor_window:
        return False
    message = (
        QT_TRANSLATE_NOOP(
            "Routing", "{days} days since delivery, within the vendor's {window}-day window"
        )
        if f.within_vendor_window
        else QT_TRANSLATE_NOOP(
            "Routing", "{days} days since delivery, outside the vendor's {window}-day window"
        )
    )
    days = "-" if f.days_since_delivery is None else f.days_since_delivery
    return message, {"days": days, "window": f.vendor_window_days}


def _days(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    if c.min_days is None and c.max_days is None:
        return None
    days = f.days_since_delivery
    if days is None:
        return False
    if (c.min_days is not None and days < c.min_days) or (
        c.max_days is not None and days > c.max_days
    ):
        return False
    return (
        QT_TRANSLATE_NOOP("Routing", "{days} days since delivery, in {low}..{high}"),
        {"days": days, "low": _bound(c.min_days), "high": _bound(c.max_days)},
    )


def _value(c: Conditions, f: UnitFacts) -> Reason | bool | None:
    if c.min_value is None and c.max_value is None:
        return None
    if (c.min_value is not None and f.value < c.min_value) or (
        c.max_value is not None and f.value > c.max_value
    ):
        return False
    return (
        QT_TRANSLATE_NOOP("Routing", "value {value} in {low}..{high}"),
        {"value": str(f.value), "low": _bound(c.min_value), "high": _bound(c.max_value)},
    )


def _bound(value: object) -> str:
    return "" if value is None else str(value)


_CHECKS = (_grade, _category, _vendor, _reason, _condition, _accepts, _window, _days, _value)
