"""How the command line's sub-commands print: lines on stdout, refusals on stderr (no Qt)."""

from __future__ import annotations

import sys

from receiving_app.errors import ReceivingError
from receiving_app.i18n import TranslateFn

EXIT_FAILED = 1


def say(text: str, **params: object) -> None:
    """Print an already translated line, filled with ``params``."""
    out(text.format(**params) if params else text)


def out(line: str) -> None:
    sys.stdout.write(line + "\n")


def refused(tr: TranslateFn, exc: ReceivingError) -> int:
    """Print why the core refused, naming the file it came from; the exit code to return."""
    message = tr(exc.context, exc.message).format(**exc.params)
    source = exc.params.get("file")
    if source is not None and "{file}" not in exc.message:
        message = f"{source}: {message}"
    sys.stderr.write(f"receiving-app: {message}\n")
    return EXIT_FAILED
