"""Drawing a :class:`~labels.label_model.LabelLayout` as ZPL II for Zebra-compatible printers.

Pure rendering, no Qt. The same layout as the PDF, field by field:

- ``^CI28``: field data is UTF-8. Every ``^FD`` is preceded by ``^FH_``, and ``_``, ``^``, ``~``
  and control characters in the data are written as ``_XX`` hex escapes, so no data can end
  a field or start a command.
- Text is one ``^FB`` field block per line, as wide as the layout measured it, with one line
  and the layout's alignment: the printer centres or right-aligns with its own font. Latin
  text uses the built-in font 0, whose widths the layout allows for (:mod:`labels.label_text`).
  Font 0 as captured from a Zebra (zplkit) has no ``…``, so an ellipsis is printed as ``...``,
  which is narrower. Inside ``^FB`` a backslash is an escape, so data backslashes are doubled,
  as the ZPL manual says.
- Chinese text uses the printer's CJK TrueType font, given by file name (``cjk_font``) and
  aliased to font ``1`` with ``^CW``. The default, ``E:ANMDS.TTF``, is Zebra's own scalable
  Simplified Chinese font ("Zebra Andale", the Chinese one of the Asian font packs Zebra sells,
  ANMDJ.TTF being the Japanese), installed on the printer's flash drive E:. A printer with
  another font (a ``SIMSUN.TTF`` uploaded with Zebra's font tools, say) gets that name
  instead; a test print (``label sample``) shows whether the printer has the font.
- Barcodes are ``^BY<module>`` and ``^BCN,<height>,N,N,N,N`` (no interpretation line, the
  layout prints its own) in mode N, with the layout's exact symbol: start code and every code
  set switch written as invocation codes (``>:``, ``>5``...). The printer therefore prints
  the very symbol the layout measured, and its quiet zones, which the layout keeps clear,
  hold.
"""

from __future__ import annotations

import re

from labels.errors import LabelError
from labels.label_model import Barcode, Box, Face, LabelLayout, TextLine
from labels.layout import TextAlign
from labels.text import ELLIPSIS

#: Zebra's Simplified Chinese TrueType font (Andale font pack) on the printer's flash drive E:.
DEFAULT_CJK_FONT = "E:ANMDS.TTF"
#: The font identifier ``^CW`` gives the CJK font (0 is the built-in scalable font).
CJK_FONT_ID = "1"

_FONT_FILE = re.compile(r"[REBAZ]:[A-Z0-9_-]{1,16}\.(TTF|TTE|FNT)", re.IGNORECASE)
_JUSTIFY = {TextAlign.LEFT: "L", TextAlign.CENTER: "C", TextAlign.RIGHT: "R"}
_START_CODES = {103: ("A", ">9"), 104: ("B", ">:"), 105: ("C", ">;")}
# Symbol values written as invocation codes: in code sets A and B ">" (30), "^" (62) and "~"
# (94), which ZPL reserves, and in every set the function and switch characters (95-102).
_INVOCATIONS = {30: ">0", 62: "><", 94: ">=", 95: ">1", 96: ">2", 97: ">3", 98: ">4",
                99: ">5", 100: ">6", 101: ">7", 102: ">8"}  # fmt: skip
_SWITCHES = {("A", 99): "C", ("B", 99): "C", ("A", 100): "B", ("B", 101): "A",
             ("C", 100): "B", ("C", 101): "A"}  # fmt: skip


def check_zpl_font(name: str) -> str:
    """Return ``name`` if it is a printer font file such as ``E:ANMDS.TTF``.

    Raises:
        LabelError: anything else (it would be written into the label's commands).
    """
    if not _FONT_FILE.fullmatch(name):
        raise LabelError(
            f"{name!r} is not a printer font file like {DEFAULT_CJK_FONT} "
            "(drive R:, E:, B:, A: or Z:, a name of up to 16 letters, .TTF, .TTE or .FNT)",
            field="zpl_cjk_font",
        )
    return name


def render_layout_zpl(layout: LabelLayout, *, cjk_font: str = DEFAULT_CJK_FONT) -> bytes:
    """The layout as one ZPL II label format (``^XA`` ... ``^XZ``), UTF-8 encoded."""
    check_zpl_font(cjk_font)
    commands = ["^XA", "^CI28", f"^PW{layout.width}", f"^LL{layout.height}", "^LH0,0"]
    if any(isinstance(e, TextLine) and e.face is Face.CJK for e in layout.elements):
        commands.append(f"^CW{CJK_FONT_ID},{cjk_font}")
    for element in layout.elements:
        if isinstance(element, TextLine):
            commands.append(_text(element))
        elif isinstance(element, Barcode):
            commands.append(_barcode(element))
        else:
            commands.append(_box(element))
    commands.append("^XZ")
    return ("\n".join(commands) + "\n").encode("utf-8")


def escape_field_data(data: str) -> str:
    """``data`` for a ``^FD`` that follows ``^FH_``: reserved and control characters as hex."""
    return "".join(
        f"_{ord(char):02X}" if char in "_^~" or ord(char) < 32 or ord(char) == 127 else char
        for char in data
    )


def _text(line: TextLine) -> str:
    font = CJK_FONT_ID if line.face is Face.CJK else "0"
    text = line.text if line.face is Face.CJK else line.text.replace(ELLIPSIS, "...")
    data = escape_field_data(text.replace("\\", "\\\\"))
    reverse = "^FR" if line.inverse else ""
    return (
        f"^FO{line.x},{line.y}^A{font}N,{line.size},{line.size}"
        f"^FB{line.width},1,0,{_JUSTIFY[line.align]},0{reverse}^FH_^FD{data}^FS"
    )


def _box(box: Box) -> str:
    # A border as thick as the box's shorter side fills it.
    thickness = min(box.width, box.height)
    return f"^FO{box.x},{box.y}^GB{box.width},{box.height},{thickness},B,0^FS"


def _barcode(barcode: Barcode) -> str:
    data = escape_field_data(code128_field_data(barcode.symbol.values))
    return (
        f"^FO{barcode.x},{barcode.y}^BY{barcode.module}"
        f"^BCN,{barcode.height},N,N,N,N^FH_^FD{data}^FS"
    )


def code128_field_data(values: tuple[int, ...]) -> str:
    """The ``^BC`` mode N field data for a Code 128 symbol's values (start to stop).

    The check character and the stop pattern are left out: the printer adds them.
    """
    code_set, text = _START_CODES[values[0]]
    parts = [text]
    shifted = False
    for value in values[1:-2]:
        current = ("B" if code_set == "A" else "A") if shifted else code_set
        shifted = False
        if current == "C":
            parts.append(f"{value:02d}" if value < 100 else _INVOCATIONS[value])
        elif value in _INVOCATIONS:
            parts.append(_INVOCATIONS[value])
            shifted = value == 98
        elif current == "A" and value >= 64:
            parts.append(chr(value - 64))  # a control character, hex-escaped by the caller
        else:
            parts.append(chr(value + 32))
        code_set = _SWITCHES.get((current, value), code_set)
    return "".join(parts)
