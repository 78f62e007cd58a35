"""Errors the core raises for invalid commands; business outcomes are return values instead.

Each error carries marked source text (translated at the edge) and the params to fill it.
"""

from __future__ import annotations

from collections.abc import Mapping

# Storage errors the GUI must be able to catch without importing ``db`` itself (HOUSE.md B1).
from db.connection import DatabaseURLError
from db.errors import SchemaMismatch, SchemaOutdated, SchemaTooNew, StorageUnavailable


class ReceivingError(Exception):
    """A command the core refuses; ``message`` is marked source text with ``{name}`` params."""

    context = "Error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params: Mapping[str, object] = params


class InvalidInput(ReceivingError):
    """Input from outside (a scan, a file, a field) that cannot be used as it is."""


class PermissionDenied(ReceivingError):
    """The logged-in user's role does not allow this."""


class NotFound(ReceivingError):
    """The thing named does not exist."""


__all__ = [
    "DatabaseURLError",
    "InvalidInput",
    "NotFound",
    "PermissionDenied",
    "ReceivingError",
    "SchemaMismatch",
    "SchemaOutdated",
    "SchemaTooNew",
    "StorageUnavailable",
]
