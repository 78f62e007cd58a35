"""One distinct sound per outcome level, so the dock worker need not look at the screen.

QtMultimedia is not part of PySide6-Essentials, so the WAV files are handed to the platform's
player (``winsound`` on Windows, ``paplay``/``pw-play``/``aplay``/``afplay`` elsewhere) without
waiting; where there is none, Qt's beep. Playing a sound never blocks a scan and never fails one.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QProcess, QStandardPaths
from PySide6.QtWidgets import QApplication

from ui import assets

log = logging.getLogger(__name__)

_PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("paplay", ()),
    ("pw-play", ()),
    ("aplay", ("-q",)),
    ("afplay", ()),
)


class OutcomeSounds:
    """Plays the ok / warning / error sound; ``enabled=False`` keeps a station (or a test) quiet."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._player: tuple[str, tuple[str, ...]] | None = None
        if enabled and sys.platform != "win32":
            for name, args in _PLAYERS:
                program = QStandardPaths.findExecutable(name)
                if program:
                    self._player = (program, args)
                    break

    def play(self, level: str) -> None:
        """Start the sound for ``level`` and return at once."""
        if not self.enabled:
            return
        path = assets.sound_file(level)
        if path is None:
            QApplication.beep()
            return
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            return
        if self._player is None:
            QApplication.beep()
            return
        program, args = self._player
        started, _pid = QProcess.startDetached(program, [*args, str(path)])
        if not started:
            log.info("sound player %s could not start; beeping instead", program)
            QApplication.beep()
