"""Planning timeline entries (meetings from .ics, e-mails from .eml/.msg).

Each entry is filed under a client: the account the caller names (a file dropped on a
client's timeline), else the account of the contacts whose e-mail addresses appear in
it (organizer and attendees, sender and recipients), the most frequent one winning.
An entry with no known address is reported, not guessed. An entry that is already on
that client's timeline (same kind, time and subject) is skipped, so importing the same
file twice adds nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Account, Contact, Interaction
from models.errors import NotFoundError
from models.transfer.matching import NEW
from models.transfer.source_types import RowError, Source

if TYPE_CHECKING:
    from models.transfer.plan import PlanRow


def plan_entries(session: Session, source: Source, account_id: str | None) -> list[PlanRow]:
    from models.transfer.plan import ERROR, SKIP, PlanRow

    if account_id is not None:
        account = session.get(Account, account_id)
        if account is None or account.deleted_at is not None:
            raise NotFoundError(f"no account with id {account_id}")
    by_email: dict[str, tuple[str, str | None]] = {}
    rows = session.execute(
        select(Contact.id, Contact.account_id, Contact.emails).where(Contact.deleted_at.is_(None))
    )
    for id_, owner, emails in rows:
        for e in emails or ():
            by_email.setdefault(e.casefold(), (id_, owner))
    planned: list[PlanRow] = []
    unit = "event" if source.format == "ics" else "message"
    for number, values in source.entries:
        fields = dict(values)
        addresses: list[str] = fields.pop("addresses")
        column: str = fields.pop("match_column")
        known = [by_email[a] for a in addresses if a in by_email]
        owner = account_id
        if owner is None:
            votes = Counter(acc for _, acc in known if acc is not None)
            owner = votes.most_common(1)[0][0] if votes else None
        if owner is None:
            listed = ", ".join(addresses) or "none"
            reason = f"no client's contact has any of its addresses ({listed})"
            planned.append(
                PlanRow(number, "interaction", ERROR, error=RowError(number, column, reason, unit))
            )
            continue
        contacts = tuple(dict.fromkeys(cid for cid, acc in known if acc == owner))
        planned.append(
            PlanRow(number, "interaction", NEW, fields, account_id=owner, contact_ids=contacts)
        )
    owners = {r.account_id for r in planned if r.account_id}
    seen: set[tuple[object, ...]] = set()
    if owners:
        existing = session.execute(
            select(
                Interaction.account_id,
                Interaction.kind,
                Interaction.occurred_at,
                Interaction.subject,
            ).where(Interaction.account_id.in_(owners), Interaction.deleted_at.is_(None))
        )
        seen = {tuple(r) for r in existing}
    for row in planned:
        if row.action != NEW:
            continue
        key = (row.account_id, row.fields["kind"], row.fields["occurred_at"], row.fields["subject"])
        if key in seen:
            row.action = row.proposed = SKIP
            row.match_reason = "already on the client's timeline"
        seen.add(key)
    return planned
