"""Fitting text into label boxes: shrink to fit, cut with an ellipsis, wrap Chinese and Latin.

Pure rendering, no Qt. Label data comes from outside (product names from a marketplace can be
200 characters), so nothing is drawn without being measured first: text never runs off a label
or over the barcode.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth

from labels.fonts import CJK_FONT_NAME, font_for

ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class FittedText:
    """A line ready to draw: font, size and the (possibly shortened) text."""

    text: str
    font_name: str
    font_size: float
    #: Bold was asked for but the font has no bold face (the CJK font): draw the outline too.
    fake_bold: bool = False

    @property
    def width(self) -> float:
        """Width in points."""
        return stringWidth(self.text, self.font_name, self.font_size)


def clean(text: str) -> str:
    """Collapse whitespace and drop control characters, which fonts cannot show."""
    return " ".join("".join(char if char.isprintable() else " " for char in text).split())


def ellipsize(text: str, font_name: str, font_size: float, width: float) -> str:
    """``text`` if it fits ``width``, else its longest prefix that fits with an ellipsis."""
    if stringWidth(text, font_name, font_size) <= width + 1e-6:
        return text
    low, high = 0, len(text)
    while low < high:  # longest prefix whose ellipsized form fits
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle].rstrip() + ELLIPSIS, font_name, font_size) <= width + 1e-6:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS if low else ""


def fit_line(
    text: str,
    width: float,
    *,
    size: float,
    min_size: float | None = None,
    bold: bool = False,
    font_name: str | None = None,
) -> FittedText:
    """One line: shrink from ``size`` down to ``min_size`` to fit, then cut with an ellipsis.

    ``font_name`` forces a font (e.g. Courier for barcode content); otherwise :func:`font_for`
    picks one that can show the text.
    """
    text = clean(text)
    if font_name is None:
        font_name, text = font_for(text, bold=bold)
    smallest = size if min_size is None else min_size
    natural = stringWidth(text, font_name, size)
    if natural > width + 1e-6:
        size = max(smallest, size * width / natural)
    fake_bold = bold and font_name == CJK_FONT_NAME
    return FittedText(ellipsize(text, font_name, size, width), font_name, size, fake_bold)


def wrap_lines(
    text: str,
    width: float,
    *,
    size: float,
    max_lines: int,
    bold: bool = False,
) -> list[FittedText]:
    """Wrap into at most ``max_lines`` lines; the last one gets an ellipsis if text remains.

    Latin text breaks at spaces; Chinese (no spaces) and over-long words break between any two
    characters.
    """
    text = clean(text)
    font_name, text = font_for(text, bold=bold)
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or stringWidth(rest, font_name, size) <= width:
            lines.append(ellipsize(rest, font_name, size, width))
            break
        cut = _break_at(rest, font_name, size, width)
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    fake_bold = bold and font_name == CJK_FONT_NAME
    return [FittedText(line, font_name, size, fake_bold) for line in lines]


def _break_at(text: str, font_name: str, size: float, width: float) -> int:
    """Index to break ``text`` at so the first part fits: the last space, else any character."""
    # reportlab applies no kerning, so a prefix is as wide as the sum of its characters.
    prefix_widths = accumulate(stringWidth(char, font_name, size) for char in text)
    fits = max(1, bisect_right(list(prefix_widths), width + 1e-6))
    space = text.rfind(" ", 0, fits + 1)
    return space if space > 0 else fits
