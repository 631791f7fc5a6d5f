"""Services for sales targets: quotas per month or quarter, the commission plan and
the weekly activity targets. Each records its undo like every other service.

Quotas of one currency never overlap (a period's quota would count twice); setting a
quota for exactly the period of an existing one changes that one's amount.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from models import validation as v
from models.entities import ActivityTarget, CommissionPlan, Quota
from models.errors import ValidationError
from models.services.base import apply, get, record_update, service, stamp_new
from models.services.trash import record_created
from models.store import UnitOfWork

#: The interaction kinds an activity target may name.
TARGET_KINDS = ("meeting", "call", "email")
MAX_TIERS = 10
MAX_RATE_BP = 10_000  # 100 %


def _amount(value: int) -> int:
    return v.int_range("amount_minor", int(value), 0, 10**17)


def _check_overlap(
    uow: UnitOfWork, start: date, end: date, currency: str, skip: str | None = None
) -> None:
    if end < start:
        raise ValidationError("period_end", "a quota period must end after it starts")
    clash = uow.session.scalars(
        select(Quota).where(
            Quota.deleted_at.is_(None),
            Quota.currency == currency,
            Quota.period_start <= end,
            Quota.period_end >= start,
            Quota.id != (skip or ""),
        )
    ).first()
    if clash is not None:
        raise ValidationError(
            "period_start",
            f"a {currency} quota for {clash.period_start} to {clash.period_end} "
            "overlaps this period; change or remove that one first",
        )


@service
def set_quota(
    uow: UnitOfWork, period_start: date, period_end: date, amount_minor: int, currency: str
) -> str:
    """The quota of a period: a new one, or the amount of the one with that exact period."""
    cur = v.currency(currency)
    amount = _amount(amount_minor)
    same = uow.session.scalars(
        select(Quota).where(
            Quota.deleted_at.is_(None),
            Quota.currency == cur,
            Quota.period_start == period_start,
            Quota.period_end == period_end,
        )
    ).first()
    if same is not None:
        old = apply(uow, "quota", same, {"amount_minor": amount})
        record_update(uow, update_quota, same.id, old, {"amount_minor": amount})
        return same.id
    _check_overlap(uow, period_start, period_end, cur)
    quota = Quota(
        period_start=period_start, period_end=period_end, amount_minor=amount, currency=cur
    )
    stamp_new(uow, quota, "quota")
    record_created(uow, "quota", quota.id)
    return quota.id


@service
def update_quota(uow: UnitOfWork, quota_id: str, **values: Any) -> dict[str, Any]:
    """Change a quota's period, amount or currency; returns the previous values."""
    quota: Quota = get(uow, "quota", quota_id)
    unknown = set(values) - {"period_start", "period_end", "amount_minor", "currency"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "not a field of a quota")
    clean = dict(values)
    if "amount_minor" in clean:
        clean["amount_minor"] = _amount(clean["amount_minor"])
    if "currency" in clean:
        clean["currency"] = v.currency(clean["currency"])
    start = clean.get("period_start", quota.period_start)
    end = clean.get("period_end", quota.period_end)
    _check_overlap(uow, start, end, clean.get("currency", quota.currency), skip=quota.id)
    old = apply(uow, "quota", quota, clean)
    record_update(uow, update_quota, quota_id, old, clean)
    return old


def clean_tiers(tiers: Any) -> list[list[int]]:
    """Accelerators as ``[[percent of quota, rate in basis points], ...]``, sorted."""
    out: list[list[int]] = []
    for item in tiers or []:
        try:
            pct, rate = (int(x) for x in item)
        except (TypeError, ValueError):
            raise ValidationError("tiers", "each tier is a percent of quota and a rate") from None
        v.int_range("tiers", pct, 1, 1000)
        v.int_range("tiers", rate, 0, MAX_RATE_BP)
        out.append([pct, rate])
    if len(out) > MAX_TIERS:
        raise ValidationError("tiers", f"at most {MAX_TIERS} tiers")
    if len({pct for pct, _ in out}) != len(out):
        raise ValidationError("tiers", "two tiers start at the same share of the quota")
    return sorted(out)


@service
def set_commission_plan(
    uow: UnitOfWork,
    *,
    currency: str,
    base_minor: int = 0,
    rate_bp: int = 0,
    tiers: Any = (),
) -> str:
    """Set the commission plan (made the first time); returns its id."""
    values = {
        "currency": v.currency(currency),
        "base_minor": _amount(base_minor),
        "rate_bp": v.int_range("rate_bp", int(rate_bp), 0, MAX_RATE_BP),
        "tiers": clean_tiers(tiers),
    }
    current = uow.session.scalars(
        select(CommissionPlan)
        .where(CommissionPlan.deleted_at.is_(None))
        .order_by(CommissionPlan.updated_at.desc())
        .limit(1)
    ).first()
    if current is None:
        plan = CommissionPlan(**values)
        stamp_new(uow, plan, "commission_plan")
        record_created(uow, "commission_plan", plan.id)
        return plan.id
    _update_plan(uow, current.id, **values)
    return current.id


def _update_plan(uow: UnitOfWork, plan_id: str, **values: Any) -> dict[str, Any]:
    plan = get(uow, "commission_plan", plan_id)
    old = apply(uow, "commission_plan", plan, values)
    record_update(uow, _update_plan, plan_id, old, values)
    return old


@service
def set_activity_target(uow: UnitOfWork, kind: str, per_week: int) -> dict[str, Any]:
    """How many interactions of ``kind`` a week is the target (0: none)."""
    if kind not in TARGET_KINDS:
        raise ValidationError("kind", f"kind must be one of {', '.join(TARGET_KINDS)}")
    count = v.int_range("per_week", int(per_week), 0, 1000)
    row = uow.session.scalars(
        select(ActivityTarget).where(
            ActivityTarget.deleted_at.is_(None), ActivityTarget.kind == kind
        )
    ).first()
    if row is None:
        if count == 0:
            return {}
        target = ActivityTarget(kind=kind, per_week=count)
        stamp_new(uow, target, "activity_target")
        record_created(uow, "activity_target", target.id)
        return {"per_week": 0}
    old = apply(uow, "activity_target", row, {"per_week": count})
    record_update(uow, _update_target, row.id, old, {"per_week": count})
    return old


def _update_target(uow: UnitOfWork, target_id: str, **values: Any) -> dict[str, Any]:
    row = get(uow, "activity_target", target_id)
    old = apply(uow, "activity_target", row, values)
    record_update(uow, _update_target, target_id, old, values)
    return old
