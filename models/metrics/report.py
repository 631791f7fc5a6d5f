"""The KPIs as one JSON-ready object (what ``python main.py kpis`` prints).

Amounts are strings in the export's units, per currency; ratios are floats rounded to
four places; a figure that cannot be computed (nothing closed, no quota) is ``null``.
"""

from __future__ import annotations

from typing import Any

from models.metrics.kpis import VELOCITY_DEFINITION, Kpis
from models.metrics.money import major_units, per_currency


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _days(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def as_json(k: Kpis) -> dict[str, Any]:
    attainment = {cur: round(v, 4) for cur, v in sorted(k.quota_attainment.items())}
    earn = k.earnings
    return {
        "from": k.period.start.isoformat(),
        "to": k.period.end.isoformat(),
        "won": k.closes.won,
        "lost": k.closes.lost,
        "win_rate": _ratio(k.win_rate),
        "won_amount": per_currency(k.closes.won_minor),
        "average_deal_size": per_currency(k.average_deal_minor),
        "average_cycle_days": _days(k.average_cycle_days),
        "open_deals": dict(sorted(k.pipeline.open_count.items())),
        "open_pipeline": per_currency(k.pipeline.open_minor),
        "weighted_pipeline": per_currency(k.pipeline.weighted_minor),
        "forecast": per_currency(k.forecast_minor),
        "velocity_per_day": {
            cur: major_units(round(v), cur) for cur, v in sorted(k.velocity_minor_per_day.items())
        },
        "velocity_definition": VELOCITY_DEFINITION,
        "quota": per_currency(k.quota_minor),
        "quota_attainment": next(iter(attainment.values())) if len(attainment) == 1 else None,
        "quota_attainment_by_currency": attainment,
        "conversion": {f"{s.stage}_to_{s.next_stage}": _ratio(s.rate) for s in k.funnel.steps},
        "lead_to_won": _ratio(k.funnel.lead_to_won),
        "funnel": k.funnel.reached,
        "skipped_stages": k.funnel.skipped,
        "activity": {
            kind: {
                "count": k.activity.totals[kind],
                "per_week": round(k.activity.per_week(kind), 2),
                "target_per_week": k.activity_targets.get(kind),
            }
            for kind in k.activity.totals
        },
        "going_cold_by_tier": k.cold_by_tier,
        "earnings": None
        if earn is None
        else {
            "currency": earn.currency,
            "base": major_units(earn.base_minor, earn.currency),
            "commission": major_units(earn.commission_minor, earn.currency),
            "pipeline_would_add": major_units(earn.pipeline_adds_minor, earn.currency),
        },
    }
