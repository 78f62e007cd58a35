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


@dataclass(frozen=True)
class StationSettings:
    """What one station is: its code, the database it shares, its language and its window."""

    station_code: str = "DOCK-1"
    station_name: str = "Returns dock 1"
    db_url: str | None = None
    language: str = "system"
    mode: StationMode = StationMode.RECEIVING
    printers: tuple[PrinterSettings, ...] = field(default_factory=default_printers)


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
