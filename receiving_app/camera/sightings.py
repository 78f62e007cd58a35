"""When a code the camera keeps seeing counts as a scan (no Qt).

The camera sees a label in every frame for as long as it is held up, and the decoder misses it
in an odd blurred frame. The rule:

- a code counts when it appears;
- it does not count again while it stays in view, nor after a short flicker;
- it counts again once it has been *gone*: absent from at least ``absent_frames`` decoded
  frames in a row, *and* for at least ``absent_ms`` since it was last seen.

Both conditions, because either alone fails: frames alone depend on how fast the decoder runs
(two missed frames may be 60 ms or 300 ms), and time alone would count a label again after the
decoder stalled for a moment while the label never left the picture. The defaults (3 frames,
500 ms) are shorter than it takes to take a label away and show it again, and longer than
motion blur lasts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ABSENT_FRAMES = 3
ABSENT_MS = 500.0


@dataclass(frozen=True)
class SightingRule:
    """How long a code must be gone before it counts again (see the module docstring)."""

    absent_frames: int = ABSENT_FRAMES
    absent_ms: float = ABSENT_MS


@dataclass
class _Track:
    last_seen_ms: float
    absent_frames: int = 0


class Sightings:
    """Turns the codes of successive decoded frames into new sightings, once per appearance."""

    def __init__(self, rule: SightingRule | None = None) -> None:
        self._rule = rule or SightingRule()
        self._tracks: dict[str, _Track] = {}

    def observe(self, texts: Iterable[str], at_ms: float) -> list[str]:
        """Note the codes of one decoded frame taken at ``at_ms`` (a monotonic clock).

        Returns the codes that count now, in the order given, each once.
        """
        seen = list(dict.fromkeys(texts))
        for text, track in self._tracks.items():
            if text not in seen:
                track.absent_frames += 1
        rule = self._rule
        self._tracks = {
            text: track
            for text, track in self._tracks.items()
            if track.absent_frames < rule.absent_frames
            or at_ms - track.last_seen_ms < rule.absent_ms
        }
        new = [text for text in seen if text not in self._tracks]
        for text in seen:
            self._tracks[text] = _Track(at_ms)
        return new
