"""The supervisor's desk: the dashboard's refresh, the queues, vendor-return batches, the report.

Measured on ``generate_demo_data(orders=N, seed=S, now=2026-11-24 10:42, history_days=60)``:
the orders plus 60 days of returns received, inspected, graded and routed, which is what the
desk counts. The SQLite file is cached as ``benchmarks/results/cache/desk-N-seedS-history60-
XXXXXXXX.db`` (a hash of the migrations and of the demo generator, ``receiving_app/demo/``),
its build time beside it (``.json``); each run works on a copy. With
``--postgres`` the same data is loaded into a throw-away server of its own, then ``VACUUM
ANALYZE`` (the desk only reads, so the server keeps the tests' fsync off).

Every call runs once untimed, then ``--runs`` times, each timed with ``time.perf_counter``, on
a ``FixedClock`` at the demo's present. The disposition report is made ``--reports`` times per
period and format (the median is reported), each call opening its own connection as the desk's
worker thread does, and writing its file.

    python -m benchmarks.supervisor_desk [--orders 100000] [--runs 30] [--reports 5] [--postgres]
"""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from peewee import Database

from benchmarks.common import (
    CACHE_DIR,
    DEMO_NOW,
    PROJECT_ROOT,
    WORK_DIR,
    Result,
    Row,
    base_parser,
    latency_stats,
    ms,
    positive_int,
    save_result,
    schema_tag,
    start_postgres,
    store_in_cache,
)
from db.connection import open_database, sqlite_url
from db.models import Station, User
from db.schema import upgrade
from receiving_app.accounts import StationInfo, user_by_badge
from receiving_app.clock import FixedClock
from receiving_app.demo.catalog import STATION_CODE
from receiving_app.demo_data import generate_demo_data
from receiving_app.i18n import identity_translate
from receiving_app.reports.output import ReportFormat
from receiving_app.reports.run_report import make_disposition_report
from receiving_app.supervisor.dashboard import (
    Dimension,
    ReturnsSeries,
    dashboard_numbers,
    returns_over_time,
    units_behind,
)
from receiving_app.supervisor.service import SupervisorDesk
from receiving_app.users import UserInfo
from receiving_app.vendor_returns.desk import VendorReturns

NAME = "supervisor_desk"
DEFAULT_ORDERS = 100_000
HISTORY_DAYS = 60
SERIES_DAYS = 14
REPORT_DAYS = (7, 30)
PG_DATABASE = "bench_desk"
DEMO_SOURCES = PROJECT_ROOT / "receiving_app" / "demo"

T = TypeVar("T")


# -- the database -------------------------------------------------------------------------------


def data_tag() -> str:
    """A fingerprint of the migrations and the demo generator: either changed, a new cache."""
    digest = hashlib.sha256(schema_tag().encode())
    for source in sorted(DEMO_SOURCES.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:8]


def cached_desk_db(orders: int, seed: int) -> tuple[Path, Result]:
    """The cached desk database for (orders, seed), built now if missing; and its build."""
    target = CACHE_DIR / f"desk-{orders}-seed{seed}-history{HISTORY_DAYS}-{data_tag()}.db"
    record = target.with_suffix(".json")
    if target.exists() and record.exists():
        return target, {**json.loads(record.read_text()), "cached": True}
    partial = target.with_name(target.name + ".partial")
    for stale in (partial, *(partial.with_name(partial.name + end) for end in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    print(f"{NAME}: building {orders:_} orders with {HISTORY_DAYS} days of returns ...", flush=True)
    database = open_database(sqlite_url(partial))
    database.connect()
    try:
        build = _timed_build(database, orders, seed)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.close()
    build["file_mb"] = round(partial.stat().st_size / 2**20, 1)
    store_in_cache(partial, target)
    record.write_text(json.dumps(build, indent=2) + "\n", encoding="utf-8")
    return target, {**build, "cached": False}


def _timed_build(database: Database, orders: int, seed: int) -> Result:
    """Migrate ``database`` and fill it with the demo data and its history, timed."""
    started = time.perf_counter()
    upgrade(database)
    summary = generate_demo_data(
        database, orders=orders, seed=seed, now=DEMO_NOW, history_days=HISTORY_DAYS
    )
    return {"seconds": round(time.perf_counter() - started, 2), "rows": summary.as_dict()}


@contextmanager
def sqlite_copy(source: Path) -> Iterator[str]:
    """The URL of a private copy of ``source``, deleted afterwards."""
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"{NAME}-", dir=WORK_DIR) as folder:
        copy = Path(folder) / source.name
        shutil.copyfile(source, copy)
        yield sqlite_url(copy)


@contextmanager
def postgres_desk_db(orders: int, seed: int) -> Iterator[tuple[str, Result]]:
    """A throw-away server holding the desk's data: its URL and the build, stopped afterwards."""
    server = start_postgres()
    try:
        server.psql(f'CREATE DATABASE "{PG_DATABASE}"')
        print(f"{NAME}: loading {orders:_} orders and returns into PostgreSQL ...", flush=True)
        database = open_database(server.url(PG_DATABASE))
        database.connect()
        try:
            build = _timed_build(database, orders, seed)
        finally:
            database.close()
        server.psql("VACUUM ANALYZE", database=PG_DATABASE)
        build["server"] = server.psql("SHOW server_version")
        yield server.url(PG_DATABASE), build
    finally:
        server.stop()


def _station_and_supervisor() -> tuple[StationInfo, UserInfo]:
    """The demo's station and its first supervisor, logged in by badge."""
    station = Station.get(Station.code == STATION_CODE)
    badge = User.select(User.badge).where(User.role == "supervisor").order_by(User.id).scalar()
    user = user_by_badge(badge)
    if user is None:
        raise RuntimeError("the demo data has no active supervisor with a badge")
    return StationInfo(station.id, station.code, station.name), user


# -- timing -------------------------------------------------------------------------------------


def clocked(times: list[float], call: Callable[[], T]) -> T:
    """``call()``, its duration appended to ``times``."""
    started = time.perf_counter()
    value = call()
    times.append(time.perf_counter() - started)
    return value


def timed(call: Callable[[], T], runs: int) -> tuple[dict[str, float], T]:
    """Latency statistics of ``runs`` calls after one untimed call, and the last answer."""
    value = call()
    times: list[float] = []
    for _ in range(runs):
        value = clocked(times, call)
    return latency_stats(times), value


# -- the measurements ---------------------------------------------------------------------------


def measure(url: str, runs: int, reports: int) -> Result:
    """Every measurement over the database at ``url``."""
    clock = FixedClock(DEMO_NOW)
    database = open_database(url)
    database.connect()
    try:
        station, user = _station_and_supervisor()
        desk = SupervisorDesk(database, clock, station, user)
        result: Result = {
            "dashboard": measure_dashboard(database, clock, runs),
            "queues": measure_queues(desk, runs),
            "vendor_batches": measure_batches(VendorReturns(database, clock, station, user), runs),
        }
    finally:
        database.close()  # the report opens its own connection, as on the desk's worker thread
    result["reports"] = measure_reports(database, station.name, reports)
    return result


def refresh(
    database: Database, clock: FixedClock, parts: dict[str, list[float]]
) -> tuple[list[ReturnsSeries], int]:
    """One refresh of the dashboard, each call's time appended to ``parts``.

    The units behind the largest reason over all 14 days (a pie slice) stand for a pick: the
    widest one. Returns the series and how many units were behind the pick.
    """
    clocked(parts["numbers"], lambda: dashboard_numbers(database, clock))
    series = [
        clocked(
            parts[f"series {dimension.value}"],
            partial(returns_over_time, database, clock, dimension, SERIES_DAYS),
        )
        for dimension in Dimension
    ]
    pick = series[0]
    behind = clocked(parts["units behind"], lambda: units_behind(database, pick, pick.keys[0], -1))
    return series, len(behind)


def measure_dashboard(database: Database, clock: FixedClock, runs: int) -> Result:
    names = ["numbers", *(f"series {d.value}" for d in Dimension), "units behind"]
    refresh(database, clock, {name: [] for name in names})  # untimed
    parts: dict[str, list[float]] = {name: [] for name in names}
    totals: list[float] = []
    for _ in range(runs):
        series, behind = clocked(totals, lambda: refresh(database, clock, parts))
    return {
        "refresh": latency_stats(totals),
        "parts": {name: latency_stats(times) for name, times in parts.items()},
        "series_units": {s.dimension.value: sum(s.totals()) for s in series},
        "units_behind_rows": behind,
    }


def measure_queues(desk: SupervisorDesk, runs: int) -> Result:
    approvals, items = timed(desk.approvals, runs)
    exceptions, open_ones = timed(desk.exceptions, runs)
    ageing, waiting = timed(desk.ageing, runs)
    return {
        "approvals": {**approvals, "items": len(items)},
        "exceptions": {**exceptions, "items": len(open_ones)},
        "ageing": {**ageing, "items": len(waiting.units)},
    }


def measure_batches(vendor_returns: VendorReturns, runs: int) -> Result:
    stats, batches = timed(vendor_returns.batches, runs)
    return {**stats, "items": len(batches)}


def measure_reports(database: Database, dock: str, repeats: int) -> list[Result]:
    """Each period of ``REPORT_DAYS`` (ending on the demo's today) in each format."""
    end = DEMO_NOW.date()
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"{NAME}-reports-", dir=WORK_DIR) as folder:
        return [
            one_report(database, dock, end - datetime.timedelta(days=days - 1), end, file_format,
                       Path(folder) / f"report-{days}d.{file_format.value}", repeats)
            for days in REPORT_DAYS
            for file_format in ReportFormat
        ]  # fmt: skip


def one_report(
    database: Database,
    dock: str,
    start: datetime.date,
    end: datetime.date,
    file_format: ReportFormat,
    path: Path,
    repeats: int,
) -> Result:
    times: list[float] = []
    for _ in range(repeats):
        report = clocked(
            times,
            lambda: make_disposition_report(
                database, start, end, file_format, path, identity_translate, dock
            ),
        )
    return {
        "days": (end - start).days + 1,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "format": file_format.value,
        "units": report.units,
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
        "file_kb": round(path.stat().st_size / 1024, 1),
    }


def run(orders: int, seed: int, postgres: bool, runs: int = 30, reports: int = 5) -> Result:
    """Measure on SQLite (and PostgreSQL); also write ``benchmarks/results/``."""
    path, build = cached_desk_db(orders, seed)
    result: Result = {"seed": seed, "history_days": HISTORY_DAYS, "runs": runs, "reports": reports}
    with sqlite_copy(path) as url:
        print(f"{NAME}: sqlite, {runs} runs, reports {reports} times ...", flush=True)
        result["sqlite"] = {"build": build, **measure(url, runs, reports)}
    if postgres:
        with postgres_desk_db(orders, seed) as (url, build):
            print(f"{NAME}: postgres, {runs} runs, reports {reports} times ...", flush=True)
            result["postgres"] = {"build": build, **measure(url, runs, reports)}
    result["json"] = str(save_result(NAME, orders, result))
    return result


# -- the summary --------------------------------------------------------------------------------


def _latency(stats: dict[str, Any]) -> str:
    return f"{ms(stats['p50_ms'])} · **{ms(stats['p99_ms'])}** · {ms(stats['max_ms'])}"


def table_rows(result: Result) -> list[Row]:
    """(what, measured, budget, within budget) rows for the summary table."""
    rows: list[Row] = []
    for engine in ("sqlite", "postgres"):
        if engine in result:
            rows += _engine_rows(engine, result[engine], result["runs"], result["reports"])
    return rows


def _engine_rows(engine: str, numbers: Result, runs: int, reports: int) -> list[Row]:
    build, board = numbers["build"], numbers["dashboard"]
    cached = " (cached; time of its build)" if build.get("cached") else ""
    units = build["rows"].get("history_units", "?")
    rows: list[Row] = [
        (
            (
                f"desk data build, {engine}: {build['rows']['orders']:_} orders, "
                f"{HISTORY_DAYS} days of returns ({units:_} units)"
            ),
            f"{build['seconds']:.1f} s{cached}",
            "—",
            "",
        )
    ]
    parts = "; ".join(f"{name} {ms(s['p50_ms'])}" for name, s in board["parts"].items())
    rows.append(
        (
            (
                f"dashboard refresh, {engine} (n={runs}): numbers, 3 series of {SERIES_DAYS} "
                f"days, {board['units_behind_rows']} units behind a slice"
            ),
            f"{_latency(board['refresh'])} (p50: {parts})",
            "—",
            "",
        )
    )
    queues = [*numbers["queues"].items(), ("vendor batches", numbers["vendor_batches"])]
    rows += [
        (f"{name} queue, {engine} (n={runs}, {stats['items']:_} items)", _latency(stats), "—", "")
        for name, stats in queues
    ]
    for days in REPORT_DAYS:
        mine = [r for r in numbers["reports"] if r["days"] == days]
        times = " · ".join(f"{r['format'].upper()} {r['median_s']:.2f} s" for r in mine)
        what = f"disposition report, {days} days ({mine[0]['units']:_} units), {engine}"
        rows.append((f"{what} (median of {reports})", times, "—", ""))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0])
    parser.set_defaults(orders=DEFAULT_ORDERS)
    parser.epilog = f"Here --orders defaults to {DEFAULT_ORDERS:_}."
    parser.add_argument(
        "--runs", type=positive_int, default=30, help="timed calls of each query (default 30)"
    )
    parser.add_argument(
        "--reports",
        type=positive_int,
        default=5,
        help="reports made per period and format (default 5)",
    )
    args = parser.parse_args(argv)
    result = run(args.orders, args.seed, args.postgres, args.runs, args.reports)
    for what, measured, _, _ in table_rows(result):
        print(f"{what}: {measured}")
    print(f"results: {result['json']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
