"""Composing a label top to bottom in printer dots: how each label kind describes itself once.

Pure rendering, no Qt. A builder keeps a cursor inside the margin box and appends
:mod:`labels.label_model` elements: barcodes across the box, fitted text lines, caption/value
rows, rules and inverse banners. Sizes are given in points (readable, and the same on every
printer) and turned into whole dots at the printer's resolution. Every text is fitted to its
width before it is placed (:mod:`labels.label_text`) and nothing is placed below the box: a
layout that would overflow raises :class:`LabelError`, so tests catch it instead of a printer.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass

from labels.barcodes import QUIET_ZONE_MODULES, encode_code128, fit_module_dots
from labels.errors import LabelError
from labels.label_model import BASELINE, Barcode, Box, Element, Face, LabelLayout, TextLine
from labels.label_text import face_for, fit_line, text_em, wrap_lines
from labels.layout import TextAlign
from labels.sizes import LabelSize
from labels.text import clean

#: Space between the runs of an inline row, in ems of its font size.
RUN_SPACE = 0.35
#: A line's slot is never shorter than this many ems, so descenders stay inside it.
MIN_LEADING = 1.05
#: Nothing is placed this close to the stock's edges, where printers drift and labels get cut.
MARGIN_MM = {LabelSize.FOUR_BY_SIX: 5.0, LabelSize.FOUR_BY_TWO: 3.0, LabelSize.MM62x29: 1.5}


@dataclass(frozen=True)
class Run:
    """One piece of an inline row: a caption (bold) or a value."""

    text: str
    bold: bool = False


class LabelBuilder:
    """Places elements from the top of the margin box down; ``cursor`` is the next free row."""

    def __init__(self, size: LabelSize, dpi: int) -> None:
        self.size = size
        self.dpi = dpi
        self.width, self.height = size.dots(dpi)
        margin = round(MARGIN_MM[size] * dpi / 25.4)
        self.left, self.top = margin, margin
        self.right, self.bottom = self.width - margin, self.height - margin
        self.cursor = self.top
        self._elements: list[Element] = []

    def dots(self, points: float) -> int:
        """``points`` in whole dots at this printer's resolution."""
        return round(points * self.dpi / 72)

    def build(self, title: str) -> LabelLayout:
        """The finished layout."""
        return LabelLayout(
            self.size, self.dpi, self.width, self.height, title, tuple(self._elements)
        )

    def _take(self, height: int) -> int:
        """Reserve ``height`` dots below the cursor and return the top of that strip."""
        top = self.cursor
        if top + height > self.bottom:
            raise LabelError(
                f"layout overflows the {self.size} label by {top + height - self.bottom} dots"
            )
        self.cursor = top + height
        return top

    def _slot(self, size: int, leading: float) -> int:
        return max(round(size * leading), math.ceil(size * MIN_LEADING))

    def gap(self, points: float) -> None:
        """Leave ``points`` empty."""
        self._take(self.dots(points))

    def columns(self, fraction: float, *, gap: float = 6.0) -> tuple[LabelBuilder, LabelBuilder]:
        """Two builders side by side from the cursor down, the left one ``fraction`` wide.

        They add to this label; call :meth:`below` when both are done.
        """
        split = self.left + round((self.right - self.left) * fraction)
        half = self.dots(gap) // 2
        return self._column(self.left, split - half), self._column(split + half, self.right)

    def _column(self, left: int, right: int) -> LabelBuilder:
        column = copy.copy(self)  # a shallow copy shares the element list, as columns must
        column.left, column.right = left, right
        return column

    def below(self, *columns: LabelBuilder) -> None:
        """Move the cursor below the longest of ``columns``."""
        self.cursor = max(column.cursor for column in columns)

    def barcode(self, data: str, *, field: str, bar_height: float, gs1: bool = False) -> None:
        """A Code 128 barcode centred across the box, its quiet zones inside the box.

        The module is the widest whole number of dots (0.25 mm to 20 mil) that fits.

        Raises:
            LabelError: naming ``field``, if the data cannot be encoded or does not fit.
        """
        available = self.right - self.left
        try:
            symbol = encode_code128(data, gs1=gs1)
            module = fit_module_dots(symbol, available * 72 / self.dpi, self.dpi)
        except LabelError as error:
            raise LabelError(error.reason, field=field) from None
        slack = (available - symbol.modules_with_quiet_zones * module) // 2
        height = self.dots(bar_height)
        top = self._take(height)
        x = self.left + slack + QUIET_ZONE_MODULES * module
        self._elements.append(Barcode(x, top, height, module, symbol))

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
        """One line: shrunk down to ``min_size`` to fit, then cut with an ellipsis."""
        wanted = self.dots(size)
        smallest = None if min_size is None else self.dots(min_size)
        fitted, fitted_size, face = fit_line(
            text, self.right - self.left, size=wanted, min_size=smallest
        )
        slot = self._slot(wanted, leading)
        y = self._take(slot) + (slot - fitted_size) // 2
        self._line(self.left, y, self.right - self.left, fitted_size, fitted, face, bold, align)

    def wrapped(self, text: str, *, size: float, max_lines: int, leading: float = 1.2) -> None:
        """``text`` wrapped onto at most ``max_lines`` lines, the last one ellipsized."""
        size_dots = self.dots(size)
        lines, face = wrap_lines(text, self.right - self.left, size=size_dots, max_lines=max_lines)
        for line in lines:
            slot = self._slot(size_dots, leading)
            y = self._take(slot) + (slot - size_dots) // 2
            self._line(self.left, y, self.right - self.left, size_dots, line, face)

    def banner(self, text: str, *, size: float, min_size: float, pad: float) -> None:
        """White bold text centred on a black band across the box: the word to see from afar."""
        wanted, padding = self.dots(size), self.dots(pad)
        inner = self.right - self.left - 2 * padding
        fitted, fitted_size, face = fit_line(text, inner, size=wanted, min_size=self.dots(min_size))
        height = self._slot(wanted, 1.15) + 2 * padding
        top = self._take(height)
        width = self.right - self.left
        self._elements.append(Box(self.left, top, width, height))
        # Centre the capitals (0.08 to 0.8 of the em), not the em box, in the band.
        y = top + (height - fitted_size) // 2 + round(fitted_size * 0.06)
        self._line(
            self.left + padding, y, inner, fitted_size, fitted, face, True, TextAlign.CENTER, True
        )

    def fields(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        size: float,
        caption_size: float,
        leading: float = 1.3,
        gutter: float = 6.0,
    ) -> None:
        """Caption/value rows, the values bold and aligned in a column (``SKU  HP-BT-500``).

        The caption column takes at most a third of the width, so a long translated caption
        is shrunk or cut rather than squeezing the values.
        """
        size_dots, caption_dots = self.dots(size), self.dots(caption_size)
        width = self.right - self.left
        caption_width = min(
            width // 3,
            max(math.ceil(text_em(clean(c), face_for(clean(c))) * caption_dots) for c, _ in pairs),
        )
        value_left = self.left + caption_width + self.dots(gutter)
        for caption, value in pairs:
            slot = self._slot(size_dots, leading)
            baseline = self._take(slot) + (slot - size_dots) // 2 + size_dots * BASELINE
            self._on_baseline(
                self.left, baseline, caption_width, caption, caption_dots, round(caption_dots * 0.8)
            )
            self._on_baseline(
                value_left, baseline, self.right - value_left, value, size_dots, size_dots * 3 // 4
            )

    def _on_baseline(
        self, x: int, baseline: float, width: int, text: str, size: int, min_size: int
    ) -> None:
        fitted, fitted_size, face = fit_line(text, width, size=size, min_size=min_size)
        y = round(baseline - fitted_size * BASELINE)
        self._line(x, y, width, fitted_size, fitted, face, True)

    def inline(
        self,
        left: Sequence[Run],
        right: Sequence[Run] = (),
        *,
        size: float,
        leading: float = 1.2,
        gap: float = 8.0,
    ) -> None:
        """One row of runs on the left and, optionally, runs flush right.

        If both sides do not fit, the row shrinks to 85 % of ``size``; then each side gets a
        share of the width in proportion to its length (40-60 %) and its runs are ellipsized.
        """
        left_runs, right_runs = _measured(left), _measured(right)
        size_dots = self.dots(size)
        available = self.right - self.left - (self.dots(gap) if right_runs else 0)
        natural_em = _runs_em(left_runs) + _runs_em(right_runs)
        if natural_em * size_dots > available:
            size_dots = max(size_dots * 85 // 100, math.floor(available / natural_em))
        left_width = _runs_width(left_runs, size_dots)
        right_width = _runs_width(right_runs, size_dots)
        if left_width + right_width > available:
            share = left_width / (left_width + right_width)
            left_width = round(available * (min(max(share, 0.4), 0.6) if right_runs else 1.0))
        right_width = min(right_width, available - left_width)
        left_width = available - right_width  # the left side may use what the right leaves
        slot = self._slot(self.dots(size), leading)
        y = self._take(slot) + (slot - size_dots) // 2
        self._runs(left_runs, self.left, left_width, y, size_dots, flush_right=False)
        self._runs(
            right_runs, self.right - right_width, right_width, y, size_dots, flush_right=True
        )

    def _runs(
        self, runs: list[_Measured], x: int, width: int, y: int, size: int, *, flush_right: bool
    ) -> None:
        end = x + width
        space = round(size * RUN_SPACE)
        for index, run in enumerate(runs):
            if run.em * size <= end - x:  # the common case: no need to fit it again
                fitted, face, em = run.text, run.face, run.em
            else:
                fitted, _, face = fit_line(run.text, max(end - x, 0), size=size)
                em = text_em(fitted, face)
            if not fitted:
                return
            used = min(math.ceil(em * size), end - x)
            last = index == len(runs) - 1
            # The last run of a right-hand group takes the rest of the width, aligned right,
            # so the row ends flush with the box in the PDF and on the printer alike.
            align = TextAlign.RIGHT if flush_right and last else TextAlign.LEFT
            box_width = end - x if align is TextAlign.RIGHT else used
            self._line(x, y, box_width, size, fitted, face, run.bold, align)
            x += used + space

    def rule(self, *, space: float = 4.0, thickness: float = 0.75) -> None:
        """A horizontal line across the box with ``space`` points above and below."""
        self.gap(space)
        height = max(1, self.dots(thickness))
        top = self._take(height)
        width = self.right - self.left
        self._elements.append(Box(self.left, top, width, height))
        self.gap(space)

    def _line(
        self,
        x: int,
        y: int,
        width: int,
        size: int,
        text: str,
        face: Face,
        bold: bool = False,
        align: TextAlign = TextAlign.LEFT,
        inverse: bool = False,
    ) -> None:
        if text:
            self._elements.append(TextLine(x, y, width, size, text, face, bold, align, inverse))


@dataclass(frozen=True)
class _Measured:
    """A run with its text cleaned and measured once."""

    text: str
    bold: bool
    face: Face
    em: float


def _measured(runs: Sequence[Run]) -> list[_Measured]:
    measured = []
    for run in runs:
        text = clean(run.text)
        if text:
            face = face_for(text)
            measured.append(_Measured(text, run.bold, face, text_em(text, face)))
    return measured


def _runs_width(runs: Sequence[_Measured], size: int) -> int:
    """Width of runs in dots as :meth:`LabelBuilder.inline` places them at ``size``."""
    widths = [math.ceil(run.em * size) for run in runs]
    return sum(widths) + round(size * RUN_SPACE) * max(len(widths) - 1, 0)


def _runs_em(runs: Sequence[_Measured]) -> float:
    """Natural width of runs in ems, with :data:`RUN_SPACE` between them."""
    return sum(run.em for run in runs) + RUN_SPACE * max(len(runs) - 1, 0)
