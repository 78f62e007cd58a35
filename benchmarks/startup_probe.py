"""Start the app as ``receiving-app`` does and report when it is ready to scan (one JSON line).

Run by ``benchmarks.startup`` in a fresh process: ``python -m benchmarks.startup_probe --db URL``.
Ready means: the scan field ``scanInput`` has the keyboard focus and the event loop has nothing
left to do (its dispatcher is about to block, waiting for input). Then the app is told to quit.
"""

import sys
import time

STARTED = time.perf_counter()  # before anything of Qt or the app is imported


def main() -> int:
    import json

    from PySide6.QtCore import QAbstractEventDispatcher
    from PySide6.QtWidgets import QApplication

    qt_imported = time.perf_counter()
    # What ui.app.run_gui would create itself; made here only so the probe can watch the loop.
    app = QApplication([sys.argv[0]])
    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is None:
        print(json.dumps({"error": "no event dispatcher"}), flush=True)
        return 1
    reported = False

    def on_idle() -> None:
        nonlocal reported
        modal = QApplication.activeModalWidget()
        if modal is not None and not reported:
            # A start-up error box (or any dialog): the app is not ready, and never will be.
            reported = True
            text = modal.property("text") or modal.windowTitle()
            print(json.dumps({"error": f"a dialog opened instead: {text}"}), flush=True)
            modal.close()
            return
        widget = QApplication.focusWidget()
        if reported or widget is None or widget.objectName() != "scanInput":
            return
        if not widget.isVisible() or not widget.isEnabled():
            return
        ready = time.perf_counter()
        reported = True
        print(
            json.dumps(
                {
                    "ready_s": ready - STARTED,
                    "qt_imported_s": qt_imported - STARTED,
                    "none_refcount": sys.getrefcount(None),
                }
            ),
            flush=True,
        )
        app.quit()

    dispatcher.aboutToBlock.connect(on_idle)
    from receiving_app.__main__ import main as app_main

    code = app_main(sys.argv[1:])
    if not reported:
        print(json.dumps({"error": f"the app exited with {code} before it was ready"}), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
