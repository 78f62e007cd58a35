"""Demo data for trying the app and training dock staff: the public entry points (no Qt).

The work is done in ``receiving_app.demo``; this module is what the CLI and tests import.
"""

from receiving_app.demo.generator import MAX_ORDERS, DemoSummary, generate_demo_data
from receiving_app.demo.history import MAX_HISTORY_DAYS, HistorySummary
from receiving_app.demo.scan_sheet import (
    SHEET_KINDS,
    SheetCode,
    build_scan_sheet,
    sheet_json,
    write_scan_sheet_pdf,
)

__all__ = [
    "MAX_HISTORY_DAYS",
    "MAX_ORDERS",
    "SHEET_KINDS",
    "DemoSummary",
    "HistorySummary",
    "SheetCode",
    "build_scan_sheet",
    "generate_demo_data",
    "sheet_json",
    "write_scan_sheet_pdf",
]
