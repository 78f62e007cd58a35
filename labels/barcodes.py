"""Code 128 and GS1-128 barcodes drawn on a reportlab canvas with bars that are whole printer dots.

Pure rendering, no Qt. A thermal printer can only print whole dots: a bar of 2.4 dots comes out
as 2 or 3 dots depending on where it starts, and the barcode may stop scanning (STACK.md). So the
module (narrowest bar) is a whole number of dots at the printer's resolution, and every bar edge
sits on the dot grid counted from the page's left edge.

The encoder is our own rather than reportlab's ``Code128`` widget because we need the symbol
values to size the barcode before drawing it, FNC1 for GS1-128, and the shortest encoding (set C
for digit runs), which keeps long codes on small labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from reportlab.pdfgen.canvas import Canvas

from labels.errors import LabelError

#: Quiet zone on each side, in modules (ISO/IEC 15417 asks for at least 10).
QUIET_ZONE_MODULES = 10

#: Narrowest module we print by default: 0.25 mm, i.e. 2 dots at 203 dpi and 3 at 300 dpi.
MIN_MODULE_MM = 0.25
#: Widest module we print by default: 20 mil (0.508 mm), 4 dots at 203 dpi and 6 at 300 dpi.
#: Wider bars only make the barcode longer than a hand scanner's field of view at close range.
MAX_MODULE_MM = 0.508

#: The GS character (ASCII 29) separates variable-length GS1 element strings; in GS1-128 it is
#: printed as FNC1.
GS = "\x1d"

_FNC1 = -1  # token standing for FNC1 in the encoder's input
_FNC1_VALUE = 102
_SHIFT = 98
_START = {"A": 103, "B": 104, "C": 105}
_CODE_TO = {"A": 101, "B": 100, "C": 99}  # value of "switch to set X" (same in every set)
_STOP = 106

# Element widths (bar, space, bar, space, bar, space) of symbol values 0-106 (106 is the stop
# pattern with its final bar), from ISO/IEC 15417; tests cross-check against python-barcode.
_PATTERNS = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312",
    "132212", "221213", "221312", "231212", "112232", "122132", "122231", "113222",
    "123122", "123221", "223211", "221132", "221231", "213212", "223112", "312131",
    "311222", "321122", "321221", "312212", "322112", "322211", "212123", "212321",
    "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121",
    "313121", "211331", "231131", "213113", "213311", "213131", "311123", "311321",
    "331121", "312113", "312311", "332111", "314111", "221411", "431111", "111224",
    "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112",
    "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113",
    "114311", "411113", "411311", "113141", "114131", "311141", "411131", "211412",
    "211214", "211232", "2331112",
)  # fmt: skip


@dataclass(frozen=True)
class Code128Symbol:
    """An encoded Code 128 symbol: the values from start to stop, check character included."""

    data: str
    gs1: bool
    values: tuple[int, ...]

    @property
    def modules(self) -> int:
        """Width of the bars in modules, quiet zones excluded (11 per value, 13 for stop)."""
        return 11 * len(self.values) + 2

    @property
    def modules_with_quiet_zones(self) -> int:
        """Width in modules including both quiet zones."""
        return self.modules + 2 * QUIET_ZONE_MODULES

    def bars(self) -> list[tuple[int, int]]:
        """The dark bars as (offset, width) in modules from the first bar's left edge."""
        bars: list[tuple[int, int]] = []
        offset = 0
        for value in self.values:
            for index, width in enumerate(_PATTERNS[value]):
                if index % 2 == 0:
                    bars.append((offset, int(width)))
                offset += int(width)
        return bars


def encode_code128(data: str, *, gs1: bool = False) -> Code128Symbol:
    """Encode ``data`` as Code 128 with the fewest symbol characters.

    Args:
        data: ASCII text (control characters allowed). With ``gs1``, a GS1 element string in
            its transmitted form: AIs and values, variable-length fields ended by GS (ASCII 29).
        gs1: produce GS1-128: FNC1 right after the start character, and every GS as FNC1.

    Raises:
        LabelError: empty data, or a character outside ASCII.
    """
    if not data:
        raise LabelError("nothing to encode", field="data")
    bad = sorted({char for char in data if ord(char) > 127})
    if bad:
        raise LabelError(f"Code 128 encodes ASCII only, not {''.join(bad)!r}", field="data")
    tokens: list[int] = [ord(char) for char in data]
    if gs1:
        if data.startswith(GS) or data.endswith(GS):
            raise LabelError("a GS1 element string neither starts nor ends with GS", field="data")
        tokens = [_FNC1] + [_FNC1 if token == 29 else token for token in tokens]
    values = _shortest_encoding(tokens)
    check = (values[0] + sum(position * value for position, value in enumerate(values))) % 103
    return Code128Symbol(data=data, gs1=gs1, values=(*values, check, _STOP))


def _value_in(code_set: str, token: int) -> int | None:
    """The symbol value of one token (character or FNC1) in code set A or B, or None."""
    if token == _FNC1:
        return _FNC1_VALUE
    if code_set == "A" and token < 96:
        return token + 64 if token < 32 else token - 32
    if code_set == "B" and token >= 32:
        return token - 32
    return None


def _shortest_encoding(tokens: list[int]) -> list[int]:
    """Start character and data values, fewest symbols first (dynamic programming over sets).

    ``best[i][s]`` is the shortest value list that encodes ``tokens[:i]`` and leaves the symbol
    in code set ``s``. Ties prefer set B, then C, then A, for a stable, readable encoding.
    """
    count = len(tokens)
    order = ("B", "C", "A")
    best: list[dict[str, list[int]]] = [{} for _ in range(count + 1)]
    best[0] = {code_set: [_START[code_set]] for code_set in order}

    def offer(position: int, code_set: str, values: list[int]) -> None:
        current = best[position].get(code_set)
        if current is None or len(values) < len(current):
            best[position][code_set] = values

    for position in range(count):
        # Switching sets before this token costs one symbol; relax switches first.
        for code_set in order:
            for other in order:
                here = best[position].get(other)
                if here is not None and other != code_set:
                    offer(position, code_set, [*here, _CODE_TO[code_set]])
        token = tokens[position]
        for code_set in order:
            here = best[position].get(code_set)
            if here is None:
                continue
            if code_set == "C":
                if token == _FNC1:
                    offer(position + 1, "C", [*here, _FNC1_VALUE])
                elif position + 1 < count and _is_digit(token) and _is_digit(tokens[position + 1]):
                    pair = (token - 48) * 10 + tokens[position + 1] - 48
                    offer(position + 2, "C", [*here, pair])
                continue
            value = _value_in(code_set, token)
            if value is not None:
                offer(position + 1, code_set, [*here, value])
            else:  # one character from the other of A/B through SHIFT
                other = "B" if code_set == "A" else "A"
                shifted = _value_in(other, token)
                if shifted is not None:
                    offer(position + 1, code_set, [*here, _SHIFT, shifted])
    finals = [best[count][code_set] for code_set in order if code_set in best[count]]
    return min(finals, key=len)


def _is_digit(token: int) -> bool:
    return 48 <= token <= 57


def min_module_dots(dpi: int) -> int:
    """Default narrowest module in whole dots: 0.25 mm rounded up, so 2 at 203 dpi, 3 at 300."""
    # 0.25 mm is 1.998 dots at 203 dpi; the small tolerance keeps that at 2 dots, not 3.
    return max(1, math.ceil(MIN_MODULE_MM * dpi / 25.4 - 0.01))


def max_module_dots(dpi: int) -> int:
    """Default widest module in whole dots: 20 mil rounded down, so 4 at 203 dpi, 6 at 300."""
    return max(1, math.floor(MAX_MODULE_MM * dpi / 25.4 + 0.01))


def fit_module_dots(
    symbol: Code128Symbol,
    width_pt: float,
    dpi: int,
    *,
    min_dots: int | None = None,
    max_dots: int | None = None,
) -> int:
    """The widest whole-dot module (within limits) at which the symbol and quiet zones fit.

    Raises:
        LabelError: if even ``min_dots`` does not fit ``width_pt``.
    """
    lower = min_module_dots(dpi) if min_dots is None else min_dots
    upper = max_module_dots(dpi) if max_dots is None else max_dots
    available = math.floor(width_pt * dpi / 72 + 1e-6)
    dots = min(upper, available // symbol.modules_with_quiet_zones)
    if dots < lower:
        needed_mm = symbol.modules_with_quiet_zones * lower / dpi * 25.4
        raise LabelError(
            f"{symbol.data!r} needs {needed_mm:.1f} mm at {lower} dots/module ({dpi} dpi) "
            f"but only {width_pt / 72 * 25.4:.1f} mm is available",
            field="data",
        )
    return dots


class Align(Enum):
    """Where a barcode sits inside the width it is given."""

    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class PlacedBarcode:
    """Where a barcode was drawn, in points and in printer dots, for the layout that follows."""

    symbol: Code128Symbol
    dpi: int
    module_dots: int
    #: Left edge of the first bar, in dots from the page's left edge (a whole number by design).
    left_dots: int
    #: Top of the bars and bottom of everything drawn (bars and human-readable text), in points.
    top: float
    bottom: float
    bar_height: float

    @property
    def module_pt(self) -> float:
        """Module width in points."""
        return self.module_dots * 72 / self.dpi

    @property
    def left(self) -> float:
        """Left edge of the first bar in points."""
        return self.left_dots * 72 / self.dpi

    @property
    def width(self) -> float:
        """Width of the bars in points, quiet zones excluded."""
        return self.symbol.modules * self.module_pt

    @property
    def bar_edges_dots(self) -> list[int]:
        """Left and right edge of every bar, in dots from the page's left edge."""
        edges: list[int] = []
        for offset, width in self.symbol.bars():
            edges.append(self.left_dots + offset * self.module_dots)
            edges.append(self.left_dots + (offset + width) * self.module_dots)
        return edges


def human_readable(data: str) -> str:
    """The text printed under a barcode: control characters by name (``<GS>``), never invisible."""
    return "".join(_CONTROL_NAMES.get(ord(char), char) for char in data)


_ASCII_CONTROLS = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
)  # fmt: skip
_CONTROL_NAMES = {code: f"<{name}>" for code, name in enumerate(_ASCII_CONTROLS)} | {127: "<DEL>"}


def draw_code128(
    canvas: Canvas,
    data: str,
    *,
    left: float,
    top: float,
    width: float,
    bar_height: float,
    dpi: int,
    gs1: bool = False,
    min_dots: int | None = None,
    max_dots: int | None = None,
    align: Align = Align.CENTER,
    text: str | None = None,
    font_name: str = "Helvetica",
    font_size: float = 8.0,
    text_gap: float | None = None,
) -> PlacedBarcode:
    """Draw a Code 128 (or GS1-128) barcode with whole-dot bars inside a box of the page.

    The box is ``width`` points wide from ``left``; the quiet zones lie inside it. The module is
    the widest whole number of dots between ``min_dots`` and ``max_dots`` (defaults:
    :func:`min_module_dots`, :func:`max_module_dots`) that fits. Bars run from ``top`` down
    ``bar_height`` points; ``text``, if given, is centred under them. Bars are black rectangles
    on the page's own (white) ground: nothing is painted in the quiet zones.

    Returns:
        where it went, so the caller's layout can continue below ``bottom``.

    Raises:
        LabelError: the data cannot be encoded or does not fit the width.
    """
    symbol = encode_code128(data, gs1=gs1)
    module = fit_module_dots(symbol, width, dpi, min_dots=min_dots, max_dots=max_dots)
    box_left = math.ceil(left * dpi / 72 - 1e-6)
    box_right = math.floor((left + width) * dpi / 72 + 1e-6)
    total = symbol.modules_with_quiet_zones * module
    slack = (box_right - box_left - total) // 2 if align is Align.CENTER else 0
    left_dots = box_left + slack + QUIET_ZONE_MODULES * module
    dot = 72 / dpi
    bottom = top - bar_height
    canvas.setFillGray(0)
    for offset, bar_width in symbol.bars():
        x = (left_dots + offset * module) * dot
        canvas.rect(x, bottom, bar_width * module * dot, bar_height, stroke=0, fill=1)
    if text is not None:
        gap = font_size * 0.35 if text_gap is None else text_gap
        baseline = bottom - gap - font_size * 0.75
        canvas.setFont(font_name, font_size)
        canvas.drawCentredString((left_dots + symbol.modules * module / 2) * dot, baseline, text)
        bottom = baseline - font_size * 0.25
    return PlacedBarcode(
        symbol=symbol,
        dpi=dpi,
        module_dots=module,
        left_dots=left_dots,
        top=top,
        bottom=bottom,
        bar_height=bar_height,
    )
