"""Activity (meetings, calls, e-mails) per week against the targets, and the clients
going cold, by tier.

Weeks are counted from the period's first day (seven local days each; the last may be
shorter), so a week's bar and the target line compare like with like. The average per
week divides by the period's length in weeks (days / 7), never by zero: a period is
at least one day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.entities import WARM_STATUSES
from models.metrics.sql import live_client
from models.metrics.targets import ACTIVITY_KINDS
from models.time_sql import sql_time

_SQL = f"""
SELECT i.kind, CAST((julianday(i.occurred_at) - julianday(:t0)) / 7 AS INTEGER), count(*)
FROM interactions i
WHERE i.kind IN ({", ".join(f"'{k}'" for k in ACTIVITY_KINDS)})
  AND i.occurred_at >= :t0 AND i.occurred_at < :t1
  AND i.deleted_at IS NULL AND {live_client("i.account_id")}
GROUP BY 1, 2
"""


@dataclass(frozen=True)
class Activity:
    """Counts per kind, per kind and week, and the period's length in days."""

    totals: dict[str, int]
    weekly: dict[str, list[int]]
    days: int

    def per_week(self, kind: str) -> float:
        return self.totals.get(kind, 0) * 7 / self.days


#: The same weeks from the kept per-hour counts (migration 0020): an hour counts in the
#: week its start falls in, which is every entry's week when no week starts inside it.
_HOURS_SQL = f"""
SELECT kind, CAST((julianday(hour || ':00:00') - julianday(:t0)) / 7 AS INTEGER), sum(n)
FROM activity_hours
WHERE kind IN ({", ".join(f"'{k}'" for k in ACTIVITY_KINDS)}) AND hour >= :h0 AND hour < :h1
GROUP BY 1, 2
"""


def _hour(at: datetime) -> datetime:
    """The UTC hour ``at`` falls in (its start)."""
    return at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def activity(session: Session, t0: datetime, t1: datetime, days: int) -> Activity:
    """Activity of ``[t0, t1)``: the whole UTC hours inside it from the kept counts; the
    part-hours at its ends, and after a week start that is not on the hour (a zone
    whose offset is not whole hours), from the entries themselves."""
    weeks = max(1, -(-days // 7))
    weekly = {kind: [0] * weeks for kind in ACTIVITY_KINDS}
    totals = dict.fromkeys(ACTIVITY_KINDS, 0)

    def add(kind: str, week: int, count: int) -> None:
        index = min(max(week, 0), weeks - 1)
        weekly[kind][index] += count
        totals[kind] += count

    def scan(start: str, end: str) -> list[Any]:
        """The entries stored between two texts: an instant (the old query's bound)
        or an hour (``YYYY-MM-DD HH``: every entry stored in that hour, whatever its
        text's fraction, is after it, and every entry of an earlier hour before it)."""
        params = {"t0": sql_time(t0), "s": start, "e": end}
        return list(session.execute(text(_SCAN_SQL), params))

    first = _hour(t0) if _hour(t0) == t0 else _hour(t0) + _ONE_HOUR
    last = _hour(t1)
    if first >= last:  # inside one hour
        for kind, week, count in scan(sql_time(t0), sql_time(t1)):
            add(kind, int(week), int(count))
        return Activity(totals, weekly, days)
    params = {"t0": sql_time(t0), "h0": _hour_text(first), "h1": _hour_text(last)}
    for kind, week, count in session.execute(text(_HOURS_SQL), params):
        add(kind, int(week), int(count))
    ends = ((sql_time(t0), _hour_text(first)), (_hour_text(last), sql_time(t1)))
    for start, end in ends:
        for kind, week, count in scan(start, end):
            add(kind, int(week), int(count))
    for k in range(1, weeks):
        edge = t0 + timedelta(days=7 * k)
        hour = _hour(edge)
        if hour == edge or not first <= hour < last:
            continue
        # The hour went to the week of its start; each of its entries goes to its own.
        params = {"t0": sql_time(t0), "h0": _hour_text(hour), "h1": _hour_text(hour + _ONE_HOUR)}
        counted = {kind: int(week) for kind, week, _ in session.execute(text(_HOURS_SQL), params)}
        for kind, week, count in scan(params["h0"], params["h1"]):
            add(kind, int(week), int(count))
            add(kind, counted[kind], -int(count))
    return Activity(totals, weekly, days)


_ONE_HOUR = timedelta(hours=1)
_SCAN_SQL = _SQL.replace(":t0 AND i.occurred_at < :t1", ":s AND i.occurred_at < :e")


def _hour_text(at: datetime) -> str:
    return sql_time(at)[:13]


_NEXT_CADENCE = text(
    "SELECT min(cadence_days) FROM accounts WHERE deleted_at IS NULL AND status = :status "
    "AND cadence_days > :after"
)
_COLD = text(
    "SELECT tier, count(*) FROM accounts WHERE deleted_at IS NULL AND status = :status "
    "AND cadence_days = :cadence AND (last_contact_at < :cut "
    "OR (last_contact_at IS NULL AND created_at < :cut)) GROUP BY tier"
)


def cold_by_tier(session: Session, now: datetime) -> dict[str, int]:
    """Live clients going cold now, per tier: active or prospect clients not contacted
    (or, never contacted, added) longer ago than their cadence (the client list's
    "going cold"). One index range per status and cadence, never a row per client."""
    out = {"A": 0, "B": 0, "C": 0}
    for status in WARM_STATUSES:
        after = -(2**62)
        while True:
            cadence = session.execute(_NEXT_CADENCE, {"status": status, "after": after}).scalar()
            if cadence is None:
                break
            cut = sql_time(now - timedelta(days=int(cadence)))
            params = {"status": status, "cadence": cadence, "cut": cut}
            for tier, count in session.execute(_COLD, params):
                out[str(tier)] = out.get(str(tier), 0) + int(count)
            after = int(cadence)
    return out
