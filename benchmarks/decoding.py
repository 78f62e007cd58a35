"""Barcode decoding: what the pipeline and each engine alone read of the dev set, and how fast.

For every image of ``../shared/datasets/barcodes-dev`` (real photos and scans with their
expected texts) it runs pyzbar alone, zxing-cpp alone and the product's pipeline
(``Decoder.decode``), and reports per format and per format group (1D parcel and product
codes; QR; Data Matrix and PDF417) the share read correctly (the expected text among the texts
returned) and the mean and p95 time per image. Then the live feed: ``Decoder.decode_frame`` on
1280x720 frames made by placing each dev image on a grey canvas (shrunk to fit if larger), plus
empty and noise frames; the goal is 30 frames per second on one core. The process is pinned to
one CPU and OpenCV to one thread, so no engine borrows a second core. Decoding does not depend on
the database, so this benchmark takes no ``--orders``.

    python -m benchmarks.decoding
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import cv2
import numpy as np

from benchmarks.common import (
    PROJECT_ROOT,
    RESULTS_DIR,
    Result,
    Row,
    latency_stats,
    machine_info,
    ms,
    verdict,
)
from receiving_app.decoding.code import Code
from receiving_app.decoding.engines import ZbarEngine, ZxingEngine
from receiving_app.decoding.images import load_image
from receiving_app.decoding.pipeline import Decoder, to_grey

NAME = "decoding"
DATASET = PROJECT_ROOT.parent / "shared" / "datasets" / "barcodes-dev"
FRAME_BUDGET_MS = 1000 / 30
FRAME_SIZE = (720, 1280)
GROUPS = {
    "1D": ("code128", "code39", "ean13", "ean8", "itf", "upca", "upce"),
    "QR": ("qrcode",),
    "DM+PDF417": ("datamatrix", "pdf417"),
}


@dataclass(frozen=True)
class Sample:
    file: str
    format: str
    expected: str
    image: np.ndarray


def load_dev_set(dataset: Path = DATASET) -> list[Sample]:
    """Every image of the dev set with its format and expected text."""
    with (dataset / "manifest.csv").open(newline="", encoding="utf-8") as manifest:
        rows = list(csv.DictReader(manifest))
    return [
        Sample(row["file"], row["format"], row["expected_text"], load_image(dataset / row["file"]))
        for row in rows
    ]


def _score(samples: Sequence[Sample], read: Callable[[np.ndarray], list[Code]]) -> Result:
    """Per format and group: images, share read correctly, mean and p95 ms per image."""
    hits: dict[str, list[bool]] = defaultdict(list)
    times: dict[str, list[float]] = defaultdict(list)
    for sample in samples:
        started = time.perf_counter()
        codes = read(sample.image)
        elapsed = time.perf_counter() - started
        hits[sample.format].append(any(code.text == sample.expected for code in codes))
        times[sample.format].append(elapsed)
    names = {fmt: (fmt,) for fmt in sorted(hits)} | GROUPS | {"all": tuple(hits)}
    result: Result = {}
    for name, formats in names.items():
        ok = [hit for fmt in formats for hit in hits[fmt]]
        spent = [t for fmt in formats for t in times[fmt]]
        stats = latency_stats(spent)
        result[name] = {
            "images": len(ok),
            "read": sum(ok),
            "share": round(sum(ok) / len(ok), 4),
            "mean_ms": stats["mean_ms"],
            "p95_ms": round(_p95(spent), 3),
        }
    return result


def _p95(seconds: Sequence[float]) -> float:
    values = sorted(s * 1000 for s in seconds)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def make_frames(samples: Sequence[Sample], seed: int = 7) -> list[tuple[str, np.ndarray]]:
    """1280x720 BGR frames: each dev image on a grey canvas at a random place, plus 10 empty
    (flat grey, black) and 10 noise frames."""
    rng = np.random.default_rng(seed)
    height, width = FRAME_SIZE
    frames: list[tuple[str, np.ndarray]] = []
    for sample in samples:
        image = (
            sample.image
            if sample.image.ndim == 3
            else cv2.cvtColor(sample.image, cv2.COLOR_GRAY2BGR)
        )
        factor = min(1.0, (width - 40) / image.shape[1], (height - 40) / image.shape[0])
        if factor < 1:
            image = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        canvas = np.full((height, width, 3), 150, np.uint8)
        y = int(rng.integers(0, height - image.shape[0] + 1))
        x = int(rng.integers(0, width - image.shape[1] + 1))
        canvas[y : y + image.shape[0], x : x + image.shape[1]] = image[:, :, :3]
        frames.append((sample.expected, canvas))
    for index in range(10):
        frames.append(("", np.full((height, width, 3), 150 if index % 2 else 0, np.uint8)))
        frames.append(("", rng.integers(0, 256, (height, width, 3), dtype=np.uint8)))
    return frames


def _time_frames(decoder: Decoder, frames: Sequence[tuple[str, np.ndarray]]) -> Result:
    times: list[float] = []
    cpu: list[float] = []
    empty: list[float] = []
    read = with_code = 0
    for expected, frame in frames:
        started, started_cpu = time.perf_counter(), time.process_time()
        codes = decoder.decode_frame(frame)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if expected:
            with_code += 1
            read += any(code.text == expected for code in codes)
        else:
            empty.append(times[-1])
    stats = latency_stats(times)
    return {
        "frames": len(frames),
        "frames_with_code": with_code,
        "read": read,
        "share": round(read / with_code, 4),
        **stats,
        "p95_ms": round(_p95(times), 3),
        "fps_mean": round(1000 / stats["mean_ms"], 1),
        "fps_p95": round(1000 / _p95(times), 1),
        "empty_and_noise": latency_stats(empty),
        "cpu_per_wall": round(sum(cpu) / sum(times), 2),
    }


@contextmanager
def one_core() -> Iterator[None]:
    """Pin this process to one CPU and OpenCV to one thread, as the budget says; then undo it."""
    threads = cv2.getNumThreads()
    cv2.setNumThreads(1)
    pinned = hasattr(os, "sched_setaffinity")
    if pinned:
        cpus = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(cpus)})
    try:
        yield
    finally:
        cv2.setNumThreads(threads)
        if pinned:
            os.sched_setaffinity(0, cpus)


def run() -> Result:
    """Score every engine and the pipeline; also write ``benchmarks/results/decoding.json``."""
    samples = load_dev_set()
    print(f"{NAME}: {len(samples)} dev images, pyzbar, zxing-cpp and the pipeline ...")
    decoder = Decoder()
    zbar, zxing = ZbarEngine(), ZxingEngine()
    readers: dict[str, Callable[[np.ndarray], list[Code]]] = {
        "pyzbar": lambda image: zbar.read(to_grey(image)),
        "zxing-cpp": lambda image: zxing.read(to_grey(image)),
        "pipeline": decoder.decode,
    }
    frames = make_frames(samples)
    with one_core():
        for read in readers.values():  # untimed: load the libraries, warm caches
            read(samples[0].image)
        engines = {name: _score(samples, read) for name, read in readers.items()}
        decoder.decode_frame(frames[0][1])
        frame_times = _time_frames(decoder, frames)
    result: Result = {
        "dataset": str(DATASET),
        "frame_budget_ms": round(FRAME_BUDGET_MS, 2),
        "engines": engines,
        "frames": frame_times,
        "versions": {
            package: metadata.version(package)
            for package in ("zxing-cpp", "pyzbar", "opencv-python-headless", "pillow")
        },
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


def markdown_table(result: Result) -> str:
    """Per group: share read and time per image for each engine and the pipeline."""
    engines = result["engines"]
    lines = [
        "| format group (images) | " + " | ".join(engines) + " |",
        "| --- |" + " --- |" * len(engines),
    ]
    for group in (*GROUPS, "all"):
        images = engines["pipeline"][group]["images"]
        cells = [
            f"{scores[group]['share']:.1%} · {ms(scores[group]['mean_ms'])} "
            f"(p95 {ms(scores[group]['p95_ms'])})"
            for scores in engines.values()
        ]
        lines.append(f"| {group} ({images}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table_rows(result: Result) -> list[Row]:
    """(what, measured, budget, within budget) rows for the summary table."""
    engines, frames = result["engines"], result["frames"]
    rows: list[Row] = []
    for group in GROUPS:
        mine, zxing = engines["pipeline"][group], engines["zxing-cpp"][group]
        rows.append(
            (
                f"dev set read, {group} ({mine['images']} images)",
                f"pipeline {mine['share']:.1%} · zxing-cpp {zxing['share']:.1%} · pyzbar "
                + f"{engines['pyzbar'][group]['share']:.1%}",
                "> zxing-cpp alone",
                verdict(mine["read"] > zxing["read"]),
            )
        )
    rows.append(
        (
            f"one 1280x720 frame, one core (n={frames['frames']})",
            f"{ms(frames['mean_ms'])} mean ({frames['fps_mean']:.0f} fps) · p95 "
            + f"{ms(frames['p95_ms'])} · max {ms(frames['max_ms'])} · empty/noise frames "
            + f"p50 {ms(frames['empty_and_noise']['p50_ms'])}, "
            + f"max {ms(frames['empty_and_noise']['max_ms'])}",
            f"< {FRAME_BUDGET_MS:.1f} ms (30 fps)",
            verdict(frames["p95_ms"] < FRAME_BUDGET_MS),
        )
    )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    result = run()
    print(markdown_table(result))
    print()
    for what, measured, budget, within in table_rows(result):
        print(f"{what}: {measured}   [budget {budget} {within}]")
    print(f"results: {result['json']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
