"""Time to render one label: every kind, stock and resolution, as PDF and as ZPL.

Budget (DESIGN.md §5): a label rendered in under 20 ms. Two data sets per kind: the sample
(``labels.sample_label_data``, with Chinese) and the same with every text 500 characters long,
Chinese and Latin, which is the most fitting, wrapping and cutting a label ever does. Each
combination is rendered once untimed, then ``--repeats`` times, each call timed with
``time.perf_counter`` from the data to the bytes (layout, fitting, drawing). The first label of
a fresh process also loads and registers the CJK font; that is measured apart, in a new
process. Labels do not depend on the database, so this benchmark takes no ``--orders``.

    python -m benchmarks.label_render [--repeats 100]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import subprocess
import sys
import time
from collections.abc import Sequence

from benchmarks.common import (
    PROJECT_ROOT,
    RESULTS_DIR,
    Result,
    Row,
    latency_stats,
    machine_info,
    ms,
    positive_int,
    verdict,
)
from labels import (
    CAPTION_KEYS,
    LabelData,
    LabelFormat,
    LabelKind,
    LabelSize,
    render_label,
    sample_label_data,
)
from receiving_app.i18n import identity_translate
from receiving_app.label_captions import label_captions

NAME = "label_render"
BUDGET_MS = 20.0
DPIS = (203, 300)
_LONG = ("超长的商品名称" * 40)[:250] + " returned wireless headphones" * 9


def _data_sets(kind: LabelKind) -> dict[str, LabelData]:
    sample = sample_label_data(kind, label_captions(kind.value, identity_translate))
    texts = [
        field.name
        for field in dataclasses.fields(sample)
        if isinstance(getattr(sample, field.name), str)
        and field.name not in ("lpn", "receipt_key", "grade")
    ]
    changes: dict[str, object] = {name: _LONG[:500] for name in texts}
    if CAPTION_KEYS[kind]:
        changes["captions"] = {key: _LONG[:500] for key in CAPTION_KEYS[kind]}
    return {"sample": sample, "long texts": dataclasses.replace(sample, **changes)}


def _first_label_in_a_new_process() -> dict[str, float]:
    """Import of ``labels`` and the first label (font loading included), in a fresh process."""
    probe = (
        "import json, time\n"
        "started = time.perf_counter()\n"
        "from labels import LabelKind, render_label, sample_label_data\n"
        "imported = time.perf_counter()\n"
        "render_label(LabelKind.LPN, sample_label_data(LabelKind.LPN, {}), '4x6', 203, 'pdf')\n"
        "done = time.perf_counter()\n"
        "print(json.dumps({'import_ms': (imported - started) * 1000,"
        " 'first_label_ms': (done - imported) * 1000}))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], cwd=PROJECT_ROOT, check=True, capture_output=True, text=True
    ).stdout
    return {key: round(value, 1) for key, value in json.loads(output).items()}


def run(repeats: int = 100) -> Result:
    """Time every combination; also write ``benchmarks/results/label_render.json``."""
    print(f"{NAME}: 3 kinds x 3 stocks x 2 dpi x 2 formats x 2 data sets, {repeats} each ...")
    combinations: list[Result] = []
    pooled: dict[str, list[float]] = {fmt.value: [] for fmt in LabelFormat}
    for kind in LabelKind:
        for data_name, data in _data_sets(kind).items():
            for size in LabelSize:
                for dpi in DPIS:
                    for fmt in LabelFormat:
                        render_label(kind, data, size, dpi, fmt)  # untimed: warm caches
                        times = []
                        for _ in range(repeats):
                            started = time.perf_counter()
                            render_label(kind, data, size, dpi, fmt)
                            times.append(time.perf_counter() - started)
                        pooled[fmt.value] += times
                        combinations.append(
                            {"kind": kind.value, "data": data_name, "size": size.value,
                             "dpi": dpi, "format": fmt.value, **latency_stats(times)}
                        )  # fmt: skip
    result: Result = {
        "budget_ms": BUDGET_MS,
        "repeats": repeats,
        "pooled": {fmt: latency_stats(times) for fmt, times in pooled.items()},
        "combinations": combinations,
        "cold": _first_label_in_a_new_process(),
    }
    path = RESULTS_DIR / f"{NAME}.json"
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": NAME,
        "measured_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        **result,
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    result["json"] = str(path)
    return result


def table_rows(result: Result) -> list[Row]:
    """(what, measured, budget, within budget) rows for the summary table."""
    rows: list[Row] = []
    for fmt in LabelFormat:
        mine = [c for c in result["combinations"] if c["format"] == fmt.value]
        stats = result["pooled"][fmt.value]
        slowest = max(mine, key=lambda combination: combination["p50_ms"])
        measured = (
            f"{ms(stats['p50_ms'])} · {ms(stats['p90_ms'])} · **{ms(stats['p99_ms'])}** · "
            f"{ms(stats['max_ms'])} (slowest: {slowest['kind']} {slowest['size']} "
            f"{slowest['dpi']} dpi, {slowest['data']}, p50 {ms(slowest['p50_ms'])})"
        )
        what = f"one label → {fmt.value.upper()} ({len(mine)} combinations, n={stats['count']})"
        rows.append((what, measured, f"< {BUDGET_MS:.0f} ms", verdict(stats["p99_ms"] < BUDGET_MS)))
    cold = result["cold"]
    rows.append(
        (
            "first label of a fresh process (CJK font loaded and registered)",
            f"{ms(cold['first_label_ms'])} (after {ms(cold['import_ms'])} to import labels)",
            "—",
            "",
        )
    )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeats",
        type=positive_int,
        default=100,
        help="timed renders of each combination (default 100)",
    )
    args = parser.parse_args(argv)
    result = run(args.repeats)
    for what, measured, budget, within in table_rows(result):
        print(f"{what}: {measured}   [budget {budget} {within}]")
    print(f"results: {result['json']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
