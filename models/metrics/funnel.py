"""Stage-to-stage conversion of the deals created in a period.

Each deal created in the period (live, of a live client) reaches the furthest open
stage its history shows up to the period's end; it reaches *won* when it is won now
and its history shows the win by the period's end. Every deal reaches *lead*.

A skipped stage is handled explicitly: a deal that went from lead straight to proposal
counts as having passed qualified and demo (the funnel never rises, no conversion
exceeds 100%), and the stages it jumped over count it in ``skipped``, so the dashboard
can say how many passed a stage without stopping there. Lost deals count up to the
furthest stage they reached before they were lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.metrics.sql import live_client
from models.time_sql import sql_time

#: The funnel, in order (lost is not a step of it).
FUNNEL = ("lead", "qualified", "demo", "proposal", "negotiation", "won")
_RANK = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(FUNNEL[:-1]))
_BIT = " ".join(f"WHEN '{s}' THEN {1 << i}" for i, s in enumerate(FUNNEL))

_PER_DEAL = f"""
    SELECT d.id AS id,
           coalesce(max(CASE c.to_stage {_RANK} ELSE -1 END), -1) AS top,
           coalesce(sum(DISTINCT CASE c.to_stage {_BIT} ELSE 0 END), 0) AS mask,
           coalesce(max(c.to_stage = 'won'), 0) AS won_by_end,
           d.stage AS stage
    FROM deals d
    LEFT JOIN deal_stage_changes c
           ON c.deal_id = d.id AND c.deleted_at IS NULL AND c.changed_at < :t1
    WHERE d.created_at >= :t0 AND d.created_at < :t1
      AND d.deleted_at IS NULL AND {live_client("d.account_id")}
    GROUP BY d.id
"""

_SQL = f"SELECT top, mask, won_by_end, stage, count(*) FROM ({_PER_DEAL}) GROUP BY 1, 2, 3, 4"

_MOVED = _PER_DEAL.replace(
    "GROUP BY d.id",
    "AND d.id IN (SELECT deal_id FROM deal_funnel WHERE last_change >= :t1)\n    GROUP BY d.id",
)
assert _MOVED != _PER_DEAL

#: The same from each deal's kept row (``deal_funnel``, migration 0020: its whole history
#: folded), for the deals not moved since the period's end; the others (few, and none
#: for a period that has not ended) have their history read move by move.
_KEPT = f"""
SELECT top, mask, won_by_end, stage, count(*) FROM (
    SELECT coalesce(f.top, -1) AS top, coalesce(f.mask, 0) AS mask,
           coalesce(f.won, 0) AS won_by_end, d.stage AS stage
    FROM deals d INDEXED BY ix_deals_created
    LEFT JOIN deal_funnel f ON f.deal_id = d.id
    WHERE d.created_at >= :t0 AND d.created_at < :t1
      AND d.deleted_at IS NULL AND {live_client("d.account_id")}
      AND (f.last_change IS NULL OR f.last_change < :t1)
    UNION ALL
    SELECT top, mask, won_by_end, stage FROM ({_MOVED})
)
GROUP BY 1, 2, 3, 4
"""


def cohort_sql() -> str:
    """Each deal of the cohort with ``furthest``, the index in FUNNEL it reached (the
    same rule as :func:`furthest`, in SQL)."""
    won = len(FUNNEL) - 1
    return (
        f"SELECT id, CASE WHEN won_by_end AND stage = 'won' THEN {won} "
        f"ELSE max(top, 0) END AS furthest FROM ({_PER_DEAL})"
    )


@dataclass(frozen=True)
class Step:
    """One step of the funnel: from ``stage`` to the next one."""

    stage: str
    next_stage: str
    reached: int
    reached_next: int
    skipped_next: int

    @property
    def rate(self) -> float | None:
        return self.reached_next / self.reached if self.reached else None


@dataclass(frozen=True)
class Funnel:
    reached: dict[str, int]
    skipped: dict[str, int]
    steps: tuple[Step, ...]

    @property
    def lead_to_won(self) -> float | None:
        lead = self.reached["lead"]
        return self.reached["won"] / lead if lead else None


def furthest(top: int, won_by_end: bool, stage: str) -> int:
    """The furthest funnel step (index in FUNNEL) a deal reached."""
    if won_by_end and stage == "won":
        return len(FUNNEL) - 1
    return max(top, 0)


def funnel(session: Session, t0: datetime, t1: datetime) -> Funnel:
    reached = dict.fromkeys(FUNNEL, 0)
    skipped = dict.fromkeys(FUNNEL, 0)
    params = {"t0": sql_time(t0), "t1": sql_time(t1)}
    for top, mask, won_by_end, stage, count in session.execute(text(_KEPT), params):
        far = furthest(int(top), bool(won_by_end), str(stage))
        for i in range(far + 1):
            reached[FUNNEL[i]] += int(count)
            if not int(mask) & (1 << i):
                skipped[FUNNEL[i]] += int(count)
    steps = tuple(Step(a, b, reached[a], reached[b], skipped[b]) for a, b in pairwise(FUNNEL))
    return Funnel(reached, skipped, steps)
