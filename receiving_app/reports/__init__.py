"""Supervisors' reports: figures gathered from the database, written as PDF, CSV or XLSX (no Qt).

The core gathers each report's figures into frozen dataclasses with aggregate queries, turns them
into translated, display-ready data, and hands that to :mod:`labels` (PDF) or to its own data
writers (CSV, XLSX), so every format shows the same numbers. See ``docs/reports.md``.
"""
