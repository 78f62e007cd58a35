"""A top-to-bottom painter for label layouts: barcode, big text, captioned rows, wrapped text.

Pure rendering, no Qt. Every label is a column of blocks inside a margin box. The painter keeps a
cursor, measures every block before drawing it, and refuses to draw below the box, so a layout
that would overlap or clip fails loudly in tests instead of printing a bad label.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from labels.barcodes import Align, PlacedBarcode, draw_code128
from labels.errors import LabelError
from labels.fonts import SANS_BOLD
from labels.text import FittedText, fit_line, wrap_lines

#: Height above the baseline that text occupies, as a fraction of the font size; covers Latin
#: capitals and the taller CJK ideographs.
ASCENT = 0.80
#: Depth below the baseline (descenders), as a fraction of the font size.
DESCENT = 0.22


class TextAlign(Enum):
    """Horizontal placement of a line inside the box."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Box:
    """A rectangle of the page in points (PDF coordinates: y grows upwards)."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        """Width in points."""
        return self.right - self.left

    @classmethod
    def inside(cls, page_width: float, page_height: float, margin: float) -> Box:
        """The page less an equal margin on every side."""
        return cls(margin, margin, page_width - margin, page_height - margin)


class Painter:
    """Draws blocks from the top of ``box`` downwards; ``cursor`` is the next free y."""

    def __init__(self, canvas: Canvas, box: Box, *, dpi: int) -> None:
        self.canvas = canvas
        self.box = box
        self.dpi = dpi
        self.cursor = box.top

    def reserve_bottom(self, height: float) -> Painter:
        """Split off a strip of ``height`` at the bottom of the box, e.g. for a footer.

        The strip gets its own painter; this painter's box ends above it.
        """
        strip = Box(self.box.left, self.box.bottom, self.box.right, self.box.bottom + height)
        self.box = Box(self.box.left, strip.top, self.box.right, self.box.top)
        if self.cursor < self.box.bottom:
            raise LabelError("layout overflows the label: footer overlaps the content")
        return Painter(self.canvas, strip, dpi=self.dpi)

    def _take(self, height: float) -> float:
        """Reserve ``height`` below the cursor and return the new cursor."""
        if self.cursor - height < self.box.bottom - 0.01:
            raise LabelError(
                f"layout overflows the label by {self.box.bottom - (self.cursor - height):.1f} pt"
            )
        self.cursor -= height
        return self.cursor

    def gap(self, height: float) -> None:
        """Leave ``height`` points empty."""
        self._take(height)

    def barcode(
        self,
        data: str,
        *,
        bar_height: float,
        gs1: bool = False,
        min_dots: int | None = None,
        max_dots: int | None = None,
    ) -> PlacedBarcode:
        """A Code 128 barcode across the box with whole-dot bars, no text under it."""
        self._take(bar_height)
        return draw_code128(
            self.canvas,
            data,
            left=self.box.left,
            top=self.cursor + bar_height,
            width=self.box.width,
            bar_height=bar_height,
            dpi=self.dpi,
            gs1=gs1,
            min_dots=min_dots,
            max_dots=max_dots,
            align=Align.CENTER,
        )

    def line(
        self, fitted: FittedText, *, align: TextAlign = TextAlign.LEFT, leading: float = 1.2
    ) -> None:
        """One fitted line; takes ``leading`` times its size."""
        size = fitted.font_size
        slot = max(leading, ASCENT + DESCENT)
        top = self.cursor
        self._take(size * slot)
        baseline = slot_baseline(top, size, slot)
        if align is TextAlign.CENTER:
            x = (self.box.left + self.box.right) / 2 - fitted.width / 2
        elif align is TextAlign.RIGHT:
            x = self.box.right - fitted.width
        else:
            x = self.box.left
        draw_fitted(self.canvas, fitted, x, baseline)

    def text(
        self,
        text: str,
        *,
        size: float,
        min_size: float | None = None,
        bold: bool = False,
        align: TextAlign = TextAlign.LEFT,
        leading: float = 1.2,
    ) -> None:
        """One line of ``text``, shrunk to fit down to ``min_size`` and then cut with an ellipsis."""
        fitted = fit_line(text, self.box.width, size=size, min_size=min_size, bold=bold)
        self.line(fitted, align=align, leading=leading)

    def wrapped(
        self, text: str, *, size: float, max_lines: int, bold: bool = False, leading: float = 1.2
    ) -> None:
        """``text`` wrapped onto at most ``max_lines`` lines."""
        for fitted in wrap_lines(text, self.box.width, size=size, max_lines=max_lines, bold=bold):
            self.line(fitted, leading=leading)

    def fields(
        self,
        pairs: list[tuple[str, str]],
        *,
        size: float,
        caption_size: float,
        leading: float = 1.25,
        gutter: float = 6.0,
    ) -> None:
        """Caption/value rows with the values aligned in a column (``SKU  ABC-123``)."""
        caption_width = max(
            (stringWidth(caption, SANS_BOLD, caption_size) for caption, _ in pairs), default=0
        )
        value_left = self.box.left + caption_width + gutter
        for caption, value in pairs:
            fitted = fit_line(
                value, self.box.right - value_left, size=size, min_size=size * 0.75, bold=True
            )
            height = size * leading
            top = self.cursor
            self._take(height)
            baseline = top - size * ASCENT - (height - size * (ASCENT + DESCENT)) / 2
            self.canvas.setFont(SANS_BOLD, caption_size)
            self.canvas.drawString(self.box.left, baseline, caption)
            draw_fitted(self.canvas, fitted, value_left, baseline)

    def inline(
        self,
        left: list[tuple[str, str]],
        right: list[tuple[str, str]] | None = None,
        *,
        size: float,
        leading: float = 1.2,
        gap: float = 8.0,
    ) -> None:
        """One line of ``caption value`` runs on the left and, optionally, on the right.

        If both parts do not fit at their natural width, the line shrinks to 85 % of ``size``,
        then each part gets a share of the width in proportion to its length and is cut with an
        ellipsis.
        """
        right_runs = right or []
        available = self.box.width - (gap if right_runs else 0)
        natural = _runs_width(left, size) + _runs_width(right_runs, size)
        if natural > available:
            size = max(size * 0.85, size * available / natural)
        left_width = _runs_width(left, size)
        right_width = _runs_width(right_runs, size)
        if left_width + right_width > available:
            share = left_width / (left_width + right_width)
            left_width = available * min(max(share, 0.4), 0.6)
            right_width = available - left_width
        height = size * leading
        top = self.cursor
        self._take(height)
        baseline = top - size * ASCENT - (height - size * (ASCENT + DESCENT)) / 2
        self._draw_runs(left, self.box.left, baseline, left_width, size)
        if right_runs:
            self._draw_runs(right_runs, self.box.right - right_width, baseline, right_width, size)

    def _draw_runs(
        self, runs: list[tuple[str, str]], x: float, baseline: float, width: float, size: float
    ) -> None:
        end = x + width
        for caption, value in runs:
            if caption:
                caption_text = fit_line(caption, max(end - x, 0), size=size, bold=True)
                draw_fitted(self.canvas, caption_text, x, baseline)
                x += caption_text.width + size * 0.3
            fitted = fit_line(value, max(end - x, 0), size=size)
            draw_fitted(self.canvas, fitted, x, baseline)
            x += fitted.width + size * 0.9

    def rule(self, *, space: float = 4.0, thickness: float = 0.75) -> None:
        """A horizontal line across the box with ``space`` above and below."""
        self._take(space)
        self.canvas.setLineWidth(thickness)
        self.canvas.line(self.box.left, self.cursor, self.box.right, self.cursor)
        self._take(space)


def slot_baseline(top: float, size: float, leading: float) -> float:
    """Baseline of a line of ``size`` centred in a ``size * leading`` slot starting at ``top``."""
    height = size * leading
    return top - size * ASCENT - (height - size * (ASCENT + DESCENT)) / 2


def draw_fitted(canvas: Canvas, fitted: FittedText, x: float, baseline: float) -> None:
    """Draw a fitted line with its left end at ``x``; fake bold strokes the glyph outlines."""
    canvas.setFont(fitted.font_name, fitted.font_size)
    if fitted.fake_bold:
        canvas.saveState()
        canvas.setStrokeGray(0)
        canvas.setLineWidth(fitted.font_size * 0.045)
        canvas.drawString(x, baseline, fitted.text, mode=2)  # 2: fill, then stroke
        canvas.restoreState()
    else:
        canvas.drawString(x, baseline, fitted.text)


def _runs_width(runs: list[tuple[str, str]], size: float) -> float:
    """Natural width of ``caption value`` runs as :meth:`Painter.inline` draws them."""
    total = 0.0
    for caption, value in runs:
        if caption:
            total += fit_line(caption, 1e9, size=size, bold=True).width + size * 0.3
        total += fit_line(value, 1e9, size=size).width + size * 0.9
    return max(total - size * 0.9, 0.0)
