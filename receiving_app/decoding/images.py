"""Image files for the decoder, loaded safely: size limits, damaged files a clear error (no Qt).

A photo from a phone or a scan of a label comes from outside: a file too big, a file that is no
image, or a damaged one raises ``InvalidInput`` with a message that names the file and says what
to do; nothing crashes. Pillow reads only the header first, so a small file that claims huge
dimensions (a decompression bomb) is refused before any pixel is decoded.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image as PilImage
from PIL import ImageOps, UnidentifiedImageError

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

MAX_FILE_BYTES = 64 * 2**20
MAX_PIXELS = 64_000_000
"""A 48 megapixel phone photo fits; anything larger is refused before it is decoded."""

CANNOT_READ = QT_TRANSLATE_NOOP("Error", "Cannot read {file}: {reason}.")
NOT_AN_IMAGE = QT_TRANSLATE_NOOP(
    "Error",
    "{file} is not an image or is damaged: use a PNG, JPEG, WebP, BMP or TIFF file.",
)
FILE_TOO_BIG = QT_TRANSLATE_NOOP(
    "Error", "{file} is larger than the {limit_mb} MB that can be decoded: scale it down."
)
TOO_MANY_PIXELS = QT_TRANSLATE_NOOP(
    "Error",
    "{file} has more pixels than the {limit} megapixels that can be decoded: scale it down.",
)


def load_image(path: Path) -> NDArray[np.uint8]:
    """The image in ``path`` as a BGR ``uint8`` array; ``InvalidInput`` if it can't be."""
    name = str(path)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # bounded: a device or a growing file too
    except OSError as exc:
        raise InvalidInput(CANNOT_READ, file=name, reason=exc.strerror or str(exc)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(FILE_TOO_BIG, file=name, limit_mb=MAX_FILE_BYTES // 2**20)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PilImage.DecompressionBombWarning)
            with PilImage.open(io.BytesIO(data)) as opened:
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise InvalidInput(TOO_MANY_PIXELS, file=name, limit=MAX_PIXELS // 10**6)
                # A phone stores how it was held in EXIF: turn the pixels the way they are seen.
                rgb = _on_white(ImageOps.exif_transpose(opened))
    except PilImage.DecompressionBombError as exc:  # far beyond even Pillow's own limit
        raise InvalidInput(TOO_MANY_PIXELS, file=name, limit=MAX_PIXELS // 10**6) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise InvalidInput(NOT_AN_IMAGE, file=name) from exc
    return np.ascontiguousarray(np.asarray(rgb, np.uint8)[:, :, ::-1])


def _on_white(image: PilImage.Image) -> PilImage.Image:
    """The image in RGB, transparent parts white (a label's background), not black."""
    if "A" not in image.getbands() and "transparency" not in image.info:
        return image.convert("RGB")
    white = PilImage.new("RGBA", image.size, (255, 255, 255, 255))
    return PilImage.alpha_composite(white, image.convert("RGBA")).convert("RGB")


__all__ = ["MAX_FILE_BYTES", "MAX_PIXELS", "load_image"]
