"""The period a KPI covers: a range of local calendar days, both ends included.

Its bounds are instants: local midnight of the first day to local midnight after the
last (so "November" is November in the user's zone, daylight saving included).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from models.clock import local_midnight, local_zone
from models.errors import ValidationError
from models.metrics.period_names import PRESETS as PRESETS  # re-exported


@dataclass(frozen=True)
class Period:
    """``start`` to ``end``, local calendar days, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("to", "the period ends before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
        """The instants (UTC) the period starts at and ends before."""
        zone = zone or local_zone()
        return local_midnight(self.start, zone), local_midnight(self.end + timedelta(days=1), zone)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[Period]:
        """The calendar months the period touches, each clipped to the period."""
        out: list[Period] = []
        first = self.start.replace(day=1)
        while first <= self.end:
            last = month_end(first)
            out.append(Period(max(first, self.start), min(last, self.end)))
            first = last + timedelta(days=1)
        return out

    def month_fraction(self) -> float:
        """How many months the period is worth (a whole month 1, a quarter 3, ...)."""
        total = 0.0
        for part in self.months():
            total += part.days / calendar.monthrange(part.start.year, part.start.month)[1]
        return total

    def overlap_days(self, start: date, end: date) -> int:
        first, last = max(start, self.start), min(end, self.end)
        return max(0, (last - first).days + 1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def month_of(day: date) -> Period:
    return Period(day.replace(day=1), month_end(day))


def quarter_of(day: date) -> Period:
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    last = month_end(date(first.year, first.month + 2, 1))
    return Period(first, last)


def year_of(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 31))


def preset(name: str, today: date) -> Period:
    """ "month", "quarter" or "year" containing ``today``."""
    makers = {"month": month_of, "quarter": quarter_of, "year": year_of}
    if name not in makers:
        raise ValidationError("period", f"unknown period {name!r} (month, quarter or year)")
    return makers[name](today)


def months_back(end: date, count: int) -> Period:
    """The ``count`` whole months ending with the month of ``end``."""
    first = end.replace(day=1)
    for _ in range(count - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    return Period(first, month_end(end))


def parse_day(text: str, field: str) -> date:
    """An ISO date (YYYY-MM-DD); anything else is refused with the field's name."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError(
            field, f"{field}: {text!r} is not a date (use YYYY-MM-DD, e.g. 2026-11-01)"
        ) from None


def today_local(now: datetime, zone: tzinfo | None = None) -> date:
    return now.astimezone(zone or local_zone()).date()


def utc(value: datetime) -> datetime:
    return value.astimezone(UTC)
