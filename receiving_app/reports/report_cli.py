"""``receiving-app report disposition --from DATE --to DATE --format pdf|csv|xlsx -o FILE`` (no Qt).

A supervisor (or a script) writes the disposition report of a period: the PDF to print, or the
same numbers as CSV or XLSX. Like ``outcomes export`` it reads the database without a login. The
file appears whole or not at all. Without ``--format`` the file's extension chooses (``.csv``,
``.xlsx``; anything else is a PDF); the format written is always said.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from receiving_app.cli_output import say
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn
from receiving_app.reports.output import ReportFormat
from receiving_app.reports.period import add_period_arguments

EXIT_OK = 0
CLI = "CLI"

_WRITTEN = QT_TRANSLATE_NOOP(
    "CLI", "Disposition report ({format}) of {start} to {end} written to {file}: {units} units."
)


def add_report_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``report disposition`` to the command line; ``t`` translates the help texts."""
    report = sub.add_parser(
        "report", help=t(QT_TRANSLATE_NOOP("CLI", "supervisors' reports as PDF, CSV or XLSX"))
    )
    kinds = report.add_subparsers(metavar="REPORT", required=True)
    disposition = kinds.add_parser(
        "disposition",
        parents=[common],
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI",
                "units routed in a period by disposition, grade, reason, vendor, category, "
                "product and inspector, with recovered value and dock-to-stock time",
            )
        ),
    )
    add_period_arguments(
        disposition,
        tuple(member.value for member in ReportFormat),
        t(QT_TRANSLATE_NOOP("CLI", "pdf, csv or xlsx (default: from the file's extension)")),
        t,
    )
    disposition.set_defaults(handler=cmd_report_disposition)


def _format_of(args: argparse.Namespace) -> ReportFormat:
    if args.file_format is not None:
        return ReportFormat(args.file_format)
    suffix = args.output.suffix.lower().lstrip(".")
    return ReportFormat(suffix) if suffix in set(ReportFormat) else ReportFormat.PDF


def cmd_report_disposition(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Gather, render and write the report; refusals (``ReceivingError``) reach ``cli.run``."""
    # Imported here: reportlab, openpyxl and the database load only for the commands using them.
    from receiving_app.context import open_context
    from receiving_app.reports.disposition_figures import gather_disposition_figures
    from receiving_app.reports.disposition_report import disposition_report_data
    from receiving_app.reports.output import write_disposition_report
    from receiving_app.reports.period import parse_day, report_period

    period = report_period(parse_day(args.start), parse_day(args.end))
    file_format = _format_of(args)
    context = open_context(args.db)
    try:
        figures = gather_disposition_figures(period)
        dock = context.station.name or context.station.code
    finally:
        context.close()
    write_disposition_report(args.output, disposition_report_data(figures, tr, dock), file_format)
    say(
        tr(CLI, _WRITTEN),
        format=file_format.value,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        file=args.output,
        units=figures.totals.units,
    )
    return EXIT_OK


__all__ = ["add_report_commands", "cmd_report_disposition"]
