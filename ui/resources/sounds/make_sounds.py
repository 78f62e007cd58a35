"""Write the three outcome sounds (ok, warning, error) as small WAV files next to this script.

Run it once after changing a tone: ``python ui/resources/sounds/make_sounds.py``. Stdlib only; the
WAV files are committed, so nothing is generated at start-up.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
VOLUME = 0.45

# (frequency in Hz, duration in seconds) segments; 0 Hz is silence.
# ok: one short bright chirp. warning: two middle tones. error: a long low buzz, unmistakable.
TONES: dict[str, list[tuple[float, float]]] = {
    "ok": [(1320.0, 0.09)],
    "warning": [(740.0, 0.14), (0.0, 0.06), (740.0, 0.14)],
    "error": [(220.0, 0.18), (0.0, 0.05), (196.0, 0.32)],
}


def _samples(freq: float, seconds: float, square: bool) -> list[int]:
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.008))  # short fades avoid clicks
    out = []
    for i in range(count):
        if freq == 0.0:
            out.append(0)
            continue
        value = math.sin(2 * math.pi * freq * i / RATE)
        if square:  # a rounded square wave carries over warehouse noise
            value = max(-1.0, min(1.0, value * 3.0)) * 0.8
        envelope = min(1.0, i / fade, (count - i) / fade)
        out.append(int(value * envelope * VOLUME * 32767))
    return out


def write_sound(path: Path, segments: list[tuple[float, float]], square: bool) -> None:
    frames: list[int] = []
    for freq, seconds in segments:
        frames.extend(_samples(freq, seconds, square))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(frames)}h", *frames))


def main() -> None:
    folder = Path(__file__).resolve().parent
    for name, segments in TONES.items():
        write_sound(folder / f"{name}.wav", segments, square=name == "error")


if __name__ == "__main__":
    main()
