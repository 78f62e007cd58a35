"""``receiving-app rules test|show``: try the routing rules on a unit before anything is saved.

A supervisor changing the rules runs ``rules test`` with a unit's facts and reads where it would
go, to which location, which rule matched and why, and what every route would recover. ``--rules
FILE`` tries a file being edited; otherwise the shipped default rules answer. Nothing is stored.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from receiving_app.cli_output import out, refused, say
from receiving_app.disposition.model import (
    CONDITIONS,
    DISPOSITION_TEXTS,
    GRADES,
    ROUTING,
    Disposition,
    Rule,
    RulesError,
    RuleSet,
    UnitFacts,
)
from receiving_app.disposition.routing import decide
from receiving_app.disposition.rule_files import default_rules, load_rules
from receiving_app.disposition.store import stored_rules, vendor_terms
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

EXIT_OK = 0
T = TypeVar("T")


def add_rules_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``rules test`` and ``rules show`` to the command line; ``t`` translates help."""
    rules = sub.add_parser(
        "rules", help=t(QT_TRANSLATE_NOOP("CLI", "the disposition routing rules"))
    )
    actions = rules.add_subparsers(metavar="ACTION", required=True)
    test = actions.add_parser(
        "test",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "where a unit with these facts would go, and why")),
    )
    test.add_argument("--grade", required=True, choices=GRADES)
    test.add_argument("--category", required=True, metavar="CATEGORY")
    test.add_argument(
        "--value",
        required=True,
        type=_amount,
        metavar="AMOUNT",
        help=t(QT_TRANSLATE_NOOP("CLI", "the unit's resale value")),
    )
    test.add_argument(
        "--cost",
        type=_amount,
        default=Decimal(0),
        metavar="AMOUNT",
        help=t(QT_TRANSLATE_NOOP("CLI", "what the dock paid the vendor for it")),
    )
    test.add_argument("--vendor", metavar="CODE")
    test.add_argument(
        "--vendor-accepts",
        choices=("yes", "no"),
        help=t(QT_TRANSLATE_NOOP("CLI", "does the vendor take returns back")),
    )
    test.add_argument(
        "--vendor-window",
        type=_days,
        metavar="DAYS",
        help=t(QT_TRANSLATE_NOOP("CLI", "the vendor's return window in days")),
    )
    test.add_argument(
        "--days",
        type=_days,
        metavar="DAYS",
        help=t(QT_TRANSLATE_NOOP("CLI", "days since the order was delivered")),
    )
    test.add_argument(
        "--reason", metavar="CODE", help=t(QT_TRANSLATE_NOOP("CLI", "the return reason code"))
    )
    test.add_argument(
        "--condition",
        choices=CONDITIONS,
        help=t(QT_TRANSLATE_NOOP("CLI", "the parcel's condition")),
    )
    test.add_argument(
        "--rules",
        type=Path,
        metavar="FILE.json",
        help=t(QT_TRANSLATE_NOOP("CLI", "try these rules instead of the current ones")),
    )
    test.set_defaults(handler=cmd_rules_test)
    show = actions.add_parser(
        "show",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "print the routing rules in order")),
    )
    show.add_argument(
        "--rules",
        type=Path,
        metavar="FILE.json",
        help=t(QT_TRANSLATE_NOOP("CLI", "show these rules instead of the current ones")),
    )
    show.set_defaults(handler=cmd_rules_show)


def _amount(text: str) -> Decimal:
    try:
        amount = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not an amount: {text!r}") from None
    if not amount.is_finite() or amount < 0:
        raise argparse.ArgumentTypeError(f"not an amount of 0 or more: {text!r}")
    return amount


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text!r}") from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"days cannot be negative: {text!r}")
    return days


def _rules(args: argparse.Namespace) -> RuleSet:
    """``--rules FILE``; else with ``--db`` the latest stored rules; else the shipped ones."""
    path: Path | None = args.rules
    if path is not None:
        return load_rules(path)
    url = getattr(args, "db", None)
    if url is None:
        return default_rules()
    return _with_database(url, stored_rules)


def _vendor_terms(args: argparse.Namespace) -> tuple[str | None, bool, int]:
    """The vendor's code and return terms: the flags where given, else (with ``--db``) the
    vendor's record, found by code or name."""
    vendor: str | None = args.vendor.strip() if args.vendor else None
    accepts: str | None = args.vendor_accepts
    window: int | None = args.vendor_window
    url = getattr(args, "db", None)
    if vendor and url is not None:
        found = vendor
        code, stored_accepts, stored_window = _with_database(url, lambda: vendor_terms(found))
        vendor = code
        accepts = accepts or ("yes" if stored_accepts else "no")
        window = stored_window if window is None else window
    return vendor, accepts == "yes", window or 0


def _with_database(url: str, read: Callable[[], T]) -> T:
    # Imported here: the file-only commands need no database driver.
    from receiving_app.context import open_context

    context = open_context(url)
    try:
        return read()
    finally:
        context.close()


def cmd_rules_test(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print the route, its location, the rule and its reasons, and each route's recovery."""
    try:
        vendor, accepts, window = _vendor_terms(args)
        facts = UnitFacts(
            grade=args.grade,
            category=args.category.strip(),
            value=args.value,
            cost=args.cost,
            vendor=vendor,
            vendor_accepts=accepts,
            vendor_window_days=window,
            days_since_delivery=args.days,
            reason=args.reason,
            parcel_condition=args.condition,
        )
        rules = _rules(args)
        decision = decide(rules, facts)
    except RulesError as exc:
        return refused(tr, exc)
    say(
        tr(ROUTING, QT_TRANSLATE_NOOP("Routing", "Route: {route} → {location}")),
        route=_route(tr, decision.disposition),
        location=decision.location,
    )
    reasons = "; ".join(
        tr(ROUTING, message).format(**params) for message, params in decision.reasons
    )
    if decision.rule_id is None:
        say(tr(ROUTING, QT_TRANSLATE_NOOP("Routing", "Why: {reasons}.")), reasons=reasons)
    else:
        say(
            tr(ROUTING, QT_TRANSLATE_NOOP("Routing", "Why: rule {position} ({rule}): {reasons}.")),
            position=decision.position,
            rule=decision.rule_id,
            reasons=reasons,
        )
    say(tr(ROUTING, QT_TRANSLATE_NOOP("Routing", "Expected recovery:")))
    for route, amount in decision.recoveries.items():
        marker = "*" if route is decision.disposition else " "
        out(f" {marker} {_route(tr, route):<16} {amount:>10}")
    say(
        tr(ROUTING, QT_TRANSLATE_NOOP("Routing", "Rules: {name}, version {version}.")),
        name=rules.name,
        version=rules.version,
    )
    return EXIT_OK


def cmd_rules_show(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print the rules in the order they are tried, then the default and the locations."""
    try:
        rules = _rules(args)
    except RulesError as exc:
        return refused(tr, exc)
    say(
        tr(ROUTING, QT_TRANSLATE_NOOP("Routing", "Rules: {name}, version {version}.")),
        name=rules.name,
        version=rules.version,
    )
    for position, rule in enumerate(rules.rules, start=1):
        out(f"{position:>2}. {rule.id}: {_rule_text(tr, rule, rules)}")
        if rule.note:
            out(f"    {rule.note}")
    say(
        tr(ROUTING, QT_TRANSLATE_NOOP("Routing", "Otherwise: {route} → {location}")),
        route=_route(tr, rules.default),
        location=rules.locations[rules.default],
    )
    return EXIT_OK


def _rule_text(tr: TranslateFn, rule: Rule, rules: RuleSet) -> str:
    routes = " | ".join(_route(tr, route) for route in rule.routes)
    if rule.best_of:
        routes = tr(
            ROUTING, QT_TRANSLATE_NOOP("Routing", "whichever recovers most of {routes}")
        ).format(routes=routes)
    location = rule.location or rules.locations[rule.routes[0]]
    when = ", ".join(
        f"{name}={_shown(value)}"
        for name, value in vars(rule.conditions).items()
        if value not in (None, frozenset())
    )
    return f"{when or '-'} → {routes} ({location})"


def _shown(value: object) -> str:
    if isinstance(value, frozenset):
        return "|".join(sorted(value))
    return str(value).lower() if isinstance(value, bool) else str(value)


def _route(tr: TranslateFn, route: Disposition) -> str:
    return tr(ROUTING, DISPOSITION_TEXTS[route])


__all__ = ["add_rules_commands", "cmd_rules_show", "cmd_rules_test"]
