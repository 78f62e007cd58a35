"""``receiving-app label sample KIND``: a label with sample data, for setting up a printer (no Qt).

Whoever sets up a label printer prints one of each kind on the station's stock, at the
printer's resolution, in the format it takes (PDF for a driver, ZPL for a Zebra on port 9100),
and checks that it fits, scans and shows Chinese. The file is written whole or not at all.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

from receiving_app.files import write_whole
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn
from receiving_app.label_captions import LABEL_KINDS, label_captions

EXIT_OK = 0

# The command line's choices, spelled out so that building the parser does not import labels
# (and reportlab); a test keeps them equal to labels' own.
SIZES = ("4x6", "4x2", "62x29mm")
DPIS = ("203", "300")
FORMATS = ("pdf", "zpl")

# Words the sample shows that the app translates elsewhere: the same contexts, so one
# translation serves both (names, not literals, in tr(), so lupdate does not extract them).
_ROUTING, _DOMAIN_WORDS = "Routing", "DomainWords"


def add_label_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], t: Callable[[str], str]
) -> None:
    """Add ``label sample`` to the command line; ``t`` translates the help texts."""
    label = sub.add_parser("label", help=t(QT_TRANSLATE_NOOP("CLI", "the dock's labels")))
    actions = label.add_subparsers(metavar="ACTION", required=True)
    sample = actions.add_parser(
        "sample",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "write a label with sample data as PDF or ZPL, to set up a printer"
            )
        ),
    )
    sample.add_argument(
        "kind",
        metavar="KIND",
        choices=LABEL_KINDS,
        help=t(QT_TRANSLATE_NOOP("CLI", "lpn, disposition or parcel")),
    )
    sample.add_argument(
        "--size",
        required=True,
        choices=SIZES,
        help=t(QT_TRANSLATE_NOOP("CLI", "the label stock: 4x6, 4x2 (inches) or 62x29mm")),
    )
    sample.add_argument(
        "--dpi",
        required=True,
        choices=DPIS,
        help=t(QT_TRANSLATE_NOOP("CLI", "the printer's resolution: 203 or 300")),
    )
    sample.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        dest="label_format",
        help=t(QT_TRANSLATE_NOOP("CLI", "pdf for a printer driver, zpl for a Zebra printer")),
    )
    sample.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("CLI", "the file to write (replaced if it exists)")),
    )
    sample.set_defaults(handler=cmd_label_sample)


def cmd_label_sample(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Write the sample label and print its path; an unwritable file reaches ``cli.run``."""
    # Imported here: reportlab is loaded only by the commands that draw.
    from labels import (
        DispositionLabelData,
        LabelFormat,
        LabelKind,
        LabelSize,
        ParcelLabelData,
        render_label,
        sample_label_data,
    )

    kind = LabelKind(args.kind)
    data = sample_label_data(kind, label_captions(args.kind, tr))
    if isinstance(data, DispositionLabelData):
        data = dataclasses.replace(data, disposition=tr(_ROUTING, "refurbish").upper())
    elif isinstance(data, ParcelLabelData):
        data = dataclasses.replace(data, condition=tr(_DOMAIN_WORDS, "damaged"))
    label = render_label(
        kind, data, LabelSize(args.size), int(args.dpi), LabelFormat(args.label_format)
    )
    write_whole(args.output, label)
    sys.stdout.write(f"{args.output}\n")
    return EXIT_OK


__all__ = ["add_label_commands", "cmd_label_sample"]
