"""Handing frames from the capture thread to the decoder thread, latest first, and turning a
frame into a photo (no Qt).

Decoding can be slower than the camera. Queued frames would make the decoder fall further and
further behind the picture the worker sees, so the hand-over holds one frame: a new one
replaces the one not yet taken, which is dropped.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2

from receiving_app.camera.capture import Frame
from receiving_app.decoding.code import Code


@dataclass(frozen=True)
class CapturedFrame:
    """A frame and when it was captured (monotonic milliseconds)."""

    image: Frame
    at_ms: float


@dataclass(frozen=True)
class DecodedFrame:
    """The codes found in one frame of ``width`` × ``height`` pixels (points in those pixels)."""

    width: int
    height: int
    codes: tuple[Code, ...]


class LatestFrame:
    """A one-frame mailbox between two threads: ``put`` replaces, ``take`` waits."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._frame: CapturedFrame | None = None
        self.dropped = 0
        """Frames replaced before the decoder took them."""

    def put(self, frame: CapturedFrame) -> None:
        with self._condition:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._condition.notify()

    def take(self, timeout_s: float) -> CapturedFrame | None:
        """The latest frame, waiting at most ``timeout_s``; None if none came."""
        with self._condition:
            if self._frame is None:
                self._condition.wait(timeout_s)
            frame, self._frame = self._frame, None
            return frame


SNAPSHOT_JPEG_QUALITY = 90
"""A camera picture is kept at this quality; the photo store only shrinks it if too large."""


def frame_jpeg(frame: Frame) -> bytes:
    """A full-size BGR frame as a JPEG without metadata (what a camera photo is stored from)."""
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, SNAPSHOT_JPEG_QUALITY])
    if not ok:
        raise ValueError("OpenCV could not encode the frame as JPEG")
    return encoded.tobytes()
