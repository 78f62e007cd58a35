"""Translation markers for the core (no Qt).

The core never translates: it *marks* user-visible text so that ``pyside6-lupdate``
extracts it into the Qt catalog, and the edge (GUI or CLI) translates it with the
context and source text carried by outcomes and errors.
"""

from collections.abc import Callable
from typing import Protocol


class Translate(Protocol):
    """Translate ``text`` within ``context``; the GUI passes Qt's, tests the identity."""

    def __call__(self, context: str, text: str) -> str: ...


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate looks for this name)
    """Mark ``text`` for extraction into translation ``context`` and return it unchanged."""
    return text


def identity_translate(context: str, text: str) -> str:
    """The translation used headless and in tests: the source text itself."""
    return text


TranslateFn = Callable[[str, str], str]
