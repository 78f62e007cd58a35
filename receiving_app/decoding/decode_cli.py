"""``receiving-app decode IMAGE...``: what the decoder reads in image files (no Qt).

For checking a printed label or a phone photo with the same pipeline the camera uses. One JSON
object per image, in the order given: ``{"file": ..., "codes": [{"text": ..., "format": ...}]}``;
a file that cannot be read gets ``{"file": ..., "error": ...}`` and the others go on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

EXIT_OK, EXIT_FAILED = 0, 1


def add_decode_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], t: Callable[[str], str]
) -> None:
    """Add ``decode IMAGE...`` to the command line; ``t`` translates the help texts."""
    decode = sub.add_parser(
        "decode",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "print the barcodes read in image files, one JSON line per image"
            )
        ),
    )
    decode.add_argument(
        "images",
        nargs="+",
        type=Path,
        metavar="IMAGE",
        help=t(QT_TRANSLATE_NOOP("CLI", "a photo or scan: PNG, JPEG, WebP, BMP or TIFF")),
    )
    decode.set_defaults(handler=cmd_decode)


def cmd_decode(args: argparse.Namespace, tr: TranslateFn) -> int:
    """One JSON line per image; exit 1 if any file could not be read, else 0."""
    # Imported here: OpenCV and the engines load only for the command that decodes.
    from receiving_app.decoding.images import load_image
    from receiving_app.decoding.pipeline import Decoder

    decoder = Decoder()
    exit_code = EXIT_OK
    for path in args.images:
        line: dict[str, object] = {"file": str(path)}
        try:
            codes = decoder.decode(load_image(path))
        except InvalidInput as exc:
            line["error"] = tr(exc.context, exc.message).format(**exc.params)
            exit_code = EXIT_FAILED
        else:
            line["codes"] = [{"text": code.text, "format": code.format.value} for code in codes]
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return exit_code


__all__ = ["add_decode_commands", "cmd_decode"]
