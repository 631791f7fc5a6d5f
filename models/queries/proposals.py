"""What a proposal says about a deal: the client, the contact and the deal, as one
plain row (models/proposals fills a template with it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from models.entities import Account, Contact, Deal
from models.errors import NotFoundError, ValidationError
from models.store import Store


@dataclass(frozen=True, slots=True)
class ProposalFacts:
    deal_id: str
    account_id: str
    client_name: str
    client_address: str
    contact_name: str
    contact_title: str
    deal_title: str
    amount_minor: int
    currency: str
    expected_close: date | None


def proposal_facts(store: Store, deal_id: str) -> ProposalFacts:
    """The deal, its client and its contact (the deal's own; else the client's only
    contact; else none). Raises NotFoundError for a deal that is gone."""
    with store.read() as s:
        row = s.execute(
            select(
                Deal.id,
                Deal.account_id,
                Deal.title,
                Deal.amount_minor,
                Deal.currency,
                Deal.expected_close,
                Deal.contact_id,
                Account.name,
                Account.address,
            )
            .join(Account, Account.id == Deal.account_id)
            .where(Deal.id == deal_id, Deal.deleted_at.is_(None))
        ).first()
        if row is None:
            raise NotFoundError(f"no deal with id {deal_id}")
        contact = None
        if row.contact_id is not None:
            contact = s.execute(
                select(Contact.name, Contact.title).where(
                    Contact.id == row.contact_id, Contact.deleted_at.is_(None)
                )
            ).first()
        if contact is None:
            only = s.execute(
                select(Contact.name, Contact.title)
                .where(Contact.account_id == row.account_id, Contact.deleted_at.is_(None))
                .limit(2)
            ).all()
            contact = only[0] if len(only) == 1 else None
    return ProposalFacts(
        deal_id=row.id,
        account_id=row.account_id,
        client_name=row.name,
        client_address=row.address or "",
        contact_name=contact.name if contact is not None else "",
        contact_title=(contact.title or "") if contact is not None else "",
        deal_title=row.title,
        amount_minor=row.amount_minor,
        currency=row.currency,
        expected_close=row.expected_close,
    )


def find_deal(store: Store, text: str, account_id: str | None = None) -> str:
    """The id of the live deal ``text`` names (of ``account_id``'s deals when given): its
    id, its title (ignoring case and spacing), else the one title containing it.
    NotFoundError when none does; ValidationError naming them when several do."""
    needle = " ".join(text.split())
    if not needle:
        raise ValidationError("deal", "name a deal (its title or id)")
    stmt = (
        select(Deal.id, Deal.title, Account.name)
        .join(Account, Account.id == Deal.account_id)
        .where(Deal.deleted_at.is_(None), Account.deleted_at.is_(None))
    )
    if account_id is not None:
        stmt = stmt.where(Deal.account_id == account_id)
    with store.read() as s:
        if s.execute(stmt.where(Deal.id == needle)).first() is not None:
            return needle
        folded = needle.casefold()
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = s.execute(
            stmt.where(Deal.title.ilike(pattern, escape="\\")).order_by(Deal.title).limit(50)
        ).all()
    exact = [r for r in rows if " ".join(r.title.split()).casefold() == folded]
    for found in (exact, rows):
        if len(found) == 1:
            return str(found[0].id)
        if len(found) > 1:
            names = "; ".join(f"{r.title!r} ({r.name})" for r in found[:5])
            raise ValidationError(
                "deal",
                f"{len(found)} deals match {needle!r}: {names}; give the deal's id or --client",
            )
    raise NotFoundError(f"no deal named {needle!r}")
