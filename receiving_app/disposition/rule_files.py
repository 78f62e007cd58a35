"""Reading routing rules from JSON, refusing broken ones (pure, no Qt).

The format is documented in ``docs/routing.md``. Rules are edited by supervisors, so every problem
raises ``RulesError`` whose message names the rule (id and position) and what to fix; nothing is
guessed. Money and ratios are read as ``Decimal`` so that recoveries add up to the cent.
"""

from __future__ import annotations

import string
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import NoReturn

from receiving_app.disposition.model import (
    CONDITIONS,
    GRADES,
    Conditions,
    Disposition,
    Recovery,
    Rule,
    RulesError,
    RuleSet,
)
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.steps import IDENTIFIER, show_value
from receiving_app.strict_json import DuplicateKeyError, InvalidJSONError, load_strict_json

_TOP = {"name", "version", "default", "locations", "recovery", "rules"}
_RULE = {"id", "when", "route", "best_of", "location", "note"}
_LISTS = {
    "grade": "grades",
    "category": "categories",
    "vendor": "vendors",
    "reason": "reasons",
    "parcel_condition": "parcel_conditions",
}
_FLAGS = {"vendor_accepts", "within_vendor_window"}
_DAYS = {"min_days", "max_days"}
_AMOUNTS = {"min_value", "max_value"}
_RATIOS = ("restock_ratio", "refurbish_resale_ratio", "vendor_credit_ratio", "scrap_ratio")
_PLACES = {"category", "vendor"}
LOCATION_MAX = 64  # the stored location's length (UnitDisposition.location)
_PLACE_MAX = 32  # a category or a vendor code is at most this long


def default_rules_text() -> str:
    """The JSON text of the rules that ship with the app."""
    resource = files("receiving_app") / "disposition" / "default_rules.json"
    return resource.read_text(encoding="utf-8")


def default_rules() -> RuleSet:
    """The rule set that ships with the app."""
    return rules_from_text(default_rules_text())


def load_rules(path: Path) -> RuleSet:
    """Read a rules file; a problem names the file besides the rule.

    Raises:
        RulesError: the file can't be read or the rules are broken.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(
            QT_TRANSLATE_NOOP("Routing", "The file {file} cannot be read: {detail}"),
            file=str(path),
            detail=str(exc),
        ) from exc
    try:
        return rules_from_text(text)
    except RulesError as exc:
        raise RulesError(exc.message, **{**exc.params, "file": str(path)}) from exc


def rules_from_text(text: str) -> RuleSet:
    """Parse and check JSON text (the same key twice in one object is refused)."""
    try:
        data = load_strict_json(text, parse_float=Decimal)
    except DuplicateKeyError as exc:
        raise RulesError(
            QT_TRANSLATE_NOOP("Routing", "The key {key} appears twice in one object."), key=exc.key
        ) from None
    except InvalidJSONError as exc:
        raise RulesError(
            QT_TRANSLATE_NOOP("Routing", "This is not valid JSON: {detail}"), detail=exc.detail
        ) from exc
    return rules_from_data(data)


def rules_from_data(data: object) -> RuleSet:
    """Check parsed JSON (numbers as int or Decimal) and build the rule set."""
    if not isinstance(data, dict):
        _refuse(QT_TRANSLATE_NOOP("Routing", "Routing rules must be a JSON object."))
    for key in data:
        if key not in _TOP:
            _refuse(
                QT_TRANSLATE_NOOP("Routing", "The rules have an unknown field {field}."), field=key
            )
    for key in ("name", "version", "default", "locations", "rules"):
        if key not in data:
            _refuse(QT_TRANSLATE_NOOP("Routing", "The rules have no {field}."), field=key)
    name, version = data["name"], data["version"]
    if not isinstance(name, str) or not name.strip():
        _refuse(QT_TRANSLATE_NOOP("Routing", "The name must be a non-empty text."))
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Routing", "The version must be a whole number of 1 or more (found {value})."
            ),
            value=show_value(version),
        )
    rules = data["rules"]
    if not isinstance(rules, list):
        _refuse(QT_TRANSLATE_NOOP("Routing", "The rules must be a list (it may be empty)."))
    parsed = tuple(_rule(item, position) for position, item in enumerate(rules, start=1))
    seen: set[str] = set()
    for position, rule in enumerate(parsed, start=1):
        if rule.id in seen:
            _rule_fail(
                QT_TRANSLATE_NOOP(
                    "Routing", "Rule {position} ({rule}): an earlier rule has this id."
                ),
                rule.id,
                position,
            )
        seen.add(rule.id)
    return RuleSet(
        version=version,
        name=name.strip(),
        rules=parsed,
        default=_disposition(data["default"], QT_TRANSLATE_NOOP("Routing", "the default")),
        locations=_locations(data["locations"]),
        recovery=_recovery(data.get("recovery", {})),
    )


def _refuse(message: str, **params: object) -> NoReturn:
    raise RulesError(message, **params)


def _rule_fail(message: str, rule: str, position: int, **params: object) -> NoReturn:
    raise RulesError(message, rule=rule, position=position, **params)


def _disposition(raw: object, where: str, **rule: object) -> Disposition:
    """A route name; ``rule`` carries the rule's ``rule`` and ``position`` when one is at fault."""
    if not isinstance(raw, str) or raw not in set(Disposition):
        _refuse(
            QT_TRANSLATE_NOOP(
                "Routing",
                "{where}: {value} is not a route; use restock, refurbish, vendor_return or scrap.",
            ),
            where=where,
            value=show_value(raw),
            **rule,
        )
    return Disposition(raw)


def _locations(raw: object) -> dict[Disposition, str]:
    if not isinstance(raw, dict):
        _refuse(QT_TRANSLATE_NOOP("Routing", "The locations must map each route to a location."))
    locations: dict[Disposition, str] = {}
    for key, value in raw.items():
        route = _disposition(key, QT_TRANSLATE_NOOP("Routing", "the locations"))
        locations[route] = _location(value, key)
    missing = [route.value for route in Disposition if route not in locations]
    if missing:
        _refuse(
            QT_TRANSLATE_NOOP("Routing", "The locations give no location for {route}."),
            route=missing[0],
        )
    return locations


def _location(raw: object, where: str, **rule: object) -> str:
    """A location template: text with at most ``{category}`` and ``{vendor}`` in it."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 64:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Routing", "The location for {where} must be a text of 1 to 64 characters."
            ),
            where=where,
            **rule,
        )
    try:
        # A format spec or conversion ({category:d}) would fail only when a unit is routed.
        fields = {
            name if not spec and conversion is None else "{"
            for _text, name, spec, conversion in string.Formatter().parse(raw)
            if name is not None
        }
    except ValueError:
        fields = {"{"}
    if not fields <= _PLACES:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Routing",
                "The location {value} for {where} may only use {{category}} and {{vendor}}.",
            ),
            value=raw,
            where=where,
            **rule,
        )
    parts = list(string.Formatter().parse(raw.strip()))
    longest = sum(len(text) + (_PLACE_MAX if name else 0) for text, name, _s, _c in parts)
    if longest > LOCATION_MAX:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Routing",
                "The location {value} for {where} can grow to {length} characters once the "
                "category and vendor are filled in; keep it to {limit}.",
            ),
            value=raw,
            where=where,
            length=longest,
            limit=LOCATION_MAX,
            **rule,
        )
    return raw.strip()


def _recovery(raw: object) -> Recovery:
    if not isinstance(raw, dict):
        _refuse(QT_TRANSLATE_NOOP("Routing", "The recovery figures must be an object."))
    known = {*_RATIOS, "refurbish_cost"}
    for key in raw:
        if key not in known:
            _refuse(
                QT_TRANSLATE_NOOP("Routing", "The recovery figures have an unknown field {field}."),
                field=key,
            )
    ratios = {key: _amount(raw[key], key) for key in _RATIOS if key in raw}
    costs_raw = raw.get("refurbish_cost", {})
    if not isinstance(costs_raw, dict):
        _refuse(
            QT_TRANSLATE_NOOP(
                "Routing", "refurbish_cost must map categories (and default) to amounts."
            )
        )
    costs = {str(key): _amount(value, f"refurbish_cost.{key}") for key, value in costs_raw.items()}
    default_cost = costs.pop("default", Recovery.default_refurbish_cost)
    return Recovery(**ratios, refurbish_cost=costs, default_refurbish_cost=default_cost)


def _amount(raw: object, where: str, **rule: object) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | Decimal) or raw < 0:
        _refuse(
            QT_TRANSLATE_NOOP("Routing", "{where} must be a number of 0 or more (found {value})."),
            where=where,
            value=show_value(raw if not isinstance(raw, Decimal) else str(raw)),
            **rule,
        )
    amount = Decimal(raw)
    if not amount.is_finite():
        _refuse(
            QT_TRANSLATE_NOOP("Routing", "{where} must be a number of 0 or more (found {value})."),
            where=where,
            value=str(raw),
            **rule,
        )
    return amount


def _rule(raw: object, position: int) -> Rule:
    if not isinstance(raw, dict):
        _rule_fail(
            QT_TRANSLATE_NOOP(
                "Routing", "Rule {position} ({rule}) must be an object with id and when."
            ),
            show_value(raw),
            position,
        )
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not IDENTIFIER.fullmatch(rule_id):
        _rule_fail(
            QT_TRANSLATE_NOOP(
                "Routing",
                "Rule {position} ({rule}): the id must start with a lower-case letter and hold "
                "only lower-case letters, digits and _.",
            ),
            show_value(rule_id),
            position,
        )
    for key in raw:
        if key not in _RULE:
            _rule_fail(
                QT_TRANSLATE_NOOP(
                    "Routing", "Rule {position} ({rule}) has an unknown field {field}."
                ),
                rule_id,
                position,
                field=key,
            )
    if ("route" in raw) == ("best_of" in raw):
        _rule_fail(
            QT_TRANSLATE_NOOP(
                "Routing", "Rule {position} ({rule}) needs either a route or a best_of list."
            ),
            rule_id,
            position,
        )
    where = f"rule {position} ({rule_id})"
    if "route" in raw:
        routes: tuple[Disposition, ...] = (
            _disposition(raw["route"], where, rule=rule_id, position=position),
        )
    else:
        options = raw["best_of"]
        if not isinstance(options, list) or len(options) < 2:
            _rule_fail(
                QT_TRANSLATE_NOOP(
                    "Routing", "Rule {position} ({rule}): best_of lists two or more routes."
                ),
                rule_id,
                position,
            )
        routes = tuple(
            dict.fromkeys(
                _disposition(option, where, rule=rule_id, position=position) for option in options
            )
        )
    location = raw.get("location", "")
    note = raw.get("note", "")
    if not isinstance(note, str):
        _rule_fail(
            QT_TRANSLATE_NOOP("Routing", "Rule {position} ({rule}): the note must be a text."),
            rule_id,
            position,
        )
    return Rule(
        id=rule_id,
        conditions=_conditions(raw.get("when"), rule_id, position),
        routes=routes,
        best_of="best_of" in raw,
        location=(
            _location(location, where, rule=rule_id, position=position) if location != "" else ""
        ),
        note=note.strip(),
    )


def _conditions(raw: object, rule_id: str, position: int) -> Conditions:
    if not isinstance(raw, dict):
        _rule_fail(
            QT_TRANSLATE_NOOP(
                "Routing", "Rule {position} ({rule}): when must be an object of conditions."
            ),
            rule_id,
            position,
        )
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key in _LISTS:
            values[_LISTS[key]] = _texts(key, value, rule_id, position)
        elif key in _FLAGS:
            if not isinstance(value, bool):
                _rule_fail(
                    QT_TRANSLATE_NOOP(
                        "Routing", "Rule {position} ({rule}): {field} must be true or false."
                    ),
                    rule_id,
                    position,
                    field=key,
                )
            values[key] = value
        elif key in _DAYS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                _rule_fail(
                    QT_TRANSLATE_NOOP(
                        "Routing",
                        "Rule {position} ({rule}): {field} must be a whole number of days.",
                    ),
                    rule_id,
                    position,
                    field=key,
                )
            values[key] = value
        elif key in _AMOUNTS:
            where = f"rule {position} ({rule_id}): {key}"
            values[key] = _amount(value, where, rule=rule_id, position=position)
        else:
            _rule_fail(
                QT_TRANSLATE_NOOP(
                    "Routing",
                    "Rule {position} ({rule}): unknown condition {field}; use grade, category, "
                    "vendor, reason, parcel_condition, vendor_accepts, within_vendor_window, "
                    "min_days, max_days, min_value or max_value.",
                ),
                rule_id,
                position,
                field=key,
            )
    conditions = Conditions(**values)  # type: ignore[arg-type]  # keys checked above
    for low, high in (
        (conditions.min_days, conditions.max_days),
        (conditions.min_value, conditions.max_value),
    ):
        if low is not None and high is not None and low > high:
            _rule_fail(
                QT_TRANSLATE_NOOP(
                    "Routing",
                    "Rule {position} ({rule}): a minimum ({low}) is above its maximum ({high}).",
                ),
                rule_id,
                position,
                low=str(low),
                high=str(high),
            )
    return conditions


def _texts(key: str, raw: object, rule_id: str, position: int) -> frozenset[str]:
    if (
        not isinstance(raw, list)
        or not raw
        or not all(isinstance(item, str) and item.strip() for item in raw)
    ):
        _rule_fail(
            QT_TRANSLATE_NOOP(
                "Routing", "Rule {position} ({rule}): {field} must be a non-empty list of texts."
            ),
            rule_id,
            position,
            field=key,
        )
    items = frozenset(item.strip() for item in raw)
    allowed = {"grade": set(GRADES), "parcel_condition": set(CONDITIONS)}.get(key)
    if allowed is not None and not items <= allowed:
        _rule_fail(
            QT_TRANSLATE_NOOP(
                "Routing", "Rule {position} ({rule}): {field} may only hold {allowed}."
            ),
            rule_id,
            position,
            field=key,
            allowed=", ".join(sorted(allowed)),
        )
    return items
