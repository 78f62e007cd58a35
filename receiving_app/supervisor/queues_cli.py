"""The supervisor's queues on the command line (no Qt).

``receiving-app queue approvals|exceptions|ageing [--json]`` lists a queue, oldest first;
``receiving-app putaway LPN [--location LOC] --user NAME`` puts a unit away;
``receiving-app ageing-targets [--set FILE.json]`` prints the dock's ageing targets, or checks a
file and stores them first (audited). ``--json`` output is for scripts and stays in English.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli_output import out, say
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

if TYPE_CHECKING:
    from receiving_app.context import AppContext

EXIT_OK = 0
CLI = "CLI"
QUEUES = ("approvals", "exceptions", "ageing")


def add_queue_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``queue``, ``putaway`` and ``ageing-targets``; ``t`` translates help texts."""
    queue = sub.add_parser(
        "queue",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "list a supervisor's queue, oldest first")),
    )
    queue.add_argument("queue", choices=QUEUES)
    queue.add_argument(
        "--json", action="store_true", help=t(QT_TRANSLATE_NOOP("CLI", "print JSON for scripts"))
    )
    queue.add_argument(
        "--user",
        metavar="NAME",
        help=t(QT_TRANSLATE_NOOP("CLI", "the supervisor who looks (needed for approvals)")),
    )
    queue.set_defaults(handler=cmd_queue)
    putaway = sub.add_parser(
        "putaway",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "mark a graded unit moved to its location")),
    )
    putaway.add_argument("lpn", metavar="LPN")
    putaway.add_argument(
        "--location",
        metavar="LOC",
        help=t(QT_TRANSLATE_NOOP("CLI", "the location scanned: refused if it is not the unit's")),
    )
    putaway.add_argument(
        "--user",
        metavar="NAME",
        required=True,
        help=t(QT_TRANSLATE_NOOP("CLI", "the supervisor who moved it")),
    )
    putaway.set_defaults(handler=cmd_putaway)
    targets = sub.add_parser(
        "ageing-targets",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "print the ageing targets, or set them from a JSON file")),
    )
    targets.add_argument(
        "--set",
        dest="targets_file",
        type=Path,
        metavar="FILE.json",
        help=t(QT_TRANSLATE_NOOP("CLI", "check these targets and make them the dock's (audited)")),
    )
    targets.set_defaults(handler=cmd_ageing_targets)


def cmd_queue(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print one queue: a line per item, or a JSON list with ``--json``."""
    from receiving_app.context import open_context

    context = open_context(args.db)
    try:
        items = _QUEUE_READERS[args.queue](context, args.user)
    finally:
        context.close()
    if args.json:
        out(json.dumps([_plain(item) for item in items], ensure_ascii=False, indent=2))
    elif not items:
        say(tr(CLI, QT_TRANSLATE_NOOP("CLI", "Nothing is waiting.")))
    for item in [] if args.json else items:
        out("\t".join(_cell(value) for value in _plain(item).values()))
    return EXIT_OK


def _approvals(context: AppContext, user: str | None) -> list[object]:
    from receiving_app.errors import InvalidInput
    from receiving_app.supervisor.common import supervisor_named

    if user is None:
        raise InvalidInput(_USER_NEEDED)
    return list(context.new_supervisor_desk(supervisor_named(user)).approvals())


def _exceptions(context: AppContext, _user: str | None) -> list[object]:
    from receiving_app.supervisor.exception_queue import open_exceptions

    return list(open_exceptions(context.clock.now()))


def _ageing(context: AppContext, _user: str | None) -> list[object]:
    from receiving_app.supervisor.ageing import waiting_units

    return list(waiting_units(context.clock.now()).units)


def cmd_putaway(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.context import open_context
    from receiving_app.supervisor.common import supervisor_named

    context = open_context(args.db)
    try:
        desk = context.new_supervisor_desk(supervisor_named(args.user))
        done = desk.put_away(args.lpn, args.location)
    finally:
        context.close()
    text = _PUT_AWAY_BEFORE if done.repeated else _PUT_AWAY
    say(
        tr(CLI, text),
        lpn=done.lpn,
        location=done.location,
        user=done.moved_by,
        time=done.moved_at.isoformat(sep=" ", timespec="minutes"),
    )
    return EXIT_OK


def cmd_ageing_targets(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print the targets (JSON); with ``--set``, check a file and store it first."""
    from receiving_app.audit import Actor
    from receiving_app.context import open_context
    from receiving_app.errors import InvalidInput
    from receiving_app.supervisor.ageing import current_targets, save_targets

    text = None
    if args.targets_file is not None:
        try:
            text = args.targets_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(_CANNOT_READ, file=str(args.targets_file), detail=str(exc)) from None
    context = open_context(args.db)
    try:
        if text is not None:
            actor = Actor(None, context.station.code)
            targets = save_targets(context.database, actor, context.clock.now(), text)
        else:
            targets = current_targets()
    finally:
        context.close()
    out(json.dumps(targets, indent=2, sort_keys=True))
    return EXIT_OK


def _plain(item: object) -> dict[str, object]:
    """An item's fields as JSON values: times as ISO text, nested items left out."""
    assert dataclasses.is_dataclass(item) and not isinstance(item, type)
    fields: dict[str, object] = {}
    for name, value in dataclasses.asdict(item).items():
        if isinstance(value, Mapping) or name in ("notes", "outcome"):
            continue
        if isinstance(value, datetime.datetime):
            value = value.isoformat(sep=" ", timespec="seconds")
        elif isinstance(value, float):
            value = round(value, 1)
        fields[name] = value
    return fields


def _cell(value: object) -> str:
    return "-" if value is None or value == "" else str(value)


_QUEUE_READERS: dict[str, Callable[[AppContext, str | None], list[object]]] = {
    "approvals": _approvals,
    "exceptions": _exceptions,
    "ageing": _ageing,
}
_USER_NEEDED = QT_TRANSLATE_NOOP("Error", "queue approvals needs --user NAME (a supervisor).")
_PUT_AWAY = QT_TRANSLATE_NOOP("CLI", "{lpn} put away at {location} by {user} ({time}).")
_PUT_AWAY_BEFORE = QT_TRANSLATE_NOOP(
    "CLI", "{lpn} was already put away at {location} by {user} ({time}): nothing changed."
)
_CANNOT_READ = QT_TRANSLATE_NOOP("Error", "The file {file} cannot be read: {detail}")

__all__ = ["add_queue_commands", "cmd_ageing_targets", "cmd_putaway", "cmd_queue"]
