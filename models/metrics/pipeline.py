"""The open pipeline now, per currency: deals not won or lost, their amount, their
probability-weighted amount (each deal's own probability), and the part expected to
close in a period (what the forecast adds to the won amount).

Sums are exact (:mod:`models.metrics.sql`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.metrics.period import Period
from models.metrics.sql import exact_sum, joined, live_client

_CLOSING = "(d.expected_close IS NOT NULL AND d.expected_close BETWEEN :s AND :e)"

_SQL = f"""
SELECT d.currency, count(*),
       {exact_sum("d.amount_minor")},
       {exact_sum("d.amount_minor", "d.probability")},
       sum({_CLOSING}),
       {exact_sum("d.amount_minor", f"d.probability * {_CLOSING}")}
FROM deals d
WHERE d.stage IN ('lead', 'qualified', 'demo', 'proposal', 'negotiation')
  AND d.deleted_at IS NULL AND {live_client("d.account_id")}
GROUP BY d.currency
"""


@dataclass
class Pipeline:
    """Open deals per currency; weighted sums are rounded to a minor unit."""

    open_count: dict[str, int] = field(default_factory=dict)
    open_minor: dict[str, int] = field(default_factory=dict)
    weighted_minor: dict[str, int] = field(default_factory=dict)
    closing_count: dict[str, int] = field(default_factory=dict)
    closing_weighted_minor: dict[str, int] = field(default_factory=dict)

    @property
    def deals(self) -> int:
        return sum(self.open_count.values())


def _percent(total: int) -> int:
    """``total`` (amount x percent) as an amount, rounded half up."""
    return (total + 50) // 100


def pipeline(session: Session, period: Period) -> Pipeline:
    out = Pipeline()
    params = {"s": period.start.isoformat(), "e": period.end.isoformat()}
    for row in session.execute(text(_SQL), params):
        cur = str(row[0])
        out.open_count[cur] = int(row[1])
        out.open_minor[cur] = joined(row[2], row[3])
        out.weighted_minor[cur] = _percent(joined(row[4], row[5]))
        out.closing_count[cur] = int(row[6] or 0)
        out.closing_weighted_minor[cur] = _percent(joined(row[7], row[8]))
    return out
