"""Run every benchmark and print one Markdown table of the numbers against DESIGN.md §5.

The benchmarks run in this process one after the other, so the PostgreSQL server loaded by
``demo_data_build --postgres`` serves the later benchmarks too (each gets its own copy).

    python -m benchmarks.run_all [--orders 1000000] [--postgres] [--profile 200] [--history]
    python -m benchmarks.run_all --orders 20000          # a quick run
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from benchmarks import (
    decoding,
    demo_data_build,
    label_render,
    scan_latency,
    startup,
    supervisor_desk,
)
from benchmarks.common import Result, Row, base_parser, machine_info, positive_int, save_result


def markdown_table(rows: Sequence[Row]) -> str:
    lines = ["| measurement | result | budget | within |", "| --- | --- | --- | --- |"]
    lines += [
        f"| {what} | {measured} | {budget} | {within} |" for what, measured, budget, within in rows
    ]
    return "\n".join(lines)


def machine_line() -> str:
    info = machine_info()
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; {info['platform']}; "
        f"Python {info['python']}, SQLite {info['sqlite']}, PySide6 "
        f"{info['PySide6-Essentials']} (QT_QPA_PLATFORM={info['qt_platform']}), "
        f"peewee {info['peewee']}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--parcels",
        type=positive_int,
        default=600,
        help="timed parcel scans, and at least as many unit scans (default 600)",
    )
    parser.add_argument(
        "--runs", type=positive_int, default=5, help="timed starts of the app (default 5)"
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="profile N more scans after the timed ones (see scan_latency)",
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="measure scan latency a second time, after months of receiving",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results: dict[str, Result] = {}
    rows: list[Row] = []
    results["demo_data_build"] = demo_data_build.run(args.orders, args.seed, args.postgres)
    rows += demo_data_build.table_rows(results["demo_data_build"])
    results["scan_latency"] = scan_latency.run(
        args.orders, args.seed, args.postgres, parcels=args.parcels, profile=args.profile
    )
    rows += scan_latency.table_rows(results["scan_latency"])
    if args.history:
        results["scan_latency_history"] = scan_latency.run(
            args.orders, args.seed, args.postgres, parcels=args.parcels, history=True
        )
        rows += scan_latency.table_rows(results["scan_latency_history"])
    results["startup"] = startup.run(args.orders, args.seed, args.postgres, args.runs)
    rows += startup.table_rows(results["startup"])
    results["label_render"] = label_render.run()
    rows += label_render.table_rows(results["label_render"])
    results["decoding"] = decoding.run()
    rows += decoding.table_rows(results["decoding"])
    desk_orders = min(args.orders, supervisor_desk.DEFAULT_ORDERS)  # its data: 60 days of returns
    results["supervisor_desk"] = supervisor_desk.run(desk_orders, args.seed, args.postgres)
    rows += supervisor_desk.table_rows(results["supervisor_desk"])
    path = save_result("run_all", args.orders, {"rows": rows, "results": results})
    print()
    if args.profile:
        scan_latency.print_report(results["scan_latency"])
        print()
    print(f"## Benchmarks: {args.orders:_} demo orders (seed {args.seed})\n")
    print(markdown_table(rows))
    lost = {
        engine: results["scan_latency"][engine]["refs_lost_per_scan"]["None"]
        for engine in ("sqlite", "postgres")
        if engine in results["scan_latency"]
    }
    refs = results["startup"]["sqlite"]["none_refcount_when_ready"]
    print(f"\nMachine: {machine_line()}.")
    if any(value >= 1 for value in lost.values()):
        worst = max(lost.values())
        print(
            f"\nWarning: each scan loses {worst:.0f} references to None (PySide6 "
            f"{machine_info()['PySide6-Essentials']} on Python {machine_info()['python']}); "
            f"the app holds about {refs:_} when ready, so it would abort after about "
            f"{refs / worst:.0f} scans. The benchmark tops the count up between scans."
        )
    print(f"\nAll results: {path} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
