"""``receiving-app inspection report LPN -o FILE.pdf``: a unit's inspection report as a PDF (no Qt).

A supervisor or a script writes the report that goes with a unit to a vendor, a refurbisher or
customer service: the unit's latest completed inspection, in the station's language, with the
photos this PC holds. The file appears whole or not at all: the PDF is rendered first, then
written to a temporary file beside the target and renamed over it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from receiving_app.files import write_whole
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn, system_language

EXIT_OK = 0


def add_inspection_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``inspection report`` to the command line; ``t`` translates the help texts."""
    inspection = sub.add_parser(
        "inspection", help=t(QT_TRANSLATE_NOOP("CLI", "inspected units and their reports"))
    )
    actions = inspection.add_subparsers(metavar="ACTION", required=True)
    report = actions.add_parser(
        "report",
        parents=[common],
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "write the report of a unit's latest completed inspection as a PDF"
            )
        ),
    )
    report.add_argument("lpn", metavar="LPN")
    report.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE.pdf",
        help=t(QT_TRANSLATE_NOOP("CLI", "the PDF file to write (replaced if it exists)")),
    )
    report.set_defaults(handler=cmd_inspection_report)


def cmd_inspection_report(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Write the report and print its path; refusals (``ReceivingError``) reach ``cli.run``."""
    # Imported here: reportlab and the database are loaded only by the commands that need them.
    from receiving_app.context import open_context
    from receiving_app.inspection.report import inspection_report_pdf

    context = open_context(args.db)
    try:
        pdf = inspection_report_pdf(
            args.lpn,
            context.prefixes,
            tr,
            system_language(context.settings.language),
            context.settings.photos.folder,  # where the station's desks store them
        )
    finally:
        context.close()
    write_whole(args.output, pdf)
    sys.stdout.write(f"{args.output}\n")
    return EXIT_OK


__all__ = ["add_inspection_commands", "cmd_inspection_report"]
