"""How long ``generate_demo_data`` takes for N orders, on a fresh SQLite file (and PostgreSQL).

The SQLite file built here becomes the cached benchmark database of the other benchmarks
(``benchmarks/results/cache/demo-<N>-seed<S>.db``) when the cache does not have it yet.

    python -m benchmarks.demo_data_build [--orders 1000000] [--seed 7] [--postgres]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from benchmarks.common import (
    WORK_DIR,
    Result,
    Row,
    base_parser,
    build_demo_sqlite,
    cached_db_path,
    postgres_demo,
    save_result,
    store_in_cache,
)

NAME = "demo_data_build"


def run(orders: int, seed: int, postgres: bool) -> Result:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    path = WORK_DIR / f"build-{orders}-seed{seed}.db"
    print(f"{NAME}: generating {orders:_} orders on a fresh SQLite file ...", flush=True)
    build = build_demo_sqlite(path, orders, seed, progress=True)
    cached = cached_db_path(orders, seed)
    if cached.exists():
        path.unlink()
    else:
        store_in_cache(path, cached)
    result: Result = {
        "seed": seed,
        "sqlite": {
            "seconds": round(build.seconds, 2),
            "orders_per_second": round(orders / build.seconds),
            "migrate_seconds": round(build.migrate_seconds, 3),
            "file_mb": round(build.file_bytes / 2**20, 1),
            "rows": build.rows,
        },
    }
    if postgres:
        print(f"{NAME}: generating {orders:_} orders on PostgreSQL ...", flush=True)
        demo = postgres_demo(orders, seed)
        assert demo.build is not None
        result["postgres"] = {
            "seconds": round(demo.build.seconds, 2),
            "orders_per_second": round(orders / demo.build.seconds),
            "migrate_seconds": round(demo.build.migrate_seconds, 3),
            "database_mb": round(demo.build.file_bytes / 2**20, 1),
            "server": f"{demo.version()} (during the load: {demo.load_durability})",
        }
    result["json"] = str(save_result(NAME, orders, result))
    return result


def table_rows(result: Result) -> list[Row]:
    """(what, measured, budget, within budget) rows for the summary table."""
    rows = []
    for engine in ("sqlite", "postgres"):
        if engine in result:
            numbers = result[engine]
            measured = f"{numbers['seconds']:.1f} s ({numbers['orders_per_second']:_} orders/s)"
            rows.append((f"demo data build, {engine}", measured, "—", ""))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    args = base_parser(__doc__.splitlines()[0]).parse_args(argv)
    result = run(args.orders, args.seed, args.postgres)
    for what, measured, _, _ in table_rows(result):
        print(f"{what}: {measured}")
    print(f"rows: {result['sqlite']['rows']}")
    print(f"results: {result['json']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
