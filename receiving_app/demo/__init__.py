"""Demo data: a seeded, realistic data set for an empty database, and a training scan sheet (no Qt).

``generator`` writes the data, ``scan_sheet`` picks barcodes from it for a printable sheet;
``catalog`` and ``tracking`` hold the fixed master data and the courier number formats.
"""
