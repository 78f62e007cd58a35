"""The profiled pass of the scan latency benchmark: cProfile and a per-statement SQL timer.

After the timed scans, more parcels and units are scanned with cProfile running around the
key press only, and every SQL statement (and BEGIN/COMMIT) timed, with its query plan. The
``.prof`` file goes to ``benchmarks/results/``. Used by ``benchmarks.scan_latency``.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from peewee import Database

from benchmarks.common import RESULTS_DIR, Result
from benchmarks.scan_plan import PlannedScan
from benchmarks.scan_window import RunLog, WindowBench, scan_parcels
from db.connection import is_sqlite


@dataclass
class SqlTrace:
    """Time spent per SQL statement (and BEGIN/COMMIT), while a profiling pass runs.

    Only ``execute`` is timed: rows fetched later (peewee iterates lazily) are not, so a query
    that finds its first row early but scans on for more shows less here than it costs.
    """

    per_statement: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    examples: dict[str, tuple[str, Sequence[Any]]] = field(default_factory=dict)
    per_scan_kind: Counter[str] = field(default_factory=Counter)
    current_kind: str = ""

    def record(self, sql: str, params: Sequence[Any], seconds: float) -> None:
        # Kept cheap: it runs inside the profiled region. Shortened for the report later.
        self.per_statement[sql].append(seconds)
        if sql not in self.examples:
            self.examples[sql] = (sql, tuple(params))
        self.per_scan_kind[self.current_kind] += 1


def _shorten_sql(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql)
    sql = re.sub(r"^SELECT .+? FROM ", "SELECT … FROM ", sql)
    sql = re.sub(r"\((%s|\?)(, (%s|\?))+\)", "(…)", sql)
    return sql[:160]


@contextmanager
def traced_sql(database: Database, trace: SqlTrace) -> Iterator[None]:
    """Time every statement the database runs (instance attributes shadow the methods)."""
    execute_sql, begin, commit = database.execute_sql, database.begin, database.commit

    def timed(name: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                sql = str(args[0]) if name == "sql" else name.upper()
                params = (args[1] if len(args) > 1 else kwargs.get("params")) or ()
                trace.record(sql, params if name == "sql" else (), time.perf_counter() - started)

        return wrapper

    database.execute_sql = timed("sql", execute_sql)  # type: ignore[method-assign]
    database.begin = timed("begin", begin)  # type: ignore[method-assign]
    database.commit = timed("commit", commit)  # type: ignore[method-assign]
    try:
        yield
    finally:
        del database.execute_sql, database.begin, database.commit


def profile_pass(
    bench: WindowBench,
    database: Database,
    parcels: Sequence[list[PlannedScan]],
    count: int,
    label: str,
) -> Result:
    """Scan again under cProfile and the SQL tracer (numbers not mixed with the timed run).

    The profiler runs only around the key press, the region the latency is measured over.
    """
    profiler = cProfile.Profile()
    trace = SqlTrace()
    log = RunLog()
    with traced_sql(database, trace):
        scan_parcels(bench, parcels, log, until=count, trace=trace, profiler=profiler)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    prof_path = RESULTS_DIR / f"{label}.prof"
    profiler.dump_stats(prof_path)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    scans = {group: log.count(group) for group in ("parcel", "unit")}
    statements = sorted(
        (
            {
                "sql": sql,
                "short": _shorten_sql(sql),
                "count": len(times),
                "total_ms": round(sum(times) * 1000, 2),
                "mean_ms": round(sum(times) * 1000 / len(times), 3),
                "max_ms": round(max(times) * 1000, 3),
            }
            for sql, times in trace.per_statement.items()
        ),
        key=lambda row: row["total_ms"],
        reverse=True,
    )[:20]
    for row in statements:
        row["plan"] = _query_plan(database, *trace.examples[row.pop("sql")])
        row["sql"] = row.pop("short")
    return {
        "scans": scans,
        "statements_per_scan": {
            group: round(trace.per_scan_kind[group] / scans[group], 1)
            for group in scans
            if scans[group]
        },
        "sql_execute_ms_per_scan": round(
            sum(sum(times) for times in trace.per_statement.values())
            * 1000
            / max(1, len(log.samples)),
            3,
        ),
        "profiled_ms_per_scan": round(
            sum(s.total for s in log.samples) * 1000 / max(1, len(log.samples)), 3
        ),
        "layers": _layers(stats),
        "top_statements": statements,
        "prof_file": str(prof_path),
        "pstats": stream.getvalue(),
    }


def _query_plan(database: Database, sql: str, params: Sequence[Any]) -> str:
    """How the engine runs ``sql`` (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN)."""
    if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
        return ""
    prefix = "EXPLAIN QUERY PLAN " if is_sqlite(database) else "EXPLAIN "
    try:
        rows = database.execute_sql(prefix + sql, params).fetchall()
    except Exception as exc:  # noqa: BLE001 - a plan is a nice-to-have in a report
        return f"(no plan: {exc})"
    finally:
        if not is_sqlite(database):
            database.rollback()
    return " | ".join(str(row[-1]) for row in rows)


_LAYERS = (
    ("sqlite3 driver (execute, fetch)", lambda file, name: "sqlite3." in name),
    ("psycopg2 driver", lambda file, name: "psycopg2" in name),
    ("peewee (query building, rows to models)", lambda file, name: file.endswith("peewee.py")),
    (
        "Qt (PySide6 calls)",
        lambda file, name: (
            "PySide6" in name
            or "Shiboken" in name
            or name in ("<built-in method keyClick>", "<built-in method processEvents>")
        ),
    ),
    ("app: ui/", lambda file, name: "/ui/" in file),
    ("app: receiving_app/", lambda file, name: "/receiving_app/" in file),
    ("app: db/", lambda file, name: "/db/" in file),
    ("benchmark harness", lambda file, name: "/benchmarks/" in file),
)
_OTHER = "Python stdlib"


def _layer(file: str, name: str) -> str:
    return next((title for title, test in _LAYERS if test(file, name)), _OTHER)


def _layers(stats: pstats.Stats) -> dict[str, float]:
    """Own time (cProfile tottime) per layer, in percent; profiler overhead inflates Python.

    A plain builtin (``isinstance``, ``str.join``...) counts for the layer that called it, in
    proportion to the time spent in it from each caller.
    """
    totals: Counter[str] = Counter()
    entries = stats.stats.items()  # type: ignore[attr-defined]
    for (file, _, name), (_, _, own, _, callers) in entries:
        layer = _layer(file, name)
        if file == "~" and layer == _OTHER and callers:
            for (caller_file, _, caller_name), timing in callers.items():
                totals[_layer(caller_file, caller_name)] += timing[2]
        else:
            totals[layer] += own
    whole = sum(totals.values()) or 1.0
    return {layer: round(100 * seconds / whole, 1) for layer, seconds in totals.most_common()}
