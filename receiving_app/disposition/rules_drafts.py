"""Routing rules being edited: the supervisor's working copy, in the file format (pure, no Qt).

The editor changes a draft one small step at a time: add, remove or move a rule, change its id,
route, location, note or one of its conditions, the default route, a route's location or a
recovery figure. A draft may be broken while it is edited (a best-of rule with one route so
far); ``check`` says what is wrong, naming the rule, by building the rule set with the very
parser that reads files (``rule_files.rules_from_data``). Only a draft that checks is saved, as
a new version (``rules_library.RulesLibrary.save``).

The draft holds the file format's dicts rather than the frozen ``RuleSet`` so that an
unfinished rule can exist. Numbers are ``int`` or ``Decimal`` as the parser expects (a float is
never stored: ratios and amounts add up to the cent).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from receiving_app.disposition.model import (
    CONDITIONS,
    GRADES,
    Conditions,
    Disposition,
    Rule,
    RulesError,
    RuleSet,
)
from receiving_app.disposition.rule_files import rules_from_data
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.steps import IDENTIFIER

RuleData = dict[str, object]
Number = int | Decimal

#: Conditions that list the values they allow, in the order the editor shows them.
LIST_CONDITIONS = ("grade", "category", "vendor", "reason", "parcel_condition")
#: Conditions that are true, false, or not asked (None).
FLAG_CONDITIONS = ("vendor_accepts", "within_vendor_window")
#: Inclusive bounds: whole days since delivery, and the unit's value.
DAY_BOUNDS = ("min_days", "max_days")
VALUE_BOUNDS = ("min_value", "max_value")
#: The recovery ratios, each a number of 0 or more (``docs/routing.md``).
RATIOS = ("restock_ratio", "refurbish_resale_ratio", "vendor_credit_ratio", "scrap_ratio")
#: The key of ``refurbish_cost`` that applies to every category not listed.
DEFAULT_COST = "default"
#: Values a list condition may hold, where the format limits them.
ALLOWED_VALUES = {"grade": GRADES, "parcel_condition": CONDITIONS}

_CONDITION_FIELDS = {
    "grade": "grades",
    "category": "categories",
    "vendor": "vendors",
    "reason": "reasons",
    "parcel_condition": "parcel_conditions",
}


@dataclass
class RulesDraft:
    """A rule set under edit, and the stored version it started from.

    ``base_version`` is None when no version is stored yet; saving refuses a draft whose base
    is no longer the latest version (another supervisor saved meanwhile).
    """

    base_version: int | None
    data: dict[str, object] = field(default_factory=dict)

    @classmethod
    def of_rules(cls, rules: RuleSet, base_version: int | None) -> RulesDraft:
        data = rules_to_data(rules)
        del data["version"]
        return cls(base_version, data)

    # -- reading ------------------------------------------------------------------------------

    @property
    def rules(self) -> list[RuleData]:
        rules = self.data["rules"]
        assert isinstance(rules, list)
        return rules

    def rule(self, index: int) -> RuleData:
        return self.rules[index]

    def when(self, index: int) -> dict[str, object]:
        when = self.rule(index).setdefault("when", {})
        assert isinstance(when, dict)
        return when

    def route_of(self, index: int) -> Disposition | None:
        """The rule's one route, or None for a best-of rule."""
        route = self.rule(index).get("route")
        return Disposition(route) if isinstance(route, str) and route in set(Disposition) else None

    def best_of(self, index: int) -> list[Disposition] | None:
        """The routes a best-of rule chooses from (in their tie order), or None."""
        routes = self.rule(index).get("best_of")
        if not isinstance(routes, list):
            return None
        return [Disposition(route) for route in routes if route in set(Disposition)]

    def condition(self, index: int, key: str) -> object:
        """A condition's value as stored (a list, a bool or a number), None when not asked."""
        return self.when(index).get(key)

    @property
    def name(self) -> str:
        return str(self.data.get("name", ""))

    @property
    def default(self) -> Disposition:
        return Disposition(str(self.data["default"]))

    def location_of(self, route: Disposition) -> str:
        return str(self._locations().get(route.value, ""))

    def ratio(self, key: str) -> Number:
        if key not in RATIOS:
            raise ValueError(key)
        value = self._recovery()[key]
        assert isinstance(value, int | Decimal)
        return value

    def refurbish_costs(self) -> dict[str, Number]:
        """Refurbish cost per category, ``default`` included, as the draft holds them."""
        return dict(self._costs())

    def body(self) -> str:
        """The draft as JSON text without a version number (to tell whether it changed)."""
        return rules_body({key: value for key, value in self.data.items() if key != "version"})

    def check(self, version: int | None = None) -> RuleSet:
        """The rule set this draft makes, as ``version`` (default: the next after its base).

        Raises:
            RulesError: the draft is not a valid rule set; the message names the rule.
        """
        number = version if version is not None else (self.base_version or 0) + 1
        return rules_from_data({**copy.deepcopy(self.data), "version": number})

    # -- the rules ----------------------------------------------------------------------------

    def add_rule(self, at: int) -> int:
        """Insert a rule with a free id, no conditions and the default route; returns its index.

        A rule without conditions matches every unit: the editor points that out until the
        supervisor narrows it (``catch_all_rule``).
        """
        index = max(0, min(at, len(self.rules)))
        taken = {str(rule.get("id")) for rule in self.rules}
        rule: RuleData = {"id": _free_name("rule", taken), "when": {}, "route": self.default.value}
        self.rules.insert(index, rule)
        return index

    def remove_rule(self, index: int) -> None:
        del self.rules[index]

    def move_rule(self, index: int, offset: int) -> int:
        """Move a rule up (negative) or down; returns where it is now. Order decides: the first
        rule that matches routes the unit."""
        target = max(0, min(index + offset, len(self.rules) - 1))
        self.rules.insert(target, self.rules.pop(index))
        return target

    def set_rule_id(self, index: int, rule_id: str) -> None:
        self.rule(index)["id"] = rule_id.strip()

    def set_route(self, index: int, route: Disposition) -> None:
        """The rule sends every unit it matches to ``route``."""
        rule = self.rule(index)
        rule.pop("best_of", None)
        rule["route"] = route.value

    def set_best_of(self, index: int, routes: Sequence[Disposition]) -> None:
        """The rule takes whichever of ``routes`` recovers most (ties: the one listed first).

        Fewer than two routes is kept as it is, for ``check`` to name.
        """
        rule = self.rule(index)
        rule.pop("route", None)
        rule["best_of"] = [route.value for route in dict.fromkeys(routes)]

    def set_rule_location(self, index: int, location: str) -> None:
        """A location for this rule's units instead of the route's; empty: the route's."""
        self._set_or_drop(self.rule(index), "location", location.strip())

    def set_note(self, index: int, note: str) -> None:
        self._set_or_drop(self.rule(index), "note", note.strip())

    # -- conditions ---------------------------------------------------------------------------

    def set_list(self, index: int, key: str, values: Iterable[str]) -> None:
        """The values a list condition allows (``grade``, ``category``…); none: not asked.

        Values are trimmed and kept once each; grades and parcel conditions are kept in their
        usual order. A value the format does not allow is kept, for ``check`` to name.
        """
        if key not in LIST_CONDITIONS:
            raise ValueError(key)
        kept = list(dict.fromkeys(value.strip() for value in values if value.strip()))
        allowed = ALLOWED_VALUES.get(key)
        if allowed is not None:
            order = {value: number for number, value in enumerate(allowed)}
            kept.sort(key=lambda value: order.get(value, len(order)))
        self._set_or_drop(self.when(index), key, kept)

    def set_flag(self, index: int, key: str, value: bool | None) -> None:
        """``vendor_accepts`` or ``within_vendor_window``: must be true, false, or either."""
        if key not in FLAG_CONDITIONS:
            raise ValueError(key)
        self._set_or_drop(self.when(index), key, value)

    def set_bound(self, index: int, key: str, value: Number | None) -> None:
        """``min_days``/``max_days`` (whole days) or ``min_value``/``max_value``; None: no bound.

        A fractional number of days or a negative bound is kept, for ``check`` to name.
        """
        if key not in DAY_BOUNDS + VALUE_BOUNDS:
            raise ValueError(key)
        self._set_or_drop(self.when(index), key, None if value is None else _number(value))

    # -- the whole rule set -------------------------------------------------------------------

    def set_name(self, name: str) -> None:
        self.data["name"] = name.strip()

    def set_default(self, route: Disposition) -> None:
        """Where a unit goes that no rule matches."""
        self.data["default"] = route.value

    def set_location(self, route: Disposition, location: str) -> None:
        """The location template of ``route`` (``{category}`` and ``{vendor}`` are filled in)."""
        self._locations()[route.value] = location.strip()

    def set_ratio(self, key: str, value: Number) -> None:
        if key not in RATIOS:
            raise ValueError(key)
        self._recovery()[key] = _number(value)

    def set_refurbish_cost(self, category: str, cost: Number | None) -> None:
        """What refurbishing costs for ``category`` (``default``: any other); None removes it.

        Raises:
            RulesError: ``category`` is not a category name; the default cannot be removed.
        """
        category = category.strip()
        if category != DEFAULT_COST and not IDENTIFIER.fullmatch(category):
            raise RulesError(_BAD_CATEGORY, category=category)
        costs = self._costs()
        if cost is not None:
            costs[category] = _number(cost)
        elif category == DEFAULT_COST:
            raise RulesError(_DEFAULT_COST_NEEDED)
        else:
            costs.pop(category, None)

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _set_or_drop(target: dict[str, object], key: str, value: object) -> None:
        if value is None or value == "" or value == []:
            target.pop(key, None)
        else:
            target[key] = value

    def _locations(self) -> dict[str, object]:
        locations = self.data.setdefault("locations", {})
        assert isinstance(locations, dict)
        return locations

    def _recovery(self) -> dict[str, object]:
        recovery = self.data.setdefault("recovery", {})
        assert isinstance(recovery, dict)
        return recovery

    def _costs(self) -> dict[str, Number]:
        costs = self._recovery().setdefault("refurbish_cost", {})
        assert isinstance(costs, dict)
        return costs


def catch_all_rule(rules: RuleSet) -> tuple[int, str] | None:
    """The first rule without conditions that has rules after it (which it then hides), as
    (position from 1, id); None when there is none. Such a set is valid, but likely a slip."""
    for position, rule in enumerate(rules.rules[:-1], start=1):
        if rule.conditions == Conditions():
            return position, rule.id
    return None


# -- the file format, written -----------------------------------------------------------------


def rules_to_data(rules: RuleSet) -> dict[str, object]:
    """The file format of ``rules`` (the inverse of ``rules_from_data``), version included."""
    recovery = rules.recovery
    costs: dict[str, Number] = {DEFAULT_COST: _number(recovery.default_refurbish_cost)}
    costs.update({key: _number(value) for key, value in sorted(recovery.refurbish_cost.items())})
    return {
        "name": rules.name,
        "version": rules.version,
        "default": rules.default.value,
        "locations": {route.value: rules.locations[route] for route in Disposition},
        "recovery": {
            **{key: _number(getattr(recovery, key)) for key in RATIOS},
            "refurbish_cost": costs,
        },
        "rules": [_rule_to_data(rule) for rule in rules.rules],
    }


def _rule_to_data(rule: Rule) -> RuleData:
    conditions = rule.conditions
    when: dict[str, object] = {}
    for key, name in _CONDITION_FIELDS.items():
        values: frozenset[str] = getattr(conditions, name)
        if values:
            allowed = ALLOWED_VALUES.get(key)
            when[key] = [v for v in allowed if v in values] if allowed else sorted(values)
    for key in FLAG_CONDITIONS:
        flag = getattr(conditions, key)
        if flag is not None:
            when[key] = flag
    for key in DAY_BOUNDS + VALUE_BOUNDS:
        bound = getattr(conditions, key)
        if bound is not None:
            when[key] = _number(bound)
    data: RuleData = {"id": rule.id, "when": when}
    if rule.best_of:
        data["best_of"] = [route.value for route in rule.routes]
    else:
        data["route"] = rule.routes[0].value
    if rule.location:
        data["location"] = rule.location
    if rule.note:
        data["note"] = rule.note
    return data


def rules_body(data: object) -> str:
    """JSON text of file-format data, keys sorted, decimals written exactly (``0.6``, not a
    binary float), so the text reads back to the same rule set with ``rules_from_text``."""
    if isinstance(data, dict):
        items = (f"{json.dumps(str(key))}: {rules_body(data[key])}" for key in sorted(data))
        return "{" + ", ".join(items) + "}"
    if isinstance(data, list | tuple):
        return "[" + ", ".join(rules_body(item) for item in data) + "]"
    if isinstance(data, Decimal):
        if not data.is_finite():
            raise ValueError(f"not a JSON number: {data}")
        return str(data)
    if isinstance(data, float):
        raise TypeError("the rules hold no binary floats: use Decimal")
    return json.dumps(data, ensure_ascii=False)


def _number(value: Number) -> Number:
    """An int when whole, else the Decimal as it is; NaN and infinity are a caller's slip."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"not an int or Decimal: {value!r}")
    if isinstance(value, int):
        return value
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    return int(value) if value == value.to_integral_value() else value.normalize()


def _free_name(stem: str, taken: set[str]) -> str:
    """``stem_1``, ``stem_2``…: the first identifier not in ``taken``."""
    number = 1
    while f"{stem}_{number}" in taken:
        number += 1
    return f"{stem}_{number}"


_BAD_CATEGORY = QT_TRANSLATE_NOOP(
    "Routing",
    "{category} is not a category: use lower-case letters, digits and _, starting with a letter.",
)
_DEFAULT_COST_NEEDED = QT_TRANSLATE_NOOP(
    "Routing", "The default refurbish cost cannot be removed: set it to 0 instead."
)

__all__ = [
    "DAY_BOUNDS",
    "DEFAULT_COST",
    "FLAG_CONDITIONS",
    "LIST_CONDITIONS",
    "RATIOS",
    "VALUE_BOUNDS",
    "RulesDraft",
    "catch_all_rule",
    "rules_body",
    "rules_to_data",
]
