"""What the camera is doing, and the marked message that tells the worker about it (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from receiving_app.i18n import QT_TRANSLATE_NOOP


class CameraState(StrEnum):
    """The camera's state, as the preview's status line shows it."""

    OFF = "off"
    DISABLED = "disabled"
    WORKING = "working"
    NO_CAMERA = "no_camera"
    BUSY = "busy"
    LOST = "lost"
    RECOVERED = "recovered"


# Every message says what happened and what to do; scanning with the handheld scanner (or by
# typing) works whatever the camera does, and the camera retries by itself while it is on.
MESSAGES = {
    CameraState.OFF: QT_TRANSLATE_NOOP("Camera", "Camera off."),
    CameraState.DISABLED: QT_TRANSLATE_NOOP(
        "Camera",
        "The camera is switched off in the station settings ([camera] enabled = false).",
    ),
    CameraState.WORKING: QT_TRANSLATE_NOOP(
        "Camera", "Camera {device} on: hold the barcode up to it."
    ),
    CameraState.NO_CAMERA: QT_TRANSLATE_NOOP(
        "Camera",
        "No camera {device}: plug one in, or choose another in the station settings "
        "([camera] device). Looking for it again…",
    ),
    CameraState.BUSY: QT_TRANSLATE_NOOP(
        "Camera",
        "Camera {device} cannot be opened: close the other program that uses it (a video "
        "call?) or plug it in again. Trying again…",
    ),
    CameraState.LOST: QT_TRANSLATE_NOOP(
        "Camera",
        "Camera {device} stopped sending pictures (unplugged?): plug it back in, it reconnects "
        "by itself.",
    ),
    CameraState.RECOVERED: QT_TRANSLATE_NOOP(
        "Camera", "Camera {device} is back: hold the barcode up to it."
    ),
}

# States in which the camera delivers pictures.
LIVE_STATES = frozenset({CameraState.WORKING, CameraState.RECOVERED})


@dataclass(frozen=True)
class CameraStatus:
    """A camera state with its marked message (context ``Camera``) and the message's params."""

    state: CameraState
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.state]

    @property
    def live(self) -> bool:
        return self.state in LIVE_STATES


def camera_status(state: CameraState, device: int | str) -> CameraStatus:
    """The status of ``device`` (shown as its number, or its path or URL)."""
    return CameraStatus(state, {"device": str(device)})
