"""Reading ZPL back for tests: the fields with their commands and data, ``^BC`` data decoded.

Written from the ZPL II manual, independently of ``labels.zpl``: a field runs from ``^FO`` to
``^FS``; ``^FH_`` makes ``_XX`` a hex byte in the ``^FD`` data; ``^BC`` mode N data starts with
a start code and switches code sets with invocation codes (``>5`` code C, ``>6`` code B...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEX = re.compile(rb"_([0-9A-Fa-f]{2})")
_INVOCATION_VALUES = {"><": 62, ">0": 30, ">=": 94} | {f">{n}": 94 + n for n in range(1, 9)}
_START = {">9": "A", ">:": "B", ">;": "C"}


@dataclass
class ZplField:
    """One ``^FO`` ... ``^FS`` field: its commands (name → parameters) and its data."""

    x: int
    y: int
    commands: dict[str, str] = field(default_factory=dict)
    raw_data: str = ""

    @property
    def data(self) -> str:
        """The field data as the printer reads it: ``^FH`` hex escapes decoded (UTF-8)."""
        raw = self.raw_data.encode("utf-8")
        if "FH" in self.commands:
            raw = _HEX.sub(lambda match: bytes([int(match.group(1), 16)]), raw)
        return raw.decode("utf-8")

    @property
    def kind(self) -> str:
        """``barcode``, ``box`` or ``text``."""
        if "BC" in self.commands:
            return "barcode"
        return "box" if "GB" in self.commands else "text"

    def numbers(self, command: str) -> list[int]:
        """The numeric parameters of ``command`` (``^GB732,2,2,B,0`` → [732, 2, 2, 0])."""
        return [int(part) for part in re.findall(r"\d+", self.commands[command])]


@dataclass
class ZplLabel:
    """One label format: the commands before the first field, and the fields."""

    header: list[str]
    fields: list[ZplField]

    def value(self, command: str) -> str:
        """The parameters of a header command, e.g. ``value("PW")``."""
        for entry in self.header:
            if entry.startswith(command):
                return entry[len(command) :]
        raise AssertionError(f"^{command} is missing")


def read_zpl(zpl: bytes) -> ZplLabel:
    """Split one ``^XA`` ... ``^XZ`` format into header commands and fields."""
    text = zpl.decode("utf-8").strip()
    assert text.startswith("^XA") and text.endswith("^XZ"), text[:20]
    header: list[str] = []
    fields: list[ZplField] = []
    current: ZplField | None = None
    for token in text[1:].split("^"):
        token = token.strip("\r\n")
        name = "A" if token.startswith("A") else token[:2]
        params = token[len(name) :]
        if name == "FO":
            x, y = (int(part) for part in params.split(","))
            current = ZplField(x, y)
        elif name == "FS":
            assert current is not None, "^FS without ^FO"
            fields.append(current)
            current = None
        elif current is None:
            header.append(token)
        elif name == "FD":
            current.raw_data = params
        else:
            current.commands[name] = params
    assert current is None, "a field is not closed with ^FS"
    return ZplLabel(header, fields)


def decode_code128_data(data: str) -> tuple[str, int]:
    """The text a ``^BC`` mode N field encodes, and its symbol count (start, data, check, stop).

    FNC1 after the start is dropped and later FNC1s read as GS, as a scanner transmits GS1-128.
    """
    code_set, position = ("B", 0) if data[:2] not in _START else (_START[data[:2]], 2)
    symbols = 1  # the start character, explicit or implied
    out: list[str] = []
    shifted = False
    while position < len(data):
        current = ("B" if code_set == "A" else "A") if shifted else code_set
        shifted = False
        if data[position] == ">":
            value = _INVOCATION_VALUES[data[position : position + 2]]
            position += 2
        elif current == "C":
            value = int(data[position : position + 2])
            position += 2
        else:
            code = ord(data[position])
            value = code - 32 if code >= 32 else code + 64
            position += 1
        symbols += 1
        if current == "C" and value < 100:
            out.append(f"{value:02d}")
        elif current != "C" and value < 96:
            out.append(chr(value + 32) if current == "B" or value < 64 else chr(value - 64))
        elif value == 102:
            out.append("\x1d" if symbols > 2 else "")
        elif value == 98 and current != "C":
            shifted = True
        elif value == 99 and current != "C":
            code_set = "C"
        elif value == 100 and current != "B":
            code_set = "B"
        elif value == 101 and current != "A":
            code_set = "A"
        else:
            raise AssertionError(f"symbol value {value} in code set {current} is not data")
    return "".join(out), symbols + 2
