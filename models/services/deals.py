"""Services for deals (with their stage history) and quotas."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from models import validation as v
from models.entities import CLOSED_STAGES, Deal, DealStage, DealStageChange, Quota
from models.errors import ValidationError
from models.services.base import (
    checked,
    contact_of,
    get,
    service,
    stamp_new,
    update_with_contact,
)
from models.services.entry_tags import set_deal_competitors, sync_lost_to
from models.services.trash import record_created
from models.store import UnitOfWork


@service
def create_deal(
    uow: UnitOfWork,
    account_id: str,
    title: str,
    *,
    stage: str = DealStage.LEAD.value,
    competitors: Sequence[str] = (),
    **values: Any,
) -> str:
    clean = checked(uow, "deal", {"account_id": account_id, "title": title, **values})
    contact_of(uow, account_id, clean)
    deal = Deal(stage=v.choice("stage", stage, DealStage), **clean)
    if deal.stage in CLOSED_STAGES:
        deal.closed_at = uow.now
    stamp_new(uow, deal, "deal")
    if deal.lost_to:
        sync_lost_to(uow, deal)
    if competitors:
        set_deal_competitors(uow, deal.id, competitors)
    _record_stage(uow, deal.id, None, deal.stage)
    uow.touched("account", account_id)
    record_created(uow, "deal", deal.id)
    return deal.id


@service
def update_deal(uow: UnitOfWork, deal_id: str, **values: Any) -> dict[str, Any]:
    """Change fields; a changed ``lost_to`` links the deal to that competitor."""
    old = update_with_contact(uow, "deal", deal_id, values, update_deal)
    if "lost_to" in old:
        sync_lost_to(uow, get(uow, "deal", deal_id))
    return old


def _record_stage(uow: UnitOfWork, deal_id: str, old: str | None, new: str) -> None:
    change = DealStageChange(deal_id=deal_id, from_stage=old, to_stage=new, changed_at=uow.now)
    stamp_new(uow, change, "deal_stage_change")


@service
def move_deal_stage(
    uow: UnitOfWork, deal_id: str, stage: str, *, lost_reason: str = "", lost_to: str = ""
) -> dict[str, Any]:
    """Move a deal to another stage and record the move in the stage history; a deal
    moved to lost keeps why (``lost_reason``) and the competitor it went to (``lost_to``).

    Undoing a move is a move back (recorded too: the history keeps what happened)."""
    deal: Deal = get(uow, "deal", deal_id)
    stage = v.choice("stage", stage, DealStage)
    if stage == deal.stage:
        return {}
    old = {
        "stage": deal.stage,
        "closed_at": deal.closed_at,
        "lost_reason": deal.lost_reason,
        "lost_to": deal.lost_to,
    }
    if stage == DealStage.LOST:
        deal.lost_reason = v.optional_text("lost_reason", lost_reason, max_len=300)
        deal.lost_to = v.optional_text("lost_to", lost_to, max_len=200)
        sync_lost_to(uow, deal)
    _record_stage(uow, deal.id, deal.stage, stage)
    deal.stage = stage
    deal.closed_at = uow.now if stage in CLOSED_STAGES else None
    deal.updated_at = uow.now
    uow.touched("deal", deal.id)
    uow.touched("account", deal.account_id)
    back, reason, went_to = (
        str(old["stage"]),
        str(old["lost_reason"] or ""),
        str(old["lost_to"] or ""),
    )
    uow.record(
        lambda u: _move_back(u, deal_id, back, reason, went_to),
        lambda u: move_deal_stage(u, deal_id, stage, lost_reason=lost_reason, lost_to=lost_to),
    )
    return old


def _move_back(uow: UnitOfWork, deal_id: str, stage: str, lost_reason: str, lost_to: str) -> None:
    """Undo of a move: a recorded move back, with the lost reason and competitor the deal
    had."""
    move_deal_stage(uow, deal_id, stage, lost_reason=lost_reason, lost_to=lost_to)
    update_deal(uow, deal_id, lost_reason=lost_reason, lost_to=lost_to)


def edit_deal(
    uow: UnitOfWork,
    deal_id: str,
    *,
    stage: str | None = None,
    competitors: Sequence[str] | None = None,
    **values: Any,
) -> dict[str, Any]:
    """The deal dialog's save: move to ``stage`` (recorded in the stage history) and change
    fields, in one unit of work; returns the previous values. Not a service of its own:
    each service it calls records its own undo step."""
    moved = (
        move_deal_stage(
            uow,
            deal_id,
            stage,
            lost_reason=values.get("lost_reason", ""),
            lost_to=values.get("lost_to", ""),
        )
        if stage
        else {}
    )
    old = update_deal(uow, deal_id, **values)
    if competitors is not None:
        set_deal_competitors(uow, deal_id, competitors)
    if moved:
        old["stage"] = moved["stage"]
        old.setdefault("lost_reason", moved["lost_reason"])
        old.setdefault("lost_to", moved["lost_to"])
    return old


@service
def create_quota(
    uow: UnitOfWork, period_start: date, period_end: date, amount_minor: int, currency: str
) -> str:
    if period_end < period_start:
        raise ValidationError("period_end", "a quota period must end after it starts")
    quota = Quota(
        period_start=period_start,
        period_end=period_end,
        amount_minor=v.int_range("amount_minor", amount_minor, 0, 10**17),
        currency=v.currency(currency),
    )
    stamp_new(uow, quota, "quota")
    record_created(uow, "quota", quota.id)
    return quota.id
