"""The competitors and trends a timeline entry mentions, and a deal's competitors.

When an entry is saved, the live competitors its subject and body name (whole words,
any case: :func:`models.services.competitors.names_in`) and the trends it names with a
hashtag ("#e-invoicing") are linked to it; these links are "found". The user may set
an entry's competitors and trends by hand (:func:`set_entry_tags`); those links are
kept when the text changes later, while found ones follow the text.

A deal's competitors are set by hand (:func:`set_deal_competitors`); the one a lost deal
went to is the deal's ``lost_to`` name, kept linked by :func:`sync_lost_to`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select, update

from models.entities import (
    Competitor,
    Deal,
    Interaction,
    deal_competitors,
    interaction_competitors,
    interaction_trends,
)
from models.services.base import get, service
from models.services.competitors import competitor_named, hashtags_in, names_in, trend_named
from models.store import UnitOfWork

IC, IT = interaction_competitors, interaction_trends

#: A link as stored: (competitor or trend id, set by hand).
Link = tuple[str, bool]


def _links(uow: UnitOfWork, table: Any, column: Any, interaction_id: str) -> dict[str, bool]:
    rows = uow.session.execute(
        select(column, table.c.by_hand).where(table.c.interaction_id == interaction_id)
    )
    return {str(r[0]): bool(r[1]) for r in rows}


def _put(
    uow: UnitOfWork,
    entry: Interaction,
    table: Any,
    column: str,
    links: dict[str, bool],
    *,
    current: dict[str, bool] | None = None,
) -> bool:
    """Make the entry's links in ``table`` exactly ``links`` (``current``: what they are,
    when the caller has read them); whether anything changed."""
    if current is None:
        current = _links(uow, table, table.c[column], entry.id)
    if current == links:
        return False
    if current:
        uow.session.execute(delete(table).where(table.c.interaction_id == entry.id))
    if links:
        uow.session.execute(
            insert(table),
            [
                {
                    "interaction_id": entry.id,
                    column: id_,
                    "occurred_at": entry.occurred_at,
                    "by_hand": by_hand,
                }
                for id_, by_hand in links.items()
            ],
        )
    return True


def _text(entry: Interaction) -> str:
    return f"{entry.subject or ''}\n{entry.body or ''}"


def tag_found(uow: UnitOfWork, entry: Interaction, *, new: bool = False) -> None:
    """Link the competitors and hashtag trends the entry's text names now; found links
    no longer in the text go, links set by hand stay. Called by the entry services
    (``new``: an entry just added, which has no links yet: nothing more is read)."""
    uow.session.flush()
    text = _text(entry)
    live = dict(
        uow.session.execute(
            select(Competitor.name_key, Competitor.id).where(Competitor.deleted_at.is_(None))
        ).all()
    )
    found = {live[k] for k in names_in(text, live) if k in live}
    trends = {trend_named(uow, name).id for name in hashtags_in(text)}
    if new and not (found or trends):
        return
    changed = False
    for table, column, now_found in (
        (IC, "competitor_id", found),
        (IT, "trend_id", trends),
    ):
        current = {} if new else _links(uow, table, table.c[column], entry.id)
        wanted = {id_: True for id_, by_hand in current.items() if by_hand}
        wanted.update({id_: False for id_ in now_found if id_ not in wanted})
        changed |= _put(uow, entry, table, column, wanted, current=current)
    if changed:
        uow.touched("interaction", entry.id)


@service
def set_entry_tags(
    uow: UnitOfWork,
    interaction_id: str,
    *,
    competitors: Sequence[str] | None = None,
    trends: Sequence[str] | None = None,
) -> dict[str, list[Link]]:
    """Set an entry's competitors and trends by hand, by name (a new name is added to the
    list); returns the previous links. Undo puts the previous links back exactly."""
    entry: Interaction = get(uow, "interaction", interaction_id)
    wanted: dict[str, dict[str, bool]] = {}
    if competitors is not None:
        wanted["competitor_id"] = {competitor_named(uow, n).id: True for n in competitors}
    if trends is not None:
        wanted["trend_id"] = {trend_named(uow, n).id: True for n in trends}
    return _apply_links(uow, entry, wanted)


def _apply_links(
    uow: UnitOfWork, entry: Interaction, wanted: dict[str, dict[str, bool]]
) -> dict[str, list[Link]]:
    old: dict[str, list[Link]] = {}
    new: dict[str, list[Link]] = {}
    for column, links in wanted.items():
        table = IC if column == "competitor_id" else IT
        before = _links(uow, table, table.c[column], entry.id)
        if _put(uow, entry, table, column, links):
            old[column], new[column] = sorted(before.items()), sorted(links.items())
    if old:
        entry.updated_at = uow.now
        uow.touched("interaction", entry.id)
        uow.touched("account", entry.account_id)
        entry_id = entry.id
        uow.record(
            lambda u: _restore_links(u, entry_id, old), lambda u: _restore_links(u, entry_id, new)
        )
    return old


def _restore_links(uow: UnitOfWork, interaction_id: str, links: dict[str, list[Link]]) -> None:
    entry: Interaction = get(uow, "interaction", interaction_id, deleted_ok=True)
    _apply_links(uow, entry, {column: dict(rows) for column, rows in links.items()})


# -- deals ---------------------------------------------------------------------------------


def deal_competitor_ids(uow: UnitOfWork, deal_id: str) -> dict[str, bool]:
    rows = uow.session.execute(
        select(deal_competitors.c.competitor_id, deal_competitors.c.lost_to).where(
            deal_competitors.c.deal_id == deal_id
        )
    )
    return {str(r[0]): bool(r[1]) for r in rows}


def _put_deal_links(uow: UnitOfWork, deal_id: str, links: dict[str, bool]) -> None:
    uow.session.execute(delete(deal_competitors).where(deal_competitors.c.deal_id == deal_id))
    if links:
        uow.session.execute(
            insert(deal_competitors),
            [
                {"deal_id": deal_id, "competitor_id": c, "lost_to": lost}
                for c, lost in links.items()
            ],
        )


def sync_lost_to(uow: UnitOfWork, deal: Deal) -> None:
    """Link a deal to the competitor its ``lost_to`` names (created if new; the deal takes
    the list's spelling), as the one it was lost to; another one it had loses that mark
    but stays among the deal's competitors. Called by the deal services."""
    uow.session.execute(
        update(deal_competitors).where(deal_competitors.c.deal_id == deal.id).values(lost_to=False)
    )
    if deal.lost_to.strip():
        competitor = competitor_named(uow, deal.lost_to)
        deal.lost_to = competitor.name
        links = deal_competitor_ids(uow, deal.id)
        links[competitor.id] = True
        _put_deal_links(uow, deal.id, links)
    uow.touched("deal", deal.id)


@service
def set_deal_competitors(uow: UnitOfWork, deal_id: str, names: Sequence[str]) -> list[str]:
    """Replace the competitors a deal is up against, by name (new names are added to the
    list); the one it was lost to stays. Returns the previous names."""
    deal: Deal = get(uow, "deal", deal_id)
    before = deal_competitor_ids(uow, deal_id)
    old_names = _names_of(uow, before)
    links = {competitor_named(uow, n).id: False for n in names}
    links.update({c: True for c, lost in before.items() if lost})
    if links == before:
        return old_names
    _put_deal_links(uow, deal_id, links)
    deal.updated_at = uow.now
    uow.touched("deal", deal_id)
    uow.touched("account", deal.account_id)
    new_names = _names_of(uow, links)
    uow.record(
        lambda u: set_deal_competitors(u, deal_id, old_names),
        lambda u: set_deal_competitors(u, deal_id, new_names),
    )
    return old_names


def _names_of(uow: UnitOfWork, links: dict[str, bool]) -> list[str]:
    if not links:
        return []
    stmt = select(Competitor.name).where(Competitor.id.in_(list(links)))
    return sorted(uow.session.scalars(stmt), key=str.casefold)
