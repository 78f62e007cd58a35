"""Scan-to-feedback latency through the real main window, beside the raw database floor.

The window (``ui.main_window.MainWindow``, offscreen) is built over a copy of the benchmark
database; a dock user logs in by badge; then, for many different open RMAs picked at random
across the database, the RMA's expected tracking number is scanned (a *parcel scan*: it closes
the previous parcel and opens this one) and then its units (*unit scans*: the product's GTIN
once per unit, and for a serialised product the GTIN followed by one of the serials sold on
the order line).

Each scan: the code is put into ``scanInput`` (not timed), pending events are flushed, then
``QTest.keyClick(Return)`` is timed. That call returns when the synchronous slot has run:
the core committed the scan, and ``scanFeedback`` holds the new text and ``outcome``
property. The time until the queued repaint has also run is reported beside it ("painted").

The floor is the same kind of work without the app: stdlib ``sqlite3`` on the same file, WAL,
synchronous=FULL, one indexed SELECT + one INSERT + COMMIT (and psycopg2 on PostgreSQL).

    python -m benchmarks.scan_latency [--orders 1000000] [--parcels 600] [--postgres]
                                      [--profile N] [--history] [--analyze]
"""

from __future__ import annotations

import cProfile
import ctypes
import datetime
import gc
import io
import pstats
import random
import re
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import Database, fn
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from benchmarks.common import (
    DEMO_NOW,
    RESULTS_DIR,
    Result,
    Row,
    add_common_arguments,
    isolated_home,
    latency_stats,
    ms,
    positive_int,
    postgres_demo,
    save_result,
    verdict,
    working_copy,
)
from db.connection import is_sqlite, sqlite_url
from db.models import RMA, OrderLine, Product, ProductGTIN, RMALine, SoldSerial, User
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.outcomes import ScanOutcome
from receiving_app.settings import StationSettings
from ui import assets
from ui.main_window import MainWindow
from ui.sounds import OutcomeSounds

NAME = "scan_latency"
BUDGET_P99_MS = 25.0
SECONDS_BETWEEN_SCANS = 3
"""The benchmark clock moves on this much before each scan, like a worker handling units;
more than the desk's double-read window, so a second unit of a product is a unit, not a
repeat."""
_IN_BATCH = 500


# -- what to scan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedScan:
    code: str
    kind: str
    """parcel (a tracking number), gtin or serial."""

    @property
    def group(self) -> str:
        return "parcel" if self.kind == "parcel" else "unit"


@dataclass
class ScanPlan:
    badge: str
    parcels: list[list[PlannedScan]]
    """One list per RMA: its tracking number first, then its units."""
    skipped_shared_tracking: int = 0

    def trackings(self) -> list[str]:
        return [scans[0].code for scans in self.parcels]


def _batches(values: Sequence[Any], size: int = _IN_BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def plan_scans(rma_count: int, seed: int) -> ScanPlan:
    """Pick ``rma_count`` open RMAs with a tracking number, at random across the database."""
    badge = (
        User.select(User.badge)
        .where((User.role == "dock") & User.badge.is_null(False) & (User.active == True))
        .order_by(User.id)
        .scalar()
    )
    if badge is None:
        raise LookupError("the benchmark database has no dock user with a badge")
    ids = [
        row[0]
        for row in RMA.select(RMA.id)
        .where((RMA.status == "open") & RMA.expected_tracking.is_null(False))
        .tuples()
    ]
    rng = random.Random(seed)
    chosen = rng.sample(ids, min(len(ids), rma_count))
    rmas: dict[int, RMA] = {}
    lines: dict[int, list[RMALine]] = defaultdict(list)
    for batch in _batches(sorted(chosen)):
        rmas.update((rma.id, rma) for rma in RMA.select().where(RMA.id.in_(batch)))
        query = (
            RMALine.select(RMALine, OrderLine, Product)
            .join(OrderLine)
            .join(Product)
            .where(RMALine.rma.in_(batch))
            .order_by(RMALine.id)
        )
        for line in query:
            lines[line.rma_id].append(line)
    trackings = [rmas[i].expected_tracking for i in chosen]
    shared: set[str] = set()
    for batch in _batches(trackings):
        query = (
            RMA.select(RMA.expected_tracking)
            .where(RMA.expected_tracking.in_(batch))
            .group_by(RMA.expected_tracking)
            .having(fn.COUNT(RMA.id) > 1)
        )
        shared.update(row.expected_tracking for row in query)
    line_ids = sorted({line.order_line_id for rows in lines.values() for line in rows})
    serials: dict[int, list[str]] = defaultdict(list)
    for batch in _batches(line_ids):
        for row in (
            SoldSerial.select().where(SoldSerial.order_line.in_(batch)).order_by(SoldSerial.id)
        ):
            serials[row.order_line_id].append(row.serial)
    gtin13: dict[int, str] = {}
    for row in ProductGTIN.select().order_by(ProductGTIN.id):
        gtin13.setdefault(row.product_id, row.gtin.removeprefix("0"))  # as printed on the box
    plan = ScanPlan(str(badge), [])
    for rma_id in chosen:  # random order: no two parcels near each other in the file
        rma = rmas[rma_id]
        if rma.expected_tracking in shared:
            plan.skipped_shared_tracking += 1
            continue
        scans = [PlannedScan(rma.expected_tracking, "parcel")]
        for line in lines[rma_id]:
            product = line.order_line.product
            gtin = gtin13[product.id]
            if product.serialised:
                for serial in serials[line.order_line_id][: line.quantity]:
                    scans += [PlannedScan(gtin, "gtin"), PlannedScan(serial, "serial")]
            else:
                scans += [PlannedScan(gtin, "gtin")] * line.quantity
        plan.parcels.append(scans)
    return plan


# -- PySide6 6.12 on Python 3.11 drops references to None, True and False ---------------------


class RefcountGuard:
    """Keeps None, True and False alive in a process where PySide6 loses references to them.

    With PySide6 6.12.0 on Python 3.11 every call of a void Qt method (``setText``, ``update``,
    ``processEvents``...) decrements the reference count of None without having taken one
    (6.11.3 does not). Python 3.12 made None, True and False immortal, so it only shows on
    3.11, where the count reaches zero after some thousands of calls and the process aborts
    ("Fatal Python error: none_dealloc"). Between scans (never inside a timed region) the
    benchmark gives back what was lost, by raising the count in place, and it reports how many
    references each scan loses, from which the app's life expectancy follows.
    """

    LOW_WATER = 200_000
    TOP_UP = 1_000_000

    def __init__(self) -> None:
        self._objects = (None, True, False)
        self._mortal = sys.version_info < (3, 12)
        self._added = dict.fromkeys(map(repr, self._objects), 0)
        self._start = self._counts()

    def _counts(self) -> dict[str, int]:
        return {repr(obj): sys.getrefcount(obj) for obj in self._objects}

    def top_up(self) -> None:
        if not self._mortal:
            return
        for obj in self._objects:
            if sys.getrefcount(obj) < self.LOW_WATER:
                # ob_refcnt is the first field of every object on CPython 3.11. Raised for good:
                # the references were dropped by PySide6 and nobody will give them back.
                ctypes.c_ssize_t.from_address(id(obj)).value += self.TOP_UP
                self._added[repr(obj)] += self.TOP_UP

    def lost(self) -> dict[str, int]:
        """References lost since the guard was made (net of what it gave back)."""
        now = self._counts()
        return {name: self._start[name] + self._added[name] - now[name] for name in now}


# -- the window -------------------------------------------------------------------------------


def qt_app() -> QApplication:
    """The process's QApplication, with the app's style sheet (as ``ui.app.run_gui`` sets it)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "receiving-app"])
    app.setStyleSheet(assets.style_sheet())
    return app


@dataclass
class Sample:
    kind: str
    code: str
    total: float
    core: float
    painted: float
    gc_runs: int = 0
    """Python garbage collections (any generation) during the timed key press."""


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


class WindowBench:
    """The main window over one open context, and a timed scan through its scan field."""

    def __init__(self, context: AppContext, clock: FixedClock) -> None:
        self.guard = RefcountGuard()
        self.app = qt_app()
        self.clock = clock
        self.harness_loss = self._harness_loss()
        self.desk = context.new_desk()
        self._last: ScanOutcome | None = None
        self._core_seconds = 0.0
        handle_scan = self.desk.handle_scan

        def timed_handle_scan(raw: str) -> ScanOutcome:
            started = time.perf_counter()
            outcome = handle_scan(raw)
            self._core_seconds = time.perf_counter() - started
            self._last = outcome
            return outcome

        # The desk is ours (the window gets it through its constructor): timing its one entry
        # point splits each scan into core time and the rest (Qt, the page, the models).
        self.desk.handle_scan = timed_handle_scan  # type: ignore[method-assign]
        self._gc_runs = 0
        gc.callbacks.append(self._count_gc)
        self.window = MainWindow(
            self.desk,
            lambda code: context.couriers.courier_name(code),
            OutcomeSounds(enabled=False),
        )
        self.window.showMaximized()
        self.window.activateWindow()
        self.app.processEvents()
        field = self.window.findChild(QLineEdit, "scanInput")
        feedback = self.window.findChild(QLabel, "scanFeedback")
        if field is None or feedback is None:
            raise LookupError("the main window has no scanInput or scanFeedback")
        self.field, self.feedback = field, feedback

    def scan(
        self, code: str, kind: str, profiler: cProfile.Profile | None = None
    ) -> tuple[Sample, ScanOutcome]:
        self.field.setText(code)  # the scanner's typing is not part of the latency
        self.clock.advance(seconds=SECONDS_BETWEEN_SCANS)
        self.guard.top_up()
        self.app.processEvents()  # nothing queued: the key is the next thing the loop sees
        self._last = None
        if profiler is not None:
            profiler.enable()
        self._gc_runs = 0
        started = time.perf_counter()
        QTest.keyClick(self.field, Qt.Key.Key_Return)
        returned = time.perf_counter()
        if profiler is not None:
            profiler.disable()
        self.app.processEvents()  # the repaint the slot queued
        painted = time.perf_counter()
        outcome = self._last
        if outcome is None:
            raise RuntimeError(f"scanning {code!r} did not reach the desk")
        shown = self.feedback.property("outcome")
        if shown != outcome.level.value or self.field.text():
            raise RuntimeError(
                f"scanning {code!r}: the feedback shows {shown!r}, "
                f"the desk answered {outcome.level.value!r}"
            )
        return Sample(
            kind, code, returned - started, self._core_seconds, painted - started, self._gc_runs
        ), outcome

    def _count_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_runs += 1

    def _harness_loss(self) -> dict[str, float]:
        """References the benchmark's own Qt calls lose per scan (on a bare line edit)."""
        field = QLineEdit()
        rounds = 50
        before = self.guard.lost()
        for _ in range(rounds):
            field.setText("0")
            self.app.processEvents()
            QTest.keyClick(field, Qt.Key.Key_Return)
            self.app.processEvents()
        after = self.guard.lost()
        field.deleteLater()
        return {name: (after[name] - before[name]) / rounds for name in after}

    def close(self) -> None:
        gc.callbacks.remove(self._count_gc)
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()


@dataclass
class RunLog:
    samples: list[Sample] = field(default_factory=list)
    outcomes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def count(self, group: str) -> int:
        return sum(1 for s in self.samples if (s.kind == "parcel") == (group == "parcel"))


def _scan_parcels(
    bench: WindowBench,
    parcels: Sequence[list[PlannedScan]],
    log: RunLog,
    until: int,
    trace: SqlTrace | None = None,
    profiler: cProfile.Profile | None = None,
) -> int:
    """Scan whole parcels until ``until`` parcel and unit scans each; return parcels used."""
    used = 0
    for scans in parcels:
        if log.count("parcel") >= until and log.count("unit") >= until:
            break
        used += 1
        for planned in scans:
            if trace is not None:
                trace.current_kind = planned.group
            sample, outcome = bench.scan(planned.code, planned.kind, profiler)
            log.samples.append(sample)
            log.outcomes[planned.kind][outcome.code.value] += 1
    return used


def measure_window(
    url: str, plan: ScanPlan, warmup: int, count: int, profile: int, label: str
) -> Result:
    """Log in, warm up, then time parcel and unit scans through the window over ``url``."""
    clock = FixedClock(DEMO_NOW)
    context = open_context(url, clock=clock, settings=StationSettings())
    bench = WindowBench(context, clock)
    try:
        _, login = bench.scan(plan.badge, "badge")
        if login.code.value != "logged_in":
            raise RuntimeError(f"logging in with badge {plan.badge} gave {login.code}")
        parcels = plan.parcels
        warm = RunLog()
        used = _scan_parcels(bench, parcels, warm, until=warmup)
        gc.collect()
        log = RunLog()
        lost_before = bench.guard.lost()
        used += _scan_parcels(bench, parcels[used:], log, until=count)
        lost_after = bench.guard.lost()
        if log.count("parcel") < count or log.count("unit") < count:
            raise RuntimeError("not enough RMAs picked for the scans asked for")
        result = _summarise(log)
        result["warmup_scans"] = len(warm.samples)
        result["refs_lost_per_scan"] = {
            name: round(
                (lost_after[name] - lost_before[name]) / len(log.samples)
                - bench.harness_loss[name],
                1,
            )
            for name in lost_after
        }
        if profile:
            result["profile"] = _profile_pass(
                bench, context.database, parcels[used:], profile, label
            )
    finally:
        bench.close()
        context.close()
    return result


def _summarise(log: RunLog) -> Result:
    def pick(test: Callable[[Sample], bool], value: Callable[[Sample], float]) -> dict[str, float]:
        return latency_stats([value(s) for s in log.samples if test(s)])

    def is_parcel(s: Sample) -> bool:
        return s.kind == "parcel"

    def is_unit(s: Sample) -> bool:
        return s.kind != "parcel"

    def total(s: Sample) -> float:
        return s.total

    slowest = sorted(log.samples, key=total, reverse=True)[:5]
    return {
        "parcel": pick(is_parcel, total),
        "unit": pick(is_unit, total),
        "unit_gtin": pick(lambda s: s.kind == "gtin", total),
        "unit_serial": pick(lambda s: s.kind == "serial", total),
        "parcel_core": pick(is_parcel, lambda s: s.core),
        "unit_core": pick(is_unit, lambda s: s.core),
        "parcel_painted": pick(is_parcel, lambda s: s.painted),
        "unit_painted": pick(is_unit, lambda s: s.painted),
        "outcomes": {kind: dict(counter) for kind, counter in log.outcomes.items()},
        "slowest": [
            {
                "kind": s.kind,
                "code": s.code,
                "ms": round(s.total * 1000, 2),
                "core_ms": round(s.core * 1000, 2),
                "gc_runs": s.gc_runs,
            }
            for s in slowest
        ],
        "scans_with_gc": sum(1 for s in log.samples if s.gc_runs),
    }


def _profile_pass(
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
        _scan_parcels(bench, parcels, log, until=count, trace=trace, profiler=profiler)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    prof_path = RESULTS_DIR / f"{NAME}-{label}.prof"
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


# -- the floor ----------------------------------------------------------------------------------


def sqlite_floor(path: Path, trackings: Sequence[str], samples: int, warmup: int) -> Result:
    """Raw sqlite3 on the same file: indexed SELECT, and SELECT + INSERT + COMMIT (WAL, FULL)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor "
            "(id INTEGER PRIMARY KEY, rma_id INTEGER NOT NULL, at TEXT NOT NULL)"
        )
        select = f'SELECT id FROM "{RMA._meta.table_name}" WHERE expected_tracking = ?'

        def read(tracking: str) -> None:
            connection.execute(select, (tracking,)).fetchone()

        def read_write(tracking: str) -> None:
            connection.execute("BEGIN IMMEDIATE")
            row = connection.execute(select, (tracking,)).fetchone()
            connection.execute(
                "INSERT INTO bench_floor (rma_id, at) VALUES (?, ?)",
                (row[0], datetime.datetime.now().isoformat()),
            )
            connection.execute("COMMIT")

        return {
            "read": _time_calls(read, trackings, samples, warmup),
            "read_write_commit": _time_calls(read_write, trackings, samples, warmup),
        }
    finally:
        connection.close()


def postgres_floor(url: str, trackings: Sequence[str], samples: int, warmup: int) -> Result:
    """Raw psycopg2 on the same database: indexed SELECT, and SELECT + INSERT + COMMIT."""
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        cursor = connection.cursor()
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor "
            "(id SERIAL PRIMARY KEY, rma_id INTEGER NOT NULL, at TEXT NOT NULL)"
        )
        connection.commit()
        select = f'SELECT id FROM "{RMA._meta.table_name}" WHERE expected_tracking = %s'

        def read(tracking: str) -> None:
            cursor.execute(select, (tracking,))
            cursor.fetchone()
            connection.commit()

        def read_write(tracking: str) -> None:
            cursor.execute(select, (tracking,))
            row = cursor.fetchone()
            cursor.execute(
                "INSERT INTO bench_floor (rma_id, at) VALUES (%s, %s)",
                (row[0], datetime.datetime.now().isoformat()),
            )
            connection.commit()

        return {
            "read": _time_calls(read, trackings, samples, warmup),
            "read_write_commit": _time_calls(read_write, trackings, samples, warmup),
        }
    finally:
        connection.close()


def _time_calls(
    call: Callable[[str], None], keys: Sequence[str], samples: int, warmup: int
) -> dict[str, float]:
    times = []
    for index in range(warmup + samples):
        key = keys[index % len(keys)]
        started = time.perf_counter()
        call(key)
        if index >= warmup:
            times.append(time.perf_counter() - started)
    return latency_stats(times)


# -- running ------------------------------------------------------------------------------------


def run(
    orders: int,
    seed: int,
    postgres: bool,
    parcels: int = 600,
    warmup: int = 40,
    floor_samples: int = 2000,
    profile: int = 0,
    analyze: bool = False,
    history: bool = False,
) -> Result:
    """Measure on SQLite (and PostgreSQL); ``profile`` > 0 adds a profiled pass of that many.

    ``analyze`` runs SQLite's ANALYZE on the copy first: a what-if, since the app never does
    (PostgreSQL's autovacuum gathers planner statistics by itself). ``history`` measures on
    the database after months of receiving (``common.add_receiving_history``).
    """
    result: Result = {
        "seed": seed,
        "parcels_target": parcels,
        "warmup_parcels": warmup,
        "seconds_between_scans": SECONDS_BETWEEN_SCANS,
        "sqlite_analyzed": analyze,
        "history": history,
    }
    rma_count = int((warmup + parcels + profile) * 1.1) + 10
    variant = "".join(("-history" if history else "", "-analyzed" if analyze else ""))
    with isolated_home(), working_copy(orders, seed, NAME, history) as path:
        url = sqlite_url(path)
        if analyze:
            with sqlite3.connect(path) as connection:
                connection.execute("ANALYZE")
        plan = _plan_on(url, rma_count, seed)
        result["rmas_planned"] = len(plan.parcels)
        result["skipped_shared_tracking"] = plan.skipped_shared_tracking
        print(f"{NAME}: sqlite, {len(plan.parcels)} RMAs planned ...", flush=True)
        result["sqlite"] = measure_window(
            url, plan, warmup, parcels, profile, f"sqlite{variant}-{orders}"
        )
        result["sqlite"]["floor"] = sqlite_floor(path, plan.trackings(), floor_samples, warmup=100)
        save_result(f"{NAME}{variant}", orders, result)  # kept should PostgreSQL fail
        if postgres:
            demo = postgres_demo(orders, seed)
            pg_url = demo.clone(NAME, history)
            try:
                print(f"{NAME}: postgres ...", flush=True)
                result["postgres"] = measure_window(
                    pg_url, plan, warmup, parcels, profile, f"postgres{variant}-{orders}"
                )
                result["postgres"]["floor"] = postgres_floor(
                    pg_url, plan.trackings(), floor_samples, warmup=100
                )
                result["postgres"]["server"] = f"{demo.version()} ({demo.durability()})"
            finally:
                demo.drop(pg_url)
    result["json"] = str(save_result(f"{NAME}{variant}", orders, result))
    return result


def _plan_on(url: str, rma_count: int, seed: int) -> ScanPlan:
    context = open_context(url, clock=FixedClock(DEMO_NOW), settings=StationSettings())
    try:
        with context.database.atomic():
            return plan_scans(rma_count, seed)
    finally:
        context.close()


def table_rows(result: Result) -> list[Row]:
    """(what, measured, budget, within budget) rows for the summary table."""
    rows = []
    for engine in ("sqlite", "postgres"):
        if engine not in result:
            continue
        numbers = result[engine]
        label = (
            "sqlite after ANALYZE" if engine == "sqlite" and result["sqlite_analyzed"] else engine
        )
        if result["history"]:
            label += ", with receiving history"
        for group in ("parcel", "unit"):
            s = numbers[group]
            core = numbers[f"{group}_core"]
            painted = numbers[f"{group}_painted"]
            measured = (
                f"p50 {ms(s['p50_ms'])} · p90 {ms(s['p90_ms'])} · "
                f"**p99 {ms(s['p99_ms'])}** · max {ms(s['max_ms'])} "
                f"(core p50 {ms(core['p50_ms'])}; painted p99 {ms(painted['p99_ms'])})"
            )
            rows.append(
                (
                    f"scan → feedback, {group} scans, {label} (n={s['count']})",
                    measured,
                    f"p99 < {BUDGET_P99_MS:.0f} ms",
                    verdict(s["p99_ms"] < BUDGET_P99_MS),
                )
            )
        floor = numbers["floor"]
        driver = "sqlite3" if engine == "sqlite" else "psycopg2"
        write, read = floor["read_write_commit"], floor["read"]
        measured = (
            f"p50 {ms(write['p50_ms'])} · p99 {ms(write['p99_ms'])} "
            f"(read only: p50 {ms(read['p50_ms'])} · p99 {ms(read['p99_ms'])})"
        )
        rows.append((f"floor: raw {driver} SELECT + INSERT + COMMIT, {label}", measured, "—", ""))
    return rows


def print_report(result: Result) -> None:
    for what, measured, budget, within in table_rows(result):
        print(f"{what}: {measured}   [budget {budget} {within}]")
    for engine in ("sqlite", "postgres"):
        if engine not in result:
            continue
        print(f"{engine} outcomes: {result[engine]['outcomes']}")
        print(
            f"{engine} references lost per scan (PySide6 bug, harness calls subtracted): "
            f"{result[engine]['refs_lost_per_scan']}"
        )
        profile = result[engine].get("profile")
        if profile:
            print(
                f"\n--- {engine} profile: {profile['scans']} scans, statements per scan "
                f"{profile['statements_per_scan']}, SQL execute "
                f"{profile['sql_execute_ms_per_scan']} ms of "
                f"{profile['profiled_ms_per_scan']} ms per scan (profiled)"
            )
            print(f"own time by layer (%): {profile['layers']}")
            for row in profile["top_statements"][:12]:
                print(
                    f"  {row['total_ms']:9.1f} ms  n={row['count']:5d}  "
                    f"mean {row['mean_ms']:.3f} ms  {row['sql']}\n{'':14}plan: {row['plan']}"
                )
            print(profile["pstats"])
    print(f"results: {result['json']}")


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser)
    parser.add_argument(
        "--parcels",
        type=positive_int,
        default=600,
        help="timed parcel scans, and at least as many unit scans (default 600)",
    )
    parser.add_argument(
        "--warmup",
        type=positive_int,
        default=40,
        help="parcels scanned (with their units) before timing (default 40)",
    )
    parser.add_argument(
        "--floor-samples",
        type=positive_int,
        default=2000,
        help="round trips timed for the raw database floor (default 2000)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="afterwards, profile N more parcel and unit scans (cProfile + "
        "SQL timing), written to benchmarks/results/",
    )
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="what-if: run ANALYZE on the SQLite copy first (the app does not)",
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="measure after months of receiving: 3 RMAs in 4 already received",
    )
    args = parser.parse_args(argv)
    result = run(
        args.orders,
        args.seed,
        args.postgres,
        args.parcels,
        args.warmup,
        args.floor_samples,
        args.profile,
        args.analyze,
        args.history,
    )
    print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
