"""The decoding pipeline: cheap passes first, harder ones only when nothing was read (no Qt).

``Decoder.decode`` is for still images (a photo, a scan, ``receiving-app decode``): zxing-cpp and
zbar on the image (downscaled first if it is a large photo), then, only when both read nothing,
retries that the dev set showed to pay: a 2x upscale for each engine, then zxing-cpp on a
sharpened image (adaptive threshold, rotation and zbar on the sharpened image added nothing).
``Decoder.decode_frame`` is for a live feed: one cheap zxing-cpp pass on the frame (or the
region of interest), and zbar on a 480-pixel-wide copy only when zxing-cpp read nothing, which keeps
a 1280x720 feed well above 30 frames per second on one core. See ``docs/decoding.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import cv2
import numpy as np
from numpy.typing import NDArray

from receiving_app.decoding.code import BarcodeFormat, Code
from receiving_app.decoding.engines import Engine, GreyImage, ZbarEngine, ZxingEngine

Image = NDArray[np.uint8]
Roi = tuple[int, int, int, int]
"""A region of interest: x, y, width, height in frame pixels."""

FIRST_PASS_MAX_SIDE = 1600
"""Larger photos are first decoded downscaled to this longest side (then at full size)."""
UPSCALE_MAX_SIDE = 1200
"""Images up to this longest side are retried at twice their size."""
FRAME_FALLBACK_WIDTH = 480
"""zbar's fallback pass on a live frame works at this width."""


def to_grey(image: Image) -> GreyImage:
    """A grey copy of a BGR, BGRA or grey ``uint8`` image."""
    if image.ndim == 2:
        return image
    if image.ndim == 3 and image.shape[2] == 3:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), np.uint8)
    if image.ndim == 3 and image.shape[2] == 4:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY), np.uint8)
    raise ValueError(f"not a grey, BGR or BGRA image: shape {image.shape}")


def _resized(grey: GreyImage, factor: float) -> GreyImage:
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return np.asarray(
        cv2.resize(grey, None, fx=factor, fy=factor, interpolation=interpolation), np.uint8
    )


def _sharpened(grey: GreyImage) -> GreyImage:
    """An unsharp mask: brings back the edges of a slightly blurred phone photo."""
    blurred = cv2.GaussianBlur(grey, (0, 0), 3)
    return np.asarray(cv2.addWeighted(grey, 1.8, blurred, -0.8, 0), np.uint8)


def _mapped(codes: Iterable[Code], factor: float, dx: int = 0, dy: int = 0) -> list[Code]:
    """``codes`` found in an image scaled by ``factor`` and offset, in the source's pixels."""
    if factor == 1 and dx == 0 and dy == 0:
        return list(codes)
    return [
        Code(
            code.text,
            code.format,
            tuple((round(x / factor) + dx, round(y / factor) + dy) for x, y in code.points),
        )
        for code in codes
    ]


def unique(codes: Iterable[Code]) -> list[Code]:
    """Each text and format once, the first read kept (engines and passes repeat each other)."""
    seen: dict[tuple[str, BarcodeFormat], Code] = {}
    for code in codes:
        seen.setdefault(code.key, code)
    return list(seen.values())


Pass = tuple[Engine, Callable[[GreyImage], GreyImage], float]
"""One retry: an engine, how to change the image first, and the scale that change applies."""


class Decoder:
    """Reads the dock's barcodes in still images and live frames.

    It keeps no state between calls, and pyzbar and zxing-cpp make their scanner per call, so
    one Decoder can be used from a worker thread, and even by several threads at once.
    """

    def __init__(self) -> None:
        self._zxing = ZxingEngine(thorough=True)
        self._zxing_fast = ZxingEngine(thorough=False)
        self._zbar = ZbarEngine()
        self._retries: Sequence[Pass] = (
            (self._zxing, lambda grey: _resized(grey, 2.0), 2.0),
            (self._zbar, lambda grey: _resized(grey, 2.0), 2.0),
            (self._zxing, _sharpened, 1.0),
        )

    def decode(self, image: Image) -> list[Code]:
        """Every barcode read in a still image (BGR or grey), each text and format once."""
        grey = to_grey(image)
        longest = max(grey.shape)
        if longest > FIRST_PASS_MAX_SIDE:
            factor = FIRST_PASS_MAX_SIDE / longest
            codes = _mapped(self._first_pass(_resized(grey, factor)), factor)
            if codes:
                return codes
        codes = self._first_pass(grey)
        if codes:
            return codes
        for engine, change, factor in self._retries:
            if factor > 1 and longest > UPSCALE_MAX_SIDE:
                continue
            codes = _mapped(engine.read(change(grey)), factor)
            if codes:
                return unique(codes)
        return []

    def _first_pass(self, grey: GreyImage) -> list[Code]:
        return unique([*self._zxing.read(grey), *self._zbar.read(grey)])

    def decode_frame(self, frame: Image, roi: Roi | None = None) -> list[Code]:
        """The barcodes in one live video frame (BGR or grey), within a 30 fps budget.

        ``roi`` (x, y, width, height) limits the search to the aiming area; points are given
        in the frame's pixels either way.
        """
        dx = dy = 0
        if roi is not None:
            x, y, width, height = roi
            dx, dy = max(x, 0), max(y, 0)
            frame = frame[dy : y + height, dx : x + width]
        grey = to_grey(frame)
        if grey.size == 0:
            return []
        codes = self._zxing_fast.read(grey)
        if not codes:
            factor = min(1.0, FRAME_FALLBACK_WIDTH / grey.shape[1])
            small = _resized(grey, factor) if factor < 1 else grey
            codes = _mapped(self._zbar.read(small), factor)
        return unique(_mapped(codes, 1.0, dx, dy))


__all__ = ["Decoder", "Image", "Roi", "to_grey", "unique"]
