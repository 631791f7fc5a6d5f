"""Read queries for the panes: the client list and one client's header card here;
the timeline (models.queries.timeline) and follow-ups (models.queries.followups) are
re-exported, so callers have one module to import.

Each opens its own read session and returns plain rows (models.rows). Lists are
paged by keyset (the last row's sort key), so a page costs the same at row 10
and at row 100,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import Session

from models import fields
from models.entities import (
    KINDS,
    WARM_STATUSES,
    Account,
    Contact,
    Deal,
    Tag,
    account_tags,
)
from models.queries import header, health_kept
from models.queries import health as health_sql
from models.rows import (
    AccountDetail,
    ClientFilter,
    ClientRow,
    ContactRow,
    DealRow,
    contact_row,
    deal_row,
    row_from,
)
from models.store import Store
from models.time_sql import sql_time

NO_FILTER = ClientFilter()


def going_cold_expr(now: datetime) -> ColumnElement[bool]:
    """True when an active/prospect client has not been contacted for longer than its cadence.

    Never-contacted clients count from when they were added. At exactly ``cadence_days``
    the client is not yet cold.
    """
    reference = func.coalesce(Account.last_contact_at, Account.created_at)
    cutoff = func.strftime(
        "%Y-%m-%d %H:%M:%f", sql_time(now), func.printf("-%d days", Account.cadence_days)
    )
    return and_(Account.status.in_(WARM_STATUSES), reference < cutoff)


# -- client list --------------------------------------------------------------------------

_FAR_FUTURE = "9999-12-31"


def _sort_expr(sort: str, health: ColumnElement[Any] | None = None) -> ColumnElement[Any]:
    exprs: dict[str, Any] = {
        "health": health,
        "name": Account.name,
        "tier": Account.tier,
        "status": Account.status,
        # Compared as stored text, so NULL can become a sentinel that sorts first/last.
        # Literal SQL, so it matches the expression indexes of migration 0003.
        "last_contact": type_coerce(
            func.coalesce(Account.last_contact_at, literal_column("''")), String
        ),
        "next_followup": type_coerce(
            func.coalesce(Account.next_followup_at, literal_column(f"'{_FAR_FUTURE}'")), String
        ),
    }
    if exprs.get(sort) is None:
        raise ValueError(f"cannot sort clients by {sort!r}")
    expr: ColumnElement[Any] = exprs[sort]
    return expr


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: Up to this many index hits, their ids are read and the page is looked up by id.
FTS_CANDIDATES = 2000
#: Past this many hits a substring is common: walking the clients in name order and
#: probing the hits (read once by SQLite) finds a page sooner than sorting every hit.
DENSE_HITS = 5000
#: Past this many, reading the hits costs more than matching names, contacts and tags
#: with LIKE while walking the name order (one client in six or more matches).
LIKE_HITS = 15000
# The index is searched first (a join could let SQLite probe it once per client).
_CLIENT_FTS = text(
    "SELECT account_id FROM client_docs WHERE docid IN "
    "(SELECT rowid FROM client_fts WHERE client_fts MATCH :phrase LIMIT :limit)"
)
_FTS_HITS = text(
    "SELECT count(*) FROM (SELECT rowid FROM client_fts WHERE client_fts MATCH :phrase "
    "LIMIT :limit)"
)


def _filter_text(flt: ClientFilter) -> str:
    return " ".join(flt.text.split())


def _text_filter(
    s: Session, flt: ClientFilter, *, counting: bool = False
) -> ColumnElement[bool] | None:
    """Clients whose name, contacts or tags contain the filter text, from the trigram
    index (client_fts); None under 3 characters (names alone are matched then).

    Few hits: their ids. Many: the index's hits as a subquery SQLite reads once, probed
    by id (sorting the hits), or, when they are dense, while walking the name order; a
    page of very dense hits is found sooner with LIKE (never a count: it needs them all).
    """
    needle = _filter_text(flt)
    if len(needle) < 3:
        return None
    phrase = '"' + needle.replace('"', '""') + '"'
    ids = [
        str(r[0]) for r in s.execute(_CLIENT_FTS, {"phrase": phrase, "limit": FTS_CANDIDATES + 1})
    ]
    if len(ids) <= FTS_CANDIDATES:
        return Account.id.in_(ids)
    hits = (
        text(
            "SELECT account_id FROM client_docs WHERE docid IN "
            "(SELECT rowid FROM client_fts WHERE client_fts MATCH :phrase)"
        )
        .bindparams(phrase=phrase)
        .columns(literal_column("account_id", String))
    )
    dense = s.execute(_FTS_HITS, {"phrase": phrase, "limit": LIKE_HITS + 1}).scalar_one()
    if dense > LIKE_HITS and not counting:
        pattern = _like(needle)
        return or_(
            Account.name.like(pattern, escape="\\"),
            exists().where(
                Contact.account_id == Account.id,
                Contact.deleted_at.is_(None),
                Contact.name.like(pattern, escape="\\"),
            ),
            exists().where(
                account_tags.c.account_id == Account.id,
                account_tags.c.tag_id == Tag.id,
                Tag.name.like(pattern, escape="\\"),
            ),
        )
    # "+accounts.id" keeps SQLite from looking the hits up by id: it walks the sort order.
    walk = dense > DENSE_HITS and not counting
    column = literal_column("+accounts.id", String) if walk else Account.id
    return column.in_(hits)


def _client_filters(
    flt: ClientFilter, now: datetime, text_filter: ColumnElement[bool] | None = None
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Account.deleted_at.is_(None)]
    needle = _filter_text(flt)
    if text_filter is not None:
        where.append(text_filter)
    elif needle:
        # One or two letters: client names only (contacts and tags count from three
        # letters on, through the index), so a keystroke never probes every contact.
        where.append(Account.name.like(_like(needle), escape="\\"))
    if flt.tiers:
        where.append(Account.tier.in_(sorted(flt.tiers)))
    if flt.statuses:
        where.append(Account.status.in_(sorted(flt.statuses)))
    if flt.tag:
        where.append(
            exists().where(
                account_tags.c.account_id == Account.id,
                account_tags.c.tag_id == Tag.id,
                Tag.name == flt.tag,
            )
        )
    if flt.going_cold_only:
        where.append(going_cold_expr(now))
    return where


@dataclass(frozen=True, slots=True)
class ClientCursor:
    """The sort key of the last row of a page: the next page starts after it."""

    key: tuple[Any, ...]


_ROW_COLUMNS = (
    Account.id,
    Account.name,
    Account.tier,
    Account.status,
    Account.industry,
    Account.cadence_days,
    Account.last_contact_at,
    Account.next_followup_at,
)


def _client_select(
    flt: ClientFilter, now: datetime, text_filter: ColumnElement[bool] | None = None
) -> tuple[Select[Any], ColumnElement[Any]]:
    """The list's select and its sort expression. Sorted by health, every client's score
    is needed: the grouped form (models.queries.health) is joined in; otherwise each row
    of the page computes its own."""
    if flt.sort == "health":
        agg, health = health_sql.sort_key_columns(now)
    else:
        agg, health = None, health_sql.row_columns(now)["health"]
    sort = _sort_expr(flt.sort, health)
    stmt: Any = select(
        *_ROW_COLUMNS,
        going_cold_expr(now).label("going_cold"),
        health.label("health"),
        sort.label("sort_key"),
    ).select_from(Account)
    if agg is not None:
        stmt = agg.join(stmt)
    return stmt.where(*_client_filters(flt, now, text_filter)), sort


def _client_row(r: Any) -> ClientRow:
    return row_from(ClientRow, r, going_cold=bool(r.going_cold))


def client_page(
    store: Store,
    flt: ClientFilter = NO_FILTER,
    *,
    after: ClientCursor | None = None,
    limit: int = 100,
) -> tuple[list[ClientRow], ClientCursor | None]:
    """One page of the client list; returns the rows and the cursor of the next page."""
    if flt.sort == "health" and (page := _kept_health_page(store, flt, after, limit)):
        return page
    now = store.clock.now()
    with store.read() as s:
        stmt, sort = _client_select(flt, now, _text_filter(s, flt))
        # (sort key, name, id), without repeating name: a repeated ORDER BY term keeps
        # SQLite from walking the matching index and it sorts every client instead.
        columns: list[Any] = (
            [Account.name, Account.id] if flt.sort == "name" else [sort, Account.name, Account.id]
        )
        key = tuple_(*columns)
        order = [c.desc() for c in columns] if flt.descending else columns
        if after is not None:
            after_key = tuple_(*after.key)
            stmt = stmt.where(key < after_key if flt.descending else key > after_key)
        result = s.execute(stmt.order_by(*order).limit(limit)).all()
    rows = [_client_row(r) for r in result]
    cursor = None
    if len(result) == limit:
        last = result[-1]
        values = (last.name, last.id) if flt.sort == "name" else (last.sort_key, last.name, last.id)
        cursor = ClientCursor(values)
    return rows, cursor


def _kept_health_page(
    store: Store, flt: ClientFilter, after: ClientCursor | None, limit: int
) -> tuple[list[ClientRow], ClientCursor | None] | None:
    """The page sorted by health from the kept scores (models.queries.health_kept),
    brought up to date first: an index walk, not every client scored. None when they
    cannot be (writes refused): the caller scores every client then."""
    kept = health_kept.KEPT
    for _ in range(3):  # a write between the refresh and the read: refresh again
        now = store.clock.now()
        if not health_kept.brought_up_to_date(store, now):
            return None
        with store.read() as s:
            if health_kept.stale_count(s, now):
                continue
            stmt = (
                select(
                    *_ROW_COLUMNS,
                    going_cold_expr(now).label("going_cold"),
                    kept.c.score.label("health"),
                )
                .select_from(kept)
                .join(Account, Account.id == kept.c.account_id)
                .where(*_client_filters(flt, now, _text_filter(s, flt)))
            )
            columns = [kept.c.score, kept.c.name, kept.c.account_id]
            key = tuple_(*columns)
            if after is not None:
                after_key = tuple_(*after.key)
                stmt = stmt.where(key < after_key if flt.descending else key > after_key)
            order = [c.desc() for c in columns] if flt.descending else columns
            result = s.execute(stmt.order_by(*order).limit(limit)).all()
        rows = [_client_row(r) for r in result]
        last = result[-1] if len(result) == limit else None
        return rows, ClientCursor((last.health, last.name, last.id)) if last else None
    return None


def _kept_within_pages(
    store: Store, flt: ClientFilter, ids: Sequence[str], through: ClientCursor | None
) -> set[str] | None:
    """:func:`within_pages` sorted by health, from the kept scores (None: not up to date)."""
    now = store.clock.now()
    if not health_kept.brought_up_to_date(store, now):
        return None
    kept = health_kept.KEPT
    with store.read() as s:
        if health_kept.stale_count(s, now):
            return None
        stmt = (
            select(Account.id)
            .select_from(kept)
            .join(Account, Account.id == kept.c.account_id)
            .where(Account.id.in_(list(ids)), *_client_filters(flt, now, _text_filter(s, flt)))
        )
        if through is not None:
            key, last = tuple_(kept.c.score, kept.c.name, kept.c.account_id), tuple_(*through.key)
            stmt = stmt.where(key >= last if flt.descending else key <= last)
        return {str(r.id) for r in s.execute(stmt)}


def within_pages(
    store: Store, flt: ClientFilter, ids: Sequence[str], through: ClientCursor | None
) -> set[str]:
    """Which of ``ids`` the filter matches at or before ``through`` (the last row a
    list has read; None: the list is read to its end): the rows a list must show now,
    where the others arrive with the pages still to read."""
    if not ids:
        return set()
    if flt.sort == "health" and (kept := _kept_within_pages(store, flt, ids, through)) is not None:
        return kept
    now = store.clock.now()
    with store.read() as s:
        text_filter = _text_filter(s, flt)
        if flt.sort == "health":
            stmt, sort = _client_select(flt, now, text_filter)
        else:  # the ids and sort keys alone: no client's health computed for this
            sort = _sort_expr(flt.sort)
            stmt = select(Account.id).where(*_client_filters(flt, now, text_filter))
        stmt = stmt.where(Account.id.in_(list(ids)))
        columns: list[Any] = (
            [Account.name, Account.id] if flt.sort == "name" else [sort, Account.name, Account.id]
        )
        if through is not None:
            key, last = tuple_(*columns), tuple_(*through.key)
            stmt = stmt.where(key >= last if flt.descending else key <= last)
        return {str(r.id) for r in s.execute(stmt)}


#: How far the client list counts a filter's matches: past it, it reads "1000+ clients".
COUNT_CAP = 1_000


def client_count(store: Store, flt: ClientFilter = NO_FILTER, *, cap: int | None = None) -> int:
    """How many clients ``flt`` matches; with ``cap``, counting stops at ``cap + 1``
    (a broad filter at 100,000 clients counted them all on every keystroke)."""
    now = store.clock.now()
    with store.read() as s:
        where = _client_filters(flt, now, _text_filter(s, flt, counting=True))
        if cap is None:
            stmt = select(func.count()).select_from(Account).where(*where)
        else:
            matches = select(Account.id).where(*where).limit(cap + 1).subquery()
            stmt = select(func.count()).select_from(matches)
        return int(s.execute(stmt).scalar_one())


def client_rows(store: Store, ids: Sequence[str]) -> dict[str, ClientRow]:
    """Fresh rows for some clients (live ones only): what a pane needs after a change."""
    if not ids:
        return {}
    now = store.clock.now()
    stmt = _client_select(NO_FILTER, now)[0].where(Account.id.in_(list(ids)))
    with store.read() as s:
        return {r.id: _client_row(r) for r in s.execute(stmt)}


def live_names(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """The names of some clients (live ones only): what a list showing them needs
    after a change, without the rest of their rows."""
    if not ids:
        return {}
    stmt = select(Account.id, Account.name).where(
        Account.deleted_at.is_(None), Account.id.in_(list(ids))
    )
    with store.read() as s:
        return {str(r[0]): str(r[1]) for r in s.execute(stmt)}


def client_names(store: Store) -> list[tuple[str, str]]:
    """(id, name) of every live client, for fuzzy jumping and capture matching."""
    stmt = select(Account.id, Account.name).where(Account.deleted_at.is_(None))
    with store.read() as s:
        return [(r.id, r.name) for r in s.execute(stmt)]


def all_tags(store: Store) -> list[str]:
    stmt = select(Tag.name).where(Tag.deleted_at.is_(None)).order_by(Tag.name)
    with store.read() as s:
        return list(s.scalars(stmt))


# -- one client ---------------------------------------------------------------------------


def account_detail(store: Store, account_id: str) -> AccountDetail | None:
    """The client's header card: fields, tags, contacts, open deals. None if unknown
    (models.queries.header: statements built once, run on every click in the list)."""
    return header.account_header(store, account_id)


def contact(store: Store, contact_id: str) -> ContactRow | None:
    with store.read() as s:
        c = s.get(Contact, contact_id)
        return contact_row(c) if c is not None else None


def deal(store: Store, deal_id: str) -> DealRow | None:
    with store.read() as s:
        d = s.get(Deal, deal_id)
        return deal_row(d) if d is not None else None


def declared_values(store: Store, kind: str, id_: str) -> dict[str, Any] | None:
    """One row's declared fields (models/fields.py) by name, as the forms edit them."""
    cls: Any = KINDS[kind]
    names = fields.names(kind)
    with store.read() as s:
        row = s.execute(select(*(getattr(cls, n) for n in names)).where(cls.id == id_)).first()
    return dict(zip(names, row, strict=True)) if row is not None else None
