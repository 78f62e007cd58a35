"""Checks every label kind runs on its data before anything is laid out.

Pure rendering, no Qt. Label data comes from the core as final strings, but a dataclass does not
check its types and the core may pass a value it never validated (a marketplace product name,
a scanned tracking number), so each field is checked here and a bad one raises
:class:`LabelError` naming it. Text fields are not refused for control characters or length
beyond :data:`MAX_TEXT`: they are cleaned and fitted, because a unit must get its label.
"""

from __future__ import annotations

from collections.abc import Mapping

from labels.barcodes import encode_code128
from labels.errors import LabelError

#: Longest text a label field accepts; longer is a bug upstream, and it bounds render time.
MAX_TEXT = 500
#: Longest barcode content (the database's longest key is 80).
MAX_BARCODE = 80


def check_text(value: object, field: str) -> str:
    """A required text: a string with something printable in it."""
    if not isinstance(value, str):
        raise LabelError(f"expected text, got {type(value).__name__}", field=field)
    if not any(char.isprintable() and not char.isspace() for char in value):
        raise LabelError("is empty", field=field)
    if len(value) > MAX_TEXT:
        raise LabelError(f"is {len(value)} characters long; at most {MAX_TEXT}", field=field)
    return value


def check_optional_text(value: object, field: str) -> str | None:
    """An optional text: None, or as :func:`check_text`."""
    return None if value is None else check_text(value, field)


def check_barcode_data(value: object, field: str) -> str:
    """Barcode content: printable ASCII without surrounding spaces, that Code 128 can encode.

    Whether it fits the stock is checked when it is laid out.
    """
    if not isinstance(value, str):
        raise LabelError(f"expected text, got {type(value).__name__}", field=field)
    if not value or value != value.strip():
        raise LabelError(f"{value!r} is empty or has surrounding spaces", field=field)
    if not value.isprintable():
        raise LabelError(f"{value!r} contains control characters", field=field)
    if len(value) > MAX_BARCODE:
        raise LabelError(f"is {len(value)} characters long; at most {MAX_BARCODE}", field=field)
    try:
        encode_code128(value)
    except LabelError as error:
        raise LabelError(error.reason, field=field) from None
    return value


def check_count(value: object, field: str, *, maximum: int = 9999) -> int:
    """A whole number from 0 to ``maximum`` (not a bool, which Python counts as an int)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LabelError(f"expected a whole number, got {value!r}", field=field)
    if not 0 <= value <= maximum:
        raise LabelError(f"{value} is not between 0 and {maximum}", field=field)
    return value


def check_flag(value: object, field: str) -> bool:
    """True or False, nothing else (``"no"`` would be truthy)."""
    if not isinstance(value, bool):
        raise LabelError(f"expected True or False, got {value!r}", field=field)
    return value


def check_choice(value: object, field: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed``."""
    if not isinstance(value, str) or value not in allowed:
        raise LabelError(f"{value!r} is not one of {', '.join(allowed)}", field=field)
    return value


def check_captions(captions: object, keys: tuple[str, ...]) -> Mapping[str, str]:
    """The translated captions a kind needs: every key present, each a non-empty text."""
    if not isinstance(captions, Mapping):
        raise LabelError(f"expected a mapping, got {type(captions).__name__}", field="captions")
    missing = [key for key in keys if key not in captions]
    if missing:
        raise LabelError(f"missing: {', '.join(missing)}", field="captions")
    for key in keys:
        check_text(captions[key], f"captions[{key!r}]")
    return captions
