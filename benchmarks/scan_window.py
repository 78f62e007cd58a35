"""The main window under test, and timed scans through its scan field.

Each scan: the code is put into ``scanInput`` (not timed), pending events are flushed, then
``QTest.keyClick(Return)`` is timed. That call returns when the synchronous slot has run:
the core committed the scan, and ``scanFeedback`` holds the new text and ``outcome``
property. The time until the queued repaint has also run is kept beside it ("painted").
Used by ``benchmarks.scan_latency``.
"""

from __future__ import annotations

import cProfile
import gc
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from benchmarks.refcount_guard import RefcountGuard
from benchmarks.scan_plan import PlannedScan
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext
from receiving_app.outcomes import ScanOutcome
from ui import assets
from ui.main_window import MainWindow
from ui.sounds import OutcomeSounds

if TYPE_CHECKING:  # scan_profile imports this module
    from benchmarks.scan_profile import SqlTrace

SECONDS_BETWEEN_SCANS = 3
"""The benchmark clock moves on this much before each scan, like a worker handling units;
more than the desk's double-read window, so a second unit of a product is a unit, not a
repeat."""


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


def scan_parcels(
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
