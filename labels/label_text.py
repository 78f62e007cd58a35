"""Measuring label text so that it fits in both outputs: the PDF's fonts and the printer's.

Pure rendering, no Qt. A layout is fitted once and then drawn by two renderers with different
fonts, so every width here is the wider of the two:

- Latin text is measured in Helvetica-Bold, even when it is drawn regular, which is narrower.
  ZPL's font 0 (CG Triumvirate Bold Condensed) is narrower still for letters and digits, but
  sets some signs on a much wider advance (the hyphen takes 0.9 em): for those the font 0
  advance is used (:data:`FONT0_WIDER`).
- CJK text is measured in the embedded TrueType font, but never narrower than a full em for a
  wide character and 0.6 em for any other: the printer's Chinese font is not known here, and
  Chinese fonts set ideographs on a full em and Latin letters on half of one or a little more.

Widths are in ems (multiply by the size); they are cached per character, so fitting a long
product name costs a fraction of a millisecond, not a search over reportlab calls.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from bisect import bisect_right
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth

from labels.fonts import SANS_BOLD, label_fonts, needs_cjk_font
from labels.label_model import Face
from labels.text import ELLIPSIS, clean

#: Narrowest advance assumed for a non-wide character in the printer's CJK font, in ems.
CJK_NARROW_MIN = 0.6

#: Advances (ems) of ZPL font 0 glyphs that are wider than Helvetica-Bold's, measured with
#: zplkit 0.3.2 (its ZD621 profile draws font 0 from glyphs captured on that printer) at
#: ``^A0N,100,100``; the estimate then covered the printed width at every height from 12 to
#: 42 dots.
FONT0_WIDER = {
    "-": 0.906, "+": 0.906, "=": 0.906, "%": 0.906, "<": 1.0, ">": 1.0, "~": 1.0,
    "*": 0.469, "\\": 0.469, "{": 0.5, "|": 0.5, "}": 0.5, "'": 0.281, " ": 0.281,
    ",": 0.281, ".": 0.281, "/": 0.281, "I": 0.281,
}  # fmt: skip


def face_for(text: str) -> Face:
    """The family that can show ``text``: Latin unless a character needs the CJK font."""
    return Face.CJK if needs_cjk_font(text) else Face.LATIN


@functools.cache
def _latin_em(char: str) -> float:
    return max(stringWidth(char, SANS_BOLD, 1.0), FONT0_WIDER.get(char, 0.0))


@functools.cache
def _cjk_em(char: str) -> float:
    wide = unicodedata.east_asian_width(char) in ("W", "F", "A")
    cjk = label_fonts().cjk
    return max(1.0 if wide else CJK_NARROW_MIN, stringWidth(char, cjk, 1.0) if cjk else 0.0)


def char_widths(text: str, face: Face) -> list[float]:
    """The width of each character of ``text`` in ems, the wider of the PDF's and the printer's."""
    return list(map(_latin_em if face is Face.LATIN else _cjk_em, text))


def text_em(text: str, face: Face) -> float:
    """The width of ``text`` in ems."""
    return sum(map(_latin_em if face is Face.LATIN else _cjk_em, text))


def ellipsize(text: str, face: Face, width_em: float, widths: list[float] | None = None) -> str:
    """``text`` if it fits ``width_em``, else its longest prefix that fits with an ellipsis.

    ``widths`` are the text's :func:`char_widths`, if the caller has them already.
    """
    prefix = list(accumulate(char_widths(text, face) if widths is None else widths))
    if not prefix or prefix[-1] <= width_em + 1e-9:
        return text
    keep = bisect_right(prefix, width_em - text_em(ELLIPSIS, face) + 1e-9)
    return text[:keep].rstrip() + ELLIPSIS if keep else ""


def fit_line(
    text: str, width: int, *, size: int, min_size: int | None = None
) -> tuple[str, int, Face]:
    """One line in ``width`` dots: shrink from ``size`` to ``min_size``, then ellipsize.

    Returns:
        the text to draw (whitespace collapsed, control characters dropped), its size, and the
        family it was measured in, which the renderers must draw it in.
    """
    text = clean(text)
    face = face_for(text)
    widths = char_widths(text, face)
    natural = sum(widths)
    smallest = size if min_size is None else min(min_size, size)
    if natural * size > width:
        size = max(smallest, math.floor(width / natural))
    return ellipsize(text, face, width / size, widths), size, face


def wrap_lines(text: str, width: int, *, size: int, max_lines: int) -> tuple[list[str], Face]:
    """Wrap into at most ``max_lines`` lines of ``width`` dots; the last one is ellipsized.

    Latin text breaks at spaces; Chinese (no spaces) and over-long words break between any two
    characters. Every line keeps the family of the whole text (returned with the lines), so a
    Latin line of a Chinese product name is measured and drawn in the same font.
    """
    text = clean(text)
    face = face_for(text)
    width_em = width / size
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        widths = char_widths(rest, face)
        prefix = list(accumulate(widths))
        if len(lines) == max_lines - 1 or prefix[-1] <= width_em + 1e-9:
            lines.append(ellipsize(rest, face, width_em, widths))
            break
        fits = max(1, bisect_right(prefix, width_em + 1e-9))
        space = rest.rfind(" ", 0, fits + 1)
        cut = space if space > 0 else fits
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines, face
