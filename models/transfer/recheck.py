"""Matching again inside the write transaction, against rows committed since planning.

Planning reads a snapshot and writing happens later, so two imports of the same file
started together would both plan every row as new and create it twice. SQLite has
one writer at a time and the store begins write transactions IMMEDIATE, so once the
write has begun nothing else can commit: :func:`recheck` then matches the plan's new
rows (and pending companies, and timeline entries) against what was committed after
the plan's :class:`Watermark`, and turns exact matches into updates (or skips, for
entries already on the timeline). Only rows newer than the watermark are read, so the
re-check costs little when nothing happened in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from models.entities import Account, Contact, Interaction
from models.transfer.matching import NEW, UPDATE, AccountIndex, ContactIndex
from models.transfer.plan import SKIP, ImportPlan

_ROWID: ColumnElement[Any] = literal_column("rowid")


@dataclass(frozen=True)
class Watermark:
    """The newest row of each table (rowid, updated_at) a plan was matched against."""

    rows: dict[str, tuple[int, datetime | None]]

    @classmethod
    def read(cls, session: Session) -> Watermark:
        rows: dict[str, tuple[int, datetime | None]] = {}
        for cls_ in (Account, Contact, Interaction):
            top, newest = session.execute(
                select(func.coalesce(func.max(_ROWID), 0), func.max(cls_.updated_at)).select_from(
                    cls_
                )
            ).one()
            rows[cls_.__tablename__] = (int(top), newest)
        return cls(rows)


def _since(
    cls: type[Account] | type[Contact] | type[Interaction], mark: Watermark
) -> ColumnElement[bool]:
    """Live rows inserted or changed after ``mark``."""
    top, newest = mark.rows[cls.__tablename__]
    changed: list[ColumnElement[bool]] = [top < _ROWID]
    if newest is not None:
        changed.append(cls.updated_at > newest)
    return and_(cls.deleted_at.is_(None), or_(*changed))


def recheck(session: Session, plan: ImportPlan, mark: Watermark) -> int:
    """Match the plan's new rows again against rows committed since ``mark``; returns
    how many rows changed their action."""
    if plan.kind == "interaction":
        return _recheck_entries(session, plan, mark)
    accounts = AccountIndex()
    for id_, name, website, phone in session.execute(
        select(Account.id, Account.name, Account.website, Account.phone).where(
            _since(Account, mark)
        )
    ):
        accounts.add(id_, name, website or "", phone or "")
    changed = 0
    if plan.kind == "account":
        for row in plan.rows:
            if row.action == NEW:
                f = row.fields
                match = accounts.match(f["name"], f.get("website") or "", f.get("phone") or "")
                if match.action == UPDATE:
                    row.action, row.match_id, row.match_reason = UPDATE, match.id, match.reason
                    changed += 1
        return changed
    moved = {}
    for pending in plan.new_accounts.values():
        if (found := accounts.find(pending.name)) is not None:
            moved[pending.id] = found
    contacts = ContactIndex()
    for id_, name, account_id, emails, phones in session.execute(
        select(Contact.id, Contact.name, Contact.account_id, Contact.emails, Contact.phones).where(
            _since(Contact, mark)
        )
    ):
        contacts.add(id_, name, account_id, emails or (), phones or ())
    for row in plan.rows:
        if row.kind != "contact" or row.action not in (NEW, UPDATE):
            continue
        if row.account_id in moved:
            row.account_id = moved[row.account_id]
        if row.action != NEW:
            continue
        f = row.fields
        match = contacts.match(f["name"], row.account_id, f["emails"], f["phones"], f.get("id"))
        if match.action == UPDATE:
            row.action, row.match_id, row.match_reason = UPDATE, match.id, match.reason
            changed += 1
    return changed


def _recheck_entries(session: Session, plan: ImportPlan, mark: Watermark) -> int:
    owners = {r.account_id for r in plan.rows if r.action == NEW and r.account_id}
    if not owners:
        return 0
    seen = {
        tuple(r)
        for r in session.execute(
            select(
                Interaction.account_id,
                Interaction.kind,
                Interaction.occurred_at,
                Interaction.subject,
            ).where(Interaction.account_id.in_(owners), _since(Interaction, mark))
        )
    }
    changed = 0
    for row in plan.rows:
        key = (row.account_id, row.fields.get("kind"), row.fields.get("occurred_at"))
        if row.action == NEW and (*key, row.fields.get("subject")) in seen:
            row.action = SKIP
            row.match_reason = "already on the client's timeline"
            changed += 1
    return changed
