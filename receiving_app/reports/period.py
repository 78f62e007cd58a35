"""The period a report covers: whole days of the dock's local calendar, both ends included."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

#: The longest period one report covers (a year, leap day included).
MAX_DAYS = 366

NOT_A_DATE = QT_TRANSLATE_NOOP("Error", "{text} is not a date: write it as YYYY-MM-DD.")
ENDS_BEFORE_START = QT_TRANSLATE_NOOP(
    "Error", "The period ends ({end}) before it starts ({start}): swap the two dates."
)
TOO_LONG = QT_TRANSLATE_NOOP(
    "Error",
    "The period from {start} to {end} is {days} days long; a report covers at most {limit} days: "
    "make it shorter.",
)


@dataclass(frozen=True)
class ReportPeriod:
    """From ``start`` to ``end``, both whole days included, in the dock's local time.

    Times are stored naive and local (see :mod:`receiving_app.clock`), so a day is simply
    ``[day 00:00, next day 00:00)`` of the stored times.
    """

    start: datetime.date
    end: datetime.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def begins_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.start, datetime.time.min)

    @property
    def ends_before(self) -> datetime.datetime:
        """The first moment after the period (exclusive bound)."""
        return datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min)

    def each_day(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=offset) for offset in range(self.days)]


def parse_day(text: str) -> datetime.date:
    """A date written ``YYYY-MM-DD``.

    Raises:
        InvalidInput: ``text`` is not such a date.
    """
    try:
        if len(text.strip()) != len("YYYY-MM-DD"):
            raise ValueError(text)
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(NOT_A_DATE, text=repr(text[:40])) from None


def report_period(start: datetime.date, end: datetime.date) -> ReportPeriod:
    """The period from ``start`` to ``end`` inclusive, checked.

    Raises:
        InvalidInput: ``end`` is before ``start``, or the period is longer than :data:`MAX_DAYS`.
    """
    if end < start:
        raise InvalidInput(ENDS_BEFORE_START, start=start.isoformat(), end=end.isoformat())
    period = ReportPeriod(start, end)
    if period.days > MAX_DAYS:
        raise InvalidInput(
            TOO_LONG,
            start=start.isoformat(),
            end=end.isoformat(),
            days=period.days,
            limit=MAX_DAYS,
        )
    return period


__all__ = [
    "ENDS_BEFORE_START",
    "MAX_DAYS",
    "NOT_A_DATE",
    "TOO_LONG",
    "ReportPeriod",
    "parse_day",
    "report_period",
]


def add_period_arguments(
    command: argparse.ArgumentParser,
    formats: tuple[str, ...],
    format_help: str,
    t: Callable[[str], str],
) -> None:
    """``--from``, ``--to``, ``--format`` (one of ``formats``) and ``-o FILE``: what every
    command writing a period's file takes (``args.start``, ``end``, ``file_format``, ``output``)."""
    command.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar="YYYY-MM-DD",
        help=t(QT_TRANSLATE_NOOP("CLI", "the period's first day (the dock's local date)")),
    )
    command.add_argument(
        "--to",
        dest="end",
        required=True,
        metavar="YYYY-MM-DD",
        help=t(QT_TRANSLATE_NOOP("CLI", "the period's last day, included (at most 366 days)")),
    )
    command.add_argument("--format", dest="file_format", choices=formats, help=format_help)
    command.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("CLI", "the file to write (replaced if it exists)")),
    )
