"""``receiving-app export units|dispositions|outcomes --from DATE --to DATE -o FILE`` (no Qt).

A supervisor (or a script) writes one dataset of a period as CSV or XLSX (``--format``, else the
file's extension: ``.xlsx`` is a workbook, anything else CSV). Like ``report disposition`` it
only reads and needs no login, except for customers' personal data: ``--personal`` needs
``--user NAME``, an active user who may approve. The file appears whole or not at all.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from receiving_app.cli_output import say
from receiving_app.data_export.datasets import Dataset
from receiving_app.data_export.writing import ExportFormat
from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn
from receiving_app.reports.period import add_period_arguments

EXIT_OK = 0
CLI = "CLI"

_HELP = {
    Dataset.UNITS: QT_TRANSLATE_NOOP(
        "CLI", "the units received in the period, one row each, as they stand now"
    ),
    Dataset.DISPOSITIONS: QT_TRANSLATE_NOOP(
        "CLI", "every routing decision made in the period, overridden ones included"
    ),
    Dataset.OUTCOMES: QT_TRANSLATE_NOOP(
        "CLI", "every customer outcome (refund, exchange, repair) proposed in the period"
    ),
}
_WRITTEN = QT_TRANSLATE_NOOP(
    "CLI", "{rows} rows of {dataset} ({format}) from {start} to {end} written to {file}."
)
_WRITTEN_PERSONAL = QT_TRANSLATE_NOOP(
    "CLI",
    "{rows} rows of {dataset} ({format}) from {start} to {end}, with customers' personal data "
    "(exported for {user}), written to {file}.",
)
USER_WITHOUT_PERSONAL = QT_TRANSLATE_NOOP(
    "Error", "--user is only for --personal: add --personal, or leave --user out."
)


def add_export_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``export units|dispositions|outcomes``; ``t`` translates the help texts."""
    export = sub.add_parser(
        "export",
        help=t(
            QT_TRANSLATE_NOOP("CLI", "units, routing decisions or customer outcomes as CSV or XLSX")
        ),
    )
    kinds = export.add_subparsers(metavar="DATASET", required=True)
    for dataset in Dataset:
        command = kinds.add_parser(dataset.value, parents=[common], help=t(_HELP[dataset]))
        _add_options(command, t)
        command.set_defaults(handler=cmd_export, dataset=dataset)


def _add_options(command: argparse.ArgumentParser, t: Callable[[str], str]) -> None:
    add_period_arguments(
        command,
        tuple(member.value for member in ExportFormat),
        t(QT_TRANSLATE_NOOP("CLI", "csv or xlsx (default: from the file's extension)")),
        t,
    )
    command.add_argument(
        "--personal",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "also the customers' names, references and words (needs --user)"
            )
        ),
    )
    command.add_argument(
        "--user",
        metavar="NAME",
        help=t(QT_TRANSLATE_NOOP("CLI", "the supervisor exporting personal data")),
    )


def _format_of(args: argparse.Namespace) -> ExportFormat:
    if args.file_format is not None:
        return ExportFormat(args.file_format)
    return ExportFormat.XLSX if args.output.suffix.lower() == ".xlsx" else ExportFormat.CSV


def cmd_export(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Check the options, write the file; refusals (``ReceivingError``) reach ``cli.run``."""
    # Imported here: openpyxl and the database load only for the commands using them.
    from receiving_app.context import open_context
    from receiving_app.data_export.export import export_dataset
    from receiving_app.reports.period import parse_day, report_period
    from receiving_app.supervisor.common import supervisor_named

    period = report_period(parse_day(args.start), parse_day(args.end))
    if args.user is not None and not args.personal:
        raise InvalidInput(USER_WITHOUT_PERSONAL)
    file_format = _format_of(args)
    context = open_context(args.db)
    try:
        user = supervisor_named(args.user) if args.user is not None else None
        result = export_dataset(
            args.dataset,
            period,
            args.output,
            file_format,
            include_personal=args.personal,
            user=user,
        )
    finally:
        context.close()
    say(
        tr(CLI, _WRITTEN_PERSONAL if result.personal else _WRITTEN),
        rows=result.rows,
        dataset=result.dataset.value,
        format=file_format.value,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        file=args.output,
        user=user.name if user is not None else "",
    )
    return EXIT_OK


__all__ = ["USER_WITHOUT_PERSONAL", "add_export_commands", "cmd_export"]
