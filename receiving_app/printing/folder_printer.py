"""The folder back-end: each label becomes a file, written whole (no Qt).

A hot folder watched by other software, a shared drive, or simply the labels of a station whose
printer is not set up yet: nothing that reads the folder ever sees half a label.
"""

from __future__ import annotations

import re
from pathlib import Path

from receiving_app.errors import InvalidInput
from receiving_app.files import write_whole
from receiving_app.printing import messages
from receiving_app.printing.errors import PrinterError
from receiving_app.settings import PrinterSettings

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class FolderPrinter:
    """Writes ``<title>.<format>`` (``LPN0000000042-17.pdf``) into the printer's folder."""

    def __init__(self, settings: PrinterSettings) -> None:
        self._folder = Path(settings.target)
        self._suffix = settings.format.value

    def send(self, data: bytes, title: str) -> None:
        name = _UNSAFE.sub("_", title).lstrip(".") or "label"
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PrinterError(
                messages.FOLDER_FAILED,
                folder=str(self._folder),
                detail=error.strerror or str(error),
            ) from None
        try:
            write_whole(self._folder / f"{name}.{self._suffix}", data)
        except InvalidInput as error:
            raise PrinterError(
                messages.FOLDER_FAILED, folder=str(self._folder), detail=error.params["detail"]
            ) from None
