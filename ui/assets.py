"""Files under ``ui/resources/`` (style sheet, sounds), found through importlib.resources.

No rcc-generated modules: the files ship as package data and are read from wherever the package
is installed (HOUSE.md B6).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)


def _resource_dir() -> Path:
    # The ui package is installed as plain files (editable or wheel), so the traversable is a
    # real folder; sounds must be real files because an external player reads them.
    return Path(str(resources.files("ui") / "resources"))


def style_sheet() -> str:
    """The application's QSS; empty (Qt's default look) if the file is missing."""
    path = _resource_dir() / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet %s could not be read; using Qt's default look", path)
        return ""


def sound_file(name: str) -> Path | None:
    """The WAV file for outcome ``name`` (ok, warning, error), or None if it is missing."""
    path = _resource_dir() / "sounds" / f"{name}.wav"
    return path if path.is_file() else None
