"""A label laid out once, in printer dots, for both renderers: text lines, barcodes and boxes.

Pure data, no Qt. Each label kind composes a :class:`LabelLayout` (see
:mod:`labels.label_builder`); :mod:`labels.label_pdf` and :mod:`labels.zpl` draw the same
layout, so the PDF preview and the thermal printer show the same words in the same places.
Every decision that needs a font (shrinking, wrapping, cutting with an ellipsis) is taken
before this point, so a renderer only draws.

Coordinates are whole dots from the label's top-left corner, y growing downwards, as in ZPL.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from labels.barcodes import QUIET_ZONE_MODULES, Code128Symbol
from labels.layout import TextAlign
from labels.sizes import LabelSize

#: Where the baseline sits below the top of a line's em box, as a fraction of the font size.
#: ZPL's font 0 puts it at about 0.78 of the character height; Helvetica's capitals are 0.72
#: high, so they sit inside the box in both outputs.
BASELINE = 0.8


class Face(Enum):
    """The family a line is drawn in; the renderers map it to their fonts.

    ``LATIN`` is Helvetica in the PDF and the printer's font 0 in ZPL; ``CJK`` is the embedded
    TrueType font in the PDF and the printer's Chinese font in ZPL.
    """

    LATIN = "latin"
    CJK = "cjk"


@dataclass(frozen=True)
class TextLine:
    """One line of text, already fitted: it is no wider than ``width`` in either output."""

    x: int
    #: Top of the em box; the line occupies ``y`` to ``y + size``.
    y: int
    width: int
    #: Font size (the em) in dots.
    size: int
    text: str
    face: Face
    bold: bool = False
    align: TextAlign = TextAlign.LEFT
    #: White on black: drawn over a filled :class:`Box` the layout places first.
    inverse: bool = False

    @property
    def baseline(self) -> float:
        """The baseline in dots from the top of the label."""
        return self.y + self.size * BASELINE


@dataclass(frozen=True)
class Barcode:
    """A Code 128 (or GS1-128) symbol whose every bar is a whole number of dots.

    ``x`` is the left edge of the first bar; the quiet zones on either side are kept clear by
    the layout and lie inside the label.
    """

    x: int
    y: int
    height: int
    module: int
    symbol: Code128Symbol

    @property
    def width(self) -> int:
        """Width of the bars in dots, quiet zones excluded."""
        return self.symbol.modules * self.module

    @property
    def quiet_zone(self) -> int:
        """Width of each quiet zone in dots."""
        return QUIET_ZONE_MODULES * self.module


@dataclass(frozen=True)
class Box:
    """A black rectangle: a rule, or the ground of inverse text."""

    x: int
    y: int
    width: int
    height: int


Element = TextLine | Barcode | Box


@dataclass(frozen=True)
class LabelLayout:
    """Everything on one label, in drawing order (a box before the inverse text on it)."""

    size: LabelSize
    dpi: int
    #: Printable width and length in dots (:meth:`LabelSize.dots`).
    width: int
    height: int
    #: The document title of the PDF, e.g. ``"LPN LPN0000012345"``.
    title: str
    elements: tuple[Element, ...]
