"""Photo files: check that a file is a whole JPEG or PNG picture and store it once by its content (no Qt).

Photos live beside the database in ``photos/<sha256>.<ext>``: the same picture attached twice
is stored once, and a file's name proves its content.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

MAX_PHOTO_BYTES = 20 * 1024 * 1024
_MAGIC = ((b"\xff\xd8\xff", "jpg"), (b"\x89PNG\r\n\x1a\n", "png"))


@dataclass(frozen=True)
class StoredPhoto:
    sha256: str
    file_name: str  # relative to the photo folder


def read_photo(path: Path) -> tuple[bytes, str]:
    """The bytes of a JPEG or PNG file and its extension.

    Raises:
        InvalidInput: the file is missing, unreadable, too big, or not a JPEG or PNG.
    """
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Outcome", "The photo {file} is over {limit} MB: take a smaller one."
                ),
                file=path.name,
                limit=MAX_PHOTO_BYTES // (1024 * 1024),
            )
        data = path.read_bytes()
    except OSError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Outcome", "The photo {file} cannot be read: pick the file again."),
            file=path.name,
        ) from None
    for magic, extension in _MAGIC:
        if data.startswith(magic) and _decodes(data):
            return data, extension
    raise InvalidInput(
        QT_TRANSLATE_NOOP("Outcome", "{file} is not a JPEG or PNG picture: pick a photo file."),
        file=path.name,
    )


def _decodes(data: bytes) -> bool:
    """Whether the picture decodes whole: a truncated or damaged file is refused now, not
    when a report wants to print it."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def store_photo(path: Path, folder: Path) -> StoredPhoto:
    """Copy a checked photo into ``folder`` under its hash (once), and say where it went."""
    data, extension = read_photo(path)
    sha256 = hashlib.sha256(data).hexdigest()
    name = f"{sha256}.{extension}"
    target = folder / name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{name}.part"
        with partial.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, target)  # a crash never leaves a half-written photo under its hash
    return StoredPhoto(sha256, name)
