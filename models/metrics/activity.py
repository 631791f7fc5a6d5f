"""Activity (meetings, calls, e-mails) per week against the targets, and the clients
going cold, by tier.

Weeks are counted from the period's first day (seven local days each; the last may be
shorter), so a week's bar and the target line compare like with like. The average per
week divides by the period's length in weeks (days / 7), never by zero: a period is
at least one day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.metrics.sql import live_client
from models.metrics.targets import ACTIVITY_KINDS
from models.queries.clients import WARM_STATUSES
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
