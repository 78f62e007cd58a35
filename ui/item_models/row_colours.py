"""Row backgrounds shared by the receiving tables (light, so black text stays readable)."""

from PySide6.QtGui import QBrush, QColor

COMPLETE = QBrush(QColor("#d7f0d9"))
"""A line whose expected units have all arrived, a unit that matches."""
ATTENTION = QBrush(QColor("#ffe7b3"))
"""A line still missing units, a unit that does not match the RMA."""
TEXT = QBrush(QColor("#1a1a1a"))
"""Text on the coloured rows, dark whatever the desktop theme."""
