"""Text cells a spreadsheet will not run as a formula (no Qt).

Spreadsheets (Excel, WPS, LibreOffice) run a cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula, and a tab or carriage return in front can hide one. Text that comes from outside
(product names, notes, customers' words) goes into exported files through :func:`safe_text`,
which puts a leading apostrophe in front of such a cell: the spreadsheet shows the text as it
is. Numbers are not text: writers keep them as numbers, so a negative amount stays a number.
"""

from __future__ import annotations

#: What a text cell must not start with.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """``text``, with a leading apostrophe if a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


__all__ = ["FORMULA_STARTS", "safe_text"]
