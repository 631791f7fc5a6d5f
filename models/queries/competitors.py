"""Market intelligence: the competitor list with deals won and lost against each, what
was heard about one competitor (or trend) across every client, newest first, and the
competitors and trends of one entry or deal. Plain rows, never ORM objects.

"Heard" pages walk the link table's index (competitor, time, entry) backwards, a page
at a time by keyset: a competitor named in a hundred thousand of a million entries
costs one page of index entries, never a sort. A deal counts as lost against a
competitor when it is lost to it; as won when it is won and the competitor was among
its competitors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import and_, case, column, func, literal, or_, select, table, tuple_
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from models.entities import (
    Account,
    Competitor,
    Deal,
    DealStage,
    Interaction,
    Trend,
    deal_competitors,
    interaction_competitors,
    interaction_trends,
)
from models.store import Store

DC, IC, IT = deal_competitors, interaction_competitors, interaction_trends

#: Characters of an entry's text a heard row carries (the view shows a line of it).
EXCERPT = 240


@dataclass(frozen=True, slots=True)
class CompetitorRow:
    """One competitor of the list, with the deals won and lost against it."""

    id: str
    name: str
    website: str
    notes: str
    won: int
    lost: int


@dataclass(frozen=True, slots=True)
class Money:
    currency: str
    amount_minor: int


@dataclass(frozen=True, slots=True)
class Record:
    """Deals won and lost against one competitor: counts, and totals per currency."""

    won: int
    lost: int
    won_amounts: tuple[Money, ...]
    lost_amounts: tuple[Money, ...]


@dataclass(frozen=True, slots=True)
class HeardRow:
    """An entry that mentions a competitor or trend, with its client."""

    interaction_id: str
    account_id: str
    account_name: str
    occurred_at: datetime
    kind: str
    subject: str
    excerpt: str
    by_hand: bool


@dataclass(frozen=True, slots=True)
class DealAgainstRow:
    """A deal a competitor was in: won, lost (to it, or to another), or still open."""

    id: str
    account_id: str
    account_name: str
    title: str
    stage: str
    amount_minor: int
    currency: str
    closed_at: datetime | None
    lost_to_it: bool


@dataclass(frozen=True, slots=True)
class TrendRow:
    id: str
    name: str


def _won_lost() -> tuple[Any, Any]:
    won = func.sum(case((Deal.stage == DealStage.WON.value, 1), else_=0))
    lost = func.sum(
        case((and_(Deal.stage == DealStage.LOST.value, DC.c.lost_to.is_(True)), 1), else_=0)
    )
    return won, lost


def _live_deals() -> Any:
    return and_(
        Deal.id == DC.c.deal_id,
        Deal.deleted_at.is_(None),
        Deal.account_id.not_in(select(Account.id).where(Account.deleted_at.is_not(None))),
    )


#: Each competitor's won and lost counts over its live deals, kept by the triggers of
#: migration 0020 (a local table, outside the models' metadata: sync never sends it).
_KEPT = table("competitor_deal_counts", column("competitor_id"), column("won"), column("lost"))


def _plus(col: Any) -> Any:
    """``+col``: the same value, but SQLite uses no index for a term written so."""
    return UnaryExpression(col, operator=custom_op("+"), type_=col.type)


def _counts() -> Any:
    """Per competitor: won and lost deal counts (the rule of :func:`_won_lost`), read
    from the kept sums less the deals of clients in Trash (a few rows, found through
    ``ix_accounts_trashed``), never from every linked deal's row."""
    won, lost = _won_lost()
    trashed = (
        select(DC.c.competitor_id.label("cid"), won.label("won"), lost.label("lost"))
        .select_from(Account)
        # ``+id``: from the clients in Trash to their deals to their links, never the
        # other way round (a scan of every link).
        .join(Deal, Deal.account_id == _plus(Account.id))
        .join(DC, DC.c.deal_id == _plus(Deal.id))
        .where(Account.deleted_at.is_not(None), Deal.deleted_at.is_(None))
        .group_by(DC.c.competitor_id)
        .subquery("in_trash")
    )
    return (
        select(
            _KEPT.c.competitor_id.label("cid"),
            (_KEPT.c.won - func.coalesce(trashed.c.won, 0)).label("won"),
            (_KEPT.c.lost - func.coalesce(trashed.c.lost, 0)).label("lost"),
        )
        .outerjoin(trashed, trashed.c.cid == _KEPT.c.competitor_id)
        .subquery("counts")
    )


def competitors(store: Store, *, limit: int = 1000) -> list[CompetitorRow]:
    """The live competitors by name, each with its won and lost deal counts."""
    with store.read() as s:
        return [CompetitorRow(*r) for r in s.execute(_list_stmt(limit))]


@cache
def _list_stmt(limit: int) -> Any:
    """Built once: the list is read often and its statement never changes."""
    return _stmt(Competitor.deleted_at.is_(None), limit=limit)


def _rows(store: Store, *where: Any) -> list[CompetitorRow]:
    with store.read() as s:
        return [CompetitorRow(*r) for r in s.execute(_stmt(*where))]


def _stmt(*where: Any, limit: int | None = None) -> Any:
    counts = _counts()
    return (
        select(
            Competitor.id,
            Competitor.name,
            Competitor.website,
            Competitor.notes,
            func.coalesce(counts.c.won, 0).label("won"),
            func.coalesce(counts.c.lost, 0).label("lost"),
        )
        .outerjoin(counts, counts.c.cid == Competitor.id)
        .where(*where)
        .order_by(Competitor.name_key)
        .limit(limit)
    )


def competitor(store: Store, competitor_id: str) -> CompetitorRow | None:
    for row in competitors_by_id(store, [competitor_id]):
        return row
    return None


def competitors_by_id(store: Store, ids: list[str]) -> list[CompetitorRow]:
    return _rows(store, Competitor.id.in_(ids), Competitor.deleted_at.is_(None))


def record(store: Store, competitor_id: str) -> Record:
    """Deals won and lost against a competitor: counts and amounts per currency."""
    stmt = (
        select(Deal.currency, Deal.stage, DC.c.lost_to, func.count(), func.sum(Deal.amount_minor))
        .join(Deal, _live_deals())
        .where(
            DC.c.competitor_id == competitor_id,
            or_(
                Deal.stage == DealStage.WON.value,
                and_(Deal.stage == DealStage.LOST.value, DC.c.lost_to.is_(True)),
            ),
        )
        .group_by(Deal.currency, Deal.stage, DC.c.lost_to)
        .order_by(Deal.currency)
    )
    won_n = lost_n = 0
    won_m: list[Money] = []
    lost_m: list[Money] = []
    with store.read() as s:
        for currency, stage, _lost_to, n, total in s.execute(stmt):
            if stage == DealStage.WON.value:
                won_n += n
                won_m.append(Money(currency, int(total or 0)))
            else:
                lost_n += n
                lost_m.append(Money(currency, int(total or 0)))
    return Record(won_n, lost_n, tuple(won_m), tuple(lost_m))


def deals_against(store: Store, competitor_id: str, *, limit: int = 500) -> list[DealAgainstRow]:
    """The deals a competitor was in, most recently closed (then changed) first."""
    stmt = (
        select(
            Deal.id,
            Deal.account_id,
            Account.name,
            Deal.title,
            Deal.stage,
            Deal.amount_minor,
            Deal.currency,
            Deal.closed_at,
            and_(Deal.stage == DealStage.LOST.value, DC.c.lost_to.is_(True)),
        )
        .select_from(DC)
        .join(Deal, _live_deals())
        .join(Account, Account.id == Deal.account_id)
        .where(DC.c.competitor_id == competitor_id)
        .order_by(func.coalesce(Deal.closed_at, Deal.updated_at).desc(), Deal.id)
        .limit(limit)
    )
    with store.read() as s:
        return [DealAgainstRow(*r[:8], lost_to_it=bool(r[8])) for r in s.execute(stmt)]


def _heard(
    store: Store,
    table: Any,
    column: Any,
    id_: str,
    limit: int,
    before: tuple[datetime, str] | None,
) -> list[HeardRow]:
    stmt = (
        select(
            Interaction.id,
            Interaction.account_id,
            Account.name,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.subject,
            func.substr(Interaction.body, 1, EXCERPT),
            table.c.by_hand,
        )
        .select_from(table)
        .join(Interaction, Interaction.id == table.c.interaction_id)
        .join(Account, Account.id == Interaction.account_id)
        .where(column == id_, Interaction.deleted_at.is_(None), Account.deleted_at.is_(None))
        .order_by(table.c.occurred_at.desc(), table.c.interaction_id.desc())
        .limit(limit)
    )
    if before is not None:
        at, after_id = before
        # A row value, so the index seeks to the page instead of walking the ones before.
        key = tuple_(table.c.occurred_at, table.c.interaction_id)
        stmt = stmt.where(key < tuple_(literal(at, table.c.occurred_at.type), literal(after_id)))
    with store.read() as s:
        return [
            HeardRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", bool(r[7]))
            for r in s.execute(stmt)
        ]


def heard_about(
    store: Store,
    competitor_id: str,
    *,
    limit: int = 50,
    before: tuple[datetime, str] | None = None,
) -> list[HeardRow]:
    """Entries that mention a competitor, newest first; ``before`` is the last row's
    (occurred_at, interaction_id) of the previous page."""
    return _heard(store, IC, IC.c.competitor_id, competitor_id, limit, before)


def heard_of_trend(
    store: Store, trend_id: str, *, limit: int = 50, before: tuple[datetime, str] | None = None
) -> list[HeardRow]:
    """Entries tagged with a trend, newest first (paged like :func:`heard_about`)."""
    return _heard(store, IT, IT.c.trend_id, trend_id, limit, before)


def trends(store: Store, *, limit: int = 1000) -> list[TrendRow]:
    stmt = (
        select(Trend.id, Trend.name)
        .where(Trend.deleted_at.is_(None))
        .order_by(Trend.name_key)
        .limit(limit)
    )
    with store.read() as s:
        return [TrendRow(*r) for r in s.execute(stmt)]


def competitor_names(store: Store) -> list[str]:
    """Every live competitor's name (for completers), by name."""
    stmt = select(Competitor.name).where(Competitor.deleted_at.is_(None))
    with store.read() as s:
        return sorted(s.scalars(stmt), key=str.casefold)


@dataclass(frozen=True, slots=True)
class EntryTags:
    competitors: tuple[str, ...]
    trends: tuple[str, ...]


def entry_tags(store: Store, interaction_id: str) -> EntryTags:
    """The names of the live competitors and trends an entry is tagged with."""
    comp = (
        select(Competitor.name)
        .join(IC, IC.c.competitor_id == Competitor.id)
        .where(IC.c.interaction_id == interaction_id, Competitor.deleted_at.is_(None))
    )
    trend = (
        select(Trend.name)
        .join(IT, IT.c.trend_id == Trend.id)
        .where(IT.c.interaction_id == interaction_id, Trend.deleted_at.is_(None))
    )
    with store.read() as s:
        return EntryTags(
            tuple(sorted(s.scalars(comp), key=str.casefold)),
            tuple(sorted(s.scalars(trend), key=str.casefold)),
        )


def deal_competitors_of(store: Store, deal_id: str) -> list[str]:
    """The names of a deal's live competitors."""
    stmt = (
        select(Competitor.name)
        .join(DC, DC.c.competitor_id == Competitor.id)
        .where(DC.c.deal_id == deal_id, Competitor.deleted_at.is_(None))
    )
    with store.read() as s:
        return sorted(s.scalars(stmt), key=str.casefold)
