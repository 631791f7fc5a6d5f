"""Times as SQLAlchemy stores them (text), for date arithmetic inside SQL."""

from __future__ import annotations

from datetime import UTC, datetime


def sql_time(value: datetime) -> str:
    """A UTC time in the text form SQLAlchemy stores, for SQL-side comparisons."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
