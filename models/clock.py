"""The clock that "now" comes from: the system clock in the app, a settable one in tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


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
