"""Scan interpretation: what a scanned code is, normalised and checked (pure, no Qt, no database).

Other packages import from here: ``interpret_scan`` and its ``Scan`` result, the
``ScanKind`` values, the site's ``IdPrefixes`` and the ``CourierTable``.
"""

from receiving_app.scanning.carriers import CourierFileError, CourierTable, default_courier_table
from receiving_app.scanning.interpret import IdPrefixes, Scan, ScanKind, interpret_scan

__all__ = [
    "CourierFileError",
    "CourierTable",
    "IdPrefixes",
    "Scan",
    "ScanKind",
    "default_courier_table",
    "interpret_scan",
]
