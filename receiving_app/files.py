"""Writing a file the user asked for, whole or not at all (no Qt).

A report or an export must never be seen half written by the program that opens it (a PDF
viewer, a spreadsheet, a mail attachment): the bytes go to a temporary file beside the target,
which is renamed over it only once everything is on disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "Error", "Cannot write {file} ({detail}): choose another file or folder."
)


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is never seen half written.

    Raises:
        InvalidInput: the file cannot be written (no such folder, a folder by that name, no
            permission, disk full); nothing is left behind.
    """
    if not path.name:  # "", "." or "/": a folder
        raise InvalidInput(CANNOT_WRITE, file=str(path), detail=os.strerror(errno.EISDIR))
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        # os.open, not tempfile: the report gets the permissions the user's umask gives files.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)  # a folder by that name refuses (EISDIR)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise InvalidInput(
            CANNOT_WRITE, file=str(path), detail=error.strerror or str(error)
        ) from None


__all__ = ["CANNOT_WRITE", "write_whole"]
