"""Fonts for labels and sheets: the PDF base fonts for Latin text, an embedded TrueType CJK font.

Pure rendering, no Qt. Chinese must print on any printer and viewer, so it is drawn with a
TrueType font that reportlab subsets and embeds. The built-in CID font ``STSong-Light`` is not
embedded and disappears where ``poppler-data`` is missing, and reportlab cannot read the Noto CJK
``.ttc`` (CFF outlines), so we look for fonts known to work (STACK.md, "Barcodes and labels").
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

SANS = "Helvetica"
SANS_BOLD = "Helvetica-Bold"
MONO = "Courier"

#: The name the CJK font is registered under with reportlab, whichever file it came from.
CJK_FONT_NAME = "ReceivingCJK"


@dataclass(frozen=True)
class FontCandidate:
    """A TrueType file to try, with the face to use inside a collection (``.ttc``)."""

    path: Path
    subfont_index: int = 0


def _windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def default_cjk_candidates() -> tuple[FontCandidate, ...]:
    """Where CJK TrueType fonts live on Debian/Ubuntu, Fedora, Windows and macOS, best first."""
    windows = _windows_fonts_dir()
    return (
        FontCandidate(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
        FontCandidate(Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc")),
        FontCandidate(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),
        FontCandidate(Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc")),
        FontCandidate(Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")),
        FontCandidate(windows / "msyh.ttc"),  # Microsoft YaHei
        FontCandidate(windows / "msyh.ttf"),
        FontCandidate(windows / "simhei.ttf"),
        FontCandidate(windows / "simsun.ttc"),
        FontCandidate(Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf")),
        FontCandidate(Path("/Library/Fonts/Arial Unicode.ttf")),
    )


@dataclass(frozen=True)
class LabelFonts:
    """The fonts the renderers use; ``cjk`` is None when no usable CJK font was found."""

    cjk: str | None
    cjk_source: FontCandidate | None

    @property
    def cjk_available(self) -> bool:
        """True if Chinese text will print; the core can warn at start-up when it is False."""
        return self.cjk is not None


def find_cjk_font(
    candidates: tuple[FontCandidate, ...] | None = None,
) -> tuple[TTFont, FontCandidate] | None:
    """Load the first candidate reportlab can embed (without registering it), or None.

    Files that exist but cannot be used (PostScript/CFF outlines, a damaged file) are logged and
    skipped, so one bad font on a station does not stop labels from printing.
    """
    for candidate in default_cjk_candidates() if candidates is None else candidates:
        if not candidate.path.is_file():
            continue
        try:
            font = TTFont(CJK_FONT_NAME, str(candidate.path), subfontIndex=candidate.subfont_index)
        except (TTFError, OSError) as error:
            log.info("CJK font %s not usable: %s", candidate.path, error)
            continue
        return font, candidate
    return None


@functools.cache
def label_fonts() -> LabelFonts:
    """Find and register the CJK font once per process (reportlab's font registry is global).

    Loading the font takes ~0.1 s, so the first label pays it once; later calls are free.
    """
    found = find_cjk_font()
    if found is None:
        log.warning("no embeddable CJK TrueType font found; Chinese text prints as '?'")
        return LabelFonts(cjk=None, cjk_source=None)
    font, source = found
    pdfmetrics.registerFont(font)
    return LabelFonts(cjk=CJK_FONT_NAME, cjk_source=source)


def needs_cjk_font(text: str) -> bool:
    """True if the PDF base fonts (WinAnsi encoding) cannot show ``text``."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


def font_for(text: str, *, bold: bool = False) -> tuple[str, str]:
    """The font to draw ``text`` in, and the text to draw.

    Latin text uses Helvetica (bold on request); anything else uses the embedded CJK font, which
    has no bold face. Without a CJK font the characters Helvetica lacks become ``?`` so the label
    still prints: its barcode is what the dock needs, and a label that fails to print stops work.
    """
    if not needs_cjk_font(text):
        return (SANS_BOLD if bold else SANS), text
    fonts = label_fonts()
    if fonts.cjk is not None:
        return fonts.cjk, text
    safe = text.encode("cp1252", errors="replace").decode("cp1252")
    return (SANS_BOLD if bold else SANS), safe
