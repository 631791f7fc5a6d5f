"""Deals won and lost: each counted once, at its latest close.

A deal counts as won (lost) at the time of its latest move into its current stage
when that stage is won (lost): a reopened deal counts by its latest close only, and a
deal reopened and still open counts as neither. That time is in the stage history;
the one write path (models/services/deals.py) copies it onto the deal as
``closed_at`` in the same unit of work as the history row (and clears it on a
reopen), so the figures read the copy through a covering index, never the history
row by row (a test checks the copy against the history, deal by deal). Deals and
clients in Trash do not count. Everything is one SQL aggregate per call, grouped by
time bucket, stage and currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.metrics.sql import exact_sum, joined, live_client
from models.time_sql import sql_time

#: The live closes of ``[t0, t1)``: ``d`` is the deal, ``d.closed_at`` its latest close.
#: (``+d.stage``: the range on closed_at picks the index, not the stage; measured by
#: bench/kpis.py, the stage index read every closed deal's row.)
CLOSE_FROM = f"""
FROM deals d
WHERE d.closed_at >= :t0 AND d.closed_at < :t1
  AND +d.stage IN ('won', 'lost') AND d.deleted_at IS NULL AND {live_client("d.account_id")}
"""

#: Days from the deal's creation to its close (never below zero).
CYCLE_DAYS = "max(0.0, julianday(d.closed_at) - julianday(d.created_at))"


@dataclass
class CloseTotals:
    """Won and lost deals of one time bucket."""

    won: int = 0
    lost: int = 0
    won_minor: dict[str, int] = field(default_factory=dict)
    won_count: dict[str, int] = field(default_factory=dict)
    cycle_days_sum: float = 0.0

    @property
    def closed(self) -> int:
        return self.won + self.lost

    @property
    def win_rate(self) -> float | None:
        return self.won / self.closed if self.closed else None

    @property
    def average_cycle_days(self) -> float | None:
        return self.cycle_days_sum / self.won if self.won else None

    def average_deal_minor(self) -> dict[str, int]:
        """Won amount / won deals, per currency (rounded to a minor unit)."""
        return {cur: round(total / self.won_count[cur]) for cur, total in self.won_minor.items()}


def bucket_expr(edges: Sequence[datetime]) -> tuple[str, dict[str, Any]]:
    """A SQL CASE numbering the bucket of ``d.closed_at`` between consecutive ``edges``."""
    params: dict[str, Any] = {}
    whens = []
    for i, edge in enumerate(edges[1:-1], start=1):
        params[f"e{i}"] = sql_time(edge)
        whens.append(f"WHEN d.closed_at < :e{i} THEN {i - 1}")
    if not whens:
        return "0", params
    return f"CASE {' '.join(whens)} ELSE {len(edges) - 2} END", params


def closes_by_bucket(session: Session, edges: Sequence[datetime]) -> list[CloseTotals]:
    """Won/lost totals between each pair of consecutive ``edges`` (instants, ascending)."""
    bucket, params = bucket_expr(edges)
    params.update(t0=sql_time(edges[0]), t1=sql_time(edges[-1]))
    sql = f"""
        SELECT {bucket} AS bucket, d.stage, d.currency, count(*),
               {exact_sum("d.amount_minor")}, sum({CYCLE_DAYS})
        {CLOSE_FROM}
        GROUP BY 1, 2, 3
    """
    out = [CloseTotals() for _ in range(len(edges) - 1)]
    for index, stage, currency, count, hi, lo, cycle in session.execute(text(sql), params):
        totals = out[int(index)]
        amount = joined(hi, lo)
        if stage == "won":
            totals.won += int(count)
            totals.won_minor[currency] = totals.won_minor.get(currency, 0) + amount
            totals.won_count[currency] = totals.won_count.get(currency, 0) + int(count)
            totals.cycle_days_sum += float(cycle or 0.0)
        else:
            totals.lost += int(count)
    return out


def merged(
    buckets: Sequence[CloseTotals], edges: Sequence[datetime], start: datetime, end: datetime
) -> CloseTotals:
    """The totals of the buckets between ``start`` and ``end`` (two of the ``edges``)."""
    out = CloseTotals()
    for i, totals in enumerate(buckets):
        if start <= edges[i] and edges[i + 1] <= end:
            out.won += totals.won
            out.lost += totals.lost
            out.cycle_days_sum += totals.cycle_days_sum
            for cur, amount in totals.won_minor.items():
                out.won_minor[cur] = out.won_minor.get(cur, 0) + amount
                out.won_count[cur] = out.won_count.get(cur, 0) + totals.won_count[cur]
    return out
