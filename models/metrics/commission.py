"""Commission: what a won amount earns under the plan, and what the open pipeline
would add if it closed as weighted.

The plan's rate applies to the won amount up to the first accelerator; each tier
``(percent, rate)`` applies its rate to the part of the won amount above ``percent``
of the quota (marginal, like tax brackets). Without a quota the plan's rate applies to
everything. Only amounts in the plan's currency count: currencies are never converted.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.metrics.targets import Plan

BASIS = 10_000


def commission_minor(won_minor: int, quota_minor: int | None, plan: Plan) -> int:
    """The commission on ``won_minor`` (minor units of the plan's currency)."""
    if won_minor <= 0:
        return 0
    steps: list[tuple[float, int]] = [(0.0, plan.rate_bp)]
    if quota_minor:
        steps += [(quota_minor * pct / 100, rate) for pct, rate in plan.tiers]
    steps.sort()
    total = 0.0
    for i, (floor, rate) in enumerate(steps):
        ceiling = steps[i + 1][0] if i + 1 < len(steps) else float(won_minor)
        part = min(float(won_minor), ceiling) - floor
        if part > 0:
            total += part * rate / BASIS
    return round(total)


@dataclass(frozen=True)
class Earnings:
    """Earnings of a period, minor units of ``currency``."""

    currency: str
    base_minor: int
    commission_minor: int
    pipeline_adds_minor: int

    @property
    def total_minor(self) -> int:
        return self.base_minor + self.commission_minor


def earnings(
    plan: Plan, won_minor: int, weighted_open_minor: int, quota_minor: int | None, months: float
) -> Earnings:
    """Base for ``months`` months, commission on ``won_minor``, and what
    ``weighted_open_minor`` more won would add to the commission."""
    earned = commission_minor(won_minor, quota_minor, plan)
    would = commission_minor(won_minor + weighted_open_minor, quota_minor, plan)
    return Earnings(plan.currency, round(plan.base_minor * months), earned, would - earned)
