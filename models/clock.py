"""The clock that "now" comes from (the system clock in the app, a settable one in tests),
and the user's local time zone with its real rules.

Time is stored in UTC and shown in local time. "Local" is the machine's zone as the
IANA database describes it (daylight-saving changes included), never the fixed offset
of the moment the app happens to run: an all-day date in July is that July day's local
midnight, whether it was entered in January or in July.
"""

from __future__ import annotations

import time
import warnings
from datetime import UTC, date, datetime, timedelta, tzinfo


class Clock:
    """Tells the current time in UTC. Subclass or use FixedClock to control it."""

    def now(self) -> datetime:
        """Current time, timezone-aware, in UTC."""
        return datetime.now(UTC)


class FixedClock(Clock):
    """A clock that stands still until a test moves it."""

    def __init__(self, at: datetime) -> None:
        self._at = as_utc(at)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = as_utc(at)

    def advance(self, delta: timedelta) -> None:
        self._at += delta


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class SystemZone(tzinfo):
    """The C library's local time (TZ, /etc/localtime), asked per instant.

    Only used when tzlocal cannot name the zone (a POSIX TZ string such as
    ``EST5EDT,M3.2.0,M11.1.0``, conflicting configuration files): the C library still
    applies the zone's daylight-saving rules, unlike ``datetime.now().astimezone()``,
    whose offset is that of one moment.
    """

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(seconds=self._local(dt).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta:
        local = self._local(dt)
        if local.tm_isdst <= 0:
            return timedelta(0)
        return timedelta(seconds=local.tm_gmtoff + time.timezone)

    def tzname(self, dt: datetime | None) -> str:
        return self._local(dt).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        stamp = dt.replace(tzinfo=UTC).timestamp()
        return dt + timedelta(seconds=time.localtime(stamp).tm_gmtoff)

    def _local(self, dt: datetime | None) -> time.struct_time:
        if dt is None:
            return time.localtime()
        naive = dt.replace(tzinfo=None)
        fields = (*naive.timetuple()[:8], -1)  # let mktime decide daylight saving
        try:
            return time.localtime(time.mktime(time.struct_time(fields)))
        except (OverflowError, ValueError):
            return time.localtime()

    def __repr__(self) -> str:
        return "SystemZone()"


_SYSTEM_ZONE = SystemZone()


def local_zone() -> tzinfo:
    """The machine's time zone with its rules: TZ, else /etc/localtime and friends.

    tzlocal names the zone (a ``zoneinfo.ZoneInfo``); where it cannot, the C library's
    own rules answer (``SystemZone``), so a day never shifts with daylight saving.
    """
    try:
        import tzlocal

        with warnings.catch_warnings():  # its "offset differs" notices are not errors here
            warnings.simplefilter("ignore")
            zone: tzinfo = tzlocal.get_localzone()
    except Exception:  # an unknown TZ value, conflicting configuration files, ...
        return _SYSTEM_ZONE
    return zone


def to_local(value: datetime, zone: tzinfo | None = None) -> datetime:
    """An aware instant as the local wall-clock time (with the zone's rules attached)."""
    return value.astimezone(zone or local_zone())


def local_midnight(day: date, zone: tzinfo | None = None) -> datetime:
    """The start of ``day`` in the local zone, as UTC (how an all-day date is stored).

    Where midnight does not exist (a zone whose clocks skip it), the day starts at the
    first local moment after the gap.
    """
    return datetime(day.year, day.month, day.day, tzinfo=zone or local_zone()).astimezone(UTC)
