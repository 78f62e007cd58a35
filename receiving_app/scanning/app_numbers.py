"""The app's own numbers: RMA, order, LPN and badge (pure, no Qt).

They are a site-chosen prefix followed by digits (``RMA0001234``, ``LPN0000012345``).
The prefixes are site settings, so the pattern is built per ``IdPrefixes`` value and
cached: a station uses one set for its whole life.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

MAX_DIGITS = 20
"""Most digits accepted after a prefix; beyond that it is not one of our numbers."""


@dataclass(frozen=True)
class IdPrefixes:
    """The prefixes of the numbers the app itself issues or imports, configurable per site.

    Matching is case-insensitive and an empty prefix disables that kind, so a site that
    gives orders no prefix does not turn every number into an order. A hyphen or space
    between prefix and digits is accepted (people type "RMA-000123"); the normalised
    value never has one.
    """

    rma: str = "RMA"
    order: str = "SO"
    lpn: str = "LPN"
    badge: str = "BDG"


def match_app_number(text: str, prefixes: IdPrefixes) -> tuple[str, str] | None:
    """Recognise one of the app's numbers in upper-cased, cleaned ``text``.

    Returns:
        ``(kind, value)`` with kind one of ``rma``, ``order``, ``lpn``, ``badge`` and value
        the upper-case prefix followed by the digits (``"RMA000123"``), or None.
    """
    pattern = _pattern(prefixes)
    found = pattern.fullmatch(text) if pattern else None
    if found is None:
        return None
    groups = found.groupdict()
    digits = groups.pop("digits")
    kind, prefix = next((kind, prefix) for kind, prefix in groups.items() if prefix)
    return kind, prefix + digits


@functools.lru_cache(maxsize=8)
def _pattern(prefixes: IdPrefixes) -> re.Pattern[str] | None:
    kinds = {
        "rma": prefixes.rma,
        "order": prefixes.order,
        "lpn": prefixes.lpn,
        "badge": prefixes.badge,
    }
    cleaned = {
        kind: unicodedata.normalize("NFKC", prefix).strip().upper()
        for kind, prefix in kinds.items()
    }
    # Longest prefix first, so "SO" wins over a site's "S" for "SO0001".
    ordered = sorted(
        ((kind, prefix) for kind, prefix in cleaned.items() if prefix),
        key=lambda item: -len(item[1]),
    )
    if not ordered:
        return None
    alternatives = "|".join(f"(?P<{kind}>{re.escape(prefix)})" for kind, prefix in ordered)
    return re.compile(rf"(?:{alternatives})[-\s]?(?P<digits>[0-9]{{1,{MAX_DIGITS}}})", re.ASCII)
