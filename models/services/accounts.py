"""Services for clients (accounts), their tags, and their people (contacts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from models import fields
from models import validation as v
from models.entities import DEFAULT_CADENCE, Account, Contact, Tag, Tier
from models.services.base import (
    apply,
    checked,
    get,
    live_account,
    record_update,
    service,
    stamp_new,
)
from models.services.trash import record_created
from models.store import UnitOfWork

#: What an account has that a caller may set (the import presets map columns to these).
ACCOUNT_FIELDS = fields.names("account")


@service
def create_account(
    uow: UnitOfWork,
    name: str,
    *,
    tier: str = Tier.B.value,
    cadence_days: int | None = None,
    tags: Iterable[str] = (),
    **values: Any,
) -> str:
    """Create a client company; the cadence defaults by tier."""
    clean = fields.clean("account", {"name": name, "tier": tier, **values})
    if cadence_days is None:
        cadence_days = DEFAULT_CADENCE[Tier(clean["tier"])]
    clean.update(fields.clean("account", {"cadence_days": cadence_days}))
    account = Account(**clean)
    stamp_new(uow, account, "account")
    if tags:
        set_account_tags(uow, account.id, tags)
    record_created(uow, "account", account.id)
    return account.id


@service
def update_account(
    uow: UnitOfWork, account_id: str, *, tags: Iterable[str] | None = None, **values: Any
) -> dict[str, Any]:
    """Change fields (and, if given, the tags); returns the previous values."""
    clean = fields.clean("account", values)
    old = apply(uow, "account", live_account(uow, account_id), clean)
    new: dict[str, Any] = dict(clean)
    if tags is not None:
        wanted = list(tags)
        before = set_account_tags(uow, account_id, wanted)
        if sorted(before) != sorted(wanted):
            old["tags"] = before
            new["tags"] = wanted
    record_update(uow, update_account, account_id, old, new)
    return old


def _tag(uow: UnitOfWork, name: str) -> Tag:
    clean = v.required_text("tags", name, max_len=80)
    for tag in uow.session.scalars(select(Tag).where(Tag.name == clean)):
        if tag.deleted_at is not None:
            tag.deleted_at = None
            tag.updated_at = uow.now
        return tag
    tag = Tag(name=clean)
    stamp_new(uow, tag, "tag")
    return tag


@service
def set_account_tags(uow: UnitOfWork, account_id: str, names: Iterable[str]) -> list[str]:
    """Replace an account's tags; returns the previous tag names."""
    account = live_account(uow, account_id)
    old = sorted(t.name for t in account.tags)
    wanted: dict[str, Tag] = {}
    for name in names:
        tag = _tag(uow, name)
        wanted[tag.name.casefold()] = tag
    account.tags = sorted(wanted.values(), key=lambda t: t.name.casefold())
    new = sorted(t.name for t in account.tags)
    if new != old:
        account.updated_at = uow.now
        uow.touched("account", account.id)
        uow.record(
            lambda u: set_account_tags(u, account_id, old),
            lambda u: set_account_tags(u, account_id, new),
        )
    return old


@service
def create_contact(uow: UnitOfWork, name: str, **values: Any) -> str:
    contact = Contact(**checked(uow, "contact", {"name": name, **values}))
    stamp_new(uow, contact, "contact")
    if contact.account_id:
        uow.touched("account", contact.account_id)
    record_created(uow, "contact", contact.id)
    return contact.id


@service
def update_contact(uow: UnitOfWork, contact_id: str, **values: Any) -> dict[str, Any]:
    contact: Contact = get(uow, "contact", contact_id)
    before = contact.account_id
    clean = checked(uow, "contact", values)
    old = apply(uow, "contact", contact, clean)
    for account_id in {before, contact.account_id} - {None}:
        if old:
            uow.touched("account", str(account_id))
    record_update(uow, update_contact, contact_id, old, clean)
    return old
