"""Guard against a Qt for Python build that loses references to None on every call.

PySide6 6.12.0 on Python 3.11 decrements None's reference count on each Qt method that
returns nothing; a station aborted with "none_dealloc" after about 450 scans.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_qt_calls_keep_none_alive(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
        label.update()
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"{lost} references to None lost in 4000 Qt calls"
