"""Speed measurements against the budgets of DESIGN.md §5 (run with ``python -m benchmarks.X``).

``python -m benchmarks.run_all`` runs them all and prints a Markdown table; every run also writes
its numbers as JSON to ``benchmarks/results/`` (git-ignored). See ``benchmarks/README.md``.
"""

import os

# Before any benchmark imports Qt: no display needed. Set QT_QPA_PLATFORM yourself (e.g. xcb)
# to measure on a real screen instead.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
