"""Services of the gift log: record a gift (its timeline entry, the gift, one share
per recipient), add or change a dated cap rule, set an exchange rate. Each records its
undo; moving a gift's timeline entry to Trash takes the gift out of the log.

One gift to several people is split in equal shares (FINRA Notice 06-69: the value is
recorded per recipient, pro rata); the remainder in minor units goes one unit each to
the first recipients, so the shares add up exactly to the gift.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from models import validation as v
from models.clock import local_zone, to_local
from models.entities import Contact, InteractionKind
from models.errors import ValidationError
from models.gift_entities import GIFT_KINDS, Gift, GiftRate, GiftRecipient, GiftRule
from models.gifts.money import MAX_MINOR, parse_rate, split
from models.services.base import apply, get, live_account, record_update, service, stamp_new
from models.services.timeline import add_interaction
from models.services.trash import put_back, record_created, soft_delete
from models.store import UnitOfWork

MAX_RECIPIENTS = 50
MAX_DESCRIPTION = 2000
EARLIEST = date(1900, 1, 1)


def _occurred(uow: UnitOfWork, given_on: date) -> datetime:
    """The entry's time: now when given today (local), else local noon of that day."""
    local_now = to_local(uow.now)
    if local_now.date() == given_on:
        return uow.now
    return datetime.combine(given_on, time(12), tzinfo=local_zone()).astimezone(UTC)


def _recipients(uow: UnitOfWork, account_id: str, contact_ids: Sequence[str]) -> list[str]:
    wanted = list(dict.fromkeys(contact_ids))
    if not wanted:
        raise ValidationError("contact_ids", "a gift needs at least one recipient")
    if len(wanted) > MAX_RECIPIENTS:
        raise ValidationError("contact_ids", f"a gift has at most {MAX_RECIPIENTS} recipients")
    for contact_id in wanted:
        contact = uow.session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None or contact.account_id != account_id:
            raise ValidationError("contact_ids", "a recipient is not one of this client's contacts")
    return wanted


def _day(field: str, value: date) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(field, "a date is needed")
    if not EARLIEST <= value <= date(9999, 12, 31):
        raise ValidationError(field, f"the date must be after {EARLIEST}")
    return value


@service
def record_gift(
    uow: UnitOfWork,
    account_id: str,
    *,
    contact_ids: Sequence[str],
    value_minor: int,
    currency: str,
    given_on: date,
    kind: str = "business",
    description: str = "",
    subject: str = "",
) -> str:
    """Log a gift and its timeline entry; returns the gift's id. ``subject``: the
    entry's title (the description, else "Gift", when not given)."""
    live_account(uow, account_id)
    cur = v.currency(currency)
    if not isinstance(value_minor, int) or not 0 < value_minor <= MAX_MINOR:
        raise ValidationError("value_minor", "the gift's value must be more than zero")
    if kind not in GIFT_KINDS:
        raise ValidationError("kind", f"kind must be one of {', '.join(GIFT_KINDS)}")
    day = _day("given_on", given_on)
    text = v.optional_text("description", description, max_len=MAX_DESCRIPTION)
    people = _recipients(uow, account_id, contact_ids)
    title = " ".join((subject or text or "Gift").split())[:300]
    interaction_id = add_interaction(
        uow,
        account_id,
        kind=InteractionKind.GIFT.value,
        occurred_at=_occurred(uow, day),
        contact_ids=people,
        subject=title,
        gift_value_minor=value_minor,
        gift_currency=cur,
    )
    gift = Gift(
        interaction_id=interaction_id,
        account_id=account_id,
        given_on=day,
        kind=kind,
        description=text,
        value_minor=value_minor,
        currency=cur,
    )
    stamp_new(uow, gift, "gift")
    for contact_id, share in zip(people, split(value_minor, len(people)), strict=True):
        stamp_new(uow, GiftRecipient(gift_id=gift.id, contact_id=contact_id, share_minor=share),
                  "gift_recipient")  # fmt: skip
    gift_id = gift.id

    def undo(u: UnitOfWork) -> None:
        soft_delete(u, "gift", gift_id)
        soft_delete(u, "interaction", interaction_id)

    def redo(u: UnitOfWork) -> None:
        put_back(u, "interaction", interaction_id)
        put_back(u, "gift", gift_id)

    uow.record(undo, redo)
    return gift_id


def _cap(cap_minor: int) -> int:
    if not isinstance(cap_minor, int) or not 0 < cap_minor <= MAX_MINOR:
        raise ValidationError("cap_minor", "a cap must be more than zero")
    return cap_minor


@service
def add_gift_rule(uow: UnitOfWork, effective_from: date, cap_minor: int, currency: str) -> str:
    """A cap in force from ``effective_from``; a rule from that very day changes."""
    day = _day("effective_from", effective_from)
    values = {"cap_minor": _cap(cap_minor), "currency": v.currency(currency)}
    same = uow.session.scalars(
        select(GiftRule).where(GiftRule.deleted_at.is_(None), GiftRule.effective_from == day)
    ).first()
    if same is not None:
        _update_rule(uow, same.id, **values)
        return same.id
    rule = GiftRule(effective_from=day, **values)
    stamp_new(uow, rule, "gift_rule")
    record_created(uow, "gift_rule", rule.id)
    return rule.id


def _update_rule(uow: UnitOfWork, rule_id: str, **values: object) -> dict[str, object]:
    rule = get(uow, "gift_rule", rule_id)
    old = apply(uow, "gift_rule", rule, values)
    record_update(uow, _update_rule, rule_id, old, values)
    return old


@service
def set_gift_rate(
    uow: UnitOfWork, currency: str, to_currency: str, per_unit: str, effective_from: date
) -> str:
    """How many ``currency`` one ``to_currency`` buys, from ``effective_from`` (a rate
    of that pair from that very day changes)."""
    cur, to = v.currency(currency), v.currency(to_currency)
    if cur == to:
        raise ValidationError("currency", "a rate needs two different currencies")
    rate = str(parse_rate(per_unit))
    day = _day("effective_from", effective_from)
    same = uow.session.scalars(
        select(GiftRate).where(
            GiftRate.deleted_at.is_(None),
            GiftRate.currency == cur,
            GiftRate.to_currency == to,
            GiftRate.effective_from == day,
        )
    ).first()
    if same is not None:
        _update_rate(uow, same.id, per_unit=rate)
        return same.id
    row = GiftRate(currency=cur, to_currency=to, per_unit=rate, effective_from=day)
    stamp_new(uow, row, "gift_rate")
    record_created(uow, "gift_rate", row.id)
    return row.id


def _update_rate(uow: UnitOfWork, rate_id: str, **values: object) -> dict[str, object]:
    row = get(uow, "gift_rate", rate_id)
    old = apply(uow, "gift_rate", row, values)
    record_update(uow, _update_rate, rate_id, old, values)
    return old
