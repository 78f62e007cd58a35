"""Importing vendors, products, orders and RMAs from channel exports (CSV or XLSX; no Qt).

The GUI and ``receiving-app import`` call ``run_import`` with a mapping from ``choose_mapping``;
see docs/import.md for the file formats, mappings and checks.
"""

from receiving_app.data_import.mappings import ENTITIES, PRESETS, ColumnMapping, choose_mapping
from receiving_app.data_import.problems import RowProblem
from receiving_app.data_import.runner import ImportProgress, ImportResult, run_import

__all__ = [
    "ENTITIES",
    "PRESETS",
    "ColumnMapping",
    "ImportProgress",
    "ImportResult",
    "RowProblem",
    "choose_mapping",
    "run_import",
]
