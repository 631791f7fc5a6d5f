"""All the KPI dashboard's figures for one period, in one read transaction.

Definitions (also shown in the window and printed by ``kpis``):

- won / lost: deals whose latest close (from the stage history) falls in the period;
- win rate: won / (won + lost), none when nothing closed;
- average deal size: won amount / won deals, per currency;
- average sales cycle: days from a won deal's creation to its win;
- pipeline velocity per day: open deals x win rate x average deal size / average
  sales cycle, per currency (open deals of that currency);
- quota attainment: won amount / quota, per quota currency;
- forecast: won amount + the weighted amount of open deals expected to close in the
  period.

Amounts are never summed across currencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from models.clock import local_zone
from models.metrics.activity import Activity, activity, cold_by_tier
from models.metrics.closes import CloseTotals, closes_by_bucket, merged
from models.metrics.commission import Earnings, earnings
from models.metrics.funnel import Funnel, funnel
from models.metrics.period import Period, months_back
from models.metrics.pipeline import Pipeline, pipeline
from models.metrics.targets import Plan, activity_targets, plan, quota_for
from models.store import Store

VELOCITY_DEFINITION = "open deals x win rate x average deal size / average sales cycle (days)"


@dataclass(frozen=True)
class TrendPoint:
    """One month of the trend: won and quota per currency."""

    month: Period
    won_minor: dict[str, int]
    quota_minor: dict[str, int]


@dataclass(frozen=True)
class Kpis:
    period: Period
    closes: CloseTotals
    pipeline: Pipeline
    quota_minor: dict[str, int]
    funnel: Funnel
    activity: Activity
    activity_targets: dict[str, int]
    cold_by_tier: dict[str, int]
    plan: Plan | None
    trend: tuple[TrendPoint, ...]

    @property
    def win_rate(self) -> float | None:
        return self.closes.win_rate

    @property
    def average_cycle_days(self) -> float | None:
        return self.closes.average_cycle_days

    @property
    def average_deal_minor(self) -> dict[str, int]:
        return self.closes.average_deal_minor()

    @property
    def quota_attainment(self) -> dict[str, float]:
        """Won / quota for each currency with a quota above zero."""
        won = self.closes.won_minor
        return {cur: won.get(cur, 0) / q for cur, q in self.quota_minor.items() if q > 0}

    @property
    def forecast_minor(self) -> dict[str, int]:
        won, closing = self.closes.won_minor, self.pipeline.closing_weighted_minor
        return {
            cur: won.get(cur, 0) + closing.get(cur, 0)
            for cur in sorted({*won, *closing})
            if won.get(cur) or closing.get(cur)
        }

    @property
    def velocity_minor_per_day(self) -> dict[str, float]:
        """Per currency with both open deals and won deals; empty when undefined."""
        rate, cycle = self.win_rate, self.average_cycle_days
        if rate is None or not cycle:
            return {}
        sizes = self.average_deal_minor
        return {
            cur: count * rate * sizes[cur] / cycle
            for cur, count in self.pipeline.open_count.items()
            if cur in sizes
        }

    @property
    def earnings(self) -> Earnings | None:
        if self.plan is None:
            return None
        cur = self.plan.currency
        return earnings(
            self.plan,
            self.closes.won_minor.get(cur, 0),
            self.pipeline.closing_weighted_minor.get(cur, 0),
            self.quota_minor.get(cur),
            self.period.month_fraction(),
        )


def trend_months(period: Period) -> list[Period]:
    """The months the trend chart shows: the period's when it spans six or more,
    else the six months ending with it."""
    months = period.months()
    return months if len(months) >= 6 else months_back(period.end, 6).months()


def compute(
    store: Store, period: Period, *, now: datetime | None = None, zone: tzinfo | None = None
) -> Kpis:
    """Every figure of ``period`` (local days in ``zone``), as of ``now``."""
    zone = zone or local_zone()
    now = now or store.clock.now()
    t0, t1 = period.bounds(zone)
    months = trend_months(period)
    month_edges = [m.bounds(zone)[0] for m in months] + [months[-1].bounds(zone)[1]]
    # One pass over the closes for both the period and the trend's months.
    edges = sorted({*month_edges, t0, t1})
    with store.read() as s:
        buckets = closes_by_bucket(s, edges)
        totals = merged(buckets, edges, t0, t1)
        trend = tuple(
            TrendPoint(
                month,
                merged(buckets, edges, month_edges[i], month_edges[i + 1]).won_minor,
                quota_for(s, month),
            )
            for i, month in enumerate(months)
        )
        return Kpis(
            period=period,
            closes=totals,
            pipeline=pipeline(s, period),
            quota_minor=quota_for(s, period),
            funnel=funnel(s, t0, t1),
            activity=activity(s, t0, t1, period.days),
            activity_targets=activity_targets(s),
            cold_by_tier=cold_by_tier(s, now),
            plan=plan(s),
            trend=trend,
        )
