"""The station camera through OpenCV: open it at the configured size, read frames, notice a
missing, busy or unplugged camera, and reopen it with back-off (no Qt).

A video file named as the device plays as a fake camera at the configured frame rate (tests and
demos); at its end it either loops or behaves like an unplugged camera.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray

from receiving_app.camera.messages import CameraState, CameraStatus, camera_status
from receiving_app.settings import CameraSettings

Frame = NDArray[np.uint8]
"""One picture: height × width × 3 (BGR), as OpenCV delivers it."""

FIRST_RETRY_S = 0.5
MAX_RETRY_S = 5.0
"""Reopening backs off from half a second to five: a replugged camera is back within seconds,
and a missing one costs the station almost nothing."""


class CameraSource:
    """Frames from the station's camera, with its state; never raises for a camera problem.

    ``read()`` returns the next frame or None. After None, ``status`` says why and
    ``retry_in()`` how long until it is worth calling ``read()`` again: a camera that cannot
    be opened, or stops delivering, is closed and reopened with back-off.

    Not thread-safe: one thread reads.
    """

    def __init__(
        self,
        settings: CameraSettings,
        *,
        loop: bool = False,
        now: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """``loop`` replays a video file from its start instead of ending like an unplugged
        camera; ``now`` and ``sleep`` are the clock (seconds), replaced in tests."""
        self._settings = settings
        self._device = settings.device
        self._loop = loop
        self._now = now
        self._sleep = sleep
        self._file = _is_video_file(self._device)
        self._capture: cv2.VideoCapture | None = None
        self._worked = False
        self._retry_at = now()
        self._backoff = FIRST_RETRY_S
        self._next_frame_at = 0.0
        self._status = camera_status(CameraState.OFF, self._device)  # until the first read

    @property
    def status(self) -> CameraStatus:
        return self._status

    def retry_in(self) -> float:
        """Seconds until the next attempt to open the camera (0 while it is open)."""
        if self._capture is not None:
            return 0.0
        return max(0.0, self._retry_at - self._now())

    def read(self) -> Frame | None:
        """The next frame; None when the camera is not there (yet), or has just failed."""
        if self._capture is None and not self._open():
            return None
        assert self._capture is not None
        self._pace()
        ok, frame = self._capture.read()
        if not ok and self._file and self._loop:
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._capture.read()
        if not ok or frame is None:
            # Unplugged, or the end of a video file: close, and reopen after the back-off.
            self._fail(CameraState.LOST)
            return None
        return np.asarray(frame, dtype=np.uint8)  # no copy: cameras deliver 8-bit pictures

    def close(self) -> None:
        """Release the camera, for another program or the next start."""
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def _open(self) -> bool:
        if self._now() < self._retry_at:
            return False
        capture = cv2.VideoCapture(self._device)
        if not capture.isOpened():
            capture.release()
            if self._worked:
                state = CameraState.LOST  # still unplugged: keep saying so while retrying
            elif _is_missing(self._device):
                state = CameraState.NO_CAMERA
            else:
                state = CameraState.BUSY
            self._fail(state)
            return False
        if not self._file:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self._settings.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self._settings.height)
            capture.set(cv2.CAP_PROP_FPS, self._settings.fps)
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the latest picture, not a queue of old ones
        self._capture = capture
        state = CameraState.RECOVERED if self._worked else CameraState.WORKING
        self._status = camera_status(state, self._device)
        self._worked = True
        self._backoff = FIRST_RETRY_S
        self._next_frame_at = self._now()
        return True

    def _fail(self, state: CameraState) -> None:
        self.close()
        self._status = camera_status(state, self._device)
        self._retry_at = self._now() + self._backoff
        self._backoff = min(self._backoff * 2, MAX_RETRY_S)

    def _pace(self) -> None:
        """A video file plays at the configured rate, as a camera delivers; a camera paces
        itself (``read`` waits for its next picture)."""
        if not self._file:
            return
        wait = self._next_frame_at - self._now()
        if wait > 0:
            self._sleep(wait)
        # Late (a slow reader) plays on from now rather than catching up in a burst.
        self._next_frame_at = max(self._next_frame_at + 1 / self._settings.fps, self._now())


def _is_video_file(device: int | str) -> bool:
    return (
        isinstance(device, str)
        and "://" not in device
        and not device.startswith("/dev/")
        and Path(device).is_file()
    )


def _is_missing(device: int | str) -> bool:
    """Is there no such camera (rather than one that refuses to open)?

    On Linux camera N is ``/dev/videoN``; elsewhere an index that cannot be opened is taken as
    missing, as is a path that does not exist. A URL is never "missing": it is unreachable.
    """
    if isinstance(device, int):
        return not sys.platform.startswith("linux") or not Path(f"/dev/video{device}").exists()
    return "://" not in device and not Path(device).exists()
