"""The photo store: check a picture, make it small and private, and keep it once by content (no Qt).

Photos of parcels and units come from a file (JPEG or PNG) or from the camera (a frame the caller
already encoded as JPEG). Each is checked to decode whole, turned upright from its EXIF
orientation, scaled down so its long edge is at most ``max_edge`` pixels and saved as a JPEG
without any metadata (no EXIF, so no GPS position or camera serial leaves the dock PC). A JPEG
that is already small enough and carries no metadata is kept byte for byte.

The file is named by the SHA-256 of the stored bytes (``<sha256>.jpg``): the same picture taken
twice is stored once, and a file's name proves its content. The folder may be shared by several
stations; a file appears whole under its name or not at all.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

MAX_PHOTO_BYTES = 20 * 1024 * 1024
MAX_PHOTO_PIXELS = 80_000_000  # larger pictures are refused before they are decoded
DEFAULT_MAX_EDGE = 2048
JPEG_QUALITY = 85
_JPEG_MAGIC = b"\xff\xd8\xff"
_MAGICS = (_JPEG_MAGIC, b"\x89PNG\r\n\x1a\n")
_METADATA = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop")

# Each problem has a message for a file (named) and one for a camera picture (bytes).
TOO_BIG = (
    QT_TRANSLATE_NOOP("Outcome", "The photo {file} is over {limit} MB: take a smaller one."),
    QT_TRANSLATE_NOOP("Outcome", "The camera picture is over {limit} MB: take a smaller one."),
)
TOO_MANY_PIXELS = (
    QT_TRANSLATE_NOOP(
        "Outcome", "The photo {file} has over {limit} megapixels: take a smaller one."
    ),
    QT_TRANSLATE_NOOP(
        "Outcome", "The camera picture has over {limit} megapixels: take a smaller one."
    ),
)
UNREADABLE = QT_TRANSLATE_NOOP("Outcome", "The photo {file} cannot be read: pick the file again.")
NOT_A_PICTURE = (
    QT_TRANSLATE_NOOP("Outcome", "{file} is not a JPEG or PNG picture: pick a photo file."),
    QT_TRANSLATE_NOOP("Outcome", "The camera picture is not a JPEG or PNG: take it again."),
)
DAMAGED = (
    QT_TRANSLATE_NOOP("Outcome", "The photo {file} is damaged or cut short: pick the file again."),
    QT_TRANSLATE_NOOP("Outcome", "The camera picture is damaged or cut short: take it again."),
)
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "Outcome",
    "The photo cannot be saved in {folder}: check that the folder exists and can be written.",
)


@dataclass(frozen=True)
class StoredPhoto:
    """A photo in the store: its hash, its file name in the folder and its size in pixels."""

    sha256: str
    file_name: str
    width: int
    height: int


@dataclass(frozen=True)
class PhotoRef:
    """A stored photo as a screen lists it (a thumbnail): its file and who took it, when."""

    file_name: str
    path: Path
    taken_at: datetime.datetime
    taken_by: str


@dataclass(frozen=True)
class PhotoStore:
    """The station's photo folder and the longest edge a stored photo may have."""

    folder: Path
    max_edge: int = DEFAULT_MAX_EDGE

    def path_of(self, file_name: str) -> Path:
        return self.folder / file_name

    def store(self, source: Path | bytes) -> StoredPhoto:
        """Check, shrink and store a picture file or camera JPEG; say where it went.

        Raises:
            InvalidInput: the picture is too big, unreadable, damaged or not a JPEG or PNG, or
                the folder cannot be written.
        """
        data = _read(source)
        stored, width, height = _prepared(data, source, self.max_edge)
        sha256 = hashlib.sha256(stored).hexdigest()
        name = f"{sha256}.jpg"
        _write_once(self.folder, name, stored)
        return StoredPhoto(sha256, name, width, height)


def _problem(messages: tuple[str, str], source: Path | bytes, **params: object) -> InvalidInput:
    for_file, for_camera = messages
    if isinstance(source, Path):
        return InvalidInput(for_file, file=source.name, **params)
    return InvalidInput(for_camera, **params)


def _read(source: Path | bytes) -> bytes:
    """The picture's bytes, refused when over the size limit (before a file is read)."""
    limit = MAX_PHOTO_BYTES // (1024 * 1024)
    if isinstance(source, bytes):
        if len(source) > MAX_PHOTO_BYTES:
            raise _problem(TOO_BIG, source, limit=limit)
        return source
    try:
        if source.stat().st_size > MAX_PHOTO_BYTES:
            raise _problem(TOO_BIG, source, limit=limit)
        return source.read_bytes()
    except OSError:
        raise InvalidInput(UNREADABLE, file=source.name) from None


def _prepared(data: bytes, source: Path | bytes, max_edge: int) -> tuple[bytes, int, int]:
    """The bytes to store for a picture, with their width and height in pixels.

    Raises:
        InvalidInput: the picture is not a JPEG or PNG, does not decode whole, or is too big.
    """
    if not data.startswith(_MAGICS):
        raise _problem(NOT_A_PICTURE, source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise _too_many_pixels(source)
            image.load()  # a truncated or damaged file is refused now, not in a report
            if _keep_as_is(image, data, max_edge):
                return data, image.width, image.height
            return _reencoded(image, max_edge)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):  # Pillow's limits
        raise _too_many_pixels(source) from None
    except (OSError, SyntaxError, ValueError):
        raise _problem(DAMAGED, source) from None


def _too_many_pixels(source: Path | bytes) -> InvalidInput:
    return _problem(TOO_MANY_PIXELS, source, limit=MAX_PHOTO_PIXELS // 1_000_000)


def _keep_as_is(image: Image.Image, data: bytes, max_edge: int) -> bool:
    """A JPEG within the size and without metadata is stored untouched (no second loss)."""
    return (
        data.startswith(_JPEG_MAGIC)
        and max(image.size) <= max_edge
        and not any(key in image.info for key in _METADATA)
        and not image.getexif()
    )


def _reencoded(image: Image.Image, max_edge: int) -> tuple[bytes, int, int]:
    """The picture upright, at most ``max_edge`` on its long side, as a JPEG without metadata."""
    upright = ImageOps.exif_transpose(image)
    upright.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)  # never enlarges
    rgb = _on_white(upright)
    buffer = io.BytesIO()
    rgb.save(buffer, "JPEG", quality=JPEG_QUALITY)  # no exif= or icc: nothing is copied over
    return buffer.getvalue(), rgb.width, rgb.height


def _on_white(image: Image.Image) -> Image.Image:
    """RGB for JPEG; transparent parts (a PNG cut-out) become white rather than black."""
    if image.mode == "RGB":
        return image
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _write_once(folder: Path, name: str, data: bytes) -> None:
    """Write ``data`` as ``folder/name`` unless it is there: through a private temporary file
    renamed into place, so no station ever sees half a photo under its hash."""
    target = folder / name
    if target.exists():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(partial, target)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    except OSError:
        raise InvalidInput(NOT_WRITTEN, folder=str(folder)) from None
