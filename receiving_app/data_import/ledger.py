"""Finding keys that appear twice in a file without holding the keys in memory (no Qt).

The validation pass appends every row's unique keys to a table in a temporary SQLite file;
one grouped query at the end finds the repeats. Memory stays flat however large the file.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from receiving_app.data_import import problems as p
from receiving_app.data_import.entity import UniqueKey
from receiving_app.data_import.problems import RowProblem

_MESSAGES = {"order": p.ORDER_SPLIT, "rma": p.RMA_SPLIT, "order_line": p.DUPLICATE_LINE}


class KeyLedger:
    """Every (kind, key, column, row) seen; ``duplicates()`` names each repeat after the first."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="receiving-import-")
        self._db = sqlite3.connect(Path(self._folder.name) / "keys.db")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE k (kind TEXT, key TEXT, col TEXT, row INTEGER)")

    def add(self, keys: Iterable[tuple[int, UniqueKey]]) -> None:
        self._db.executemany(
            "INSERT INTO k VALUES (?, ?, ?, ?)",
            ((key.kind, key.key, key.column, row) for row, key in keys),
        )

    def duplicates(self) -> Iterator[RowProblem]:
        query = """
            SELECT k.kind, k.key, k.col, k.row, f.first FROM k
            JOIN (SELECT kind, key, MIN(row) AS first FROM k
                  GROUP BY kind, key HAVING COUNT(*) > 1) AS f
              ON f.kind = k.kind AND f.key = k.key
            WHERE k.row > f.first ORDER BY k.row
        """
        for kind, key, column, row, first in self._db.execute(query):
            message = _MESSAGES.get(kind, p.DUPLICATE)
            params: dict[str, object] = {"first": first, "key": key}
            if kind == "order_line":
                params["order"], params["line"] = key.split("\t")
            yield RowProblem(row, column, message, params, key.replace("\t", " "))

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()
