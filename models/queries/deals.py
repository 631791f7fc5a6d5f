"""Deals of every client, for the pipeline board and the deals list: cards a stage at a
time, each column's totals per currency, and a sortable list, all paged by keyset.

Won and lost deals are many and old: the board shows only those closed in a recent
window (``BoardFilter.closed_days``); the deals list shows them all.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    case,
    exists,
    func,
    literal,
    literal_column,
    select,
    tuple_,
    type_coerce,
)

from models.entities import (
    CLOSED_STAGES,
    Account,
    Deal,
    DealStage,
    DealStageChange,
    Document,
    Tag,
)
from models.entities import account_tags as _account_tags
from models.store import Store
from models.time_sql import sql_time

STAGES: tuple[str, ...] = tuple(s.value for s in DealStage)
OPEN_STAGES: tuple[str, ...] = tuple(s for s in STAGES if s not in CLOSED_STAGES)

#: Days a deal may stay untouched in a stage before the board marks it as rotting.
DEFAULT_ROT_DAYS: dict[str, int] = {
    "lead": 30,
    "qualified": 21,
    "demo": 14,
    "proposal": 14,
    "negotiation": 10,
}

_FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class DealCard:
    """One deal on the board or in the deals list (with its client's name and tier)."""

    id: str
    account_id: str
    account_name: str
    tier: str
    title: str
    stage: str
    amount_minor: int
    currency: str
    probability: int
    expected_close: date | None
    closed_at: datetime | None
    lost_reason: str
    lost_to: str
    updated_at: datetime
    stage_since: datetime
    #: The names of the deal's live documents, sorted.
    documents: tuple[str, ...] = ()

    def days_in_stage(self, now: datetime) -> int:
        return max(0, (now - self.stage_since).days)

    def days_untouched(self, now: datetime) -> int:
        return max(0, (now - self.updated_at).days)

    def rotting(self, now: datetime, limits: dict[str, int] | None = None) -> bool:
        """Untouched for longer than its stage allows (closed deals never rot)."""
        limit = (limits or DEFAULT_ROT_DAYS).get(self.stage)
        return limit is not None and limit > 0 and self.days_untouched(now) > limit


@dataclass(frozen=True, slots=True)
class CurrencyTotal:
    """A column's deals in one currency: raw and probability-weighted sums (minor units)."""

    currency: str
    count: int
    amount_minor: int
    weighted_minor: int


@dataclass(frozen=True, slots=True)
class BoardFilter:
    """What the board shows: an expected-close month, a tier, a tag; closed deals only
    from the last ``closed_days`` days."""

    close_month: date | None = None  # any day of the month
    tier: str | None = None
    tag: str | None = None
    closed_days: int = 90


@dataclass(frozen=True, slots=True)
class DealListFilter:
    """The deals list's order (``sort`` is one of :data:`LIST_SORTS`) and stage filter."""

    sort: str = "close"
    descending: bool = False
    open_only: bool = False


@dataclass(frozen=True, slots=True)
class DealCursor:
    """The sort key of the last row of a page: the next page starts after it."""

    key: tuple[Any, ...]


def _stage_since() -> Any:
    """When the deal entered its current stage (its newest recorded move)."""
    return (
        select(func.max(DealStageChange.changed_at))
        .where(DealStageChange.deal_id == Deal.id)
        .correlate(Deal)
        .scalar_subquery()
    )


def _card_select() -> Any:
    return (
        select(
            Deal.id,
            Deal.account_id,
            Account.name.label("account_name"),
            Account.tier,
            Deal.title,
            Deal.stage,
            Deal.amount_minor,
            Deal.currency,
            Deal.probability,
            Deal.expected_close,
            Deal.closed_at,
            Deal.lost_reason,
            Deal.lost_to,
            Deal.updated_at,
            func.coalesce(_stage_since(), Deal.created_at).label("stage_since"),
            _document_names().label("documents"),
        )
        .join(Account, Account.id == Deal.account_id)
        .where(Deal.deleted_at.is_(None), Account.deleted_at.is_(None))
    )


#: Separates document names in the card query (a control character, never in a name).
_NAME_SEP = "\x1f"


def _document_names() -> Any:
    """The deal's live document names, joined (read from ix_documents_deal)."""
    return (
        select(func.group_concat(Document.name, literal(_NAME_SEP)))
        .where(Document.deal_id == Deal.id, Document.deleted_at.is_(None))
        .scalar_subquery()
    )


def _card(r: Any) -> DealCard:
    since = r.stage_since
    if isinstance(since, str):  # the coalesce comes back as stored text
        since = datetime.fromisoformat(since).replace(tzinfo=r.updated_at.tzinfo)
    return DealCard(
        id=r.id,
        account_id=r.account_id,
        account_name=r.account_name,
        tier=r.tier,
        title=r.title,
        stage=r.stage,
        amount_minor=r.amount_minor,
        currency=r.currency,
        probability=r.probability,
        expected_close=r.expected_close,
        closed_at=r.closed_at,
        lost_reason=r.lost_reason,
        lost_to=r.lost_to,
        updated_at=r.updated_at,
        stage_since=since,
        documents=tuple(sorted(r.documents.split(_NAME_SEP))) if r.documents else (),
    )


def month_range(day: date) -> tuple[date, date]:
    """The first and last day of ``day``'s month."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def _board_filters(flt: BoardFilter, now: datetime) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if flt.close_month is not None:
        first, last = month_range(flt.close_month)
        where.append(Deal.expected_close.between(first, last))
    if flt.tier:
        where.append(Account.tier == flt.tier)
    if flt.tag:
        where.append(
            exists().where(
                _account_tags.c.account_id == Deal.account_id,
                _account_tags.c.tag_id == Tag.id,
                Tag.name == flt.tag,
            )
        )
    since = now - timedelta(days=flt.closed_days)
    # Open deals always; closed ones only when they closed inside the window.
    where.append(
        case((Deal.stage.in_(list(CLOSED_STAGES)), Deal.closed_at >= since), else_=literal(True))
    )
    return where


def _close_key() -> Any:
    """Expected close, no date last; literal SQL, so it matches the index ix_deals_stage."""
    return type_coerce(
        func.coalesce(Deal.expected_close, literal_column(f"'{_FAR_FUTURE.isoformat()}'")),
        String,
    )


def board_cards(
    store: Store,
    stage: str,
    flt: BoardFilter = BoardFilter(),
    *,
    after: DealCursor | None = None,
    limit: int = 100,
) -> tuple[list[DealCard], DealCursor | None]:
    """One page of a board column: open stages by expected close (soonest first),
    won and lost by when they closed (newest first)."""
    now = store.clock.now()
    closed = stage in CLOSED_STAGES
    columns: list[Any] = [Deal.closed_at, Deal.id] if closed else [_close_key(), Deal.id]
    stmt = (
        _card_select()
        .add_columns(*(c.label(f"k{i}") for i, c in enumerate(columns)))
        .where(Deal.stage == stage, *_board_filters(flt, now))
    )
    if after is not None:
        key, bound = tuple_(*columns), tuple_(*after.key)
        stmt = stmt.where(key < bound if closed else key > bound)
    order = [c.desc() for c in columns] if closed else columns
    with store.read() as s:
        result = s.execute(stmt.order_by(*order).limit(limit)).all()
    cursor = None
    if len(result) == limit:
        last = result[-1]
        cursor = DealCursor((_cursor_value(last.k0), last.k1))
    return [_card(r) for r in result], cursor


def _cursor_value(value: Any) -> Any:
    """A sort key as SQLite compares it: times and dates as their stored text."""
    if isinstance(value, datetime):
        return sql_time(value)
    return value.isoformat() if isinstance(value, date) else value


def _client_live() -> ColumnElement[bool]:
    """The deal's client is not in Trash: checked against the (few) clients in Trash, not
    by looking up every deal's client (each lookup a page to decrypt at 50,000 deals)."""
    return Deal.account_id.not_in(select(Account.id).where(Account.deleted_at.is_not(None)))


def board_totals(
    store: Store,
    flt: BoardFilter = BoardFilter(),
) -> dict[str, tuple[CurrencyTotal, ...]]:
    """Per stage, per currency: how many deals, their sum and their weighted sum.

    Weighted by each deal's probability; a won deal counts whole, a lost one as 0."""
    now = store.clock.now()
    weight = case(
        (Deal.stage == DealStage.WON.value, 100),
        (Deal.stage == DealStage.LOST.value, 0),
        else_=Deal.probability,
    )
    stmt = (
        select(
            Deal.stage,
            Deal.currency,
            func.count(),
            func.coalesce(func.sum(Deal.amount_minor), 0),
            func.coalesce(func.sum(Deal.amount_minor * weight), 0),
        )
        .select_from(Deal)
        .where(Deal.deleted_at.is_(None), _client_live(), *_board_filters(flt, now))
        .group_by(Deal.stage, Deal.currency)
        .order_by(Deal.stage, Deal.currency)
    )
    if flt.tier:  # the only filter that reads the client's row
        stmt = stmt.join(Account, Account.id == Deal.account_id)
    out: dict[str, list[CurrencyTotal]] = {s: [] for s in STAGES}
    with store.read() as s:
        for stage, currency, count, amount, weighted in s.execute(stmt):
            if stage in out:
                out[stage].append(CurrencyTotal(currency, count, amount, round(weighted / 100)))
    return {stage: tuple(totals) for stage, totals in out.items()}


def deal_cards(store: Store, ids: list[str]) -> dict[str, DealCard]:
    """Fresh cards for some deals (live ones only): what the board needs after a change."""
    if not ids:
        return {}
    with store.read() as s:
        return {r.id: _card(r) for r in s.execute(_card_select().where(Deal.id.in_(ids)))}


# -- the deals list -----------------------------------------------------------------------

LIST_SORTS = ("title", "client", "stage", "amount", "close")


def _list_sort(sort: str) -> Any:
    stage_order = case({s: i for i, s in enumerate(STAGES)}, value=Deal.stage, else_=99)
    exprs: dict[str, Any] = {
        "title": Deal.title,
        "client": Account.name,
        "stage": stage_order,
        "amount": Deal.amount_minor,
        "close": _close_key(),
    }
    if sort not in exprs:
        raise ValueError(f"cannot sort deals by {sort!r}")
    return exprs[sort]


def deal_list_page(
    store: Store,
    flt: DealListFilter = DealListFilter(),
    *,
    after: DealCursor | None = None,
    limit: int = 100,
) -> tuple[list[DealCard], DealCursor | None]:
    """One page of every client's deals in ``flt``'s order (ties by id)."""
    columns = [_list_sort(flt.sort), Deal.id]
    stmt = _card_select().add_columns(*(c.label(f"k{i}") for i, c in enumerate(columns)))
    if flt.open_only:
        stmt = stmt.where(Deal.stage.in_(OPEN_STAGES))
    if after is not None:
        key, bound = tuple_(*columns), tuple_(*after.key)
        stmt = stmt.where(key < bound if flt.descending else key > bound)
    order = [c.desc() for c in columns] if flt.descending else columns
    with store.read() as s:
        result = s.execute(stmt.order_by(*order).limit(limit)).all()
    cursor = None
    if len(result) == limit:
        last = result[-1]
        cursor = DealCursor((_cursor_value(last.k0), last.k1))
    return [_card(r) for r in result], cursor


def deal_count(
    store: Store,
    flt: DealListFilter = DealListFilter(),
) -> int:
    stmt = (
        select(func.count())
        .select_from(Deal)
        .join(Account, Account.id == Deal.account_id)
        .where(Deal.deleted_at.is_(None), Account.deleted_at.is_(None))
    )
    if flt.open_only:
        stmt = stmt.where(Deal.stage.in_(OPEN_STAGES))
    with store.read() as s:
        return int(s.execute(stmt).scalar_one())


def close_months(store: Store) -> list[date]:
    """The months (their first day) in which open deals are expected to close."""
    stmt = (
        select(func.distinct(func.strftime("%Y-%m", Deal.expected_close)))
        .where(
            Deal.deleted_at.is_(None),
            Deal.stage.in_(OPEN_STAGES),
            Deal.expected_close.is_not(None),
        )
        .order_by(func.strftime("%Y-%m", Deal.expected_close))
    )
    with store.read() as s:
        months = [str(m) for m in s.scalars(stmt) if m]
    return [date(int(m[:4]), int(m[5:7]), 1) for m in months]
