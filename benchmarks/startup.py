"""Time from process start to the window ready to scan, on an existing benchmark database.

Each run starts ``python -m benchmarks.startup_probe --db URL`` (offscreen), which runs the app's
real entry point and prints when ``scanInput`` has the focus and the event loop is idle. Two
times per run: inside the process (from the probe's first line) and wall time (from spawning the
process, so interpreter start-up counts too). One untimed run first fills the file cache and
writes the byte code; the median of the timed runs is reported. Budget: 1.5 s.

    python -m benchmarks.startup [--orders 1000000] [--runs 5] [--postgres]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import (
    PROJECT_ROOT,
    Result,
    Row,
    base_parser,
    isolated_home,
    positive_int,
    postgres_demo,
    save_result,
    verdict,
    working_copy,
)
from db.connection import sqlite_url

NAME = "startup"
BUDGET_S = 1.5
TIMEOUT_S = 120


def start_once(url: str, home: Path) -> dict[str, float]:
    """One start of the app over ``url``: wall and in-process seconds to ready."""
    env = {**os.environ, "RECEIVING_HOME": str(home)}
    env.pop("RECEIVING_DB_URL", None)
    command = [sys.executable, "-m", "benchmarks.startup_probe", "--db", url]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    watchdog = threading.Timer(TIMEOUT_S, process.kill)  # a hung start must not hang us
    watchdog.start()
    try:
        line = process.stdout.readline()
        wall = time.perf_counter() - started
        _, errors = process.communicate()
    finally:
        watchdog.cancel()
    report = json.loads(line) if line.strip().startswith("{") else {"error": line}
    if "error" in report or process.returncode != 0:
        raise RuntimeError(f"the app did not become ready: {report.get('error')}\n{errors}")
    return {
        "wall_s": wall,
        "in_process_s": report["ready_s"],
        "qt_imported_s": report["qt_imported_s"],
        "none_refcount": report["none_refcount"],
    }


def measure(url: str, runs: int) -> Result:
    with isolated_home() as home:
        first = start_once(url, home)
        timed = [start_once(url, home) for _ in range(runs)]

    def summary(key: str) -> dict[str, float]:
        values = [run[key] for run in timed]
        return {
            "median": round(statistics.median(values), 3),
            "min": round(min(values), 3),
            "max": round(max(values), 3),
        }

    return {
        "runs": runs,
        "wall_s": summary("wall_s"),
        "in_process_s": summary("in_process_s"),
        "qt_imported_s": summary("qt_imported_s"),
        "first_run_wall_s": round(first["wall_s"], 3),
        "all_wall_s": [round(run["wall_s"], 3) for run in timed],
        "none_refcount_when_ready": int(statistics.median(r["none_refcount"] for r in timed)),
    }


def run(orders: int, seed: int, postgres: bool, runs: int = 5) -> Result:
    result: Result = {"seed": seed, "budget_s": BUDGET_S}
    with working_copy(orders, seed, NAME) as path:
        print(f"{NAME}: sqlite, {runs} runs ...", flush=True)
        result["sqlite"] = measure(sqlite_url(path), runs)
    if postgres:
        demo = postgres_demo(orders, seed)
        url = demo.clone(NAME)
        try:
            print(f"{NAME}: postgres, {runs} runs ...", flush=True)
            result["postgres"] = measure(url, runs)
        finally:
            demo.drop(url)
    result["json"] = str(save_result(NAME, orders, result))
    return result


def table_rows(result: Result) -> list[Row]:
    """(what, measured, budget, within budget) rows for the summary table."""
    rows = []
    for engine in ("sqlite", "postgres"):
        if engine in result:
            numbers = result[engine]
            wall, inside = numbers["wall_s"], numbers["in_process_s"]
            measured = (
                f"**{wall['median']:.2f} s** wall from spawn (min {wall['min']:.2f}, "
                f"max {wall['max']:.2f}); {inside['median']:.2f} s in-process"
            )
            rows.append(
                (
                    f"start → ready to scan, {engine} (median of {numbers['runs']})",
                    measured,
                    f"< {BUDGET_S} s",
                    verdict(wall["median"] < BUDGET_S),
                )
            )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--runs",
        type=positive_int,
        default=5,
        help="timed starts (after one untimed start; default 5)",
    )
    args = parser.parse_args(argv)
    result = run(args.orders, args.seed, args.postgres, args.runs)
    for what, measured, budget, within in table_rows(result):
        print(f"{what}: {measured}   [budget {budget} {within}]")
    print(f"results: {result['json']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
