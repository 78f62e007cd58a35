"""Station settings: a small TOML file per station, validated at start-up (no Qt).

Dock-wide policy lives in the database instead (``db.models.Setting``), shared by every station.
``RECEIVING_HOME`` moves the data and settings folders (tests and several stations on one PC).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import platformdirs

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

APP_NAME = "receiving-app"
LANGUAGES = ("system", "en", "zh_CN")
_STATION_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


class StationMode(StrEnum):
    """Which window the station opens: the receiving dock or the inspection bench."""

    RECEIVING = "receiving"
    INSPECTION = "inspection"


MODES = tuple(mode.value for mode in StationMode)


def data_dir() -> Path:
    """Where the embedded database, photos and logs live (created on first use)."""
    home = os.environ.get("RECEIVING_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


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
    )


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
