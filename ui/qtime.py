"""Python dates and times to Qt's and back, in one place (the editors of the dialogs,
the snooze picker and the quick-capture preview)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from typing import cast

from PySide6.QtCore import QDate, QDateTime, QTime

from models.clock import local_zone, to_local


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_qdatetime(value: datetime) -> QDateTime:
    """The wall-clock time of ``value`` (as it stands, in its own zone) as a QDateTime."""
    return QDateTime(qdate(value.date()), QTime(value.hour, value.minute, value.second))


def qdatetime(value: datetime) -> QDateTime:
    """An aware datetime shown in the system's local time."""
    return to_qdatetime(to_local(value))


def from_qdatetime(value: QDateTime, tz: tzinfo | None) -> datetime:
    """A QDateTime's wall-clock time (to the minute), in the time zone ``tz``."""
    d, t = value.date(), value.time()
    return datetime.combine(date(d.year(), d.month(), d.day()), time(t.hour(), t.minute()), tz)


def to_utc(value: QDateTime) -> datetime:
    """A QDateTime in local time, as an aware UTC datetime."""
    wall = cast(datetime, value.toPython())
    if wall.tzinfo is None:  # local wall-clock time, with that day's offset
        wall = wall.replace(tzinfo=local_zone())
    return wall.astimezone(UTC)
