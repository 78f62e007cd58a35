"""JSON written by hand (checklists, routing rules): the same key twice in one object is refused
instead of the last one silently winning, a common slip when a file is edited (no Qt)."""

from __future__ import annotations

import json
from collections.abc import Callable


class DuplicateKeyError(ValueError):
    """An object names ``key`` twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class InvalidJSONError(ValueError):
    """The text is not JSON; ``detail`` says where and why (the parser's words)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def load_strict_json(text: str, parse_float: Callable[[str], object] | None = None) -> object:
    """Parse ``text``; ``parse_float`` as for ``json.loads`` (``Decimal`` keeps money exact).

    Raises:
        DuplicateKeyError: an object names the same key twice.
        InvalidJSONError: the text is not JSON (or has a number too long to read).
    """

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        seen: dict[str, object] = {}
        for key, value in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen[key] = value
        return seen

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_float=parse_float)
    except DuplicateKeyError:
        raise
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, or too many digits
        raise InvalidJSONError(str(exc)) from exc
