"""``receiving-app outcomes export -o FILE.csv``: approved customer outcomes for the order system.

By default the file holds the approved outcomes not exported yet, which are then marked exported
(audited) once the file is safely written; ``--again --from DATE --to DATE`` writes those decided
in that range again, exported before or not, and marks nothing. The file appears whole or not at
all.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable
from pathlib import Path

from receiving_app.files import write_whole
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

EXIT_OK = 0
CLI = "CLI"  # the context of the command line's texts


def add_outcomes_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``outcomes export`` to the command line; ``t`` translates help texts."""
    outcomes = sub.add_parser(
        "outcomes", help=t(QT_TRANSLATE_NOOP("CLI", "customer outcomes (refund, exchange, repair)"))
    )
    actions = outcomes.add_subparsers(metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "write the approved outcomes as CSV for the order system")),
    )
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.csv")
    export.add_argument(
        "--again",
        action="store_true",
        help=t(QT_TRANSLATE_NOOP("CLI", "export the outcomes approved in --from..--to again")),
    )
    export.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD")
    export.set_defaults(handler=cmd_outcomes_export)
    policy = actions.add_parser(
        "policy",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "print the outcome policy, or set it from a JSON file")),
    )
    policy.add_argument(
        "--set",
        dest="policy_file",
        type=Path,
        metavar="FILE.json",
        help=t(QT_TRANSLATE_NOOP("CLI", "check this policy and make it the dock's (audited)")),
    )
    policy.set_defaults(handler=cmd_outcomes_policy)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_outcomes_export(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Write the CSV; mark the outcomes exported unless it is an export ``--again``."""
    from receiving_app.audit import Actor
    from receiving_app.context import open_context
    from receiving_app.customer_outcome.approvals import export_csv, mark_exported

    if args.again != (args.start is not None or args.end is not None):
        sys.stderr.write(
            "receiving-app: "
            + tr(
                CLI,
                QT_TRANSLATE_NOOP("CLI", "--again goes with --from and --to, and only with them."),
            )
            + "\n"
        )
        return 2
    context = open_context(args.db)
    try:
        data, ids = export_csv(args.start, args.end) if args.again else export_csv()
        write_whole(args.output, data)
        if not args.again:
            actor = Actor(None, context.station.code)
            mark_exported(context.database, actor, context.clock.now(), ids)
    finally:
        context.close()
    sys.stdout.write(
        tr(CLI, QT_TRANSLATE_NOOP("CLI", "{count} outcomes written to {file}.")).format(
            count=len(ids), file=args.output
        )
        + "\n"
    )
    return EXIT_OK


def cmd_outcomes_policy(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print the dock's outcome policy (JSON); with ``--set``, check a file and store it first."""
    from receiving_app.audit import Actor
    from receiving_app.context import open_context
    from receiving_app.customer_outcome.store import current_policy, policy_data, save_policy
    from receiving_app.errors import InvalidInput

    text = None
    if args.policy_file is not None:
        try:
            text = args.policy_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(_CANNOT_READ, file=str(args.policy_file), detail=str(exc)) from None
    context = open_context(args.db)
    try:
        if text is not None:
            actor = Actor(None, context.station.code)
            policy = save_policy(context.database, actor, context.clock.now(), text)
        else:
            policy = current_policy()
    finally:
        context.close()
    sys.stdout.write(json.dumps(policy_data(policy), indent=2, sort_keys=True) + "\n")
    return EXIT_OK


_CANNOT_READ = QT_TRANSLATE_NOOP("Error", "The file {file} cannot be read: {detail}")

__all__ = ["add_outcomes_commands", "cmd_outcomes_export", "cmd_outcomes_policy"]
