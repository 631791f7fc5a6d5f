"""Quotas, the commission plan and the weekly activity targets, as the metrics read them.

A quota covers its own period (a month or a quarter); the quota of any other period is
the sum of the quotas it overlaps, each counted by the share of its days inside the
period (a month of a quarterly quota is a third of it, give or take the days). Quotas
never overlap each other in one currency (the services refuse it), so nothing counts
twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import ActivityTarget, CommissionPlan, Quota
from models.metrics.period import Period

#: The interaction kinds counted as activity, in the order the dashboard shows them.
ACTIVITY_KINDS = ("meeting", "call", "email")


@dataclass(frozen=True)
class QuotaRow:
    id: str
    period_start: date
    period_end: date
    amount_minor: int
    currency: str


@dataclass(frozen=True)
class Plan:
    """The commission plan: ``tiers`` as ((attainment percent, rate in basis points), ...)."""

    currency: str
    base_minor: int
    rate_bp: int
    tiers: tuple[tuple[int, int], ...] = ()
    id: str = ""


def quotas(session: Session) -> list[QuotaRow]:
    """Every live quota, oldest period first."""
    rows = session.execute(
        select(Quota.id, Quota.period_start, Quota.period_end, Quota.amount_minor, Quota.currency)
        .where(Quota.deleted_at.is_(None))
        .order_by(Quota.period_start, Quota.currency)
    )
    return [QuotaRow(*r) for r in rows]


def quota_for(session: Session, period: Period) -> dict[str, int]:
    """The quota of ``period`` per currency (empty: no quota touches it)."""
    out: dict[str, float] = {}
    stmt = select(Quota.period_start, Quota.period_end, Quota.amount_minor, Quota.currency).where(
        Quota.deleted_at.is_(None),
        Quota.period_start <= period.end,
        Quota.period_end >= period.start,
    )
    for start, end, amount, currency in session.execute(stmt):
        whole = (end - start).days + 1
        out[currency] = out.get(currency, 0.0) + amount * period.overlap_days(start, end) / whole
    return {cur: round(value) for cur, value in out.items()}


def plan(session: Session) -> Plan | None:
    """The commission plan (the newest live one), or None."""
    row = session.scalars(
        select(CommissionPlan)
        .where(CommissionPlan.deleted_at.is_(None))
        .order_by(CommissionPlan.updated_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    tiers = tuple(sorted((int(t[0]), int(t[1])) for t in row.tiers or []))
    return Plan(row.currency, row.base_minor, row.rate_bp, tiers, row.id)


def activity_targets(session: Session) -> dict[str, int]:
    """Per-week target by kind (kinds without a target are absent)."""
    rows = session.execute(
        select(ActivityTarget.kind, ActivityTarget.per_week).where(
            ActivityTarget.deleted_at.is_(None)
        )
    )
    return {kind: int(per_week) for kind, per_week in rows if per_week > 0}
