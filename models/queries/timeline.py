"""Timeline queries: one client's entries, newest first, a page at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import literal, select, tuple_

from models.entities import Contact, Interaction, interaction_contacts
from models.rows import InteractionRow, TimelineCursor, row_from
from models.store import Store
from models.time_sql import sql_time


def _interaction_rows(s: Any, interactions: Sequence[Interaction]) -> list[InteractionRow]:
    ids = [i.id for i in interactions]
    people: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if ids:
        for iid, cid, name in s.execute(
            select(interaction_contacts.c.interaction_id, Contact.id, Contact.name)
            .join(Contact, Contact.id == interaction_contacts.c.contact_id)
            .where(interaction_contacts.c.interaction_id.in_(ids))
            .order_by(Contact.name)
        ):
            people[iid].append((cid, name))
    return [
        row_from(
            InteractionRow,
            i,
            contact_ids=tuple(c for c, _ in people[i.id]),
            contact_names=tuple(n for _, n in people[i.id]),
        )
        for i in interactions
    ]


def timeline_page(
    store: Store, account_id: str, *, before: TimelineCursor | None = None, limit: int = 50
) -> tuple[list[InteractionRow], TimelineCursor | None]:
    """A client's entries newest first, ``limit`` at a time, older than ``before``."""
    stmt = select(Interaction).where(
        Interaction.account_id == account_id, Interaction.deleted_at.is_(None)
    )
    if before is not None:
        stmt = stmt.where(
            tuple_(Interaction.occurred_at, Interaction.id)
            < tuple_(literal(sql_time(before.occurred_at)), literal(before.id))
        )
    stmt = stmt.order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(limit)
    with store.read() as s:
        interactions = s.scalars(stmt).all()
        rows = _interaction_rows(s, interactions)
    cursor = None
    if len(rows) == limit:
        cursor = TimelineCursor(rows[-1].occurred_at, rows[-1].id)
    return rows, cursor


def live_interactions(store: Store, ids: Sequence[str]) -> dict[str, InteractionRow]:
    """The entries among ``ids`` that exist and are not in Trash."""
    if not ids:
        return {}
    stmt = select(Interaction).where(
        Interaction.id.in_(list(ids)), Interaction.deleted_at.is_(None)
    )
    with store.read() as s:
        return {r.id: r for r in _interaction_rows(s, s.scalars(stmt).all())}


def interaction(store: Store, interaction_id: str) -> InteractionRow | None:
    with store.read() as s:
        found = s.get(Interaction, interaction_id)
        return _interaction_rows(s, [found])[0] if found is not None else None
