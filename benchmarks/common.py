"""What the benchmarks share: options, statistics, result files, the cached demo databases.

The benchmark database is the demo data set of ``generate_demo_data`` at (orders, seed), built
once per schema version and kept under ``benchmarks/results/cache/``. Each benchmark works on a copy, so no scan
ever lands in the cache. On PostgreSQL the same data is loaded into a throw-away server
(``tests.pg_server``, fsync off for the load) once per process, which is then restarted with
fsync on and cloned per benchmark (``CREATE DATABASE ... TEMPLATE``).
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from peewee import Database, fn

from db.bulk import advance_id_sequences
from db.connection import is_sqlite, open_database, sqlite_url
from db.models import Parcel, RMALine, Station, User
from db.models import Sequence as Counter
from db.schema import known_migrations, upgrade
from receiving_app.demo_data import generate_demo_data

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
RESULTS_DIR = PACKAGE_DIR / "results"
CACHE_DIR = RESULTS_DIR / "cache"
WORK_DIR = RESULTS_DIR / "work"

DEFAULT_ORDERS = 1_000_000
DEFAULT_SEED = 7
DEMO_NOW = datetime.datetime(2026, 11, 24, 10, 42, 0)
"""The demo data's present: fixed, so (orders, seed) names exactly one data set."""

Result = dict[str, Any]
Row = tuple[str, str, str, str]
"""One line of the summary table: what, measured, budget, within the budget."""


# -- options ------------------------------------------------------------------------------------


def positive_int(text: str) -> int:
    value = int(text.replace("_", ""))
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def base_parser(description: str) -> argparse.ArgumentParser:
    """A parser with the options every benchmark takes: --orders, --seed, --postgres."""
    parser = argparse.ArgumentParser(description=description)
    add_common_arguments(parser)
    return parser


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--orders",
        type=positive_int,
        default=DEFAULT_ORDERS,
        help=f"demo orders in the benchmark database (default {DEFAULT_ORDERS:_})",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"seed of the demo data (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--postgres", action="store_true", help="also measure on a throw-away PostgreSQL server"
    )


# -- statistics ---------------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile of already sorted values, interpolated linearly."""
    if not sorted_values:
        return float("nan")
    position = fraction * (len(sorted_values) - 1)
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def latency_stats(seconds: Sequence[float]) -> dict[str, float]:
    """count, p50, p90, p99, max and mean of durations given in seconds, in milliseconds."""
    values = sorted(s * 1000 for s in seconds)
    return {
        "count": len(values),
        "p50_ms": round(percentile(values, 0.50), 3),
        "p90_ms": round(percentile(values, 0.90), 3),
        "p99_ms": round(percentile(values, 0.99), 3),
        "max_ms": round(values[-1], 3) if values else float("nan"),
        "mean_ms": round(statistics.fmean(values), 3) if values else float("nan"),
    }


# -- results ------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb: float | None = None
    try:
        pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory_gb = round(pages * page_size / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    versions = {}
    for package in ("PySide6-Essentials", "peewee", "psycopg2-binary"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "sqlite": sqlite3.sqlite_version,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM"),
        **versions,
    }


def save_result(name: str, orders: int, result: Result) -> Path:
    """Write ``result`` to ``benchmarks/results/<name>-<orders>.json`` and return the path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}-{orders}.json"
    payload = {
        "benchmark": name,
        "orders": orders,
        "measured_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        **result,
    }
    path.write_text(
        json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    return path


def verdict(within: bool) -> str:
    return "yes" if within else "**NO**"


def ms(value: float) -> str:
    """A duration given in milliseconds, with the digits that mean something."""
    if value < 1:
        return f"{value:.3f} ms"
    return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


# -- the SQLite benchmark database --------------------------------------------------------------


@dataclass(frozen=True)
class DemoBuild:
    """One timed build of the demo data: generation time and what was written."""

    seconds: float
    migrate_seconds: float
    rows: dict[str, int]
    file_bytes: int


def schema_tag() -> str:
    """A short fingerprint of the migrations this version ships: a new one means a new cache."""
    names = "\n".join(known_migrations())
    return hashlib.sha256(names.encode()).hexdigest()[:8]


def cached_db_path(orders: int, seed: int, history: bool = False) -> Path:
    suffix = "-history" if history else ""
    return CACHE_DIR / f"demo-{orders}-seed{seed}-schema{schema_tag()}{suffix}.db"


def build_demo_sqlite(path: Path, orders: int, seed: int, progress: bool = False) -> DemoBuild:
    """Create the SQLite file ``path``, migrate it, and time ``generate_demo_data`` on it.

    The WAL is checkpointed into the main file afterwards, so the file can be copied alone.
    """
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    database = open_database(sqlite_url(path))
    database.connect()
    try:
        migrate_s, generate_s, counts = _timed_build(database, orders, seed, progress)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.close()
    return DemoBuild(generate_s, migrate_s, counts, path.stat().st_size)


def _timed_build(
    database: Database, orders: int, seed: int, progress: bool
) -> tuple[float, float, dict[str, int]]:
    """Migrate ``database`` and fill it with demo data: (migrate s, generate s, row counts)."""
    started = time.perf_counter()
    upgrade(database)
    migrated = time.perf_counter()
    summary = generate_demo_data(
        database,
        orders=orders,
        seed=seed,
        now=DEMO_NOW,
        progress=_progress_printer() if progress else None,
    )
    return migrated - started, time.perf_counter() - migrated, summary.as_dict()


def ensure_demo_db(orders: int, seed: int, history: bool = False) -> Path:
    """The cached benchmark database for (orders, seed), built now if it is not there yet.

    ``history``: the same data after months of receiving (see ``add_receiving_history``).
    """
    target = cached_db_path(orders, seed, history)
    if target.exists():
        return target
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    if history:
        shutil.copyfile(ensure_demo_db(orders, seed), partial)
        print(f"adding a receiving history to {orders:_} orders ...", flush=True)
        database = open_database(sqlite_url(partial))
        database.connect()
        try:
            add_receiving_history(database)
            database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            database.close()
    else:
        print(f"building the benchmark database: {orders:_} orders, seed {seed} ...", flush=True)
        build = build_demo_sqlite(partial, orders, seed, progress=True)
        print(f"built in {build.seconds:.1f} s", flush=True)
    store_in_cache(partial, target)
    return target


def add_receiving_history(database: Database) -> dict[str, int]:
    """Receive three RMAs in four, as if the dock had worked for months (plain SQL, fast).

    Each of them gets one closed parcel and one unit per RMA line, and its status becomes
    ``received``; the LPN counter moves past their LPNs. The fourth RMA in four stays open for
    the benchmarks to scan. Without this, the unit and parcel tables start empty, and a query
    that would have to wade through a product's earlier units is not noticed.
    """
    p = database.param
    sqlite = is_sqlite(database)
    received = ("'received'", "'2026-10-01 10:00:00'")

    def not_fourth(column: str) -> str:
        return f"({column} - ({column} / 4) * 4) <> 0"

    padded = "printf('%010d', rl.id)" if sqlite else "lpad(CAST(rl.id AS TEXT), 10, '0')"
    with database.atomic():
        if not sqlite:  # the app's 5 s statement timeout is for scans, not for bulk loads
            database.execute_sql("SET LOCAL statement_timeout = 0")
        station = Station.select(Station.id).order_by(Station.id).scalar()
        user = User.select(User.id).where(User.role == "dock").order_by(User.id).scalar()
        parcels = database.execute_sql(
            'INSERT INTO "parcel" (id, receipt_key, tracking_number, carrier, '
            "carrier_candidates, rma_id, order_id, condition, note, is_exception, state, "
            "station_id, received_by_id, received_at, closed_at) "
            "SELECT r.id, 'H:' || r.number, r.expected_tracking, r.expected_carrier, '', r.id, "
            f"r.order_id, 'intact', '', {p}, 'closed', {p}, {p}, {received[1]}, {received[1]} "
            f'FROM "rma" r WHERE {not_fourth("r.id")}',
            (False, station, user),
        ).rowcount
        units = database.execute_sql(
            'INSERT INTO "unit" (lpn, receipt_key, parcel_id, product_id, rma_line_id, serial, '
            "match, state, station_id, received_by_id, received_at) "
            f"SELECT 'LPN' || {padded}, 'H:' || CAST(rl.id AS TEXT), rl.rma_id, ol.product_id, "
            f"rl.id, NULL, 'matched', 'received', {p}, {p}, {received[1]} "
            'FROM "rma_line" rl JOIN "order_line" ol ON ol.id = rl.order_line_id '
            f"WHERE {not_fourth('rl.rma_id')}",
            (station, user),
        ).rowcount
        database.execute_sql(f'UPDATE "rma" SET status = {received[0]} WHERE {not_fourth("id")}')
        last = RMALine.select(fn.MAX(RMALine.id)).scalar() or 0
        Counter.delete().where(Counter.name == "lpn").execute()
        Counter.insert(name="lpn", value=last).execute()
        advance_id_sequences(database, [Parcel])
    return {"parcels": parcels, "units": units}


def store_in_cache(built: Path, target: Path) -> None:
    """Move a freshly built database file into the cache (atomically: never half a file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(built, target)


@contextmanager
def working_copy(orders: int, seed: int, label: str, history: bool = False) -> Iterator[Path]:
    """A private copy of the cached benchmark database, deleted afterwards."""
    source = ensure_demo_db(orders, seed, history)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    target = WORK_DIR / f"{label}-{orders}-seed{seed}-{os.getpid()}.db"
    shutil.copyfile(source, target)
    try:
        yield target
    finally:
        for path in (
            target,
            target.with_name(target.name + "-wal"),
            target.with_name(target.name + "-shm"),
        ):
            path.unlink(missing_ok=True)


@contextmanager
def isolated_home() -> Iterator[Path]:
    """Point RECEIVING_HOME at a temporary folder: never the developer's settings or logs."""
    previous = os.environ.get("RECEIVING_HOME")
    with tempfile.TemporaryDirectory(prefix="receiving-bench-home-") as home:
        os.environ["RECEIVING_HOME"] = home
        try:
            yield Path(home)
        finally:
            if previous is None:
                os.environ.pop("RECEIVING_HOME", None)
            else:
                os.environ["RECEIVING_HOME"] = previous


def _progress_printer() -> Any:
    started = time.perf_counter()
    step = 10

    def report(written: int, total: int) -> None:
        nonlocal step
        percent = written * 100 // total
        if percent >= step or written == total:
            print(
                f"  {written:_}/{total:_} orders ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
            step = percent - percent % 10 + 10

    return report


# -- PostgreSQL ---------------------------------------------------------------------------------


@dataclass
class PostgresDemo:
    """A throw-away PostgreSQL server holding the demo data set as a template database."""

    server: Any  # tests.pg_server.PostgresServer
    orders: int
    seed: int
    template: str = "bench_template"
    build: DemoBuild | None = None
    load_durability: str = ""
    clones: list[str] = field(default_factory=list)

    def clone(self, label: str, history: bool = False) -> str:
        """A fresh copy of the demo database for one benchmark; returns its URL."""
        template = self.history_template() if history else self.template
        name = f"bench_{label}_{len(self.clones) + 1}"
        self.server.psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.clones.append(name)
        return str(self.server.url(name))

    def history_template(self) -> str:
        """The template with a receiving history (``add_receiving_history``), made once."""
        name = "bench_history"
        if self.server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") != "1":
            self.server.psql(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
            database = open_database(self.server.url(name))
            database.connect()
            try:
                add_receiving_history(database)
            finally:
                database.close()
            self.server.psql("VACUUM ANALYZE", database=name)
        return name

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.server.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def version(self) -> str:
        return str(self.server.psql("SHOW server_version"))

    def durability(self) -> str:
        settings = ("fsync", "synchronous_commit", "full_page_writes")
        return ", ".join(f"{name}={self.server.psql(f'SHOW {name}')}" for name in settings)

    def stop(self) -> None:
        self.server.stop()


_postgres: dict[tuple[int, int], PostgresDemo] = {}


def start_postgres() -> Any:
    """Start the tests' throw-away server (fsync off, as the tests want it); stopped at exit."""
    from tests.pg_server import start_server

    server = start_server()
    atexit.register(server.stop)
    return server


def make_durable(server: Any) -> None:
    """Restart the server with fsync on: commit latency without it would flatter PostgreSQL.

    ``tests.pg_server`` passes ``-c fsync=off`` on the command line, which outranks
    ``ALTER SYSTEM``; so the server is restarted with the same options but fsync on.
    """
    server.psql("CHECKPOINT")
    options = (
        f"-p {server.port} -k {server.folder} -c listen_addresses=127.0.0.1 "
        "-c fsync=on -c synchronous_commit=on -c max_connections=50"
    )
    command = [
        str(server.bin_dir / "pg_ctl"),
        "-D",
        str(server.folder / "data"),
        "-w",
        "-l",
        str(server.folder / "server.log"),
        "-o",
        options,
        "restart",
    ]
    if server.run_as:
        command = ["runuser", "-u", server.run_as, "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True)


def postgres_demo(orders: int, seed: int, progress: bool = True) -> PostgresDemo:
    """The PostgreSQL demo server for (orders, seed) of this process, loaded on first use.

    Its template database ``bench_template`` holds the demo data; ``bench_history`` (made by
    ``history_template``) the same after months of receiving.
    """
    key = (orders, seed)
    if key in _postgres:
        return _postgres[key]
    server = start_postgres()
    demo = PostgresDemo(server, orders, seed)
    server.psql(f'CREATE DATABASE "{demo.template}"')
    if progress:
        print(f"loading {orders:_} demo orders into PostgreSQL {demo.version()} ...", flush=True)
    database = open_database(server.url(demo.template))
    database.connect()
    try:
        migrate_s, generate_s, counts = _timed_build(database, orders, seed, progress)
        size = database.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0]
    finally:
        database.close()
    demo.build = DemoBuild(generate_s, migrate_s, counts, size)
    demo.load_durability = demo.durability()
    # Planner statistics, as autovacuum would have gathered them on a server in use.
    server.psql("VACUUM ANALYZE", database=demo.template)
    make_durable(server)
    _postgres[key] = demo
    return demo
