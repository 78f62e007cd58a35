"""The camera's capture and decoding loops, off the GUI thread, reporting through signals."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage
from typing_extensions import override

from receiving_app.camera.capture import CameraSource, Frame
from receiving_app.camera.frames import CapturedFrame, DecodedFrame, LatestFrame, frame_jpeg
from receiving_app.camera.messages import CameraState, CameraStatus, camera_status
from receiving_app.camera.sightings import Sightings
from receiving_app.decoding.pipeline import Decoder
from receiving_app.settings import CameraSettings

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 640
"""Preview frames are scaled down to this width in the capture thread: the GUI thread only
paints them, and a side panel is never wider."""
IDLE_WAIT_S = 0.1
"""How long a loop waits for work before it checks whether it should stop."""
STOP_WAIT_MS = 5000


class _LoopThread(QThread):
    """A QThread that runs one function (a loop that watches a stop event)."""

    def __init__(self, name: str, loop: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName(name)
        self._loop = loop

    @override
    def run(self) -> None:
        self._loop()


class CameraWorker(QObject):
    """Reads the camera on one thread and decodes on another; decoding never holds up capture.

    The capture thread sends frames to the preview (scaled down) and leaves each in a one-frame
    mailbox; the decoding thread always takes the latest frame, so frames that arrive while it
    decodes are dropped rather than queued. The preview is never queued either: a frame is only
    sent once the GUI thread has taken the one before. Codes that count under the sightings
    rule (``receiving_app.camera.sightings``) are signalled once per appearance. The latest
    full-size frame is kept for ``snapshot_jpeg`` (a photo), until the camera stops delivering.

    The threads report to the worker, which lives on the GUI thread and passes on what belongs
    to the run in progress: nothing arrives from a camera after ``stop()``, even if it was on
    its way.

    Signals (on the GUI thread):
        frame_ready(QImage): the latest frame, at most ``preview_width`` wide.
        codes_found(DecodedFrame): the codes in the latest decoded frame (none: empty), with
            their outlines in that frame's pixels.
        sighted(str): a code that counts as a scan now: feed it to the scan path.
        state_changed(CameraStatus): the camera was opened, is missing, busy, lost, back or off.
    """

    frame_ready = Signal(QImage)
    codes_found = Signal(object)
    sighted = Signal(str)
    state_changed = Signal(object)

    # From the threads, with the number of the run they belong to.
    _frame_captured = Signal(int, QImage)
    _codes_decoded = Signal(int, object)
    _code_sighted = Signal(int, str)
    _state_read = Signal(int, object)

    def __init__(
        self,
        settings: CameraSettings,
        *,
        loop: bool = False,
        preview_width: int = PREVIEW_WIDTH,
        parent: QObject | None = None,
    ) -> None:
        """``loop`` replays a video file used as the camera (see ``CameraSource``)."""
        super().__init__(parent)
        self._settings = settings
        self._decoder = Decoder()
        self._loop = loop
        self._preview_width = preview_width
        self._stop = threading.Event()
        self._threads: list[_LoopThread] = []
        self._mailbox = LatestFrame()
        self._latest: Frame | None = None  # replaced whole by the capture thread, never changed
        self._run = 0
        self._frame_pending = threading.Event()
        self._frame_captured.connect(self._on_frame_captured)
        self._codes_decoded.connect(self._on_codes_decoded)
        self._code_sighted.connect(self._on_code_sighted)
        self._state_read.connect(self._on_state_read)

    def is_running(self) -> bool:
        return bool(self._threads)

    def start(self) -> None:
        """Open the camera and start reading and decoding (nothing if already running)."""
        if self._threads:
            return
        self._stop.clear()
        self._frame_pending.clear()
        self._mailbox = LatestFrame()
        self._run += 1
        run = self._run
        self._threads = [
            _LoopThread("cameraCapture", lambda: self._capture(run)),
            _LoopThread("cameraDecode", lambda: self._decode(run)),
        ]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        """Stop both loops, release the camera, and say it is off."""
        if not self._threads:
            return
        self._stop.set()
        for thread in self._threads:
            if not thread.wait(STOP_WAIT_MS):
                log.warning("camera thread %s did not stop in time", thread.objectName())
        self._threads = []
        self._latest = None
        self.state_changed.emit(camera_status(CameraState.OFF, self._settings.device))

    def snapshot_jpeg(self) -> bytes | None:
        """The camera's current picture, full size, as a JPEG (None: off or no picture now)."""
        frame = self._latest
        if not self._threads or frame is None:
            return None
        return frame_jpeg(frame)

    def dropped_frames(self) -> int:
        """Frames captured but not decoded because a newer one came first."""
        return self._mailbox.dropped

    def _current(self, run: int) -> bool:
        return run == self._run and bool(self._threads)

    @Slot(int, QImage)
    def _on_frame_captured(self, run: int, image: QImage) -> None:
        self._frame_pending.clear()
        if self._current(run):
            self.frame_ready.emit(image)

    @Slot(int, object)
    def _on_codes_decoded(self, run: int, decoded: DecodedFrame) -> None:
        if self._current(run):
            self.codes_found.emit(decoded)

    @Slot(int, str)
    def _on_code_sighted(self, run: int, text: str) -> None:
        if self._current(run):
            self.sighted.emit(text)

    @Slot(int, object)
    def _on_state_read(self, run: int, status: CameraStatus) -> None:
        if self._current(run):
            self.state_changed.emit(status)

    def _capture(self, run: int) -> None:
        source = CameraSource(self._settings, loop=self._loop)
        status: CameraStatus | None = None
        try:
            while not self._stop.is_set():
                frame = source.read()
                if source.status != status:
                    status = source.status
                    self._state_read.emit(run, status)
                self._latest = frame  # None: the camera shows nothing now, so no snapshot
                if frame is None:
                    self._stop.wait(min(source.retry_in(), IDLE_WAIT_S))
                    continue
                self._mailbox.put(CapturedFrame(frame, time.monotonic() * 1000))
                if not self._frame_pending.is_set():  # else the GUI is busy: skip this one
                    self._frame_pending.set()
                    self._frame_captured.emit(run, preview_image(frame, self._preview_width))
        finally:
            source.close()

    def _decode(self, run: int) -> None:
        sightings = Sightings()
        while not self._stop.is_set():
            captured = self._mailbox.take(IDLE_WAIT_S)
            if captured is None:
                continue
            codes = tuple(self._decoder.decode_frame(captured.image))
            height, width = captured.image.shape[:2]
            self._codes_decoded.emit(run, DecodedFrame(width, height, codes))
            for text in sightings.observe((code.text for code in codes), captured.at_ms):
                self._code_sighted.emit(run, text)


def preview_image(frame: Frame, width: int) -> QImage:
    """A copy of a BGR ``frame`` as a QImage, scaled down to ``width`` if it is wider."""
    height, frame_width = frame.shape[:2]
    if frame_width > width:
        height = round(height * width / frame_width)
        frame = np.asarray(
            cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA), dtype=np.uint8
        )
    else:
        width = frame_width
    image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888)
    return image.copy()  # the frame's memory is not ours to keep
