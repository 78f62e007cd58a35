"""Converting days between Python's ``datetime.date`` and Qt's ``QDate`` (for date edits)."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate


def to_qdate(day: datetime.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> datetime.date:
    return datetime.date(day.year(), day.month(), day.day())
