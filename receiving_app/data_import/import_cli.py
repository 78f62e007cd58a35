"""``receiving-app import orders|rmas|products|vendors FILE --db URL [--channel NAME]
[--mapping FILE] [--valid-only] [--rejected FILE]`` (no Qt).

Prints one summary line (counts, seconds, rows per second) and, when the file has problems, one
line per problem ("row R, column C: message (value)"), the first 200 of them. Exit code 1 when
the import was refused: then nothing was written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from receiving_app.cli_output import say
from receiving_app.data_import.mappings import ENTITIES
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

EXIT_OK, EXIT_FAILED = 0, 1
CLI = "CLI"
SHOWN_PROBLEMS = 200

_SUMMARY = QT_TRANSLATE_NOOP(
    "CLI",
    "Imported {entity} from {file}: {inserted} inserted, {updated} updated, {unchanged} unchanged, "
    "{rejected} rejected in {seconds:.1f} s ({rate:.0f} rows/s).",
)
_REFUSED = QT_TRANSLATE_NOOP(
    "CLI",
    "Nothing imported: {count} problem(s) in {file}. Fix them, or import the valid rows only "
    "with --valid-only.",
)
_PROBLEM = QT_TRANSLATE_NOOP("CLI", "row {row}, column {column}: {message}")
_FILE_PROBLEM = QT_TRANSLATE_NOOP("CLI", "{file}: {message}")
_MORE = QT_TRANSLATE_NOOP("CLI", "... and {count} more problem(s).")
_REJECTED_FILE = QT_TRANSLATE_NOOP("CLI", "Rejected rows written to {file}.")
_CREATED = QT_TRANSLATE_NOOP("CLI", "Also created: {counts}.")


def add_import_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``import`` to the command line; ``t`` translates the help texts."""
    command = sub.add_parser(
        "import",
        parents=[common],
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "import vendors, products, orders or RMAs from a CSV or XLSX export"
            )
        ),
    )
    command.add_argument("entity", choices=ENTITIES, metavar="orders|rmas|products|vendors")
    command.add_argument("file", type=Path, metavar="FILE")
    command.add_argument(
        "--channel",
        metavar="NAME",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI",
                "the sales channel's code: its orders' channel, and its column layout "
                "when one is shipped (taobao, jd)",
            )
        ),
    )
    command.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("CLI", "a JSON file naming which column holds which field")),
    )
    command.add_argument(
        "--valid-only",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "import the valid rows and write the rejected ones to a file for fixing"
            )
        ),
    )
    command.add_argument(
        "--rejected",
        type=Path,
        metavar="FILE",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "where --valid-only writes rejected rows (default: FILE.rejected.csv)"
            )
        ),
    )
    command.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Run the import and print what it did; refusals of the core reach ``cli.run``."""
    from receiving_app.audit import Actor
    from receiving_app.context import open_context
    from receiving_app.data_import import choose_mapping, run_import

    channel = args.channel.strip().lower() if args.channel else None
    mapping = choose_mapping(args.mapping, channel)
    context = open_context(args.db)
    try:
        result = run_import(
            context.database,
            args.entity,
            args.file,
            mapping,
            Actor("cli", context.station.code),
            context.clock.now(),
            channel=channel,
            valid_only=args.valid_only,
            rejected_path=args.rejected,
        )
    finally:
        context.close()
    for problem in result.problems[:SHOWN_PROBLEMS]:
        message = problem.text(tr)
        if problem.value:
            message = f"{message} ({problem.value})"
        if problem.row == 0:
            say(tr(CLI, _FILE_PROBLEM), file=args.file, message=message)
        else:
            say(tr(CLI, _PROBLEM), row=problem.row, column=problem.column or "-", message=message)
    if result.problem_count > SHOWN_PROBLEMS:
        say(tr(CLI, _MORE), count=result.problem_count - SHOWN_PROBLEMS)
    if result.refused:
        say(tr(CLI, _REFUSED), count=result.problem_count, file=args.file)
        return EXIT_FAILED
    say(
        tr(CLI, _SUMMARY),
        entity=args.entity,
        file=args.file,
        inserted=result.inserted,
        updated=result.updated,
        unchanged=result.unchanged,
        rejected=result.rejected,
        seconds=result.seconds,
        rate=result.rows_per_second,
    )
    if result.created:
        counts = ", ".join(f"{name} {count}" for name, count in result.created.items())
        say(tr(CLI, _CREATED), counts=counts)
    if result.rejected_file is not None:
        say(tr(CLI, _REJECTED_FILE), file=result.rejected_file)
    return EXIT_OK
