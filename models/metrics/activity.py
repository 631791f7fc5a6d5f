"""Activity (meetings, calls, e-mails) per week against the targets, and the clients
going cold, by tier.

Weeks are counted from the period's first day (seven local days each; the last may be
shorter), so a week's bar and the target line compare like with like. The average per
week divides by the period's length in weeks (days / 7), never by zero: a period is
at least one day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models.entities import Account
from models.metrics.targets import ACTIVITY_KINDS
from models.queries.clients import going_cold_expr
from models.time_sql import sql_time

_SQL = f"""
SELECT i.kind, CAST((julianday(i.occurred_at) - julianday(:t0)) / 7 AS INTEGER), count(*)
FROM interactions i JOIN accounts a ON a.id = i.account_id
WHERE i.kind IN ({", ".join(f"'{k}'" for k in ACTIVITY_KINDS)})
  AND i.occurred_at >= :t0 AND i.occurred_at < :t1
  AND i.deleted_at IS NULL AND a.deleted_at IS NULL
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


def activity(session: Session, t0: datetime, t1: datetime, days: int) -> Activity:
    weeks = max(1, -(-days // 7))
    weekly = {kind: [0] * weeks for kind in ACTIVITY_KINDS}
    totals = dict.fromkeys(ACTIVITY_KINDS, 0)
    params = {"t0": sql_time(t0), "t1": sql_time(t1)}
    for kind, week, count in session.execute(text(_SQL), params):
        index = min(max(int(week), 0), weeks - 1)
        weekly[kind][index] += int(count)
        totals[kind] += int(count)
    return Activity(totals, weekly, days)


def cold_by_tier(session: Session, now: datetime) -> dict[str, int]:
    """Live clients going cold now (not contacted for longer than their cadence), per tier."""
    stmt = (
        select(Account.tier, func.count())
        .where(Account.deleted_at.is_(None), going_cold_expr(now))
        .group_by(Account.tier)
    )
    out = {"A": 0, "B": 0, "C": 0}
    for tier, count in session.execute(stmt):
        out[str(tier)] = out.get(str(tier), 0) + int(count)
    return out
