"""Read-only data exports of units, routing decisions and customer outcomes (no Qt).

See ``docs/export.md``: :mod:`.datasets` holds the column lists (a contract), :mod:`.writing`
the CSV and XLSX files, :mod:`.export` the entry point the CLI and the GUI call.
"""
