"""Station settings: a small TOML file per station, validated at start-up (no Qt).

Dock-wide policy lives in the database instead (``db.models.Setting``), shared by every station.
``RECEIVING_HOME`` moves the data and settings folders (tests and several stations on one PC).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import platformdirs

from labels import LabelFormat, LabelSize
from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.photo_store import DEFAULT_MAX_EDGE

APP_NAME = "receiving-app"
LANGUAGES = ("system", "en", "zh_CN")
_STATION_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


class StationMode(StrEnum):
    """Which window the station opens: the receiving dock, the inspection bench or the
    supervisor's desk."""

    RECEIVING = "receiving"
    INSPECTION = "inspection"
    SUPERVISOR = "supervisor"


MODES = tuple(mode.value for mode in StationMode)


class PrinterBackend(StrEnum):
    """How a printer is reached: a folder of files, a CUPS queue, or raw TCP (port 9100)."""

    FOLDER = "folder"
    CUPS = "cups"
    RAW9100 = "raw9100"


BACKENDS = tuple(backend.value for backend in PrinterBackend)
FORMATS = tuple(label_format.value for label_format in LabelFormat)
LABEL_SIZES = tuple(size.value for size in LabelSize)
PRINTER_DPIS = (203, 300)
RAW_PORT = 9100
MAX_PRINTER_TIMEOUT_S = 120
DEFAULT_PRINTER = "label"
PRINTER_KEYS_ORDER = ("backend", "target", "format", "size", "dpi", "timeout")
PRINTER_KEYS = frozenset(PRINTER_KEYS_ORDER)
_PRINTER_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
# A CUPS queue name: printable, no space, slash, hash or quote; never an option ("-x").
_CUPS_QUEUE = re.compile(r"^[^\s/#\\'\"-][^\s/#\\'\"]{0,126}$")
_HOST_PORT = re.compile(
    r"^(?:\[(?P<ipv6>[0-9A-Fa-f:.]+)\]|(?P<host>[A-Za-z0-9.-]+))(?::(?P<port>\d+))?$"
)


@dataclass(frozen=True)
class PrinterSettings:
    """One of the station's printers (``[printers.<name>]``): how to reach it and its stock.

    ``target`` is a folder for ``folder``, a queue name for ``cups`` and ``host:port`` for
    ``raw9100``; ``timeout`` bounds each attempt to send a label, in seconds.
    """

    name: str
    backend: PrinterBackend
    target: str
    format: LabelFormat = LabelFormat.PDF
    size: str = LabelSize.FOUR_BY_SIX.value
    dpi: int = 203
    timeout: float = 5.0

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) of a ``raw9100`` printer (validated when the settings were read)."""
        match = _HOST_PORT.match(self.target)
        assert match is not None
        host = match.group("ipv6") or match.group("host")
        return host, int(match.group("port") or RAW_PORT)


def default_printers() -> tuple[PrinterSettings, ...]:
    """Without a ``[printers]`` table a station writes its labels as PDFs into the data folder.

    A new station (and the demo) shows at once what it would print, and nothing is lost while
    its real printer is being set up.
    """
    folder = str(_data_path() / "labels")  # created by the first label, not by reading settings
    return (PrinterSettings(DEFAULT_PRINTER, PrinterBackend.FOLDER, folder),)


def data_dir() -> Path:
    """Where the embedded database, photos and logs live (created on first use)."""
    path = _data_path()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _data_path() -> Path:
    home = os.environ.get("RECEIVING_HOME")
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def config_file() -> Path:
    home = os.environ.get("RECEIVING_HOME")
    folder = Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))
    return folder / "station.toml"


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'receiving.db'}"


def demo_db_url() -> str:
    return f"sqlite:///{data_dir() / 'demo.db'}"


CAMERA_KEYS_ORDER = ("enabled", "device", "width", "height", "fps")
CAMERA_KEYS = frozenset(CAMERA_KEYS_ORDER)
CAMERA_SIDE = (160, 7680)  # pixels; from a small webcam mode up to 8K
CAMERA_FPS = (1, 120)


@dataclass(frozen=True)
class CameraSettings:
    """The station's camera (``[camera]``) for scanning barcodes without a handheld scanner.

    ``device`` is the camera's index (0 is the first camera) or a text: a device path such as
    ``/dev/video2``, a stream URL, or a video file (which then plays as a fake camera). The
    size and frame rate are asked of the camera; it may choose the nearest mode it has.
    """

    enabled: bool = True
    device: int | str = 0
    width: int = 1280
    height: int = 720
    fps: int = 30


PHOTO_KEYS_ORDER = ("folder", "max_edge")
PHOTO_KEYS = frozenset(PHOTO_KEYS_ORDER)
PHOTO_EDGE = (640, 8192)  # pixels on the long side of a stored photo


def default_photo_folder() -> Path:
    """Photos live beside the embedded database unless ``[photos] folder`` names another."""
    return _data_path() / "photos"  # created by the first photo, not by reading settings


@dataclass(frozen=True)
class PhotoSettings:
    """Where the station stores parcel and unit photos (``[photos]``) and how large they are.

    ``folder`` may be a network folder shared by the stations, so every station shows every
    photo; ``max_edge`` is the longest side, in pixels, a photo is scaled down to.
    """

    folder: Path = field(default_factory=default_photo_folder)
    max_edge: int = DEFAULT_MAX_EDGE


@dataclass(frozen=True)
class StationSettings:
    """What one station is: its code, the database it shares, its language and its window."""

    station_code: str = "DOCK-1"
    station_name: str = "Returns dock 1"
    db_url: str | None = None
    language: str = "system"
    mode: StationMode = StationMode.RECEIVING
    printers: tuple[PrinterSettings, ...] = field(default_factory=default_printers)
    camera: CameraSettings = field(default_factory=CameraSettings)
    photos: PhotoSettings = field(default_factory=PhotoSettings)


def load_station_settings(path: Path | None = None) -> StationSettings:
    """Read and validate the station file; a missing file means the defaults.

    Raises InvalidInput naming the key that is wrong and what to write instead.
    """
    path = path or config_file()
    if not path.exists():
        return StationSettings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Error",
                "The settings file {path} is not valid TOML ({detail}): "
                "fix it or delete it to use the defaults.",
            ),
            path=str(path),
            detail=str(exc),
        ) from None
    station = raw.get("station", {})
    database = raw.get("database", {})
    if not isinstance(station, dict) or not isinstance(database, dict):
        raise _bad(path, "station", "a [station] table")
    code = _string(path, station, "code", StationSettings.station_code).upper()
    if not _STATION_CODE.match(code):
        raise _bad(path, "station.code", "letters, digits, - or _ (at most 32), e.g. DOCK-2")
    language = _string(path, station, "language", StationSettings.language)
    if language not in LANGUAGES:
        raise _bad(path, "station.language", " or ".join(LANGUAGES))
    mode = _string(path, station, "mode", StationSettings.mode)
    if mode not in MODES:
        raise _bad(path, "station.mode", " or ".join(MODES))
    url = database.get("url")
    if url is not None and not (
        isinstance(url, str) and url.startswith(("sqlite:///", "postgresql://", "postgres://"))
    ):
        raise _bad(path, "database.url", "sqlite:///path/file.db or postgresql://user@host/name")
    return StationSettings(
        station_code=code,
        station_name=_string(path, station, "name", code),
        db_url=url,
        language=language,
        mode=StationMode(mode),
        printers=_printers(path, raw.get("printers")),
        camera=_camera(path, raw.get("camera")),
        photos=_photos(path, raw.get("photos")),
    )


def _printers(path: Path, table: object) -> tuple[PrinterSettings, ...]:
    """The ``[printers.<name>]`` tables; none at all means the default folder printer."""
    if table is None:
        return default_printers()
    if not isinstance(table, dict) or not table:
        raise _bad(path, "printers", "tables such as [printers.label]")
    printers = []
    for name, entry in table.items():
        if not isinstance(entry, dict):
            raise _bad(path, f"printers.{name}", "a table such as [printers.label]")
        if not _PRINTER_NAME.match(name):
            raise _bad(
                path, f"printers.{name}", "named in lower-case letters, digits, - or _, e.g. label"
            )
        printers.append(_printer(path, name, entry))
    return tuple(printers)


def _printer(path: Path, name: str, entry: dict[str, object]) -> PrinterSettings:
    key = f"printers.{name}"
    unknown = sorted(set(entry) - PRINTER_KEYS)
    if unknown:  # a typo ("timout") must not silently fall back to the default
        raise _bad(
            path, f"{key}.{unknown[0]}", f"left out: a printer has {', '.join(PRINTER_KEYS_ORDER)}"
        )
    backend = _choice(path, entry, key, "backend", None, BACKENDS)
    target = entry.get("target")
    if not isinstance(target, str) or not target.strip():
        raise _bad(path, f"{key}.target", "the folder, CUPS queue or host:port in quotes")
    target = target.strip()
    default_format = LabelFormat.ZPL if backend == PrinterBackend.RAW9100 else LabelFormat.PDF
    label_format = _choice(path, entry, key, "format", default_format, FORMATS)
    size = _choice(path, entry, key, "size", PrinterSettings.size, LABEL_SIZES)
    if backend == PrinterBackend.RAW9100:
        match = _HOST_PORT.match(target)
        if match is None or not 0 < int(match.group("port") or RAW_PORT) < 65536:
            raise _bad(path, f"{key}.target", "host:port of the printer, e.g. 192.168.1.50:9100")
        if label_format != LabelFormat.ZPL:
            raise _bad(path, f"{key}.format", '"zpl" (a raw9100 printer takes ZPL)')
    elif backend == PrinterBackend.CUPS and not _CUPS_QUEUE.match(target):
        raise _bad(path, f"{key}.target", "the name of a CUPS queue (see lpstat -p), e.g. Zebra")
    elif backend == PrinterBackend.FOLDER:
        folder = Path(target).expanduser()
        target = str(folder if folder.is_absolute() else path.parent / folder)
    dpi = entry.get("dpi", PrinterSettings.dpi)
    if isinstance(dpi, bool) or dpi not in PRINTER_DPIS:
        raise _bad(path, f"{key}.dpi", " or ".join(str(value) for value in PRINTER_DPIS))
    timeout = entry.get("timeout", PrinterSettings.timeout)
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not 0 < timeout <= MAX_PRINTER_TIMEOUT_S
    ):
        raise _bad(
            path, f"{key}.timeout", f"seconds, more than 0 and at most {MAX_PRINTER_TIMEOUT_S}"
        )
    return PrinterSettings(
        name,
        PrinterBackend(backend),
        target,
        LabelFormat(label_format),
        size,
        int(dpi),
        float(timeout),
    )


def _camera(path: Path, table: object) -> CameraSettings:
    """The ``[camera]`` table; none at all means the first camera at 1280×720, 30 fps."""
    if table is None:
        return CameraSettings()
    if not isinstance(table, dict):
        raise _bad(path, "camera", "a table: [camera]")
    unknown = sorted(set(table) - CAMERA_KEYS)
    if unknown:  # a typo ("widht") must not silently fall back to the default
        raise _bad(
            path, f"camera.{unknown[0]}", f"left out: the camera has {', '.join(CAMERA_KEYS_ORDER)}"
        )
    enabled = table.get("enabled", CameraSettings.enabled)
    if not isinstance(enabled, bool):
        raise _bad(path, "camera.enabled", "true or false (without quotes)")
    device = table.get("device", CameraSettings.device)
    if isinstance(device, str):
        device = device.strip()
    if isinstance(device, bool) or not (
        (isinstance(device, int) and device >= 0) or (isinstance(device, str) and device)
    ):
        raise _bad(
            path,
            "camera.device",
            "the camera's number (0 for the first) or a device path, URL or video file in quotes",
        )
    width = _camera_number(path, table, "width", CameraSettings.width, CAMERA_SIDE)
    height = _camera_number(path, table, "height", CameraSettings.height, CAMERA_SIDE)
    fps = _camera_number(path, table, "fps", CameraSettings.fps, CAMERA_FPS)
    assert isinstance(device, int | str)
    return CameraSettings(enabled, device, width, height, fps)


def _camera_number(
    path: Path, table: dict[str, object], key: str, default: int, limits: tuple[int, int]
) -> int:
    value = table.get(key, default)
    low, high = limits
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(path, f"camera.{key}", f"a whole number from {low} to {high}")
    return value


def _photos(path: Path, table: object) -> PhotoSettings:
    """The ``[photos]`` table; none at all means ``photos/`` in the data folder, 2048 px."""
    if table is None:
        return PhotoSettings()
    if not isinstance(table, dict):
        raise _bad(path, "photos", "a table: [photos]")
    unknown = sorted(set(table) - PHOTO_KEYS)
    if unknown:  # a typo ("max_egde") must not silently fall back to the default
        raise _bad(
            path, f"photos.{unknown[0]}", f"left out: photos have {', '.join(PHOTO_KEYS_ORDER)}"
        )
    folder = table.get("folder")
    if folder is not None and (not isinstance(folder, str) or not folder.strip()):
        raise _bad(path, "photos.folder", 'a folder in quotes, e.g. "//server/returns/photos"')
    max_edge = table.get("max_edge", DEFAULT_MAX_EDGE)
    low, high = PHOTO_EDGE
    if isinstance(max_edge, bool) or not isinstance(max_edge, int) or not low <= max_edge <= high:
        raise _bad(path, "photos.max_edge", f"a whole number of pixels from {low} to {high}")
    if folder is None:
        return PhotoSettings(max_edge=max_edge)
    chosen = Path(folder.strip()).expanduser()
    return PhotoSettings(chosen if chosen.is_absolute() else path.parent / chosen, max_edge)


def _choice(
    path: Path,
    table: dict[str, object],
    prefix: str,
    key: str,
    default: str | None,
    allowed: tuple[str, ...],
) -> str:
    """A text key that must be one of ``allowed``; without a default the key is required."""
    value = table.get(key, default)
    if value not in allowed:
        raise _bad(path, f"{prefix}.{key}", " or ".join(f'"{choice}"' for choice in allowed))
    assert isinstance(value, str)
    return value


def _string(path: Path, table: dict[str, object], key: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, key, "a non-empty text in quotes")
    return value.strip()


def _bad(path: Path, key: str, expected: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP("Error", "In {path}, {key} must be {expected}."),
        path=str(path),
        key=key,
        expected=expected,
    )
