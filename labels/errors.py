"""The one error the label renderers raise: data that cannot be put on a label.

Pure rendering, no Qt, no database.
"""

from __future__ import annotations


class LabelError(Exception):
    """Data that cannot be encoded or laid out (too long for the symbology, not ASCII, bad size).

    The core validates what it prints before calling a renderer, so reaching this is a bug guard,
    not a business outcome (HOUSE.md B4). ``reason`` is plain English for logs and bug reports,
    never shown to dock staff untranslated.

    Args:
        reason: what was wrong and, where useful, the limit that was exceeded.
        field: the name of the input that was wrong (``"lpn"``, ``"dpi"``), if there is one.
    """

    def __init__(self, reason: str, *, field: str | None = None) -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.reason = reason
        self.field = field
