"""Services that change data. Each runs inside a unit of work (``store.write()``),
validates its input, stamps times from the store's clock and records what it
changed, so the store can tell listeners after the commit.

Update functions return the previous values of the fields they changed: that is
what an undo command needs to put them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from models import fields
from models import validation as v
from models.clock import as_utc
from models.entities import (
    CLOSED_STAGES,
    DEFAULT_CADENCE,
    KINDS,
    Account,
    Contact,
    Deal,
    DealStage,
    DealStageChange,
    FollowUp,
    Interaction,
    InteractionKind,
    Quota,
    Tag,
    Tier,
    Timestamped,
)
from models.errors import NotFoundError, ValidationError
from models.store import UnitOfWork

# -- helpers ------------------------------------------------------------------------------


def _stamp_new(uow: UnitOfWork, obj: Timestamped, kind: str) -> None:
    obj.created_at = uow.now
    obj.updated_at = uow.now
    uow.session.add(obj)
    uow.session.flush()
    uow.touched(kind, obj.id)


def _get(uow: UnitOfWork, kind: str, id_: str, *, deleted_ok: bool = False) -> Any:
    obj = uow.session.get(KINDS[kind], id_)
    if obj is None or (obj.deleted_at is not None and not deleted_ok):
        raise NotFoundError(f"no {kind} with id {id_}")
    return obj


def _apply(uow: UnitOfWork, kind: str, obj: Timestamped, fields: dict[str, Any]) -> dict[str, Any]:
    old: dict[str, Any] = {}
    for name, value in fields.items():
        current = getattr(obj, name)
        if current != value:
            old[name] = current
            setattr(obj, name, value)
    if old:
        obj.updated_at = uow.now
        uow.touched(kind, obj.id)
    return old


def _known(fields: dict[str, Any], allowed: Iterable[str], what: str) -> dict[str, Any]:
    """A copy of ``fields``, refused if it names a field ``what`` does not have."""
    unknown = sorted(set(fields).difference(allowed))
    if unknown:
        raise ValidationError(unknown[0], f"{what} have no field {unknown[0]}")
    return dict(fields)


def _live_account(uow: UnitOfWork, account_id: str) -> Account:
    account: Account = _get(uow, "account", account_id)
    return account


# -- accounts -----------------------------------------------------------------------------

#: What an account has that a caller may set (the import presets map columns to these).
ACCOUNT_FIELDS = fields.names("account")


def _clean_account(values: dict[str, Any]) -> dict[str, Any]:
    return fields.clean("account", values)


def create_account(
    uow: UnitOfWork,
    name: str,
    *,
    tier: str = Tier.B.value,
    cadence_days: int | None = None,
    tags: Iterable[str] = (),
    **fields: Any,
) -> str:
    """Create a client company; the cadence defaults by tier."""
    clean = _clean_account({"name": name, "tier": tier, **fields})
    if cadence_days is None:
        cadence_days = DEFAULT_CADENCE[Tier(clean["tier"])]
    clean.update(_clean_account({"cadence_days": cadence_days}))
    account = Account(**clean)
    _stamp_new(uow, account, "account")
    if tags:
        set_account_tags(uow, account.id, tags)
    return account.id


def update_account(
    uow: UnitOfWork, account_id: str, *, tags: Iterable[str] | None = None, **fields: Any
) -> dict[str, Any]:
    """Change fields (and, if given, the tags); returns the previous values for undo."""
    old = _apply(uow, "account", _live_account(uow, account_id), _clean_account(fields))
    if tags is not None:
        wanted = list(tags)
        before = set_account_tags(uow, account_id, wanted)
        if sorted(before) != sorted(wanted):
            old["tags"] = before
    return old


def _tag(uow: UnitOfWork, name: str) -> Tag:
    clean = v.required_text("tags", name, max_len=80)
    for tag in uow.session.scalars(select(Tag).where(Tag.name == clean)):
        if tag.deleted_at is not None:
            tag.deleted_at = None
            tag.updated_at = uow.now
        return tag
    tag = Tag(name=clean)
    _stamp_new(uow, tag, "tag")
    return tag


def set_account_tags(uow: UnitOfWork, account_id: str, names: Iterable[str]) -> list[str]:
    """Replace an account's tags; returns the previous tag names."""
    account = _live_account(uow, account_id)
    old = sorted(t.name for t in account.tags)
    wanted: dict[str, Tag] = {}
    for name in names:
        tag = _tag(uow, name)
        wanted[tag.name.casefold()] = tag
    account.tags = sorted(wanted.values(), key=lambda t: t.name.casefold())
    if sorted(t.name for t in account.tags) != old:
        account.updated_at = uow.now
        uow.touched("account", account.id)
    return old


# -- contacts -----------------------------------------------------------------------------

def _clean_contact(uow: UnitOfWork, values: dict[str, Any]) -> dict[str, Any]:
    out = fields.clean("contact", values)
    if out.get("account_id") is not None:
        _live_account(uow, out["account_id"])
    return out


def create_contact(uow: UnitOfWork, name: str, **fields: Any) -> str:
    contact = Contact(**_clean_contact(uow, {"name": name, **fields}))
    _stamp_new(uow, contact, "contact")
    if contact.account_id:
        uow.touched("account", contact.account_id)
    return contact.id


def update_contact(uow: UnitOfWork, contact_id: str, **fields: Any) -> dict[str, Any]:
    contact: Contact = _get(uow, "contact", contact_id)
    before = contact.account_id
    old = _apply(uow, "contact", contact, _clean_contact(uow, fields))
    for account_id in {before, contact.account_id} - {None}:
        if old:
            uow.touched("account", str(account_id))
    return old


# -- interactions -------------------------------------------------------------------------

_INTERACTION_FIELDS = {
    "account_id",
    "kind",
    "occurred_at",
    "subject",
    "body",
    "body_format",
    "location",
    "duration_minutes",
    "outcome",
    "gift_value_minor",
    "gift_currency",
}


def _clean_interaction(uow: UnitOfWork, fields: dict[str, Any]) -> dict[str, Any]:
    out = _known(fields, _INTERACTION_FIELDS, "entries")
    if "kind" in out:
        out["kind"] = v.choice("kind", out["kind"], InteractionKind)
    if "occurred_at" in out:
        out["occurred_at"] = as_utc(out["occurred_at"])
    if "subject" in out:
        out["subject"] = v.optional_text("subject", out["subject"], max_len=300)
    for name in ("location", "outcome"):
        if name in out:
            out[name] = v.optional_text(name, out[name], max_len=300)
    if out.get("duration_minutes") is not None:
        out["duration_minutes"] = v.int_range(
            "duration_minutes", out["duration_minutes"], 0, 10_000
        )
    if out.get("gift_currency"):
        out["gift_currency"] = v.currency(out["gift_currency"])
    if out.get("gift_value_minor") is not None:
        out["gift_value_minor"] = v.int_range(
            "gift_value_minor", out["gift_value_minor"], 0, 10**15
        )
    if "account_id" in out:
        _live_account(uow, out["account_id"])
    return out


def add_interaction(
    uow: UnitOfWork,
    account_id: str,
    *,
    kind: str = InteractionKind.NOTE.value,
    occurred_at: datetime | None = None,
    contact_ids: Sequence[str] = (),
    **fields: Any,
) -> str:
    """Add an entry to a client's timeline (now, unless ``occurred_at`` says otherwise)."""
    clean = _clean_interaction(
        uow,
        {"account_id": account_id, "kind": kind, "occurred_at": occurred_at or uow.now, **fields},
    )
    if not (clean.get("subject") or clean.get("body", "").strip()):
        raise ValidationError("body", "an entry needs a subject or some text")
    interaction = Interaction(**clean)
    interaction.contacts = [_get(uow, "contact", c) for c in contact_ids]
    _stamp_new(uow, interaction, "interaction")
    uow.touched("account", account_id)
    return interaction.id


def update_interaction(
    uow: UnitOfWork, interaction_id: str, *, contact_ids: Sequence[str] | None = None, **fields: Any
) -> dict[str, Any]:
    interaction: Interaction = _get(uow, "interaction", interaction_id)
    old = _apply(uow, "interaction", interaction, _clean_interaction(uow, fields))
    if contact_ids is not None:
        current = sorted(c.id for c in interaction.contacts)
        if current != sorted(contact_ids):
            old["contact_ids"] = current
            interaction.contacts = [_get(uow, "contact", c) for c in contact_ids]
            interaction.updated_at = uow.now
            uow.touched("interaction", interaction.id)
    if old:
        uow.touched("account", interaction.account_id)
    return old


# -- follow-ups ---------------------------------------------------------------------------

_FOLLOWUP_FIELDS = {
    "account_id",
    "interaction_id",
    "title",
    "due_at",
    "all_day",
    "priority",
    "snoozed_until",
    "done_at",
}


def _clean_followup(uow: UnitOfWork, fields: dict[str, Any]) -> dict[str, Any]:
    out = _known(fields, _FOLLOWUP_FIELDS, "follow-ups")
    if "title" in out:
        out["title"] = v.required_text("title", out["title"], max_len=300)
    for name in ("due_at", "snoozed_until", "done_at"):
        if out.get(name) is not None:
            out[name] = as_utc(out[name])
    if "priority" in out:
        out["priority"] = v.int_range("priority", out["priority"], 0, 2)
    if "account_id" in out:
        _live_account(uow, out["account_id"])
    return out


def create_followup(
    uow: UnitOfWork, account_id: str, title: str, due_at: datetime, **fields: Any
) -> str:
    clean = _clean_followup(
        uow, {"account_id": account_id, "title": title, "due_at": due_at, **fields}
    )
    followup = FollowUp(**clean)
    _stamp_new(uow, followup, "followup")
    uow.touched("account", account_id)
    return followup.id


def update_followup(uow: UnitOfWork, followup_id: str, **fields: Any) -> dict[str, Any]:
    followup: FollowUp = _get(uow, "followup", followup_id)
    old = _apply(uow, "followup", followup, _clean_followup(uow, fields))
    if old:
        uow.touched("account", followup.account_id)
    return old


def complete_followup(uow: UnitOfWork, followup_id: str, done: bool = True) -> dict[str, Any]:
    """Mark done (or not done again); returns the previous values."""
    return update_followup(uow, followup_id, done_at=uow.now if done else None)


def snooze_followup(uow: UnitOfWork, followup_id: str, until: datetime) -> dict[str, Any]:
    if as_utc(until) <= uow.now:
        raise ValidationError("snoozed_until", "a follow-up can only be snoozed to a later time")
    return update_followup(uow, followup_id, snoozed_until=until)


# -- deals --------------------------------------------------------------------------------

_DEAL_FIELDS = {
    "account_id",
    "title",
    "amount_minor",
    "currency",
    "probability",
    "expected_close",
    "lost_reason",
}


def _clean_deal(uow: UnitOfWork, fields: dict[str, Any]) -> dict[str, Any]:
    out = _known(fields, _DEAL_FIELDS, "deals")
    if "title" in out:
        out["title"] = v.required_text("title", out["title"], max_len=300)
    if "amount_minor" in out:
        out["amount_minor"] = v.int_range("amount_minor", int(out["amount_minor"]), 0, 10**17)
    if "currency" in out:
        out["currency"] = v.currency(out["currency"])
    if "probability" in out:
        out["probability"] = v.int_range("probability", int(out["probability"]), 0, 100)
    if "lost_reason" in out:
        out["lost_reason"] = v.optional_text("lost_reason", out["lost_reason"], max_len=300)
    if "account_id" in out:
        _live_account(uow, out["account_id"])
    return out


def create_deal(
    uow: UnitOfWork,
    account_id: str,
    title: str,
    *,
    stage: str = DealStage.LEAD.value,
    **fields: Any,
) -> str:
    clean = _clean_deal(uow, {"account_id": account_id, "title": title, **fields})
    deal = Deal(stage=v.choice("stage", stage, DealStage), **clean)
    if deal.stage in CLOSED_STAGES:
        deal.closed_at = uow.now
    _stamp_new(uow, deal, "deal")
    _record_stage(uow, deal.id, None, deal.stage)
    uow.touched("account", account_id)
    return deal.id


def update_deal(uow: UnitOfWork, deal_id: str, **fields: Any) -> dict[str, Any]:
    deal: Deal = _get(uow, "deal", deal_id)
    old = _apply(uow, "deal", deal, _clean_deal(uow, fields))
    if old:
        uow.touched("account", deal.account_id)
    return old


def _record_stage(uow: UnitOfWork, deal_id: str, old: str | None, new: str) -> None:
    change = DealStageChange(deal_id=deal_id, from_stage=old, to_stage=new, changed_at=uow.now)
    _stamp_new(uow, change, "deal_stage_change")


def move_deal_stage(
    uow: UnitOfWork, deal_id: str, stage: str, *, lost_reason: str = ""
) -> dict[str, Any]:
    """Move a deal to another stage and record the move in the stage history."""
    deal: Deal = _get(uow, "deal", deal_id)
    stage = v.choice("stage", stage, DealStage)
    if stage == deal.stage:
        return {}
    old = {"stage": deal.stage, "closed_at": deal.closed_at, "lost_reason": deal.lost_reason}
    _record_stage(uow, deal.id, deal.stage, stage)
    deal.stage = stage
    deal.closed_at = uow.now if stage in CLOSED_STAGES else None
    if stage == DealStage.LOST:
        deal.lost_reason = v.optional_text("lost_reason", lost_reason, max_len=300)
    deal.updated_at = uow.now
    uow.touched("deal", deal.id)
    uow.touched("account", deal.account_id)
    return old


# -- quotas -------------------------------------------------------------------------------


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
    _stamp_new(uow, quota, "quota")
    return quota.id


# -- trash --------------------------------------------------------------------------------


def _owner_account(obj: Timestamped) -> str | None:
    account_id = getattr(obj, "account_id", None)
    return str(account_id) if account_id else None


def soft_delete(uow: UnitOfWork, kind: str, id_: str) -> None:
    """Move a row to Trash (restorable)."""
    obj = _get(uow, kind, id_)
    obj.deleted_at = uow.now
    obj.updated_at = uow.now
    _touch_with_owner(uow, kind, obj)


def _touch_with_owner(uow: UnitOfWork, kind: str, obj: Timestamped) -> None:
    """Report a row moved to or from Trash, its client, and for a client the follow-ups
    that appear or disappear with it (panes list those only for live clients)."""
    uow.touched(kind, obj.id)
    if (owner := _owner_account(obj)) is not None:
        uow.touched("account", owner)
    if kind == "account":
        followups = uow.session.scalars(select(FollowUp.id).where(FollowUp.account_id == obj.id))
        uow.touched("followup", *followups)


def restore(uow: UnitOfWork, kind: str, id_: str) -> None:
    """Bring a row back from Trash."""
    obj = _get(uow, kind, id_, deleted_ok=True)
    if obj.deleted_at is None:
        return
    if (owner := _owner_account(obj)) is not None and kind != "account":
        account = uow.session.get(Account, owner)
        if account is not None and account.deleted_at is not None:
            raise ValidationError("account_id", "restore the client first")
    obj.deleted_at = None
    obj.updated_at = uow.now
    _touch_with_owner(uow, kind, obj)


def purge_trash(uow: UnitOfWork, older_than: timedelta | None) -> int:
    """Delete for good what has been in Trash longer than ``older_than`` (everything in
    Trash when None: "Empty Trash"); returns a count."""
    total = 0
    for kind in ("interaction", "followup", "deal", "contact", "account", "tag", "quota"):
        cls = KINDS[kind]
        stmt = select(cls.id).where(cls.deleted_at.is_not(None))
        if older_than is not None:
            stmt = stmt.where(cls.deleted_at < uow.now - older_than)
        ids = list(uow.session.scalars(stmt))
        if ids:
            uow.session.execute(delete(cls).where(cls.id.in_(ids)))
            uow.touched(kind, *ids)
            total += len(ids)
    return total
