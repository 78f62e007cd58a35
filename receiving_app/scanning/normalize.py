"""Cleaning what a scanner typed before any pattern is tried (pure, no Qt).

Keyboard-wedge scanners and people add noise the barcode never held: a Chinese input
method turns digits and letters full-width, scanners add an AIM symbology identifier
and CR/LF, keyboard layouts turn the GS1 group separator into printable stand-ins, and
copy-paste brings zero-width characters. ``normalize_scan`` removes all of it once, so
the recognisers work on one canonical text.
"""

import re
import unicodedata
from dataclasses import dataclass

GS = "\x1d"
"""ASCII 29, the GS1 group separator (FNC1 as transmitted); every stand-in becomes this."""

# Printable stand-ins wedges send for GS, chosen so that none can occur in real data:
# GS1 data uses the 82-character set, which has no "[", "]", "{", "}", "^" or "␝", and
# "<GS>" in capitals between angle brackets is not a plausible serial or tracking number.
# "~1" (a ZPL print-side convention) and "@" are not accepted: both occur in real text.
GS_SUBSTITUTES = ("<GS>", "{GS}", "[GS]", "^]", "\u241d")
_GS_SUBSTITUTE = re.compile(r"<GS>|\{GS\}|\[GS\]|\^\]|\u241d", re.IGNORECASE)

GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]e1", "]e2", "]d2", "]Q3", "]J1"})
"""AIM identifiers saying GS1 element strings follow (GS1-128, DataBar, DataMatrix, QR, DotCode)."""

EAN_SYMBOLOGIES = frozenset({"]E0", "]E3", "]E4", "]I1"})
"""AIM identifiers of symbols that only carry a GTIN (EAN/UPC, EAN-8, ITF-14)."""

# "]" + symbology letter + modifier. Recorded as sent: case matters ("]d2" is
# DataMatrix GS1, "]D2" would be Code One).
_AIM = re.compile(r"\]([A-Za-z][0-9A-Za-z])")

# Whitespace except the ASCII separators FS, GS, RS, US, which Python counts as
# whitespace but which carry meaning in GS1 and ISO/IEC 15434 data.
_EDGE_SPACE = re.compile(r"^[^\S\x1c-\x1f]+|[^\S\x1c-\x1f]+$")

# Controls kept: whitespace (stripped or kept as spaces), EOT and FS..US (data separators).
_KEPT_CONTROLS = frozenset("\t\n\r\x0b\x0c\x04\x1c\x1d\x1e\x1f")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co"})


@dataclass(frozen=True)
class NormalizedScan:
    """One scan after cleaning.

    Attributes:
        cased: the cleaned text with its case kept, GS as ASCII 29. GS1 serial and batch
            numbers are case-sensitive, so they are read from this.
        text: ``cased`` upper-cased. Tracking numbers and the app's own numbers are
            case-insensitive; matching and look-ups use this.
        compact: ``text`` without any whitespace or separators: what number patterns
            are matched against, so "1Z 999 AA1 ..." typed from a label still matches.
        symbology: the AIM identifier (``"]C1"``) if the scanner sent one.
        leading_fnc1: the text began with GS, which scanners send for a leading FNC1
            when they do not send AIM identifiers: GS1 data follows.
    """

    cased: str
    text: str
    compact: str
    symbology: str | None = None
    leading_fnc1: bool = False

    @property
    def gs1_marked(self) -> bool:
        """The scanner or the data itself says this is a GS1 element string."""
        return self.symbology in GS1_SYMBOLOGIES or self.leading_fnc1 or GS in self.cased


def normalize_scan(raw: str) -> NormalizedScan:
    """Clean ``raw`` as typed by the scanner (never raises).

    In order: Unicode NFKC (full-width "１Ｚ" becomes "1Z", the ideographic space a plain
    space); control, format and surrogate characters dropped, except the data separators;
    GS stand-ins replaced by ASCII 29; surrounding whitespace stripped; the AIM
    identifier taken off and recorded; a leading or trailing GS dropped.
    """
    text = unicodedata.normalize("NFKC", raw)
    if not text.isprintable():
        text = "".join(char for char in text if _kept(char))
    text = _GS_SUBSTITUTE.sub(GS, text)
    text = _EDGE_SPACE.sub("", text)
    symbology = None
    aim = _AIM.match(text)
    if aim:
        symbology = aim.group(0)
        text = _EDGE_SPACE.sub("", text[aim.end() :])
    leading_fnc1 = text.startswith(GS)
    text = _EDGE_SPACE.sub("", text.strip(GS))
    upper = text.upper()
    return NormalizedScan(
        cased=text,
        text=upper,
        compact="".join(upper.split()),
        symbology=symbology,
        leading_fnc1=leading_fnc1,
    )


def _kept(char: str) -> bool:
    return char in _KEPT_CONTROLS or unicodedata.category(char) not in _DROPPED_CATEGORIES
