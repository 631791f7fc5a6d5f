"""The gift log read in plain rows: the cap rules, the rates, every recipient's share
with its running total (``log``), totals by recipient and year (``year_totals``), and
what a gift not yet saved would do to its recipients' totals (``preview``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, Select, select

from models.entities import Account, Contact, Interaction
from models.gift_entities import Gift, GiftRate, GiftRecipient, GiftRule
from models.gifts.ledger import Line, Rate, Rule, Share, ledger, rule_on, year_total
from models.gifts.money import split
from models.store import Store

#: The ``contact_id`` a preview's not-yet-saved gift carries.
NEW_GIFT = "(new)"


@dataclass(frozen=True, slots=True)
class LogRow:
    """One recipient's share of one gift, for the log view and the CSV export."""

    line: Line
    gift_id: str
    interaction_id: str
    client: str
    recipient: str | None  # None: not known (a gift entry from before the log)
    description: str
    value_minor: int  # the whole gift
    recipients: int  # how many shared it


@dataclass(frozen=True, slots=True)
class YearTotal:
    """A recipient's calendar year: the counted total in the cap's currency (None when
    a rate is missing), the cap in force on the year's last gift, and whether any gift
    passed it."""

    contact_id: str | None
    recipient: str | None
    client: str
    year: int
    gifts: int
    total_minor: int | None
    rule: Rule | None
    over_cap: bool
    missing_rate: str | None


@dataclass(frozen=True, slots=True)
class RecipientPreview:
    contact_id: str
    total_minor: int  # the year's counted total with the new gift
    rule: Rule

    @property
    def over_cap(self) -> bool:
        return self.total_minor > self.rule.cap_minor


def rules(store: Store) -> list[Rule]:
    with store.read() as s:
        rows = s.execute(
            select(GiftRule.id, GiftRule.effective_from, GiftRule.cap_minor, GiftRule.currency)
            .where(GiftRule.deleted_at.is_(None))
            .order_by(GiftRule.effective_from, GiftRule.id)
        ).all()
    return [Rule(r.id, r.effective_from, r.cap_minor, r.currency) for r in rows]


def rates(store: Store) -> list[Rate]:
    with store.read() as s:
        rows = s.execute(
            select(GiftRate)
            .where(GiftRate.deleted_at.is_(None))
            .order_by(GiftRate.currency, GiftRate.to_currency, GiftRate.effective_from)
        ).scalars()
        return [
            Rate(r.id, r.currency, r.to_currency, Decimal(r.per_unit), r.effective_from)
            for r in rows
        ]


def _live_shares(year: int | None = None, contact_ids: Sequence[str] | None = None) -> Select[Any]:
    stmt: Select[Any] = (
        select(  # type: ignore[assignment]
            GiftRecipient.gift_id,
            GiftRecipient.contact_id,
            GiftRecipient.share_minor,
            Gift.given_on,
            Gift.kind,
            Gift.currency,
            Gift.created_at,
            Gift.interaction_id,
            Gift.description,
            Gift.value_minor,
            Account.name.label("client"),
            Contact.name.label("recipient"),
        )
        .join(Gift, Gift.id == GiftRecipient.gift_id)
        .join(Interaction, Interaction.id == Gift.interaction_id)
        .join(Account, Account.id == Gift.account_id)
        .outerjoin(Contact, Contact.id == GiftRecipient.contact_id)
        .where(
            GiftRecipient.deleted_at.is_(None),
            Gift.deleted_at.is_(None),
            Interaction.deleted_at.is_(None),
        )
    )
    if year is not None:
        stmt = stmt.where(Gift.given_on >= date(year, 1, 1), Gift.given_on <= date(year, 12, 31))
    if contact_ids is not None:
        stmt = stmt.where(GiftRecipient.contact_id.in_(list(contact_ids)))
    return stmt


def _share(row: Row[Any]) -> Share:
    return Share(
        row.gift_id,
        row.contact_id,
        row.given_on,
        row.kind,
        row.share_minor,
        row.currency,
        row.created_at,
    )


def years(store: Store) -> list[int]:
    """The calendar years that have gifts, newest first."""
    with store.read() as s:
        days = s.scalars(select(Gift.given_on).where(Gift.deleted_at.is_(None)).distinct())
        return sorted({d.year for d in days}, reverse=True)


def log(store: Store, year: int | None = None) -> list[LogRow]:
    """Every live share (of ``year``, or all), by recipient, year and date."""
    with store.read() as s:
        rows = s.execute(_live_shares(year)).all()
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.gift_id] = counts.get(r.gift_id, 0) + 1
    by_key = {(r.gift_id, r.contact_id): r for r in rows}
    lines = ledger([_share(r) for r in rows], rules(store), rates(store))
    out = []
    for line in lines:
        r = by_key[(line.share.gift_id, line.share.contact_id)]
        out.append(
            LogRow(
                line,
                r.gift_id,
                r.interaction_id,
                r.client,
                r.recipient,
                r.description,
                r.value_minor,
                counts[r.gift_id],
            )
        )
    out.sort(
        key=lambda x: (
            x.recipient is None,
            (x.recipient or "").casefold(),
            x.line.share.contact_id or "",
            -x.line.share.given_on.year,
            x.line.share.given_on,
            x.line.share.created_at,
        )
    )
    return out


def year_totals(rows: Sequence[LogRow]) -> list[YearTotal]:
    """The log's rows summed by recipient and year (a share with no known recipient is
    a year of its own, with no total)."""
    groups: dict[tuple[str, int], list[LogRow]] = {}
    for row in rows:
        key = (row.line.share.contact_id or f"?{row.gift_id}", row.line.share.given_on.year)
        groups.setdefault(key, []).append(row)
    out = []
    for (_, year), group in groups.items():
        last = max(group, key=lambda x: (x.line.share.given_on, x.line.share.created_at))
        missing = next((g.line.missing_rate for g in group if g.line.missing_rate), None)
        out.append(
            YearTotal(
                last.line.share.contact_id,
                last.recipient,
                last.client,
                year,
                len(group),
                None if missing else last.line.total_minor,
                last.line.rule,
                any(g.line.over_cap for g in group),
                missing,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class NewGift:
    """A gift not yet saved, as the dialog or the command line holds it."""

    contact_ids: tuple[str, ...]
    value_minor: int
    currency: str
    given_on: date
    kind: str


def preview(store: Store, gift: NewGift, now: datetime) -> list[RecipientPreview]:
    """Each recipient's total for the gift's calendar year with the gift, in the
    currency of the cap in force on its day; raises MissingRate (for this gift or an
    earlier one of the year) and ValueError when there is no rule at all."""
    all_rules = rules(store)
    rule = rule_on(all_rules, gift.given_on)
    if rule is None:
        raise ValueError("no gift rule")
    all_rates = rates(store)
    with store.read() as s:
        rows = s.execute(_live_shares(gift.given_on.year, gift.contact_ids)).all()
    out = []
    shares = split(gift.value_minor, len(gift.contact_ids))
    for contact_id, share in zip(gift.contact_ids, shares, strict=True):
        theirs = [_share(r) for r in rows if r.contact_id == contact_id]
        theirs.append(
            Share(NEW_GIFT, contact_id, gift.given_on, gift.kind, share, gift.currency, now)
        )
        out.append(RecipientPreview(contact_id, year_total(theirs, rule, all_rates), rule))
    return out


def gift_of_entry(store: Store, interaction_id: str) -> str | None:
    """The id of the live gift logged with timeline entry ``interaction_id``, if any."""
    with store.read() as s:
        found = s.scalars(
            select(Gift.id).where(Gift.interaction_id == interaction_id, Gift.deleted_at.is_(None))
        ).first()
    return str(found) if found is not None else None
