"""The camera source with a video file as a fake camera, a missing camera, and the [camera]
settings table."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from labels.barcodes import encode_code128
from receiving_app.camera.capture import FIRST_RETRY_S, MAX_RETRY_S, CameraSource, Frame
from receiving_app.camera.frames import CapturedFrame, LatestFrame
from receiving_app.camera.messages import CameraState
from receiving_app.decoding.pipeline import Decoder
from receiving_app.errors import InvalidInput
from receiving_app.settings import CameraSettings, load_station_settings

SIZE = (640, 360)


def barcode_frame(text: str | None, size: tuple[int, int] = SIZE) -> Frame:
    """A grey-white scene with ``text`` as a Code 128 in it (or nothing, for None)."""
    width, height = size
    frame = np.full((height, width, 3), 235, np.uint8)
    if text is not None:
        symbol = encode_code128(text)
        module = max(2, int(width * 0.6) // symbol.modules_with_quiet_zones)
        left = (width - symbol.modules * module) // 2
        top, bottom = height // 4, height * 3 // 4
        frame[top - 20 : bottom + 20, left - 40 : left + symbol.modules * module + 40] = 255
        for offset, bar in symbol.bars():
            frame[top:bottom, left + offset * module : left + (offset + bar) * module] = 0
    return frame


def write_video(
    path: Path, segments: list[tuple[str | None, int]], size: tuple[int, int] = SIZE
) -> Path:
    """A Motion-JPEG AVI of ``count`` frames of each (code text or None, count) in turn."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30, size)
    assert writer.isOpened()
    for text, count in segments:
        frame = barcode_frame(text, size)
        for _ in range(count):
            writer.write(frame)
    writer.release()
    return path


class FakeClock:
    """Seconds that pass only when the source sleeps or the test says so."""

    def __init__(self) -> None:
        self.time = 100.0

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.time += seconds


def _source(device: int | str, clock: FakeClock, loop: bool = False) -> CameraSource:
    settings = CameraSettings(device=device, fps=10)
    return CameraSource(settings, loop=loop, now=clock.now, sleep=clock.sleep)


def _read_all(source: CameraSource, limit: int = 1000) -> list[Frame]:
    frames = []
    while (frame := source.read()) is not None and len(frames) < limit:
        frames.append(frame)
    return frames


@pytest.fixture
def video(tmp_path: Path) -> Path:
    return write_video(tmp_path / "camera.avi", [("PARCEL-1", 4), (None, 3), ("PARCEL-1", 2)])


def test_a_video_file_plays_as_a_camera(video: Path) -> None:
    clock = FakeClock()
    source = _source(str(video), clock)
    frames = _read_all(source)
    texts = [[code.text for code in Decoder().decode_frame(frame)] for frame in frames]
    assert texts == [["PARCEL-1"]] * 4 + [[]] * 3 + [["PARCEL-1"]] * 2
    assert frames[0].shape == (SIZE[1], SIZE[0], 3)


def test_a_video_file_plays_at_the_configured_frame_rate(video: Path) -> None:
    clock = FakeClock()
    source = _source(str(video), clock)
    start = clock.time
    frames = [source.read() for _ in range(9)]
    assert all(frame is not None for frame in frames)
    assert clock.time - start == pytest.approx(0.8)  # nine frames at 10 fps: eight intervals


def test_the_end_of_the_file_is_an_unplugged_camera_and_reopening_recovers(video: Path) -> None:
    clock = FakeClock()
    source = _source(str(video), clock)
    assert source.read() is not None
    assert source.status.state is CameraState.WORKING
    _read_all(source)
    assert source.status.state is CameraState.LOST
    assert source.status.params == {"device": str(video)}
    assert source.retry_in() == pytest.approx(FIRST_RETRY_S)
    assert source.read() is None  # not before the back-off
    clock.sleep(source.retry_in())
    assert len(_read_all(source)) == 9
    assert source.status.state is CameraState.LOST
    source.read()
    clock.sleep(source.retry_in())
    assert source.read() is not None
    assert source.status.state is CameraState.RECOVERED


def test_a_looping_file_never_ends(video: Path) -> None:
    clock = FakeClock()
    source = _source(str(video), clock, loop=True)
    assert len(_read_all(source, limit=30)) == 30
    assert source.status.state is CameraState.WORKING


@pytest.mark.parametrize("device", [99, "/nowhere/camera.avi"])
def test_a_missing_camera_says_so_and_is_looked_for_with_back_off(device: int | str) -> None:
    clock = FakeClock()
    source = _source(device, clock)
    waits = []
    for _ in range(6):
        assert source.read() is None
        assert source.status.state is CameraState.NO_CAMERA
        waits.append(source.retry_in())
        clock.sleep(source.retry_in())
    assert waits == [0.5, 1.0, 2.0, 4.0, MAX_RETRY_S, MAX_RETRY_S]


def test_a_camera_that_exists_but_cannot_be_opened_is_busy(tmp_path: Path) -> None:
    not_video = tmp_path / "camera.avi"
    not_video.write_bytes(b"this is no video")
    source = _source(str(not_video), FakeClock())
    assert source.read() is None
    assert source.status.state is CameraState.BUSY


def test_a_camera_that_comes_back_reports_recovered_after_its_loss(
    video: Path, tmp_path: Path
) -> None:
    """Unplugged (the file goes away), still missing at the next try, then plugged back in."""
    clock = FakeClock()
    moved = tmp_path / "unplugged.avi"
    source = _source(str(video), clock)
    _read_all(source)
    video.rename(moved)
    clock.sleep(source.retry_in())
    assert source.read() is None
    assert source.status.state is CameraState.LOST  # not "no camera": it was working
    moved.rename(video)
    clock.sleep(source.retry_in())
    assert source.read() is not None
    assert source.status.state is CameraState.RECOVERED


def test_the_decoder_gets_the_latest_frame_and_the_ones_in_between_are_dropped() -> None:
    mailbox = LatestFrame()
    frames = [CapturedFrame(barcode_frame(None, (32, 18)), at_ms) for at_ms in (1.0, 2.0, 3.0)]
    for frame in frames:
        mailbox.put(frame)
    assert mailbox.take(timeout_s=1) is frames[-1]
    assert mailbox.dropped == 2
    assert mailbox.take(timeout_s=0.01) is None  # nothing new: waits, then gives up


# -- the [camera] table of station.toml ---------------------------------------------------------


def _settings(tmp_path: Path, text: str) -> CameraSettings:
    path = tmp_path / "station.toml"
    path.write_text(text, encoding="utf-8")
    return load_station_settings(path).camera


def test_without_a_camera_table_the_first_camera_is_used(tmp_path: Path) -> None:
    assert _settings(tmp_path, '[station]\ncode = "DOCK-2"\n') == CameraSettings(
        enabled=True, device=0, width=1280, height=720, fps=30
    )


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "device = 2\nwidth = 1920\nheight = 1080\nfps = 60",
            CameraSettings(True, 2, 1920, 1080, 60),
        ),
        ('device = " /dev/video2 "', CameraSettings(device="/dev/video2")),
        ('device = "rtsp://10.0.0.5/stream"', CameraSettings(device="rtsp://10.0.0.5/stream")),
        ("enabled = false", CameraSettings(enabled=False)),
    ],
)
def test_a_camera_table_is_read(tmp_path: Path, table: str, expected: CameraSettings) -> None:
    assert _settings(tmp_path, f"[camera]\n{table}\n") == expected


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("device = -1", "camera.device"),
        ("device = true", "camera.device"),
        ('device = "  "', "camera.device"),
        ("device = 1.5", "camera.device"),
        ("width = 100", "camera.width"),
        ("height = 9000", "camera.height"),
        ('width = "1280"', "camera.width"),
        ("fps = 0", "camera.fps"),
        ("fps = 30.5", "camera.fps"),
        ('enabled = "yes"', "camera.enabled"),
        ("widht = 1280", "camera.widht"),
    ],
)
def test_a_bad_camera_setting_names_its_key(tmp_path: Path, table: str, key: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        _settings(tmp_path, f"[camera]\n{table}\n")
    assert raised.value.params["key"] == key


def test_a_camera_key_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as raised:
        _settings(tmp_path, "camera = 1\n")
    assert raised.value.params["key"] == "camera"
