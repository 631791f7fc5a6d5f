"""Read queries for the three panes: client list, one client's timeline, follow-ups.

Each opens its own read session and returns plain rows (models.rows). Lists are
paged by keyset (the last row's sort key), so a page costs the same at row 10
and at row 100,000.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import Session

from models.entities import (
    CLOSED_STAGES,
    Account,
    AccountStatus,
    Contact,
    Deal,
    FollowUp,
    Interaction,
    Tag,
    account_tags,
    interaction_contacts,
)
from models.rows import (
    AccountDetail,
    ClientFilter,
    ClientRow,
    ContactRow,
    DealRow,
    FollowUpBuckets,
    FollowUpRow,
    InteractionRow,
    TimelineCursor,
)
from models.store import Store

#: Statuses for which "going cold" is meaningful (a dormant or lost client is cold on purpose).
WARM_STATUSES = (AccountStatus.ACTIVE.value, AccountStatus.PROSPECT.value)
RECENT_DONE = timedelta(days=7)
NO_FILTER = ClientFilter()


def _sql_time(value: datetime) -> str:
    """A UTC time in the text form SQLAlchemy stores, for SQL-side date arithmetic."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def going_cold_expr(now: datetime) -> ColumnElement[bool]:
    """True when an active/prospect client has not been contacted for longer than its cadence.

    Never-contacted clients count from when they were added. At exactly ``cadence_days``
    the client is not yet cold.
    """
    reference = func.coalesce(Account.last_contact_at, Account.created_at)
    cutoff = func.strftime(
        "%Y-%m-%d %H:%M:%f", _sql_time(now), func.printf("-%d days", Account.cadence_days)
    )
    return and_(Account.status.in_(WARM_STATUSES), reference < cutoff)


# -- client list --------------------------------------------------------------------------

_FAR_FUTURE = "9999-12-31"


def _sort_expr(sort: str) -> ColumnElement[Any]:
    exprs: dict[str, Any] = {
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
    if sort not in exprs:
        raise ValueError(f"cannot sort clients by {sort!r}")
    expr: ColumnElement[Any] = exprs[sort]
    return expr


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: Above this many index hits a substring is common, and walking the list in its sort
#: order finds a page of matches sooner than sorting every hit.
FTS_CANDIDATES = 2000
# The index is searched first (a join could let SQLite probe it once per client).
_CLIENT_FTS = text(
    "SELECT account_id FROM client_docs WHERE docid IN "
    "(SELECT rowid FROM client_fts WHERE client_fts MATCH :phrase LIMIT :limit)"
)


def _filter_text(flt: ClientFilter) -> str:
    return " ".join(flt.text.split())


def _text_candidates(s: Session, flt: ClientFilter) -> list[str] | None:
    """Clients whose name, contacts or tags contain the filter text, from the trigram
    index; None when the index cannot narrow it (under 3 characters, or very common)."""
    needle = _filter_text(flt)
    if len(needle) < 3:
        return None
    phrase = '"' + needle.replace('"', '""') + '"'
    ids = [
        str(r[0]) for r in s.execute(_CLIENT_FTS, {"phrase": phrase, "limit": FTS_CANDIDATES + 1})
    ]
    return ids if len(ids) <= FTS_CANDIDATES else None


def _client_filters(
    flt: ClientFilter, now: datetime, candidates: list[str] | None = None
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Account.deleted_at.is_(None)]
    needle = _filter_text(flt)
    if candidates is not None:
        where.append(Account.id.in_(candidates))
    elif len(needle) < 3:
        # One or two letters: client names only (contacts and tags count from three
        # letters on, through the index), so a keystroke never probes every contact.
        where.append(Account.name.like(_like(needle), escape="\\"))
    elif needle:
        pattern = _like(needle)
        where.append(
            or_(
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
        )
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


def _client_select(
    flt: ClientFilter, now: datetime, candidates: list[str] | None = None
) -> Select[Any]:
    return select(
        Account.id,
        Account.name,
        Account.tier,
        Account.status,
        Account.industry,
        Account.cadence_days,
        Account.last_contact_at,
        Account.next_followup_at,
        going_cold_expr(now).label("going_cold"),
        _sort_expr(flt.sort).label("sort_key"),
    ).where(*_client_filters(flt, now, candidates))


def _client_row(r: Any) -> ClientRow:
    return ClientRow(
        id=r.id,
        name=r.name,
        tier=r.tier,
        status=r.status,
        industry=r.industry,
        cadence_days=r.cadence_days,
        last_contact_at=r.last_contact_at,
        next_followup_at=r.next_followup_at,
        going_cold=bool(r.going_cold),
    )


def client_page(
    store: Store,
    flt: ClientFilter = NO_FILTER,
    *,
    after: ClientCursor | None = None,
    limit: int = 100,
) -> tuple[list[ClientRow], ClientCursor | None]:
    """One page of the client list; returns the rows and the cursor of the next page."""
    now = store.clock.now()
    sort = _sort_expr(flt.sort)
    # (sort key, name, id), without repeating name: a repeated ORDER BY term keeps
    # SQLite from walking the matching index and it sorts every client instead.
    columns: list[Any] = (
        [Account.name, Account.id] if flt.sort == "name" else [sort, Account.name, Account.id]
    )
    key = tuple_(*columns)
    order = [c.desc() for c in columns] if flt.descending else columns
    with store.read() as s:
        stmt = _client_select(flt, now, _text_candidates(s, flt))
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


def client_count(store: Store, flt: ClientFilter = NO_FILTER) -> int:
    now = store.clock.now()
    with store.read() as s:
        where = _client_filters(flt, now, _text_candidates(s, flt))
        stmt = select(func.count()).select_from(Account).where(*where)
        return int(s.execute(stmt).scalar_one())


def client_rows(store: Store, ids: Sequence[str]) -> dict[str, ClientRow]:
    """Fresh rows for some clients (live ones only): what a pane needs after a change."""
    if not ids:
        return {}
    now = store.clock.now()
    stmt = _client_select(NO_FILTER, now).where(Account.id.in_(list(ids)))
    with store.read() as s:
        return {r.id: _client_row(r) for r in s.execute(stmt)}


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


def _contact_row(c: Any) -> ContactRow:
    return ContactRow(
        id=c.id,
        account_id=c.account_id,
        name=c.name,
        title=c.title,
        emails=tuple(c.emails or ()),
        phones=tuple(c.phones or ()),
        birthday=c.birthday,
        notes=c.notes,
    )


def deal_row(d: Any) -> DealRow:
    return DealRow(
        id=d.id,
        account_id=d.account_id,
        title=d.title,
        stage=d.stage,
        amount_minor=d.amount_minor,
        currency=d.currency,
        probability=d.probability,
        expected_close=d.expected_close,
        closed_at=d.closed_at,
        lost_reason=d.lost_reason,
    )


def account_detail(store: Store, account_id: str) -> AccountDetail | None:
    """The client's header card: fields, tags, contacts, open deals. None if unknown.

    Columns, not entities: this runs on every click in the client list.
    """
    now = store.clock.now()
    with store.read() as s:
        a = s.execute(
            select(*Account.__table__.c, going_cold_expr(now).label("going_cold")).where(
                Account.id == account_id
            )
        ).first()
        if a is None:
            return None
        tags = s.scalars(
            select(Tag.name)
            .join(account_tags, account_tags.c.tag_id == Tag.id)
            .where(account_tags.c.account_id == account_id)
            .order_by(Tag.name)
        ).all()
        contacts = s.execute(
            select(*Contact.__table__.c)
            .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
            .order_by(Contact.name)
        ).all()
        deals = s.execute(
            select(*Deal.__table__.c)
            .where(
                Deal.account_id == account_id,
                Deal.deleted_at.is_(None),
                Deal.stage.not_in([st.value for st in CLOSED_STAGES]),
            )
            .order_by(Deal.expected_close, Deal.title)
        ).all()
    return AccountDetail(
        id=a.id,
        name=a.name,
        industry=a.industry,
        tier=a.tier,
        status=a.status,
        website=a.website,
        phone=a.phone,
        address=a.address,
        notes=a.notes,
        cadence_days=a.cadence_days,
        last_contact_at=a.last_contact_at,
        next_followup_at=a.next_followup_at,
        going_cold=bool(a.going_cold),
        tags=tuple(tags),
        contacts=tuple(_contact_row(c) for c in contacts),
        open_deals=tuple(deal_row(d) for d in deals),
        deleted_at=a.deleted_at,
    )


def contact(store: Store, contact_id: str) -> ContactRow | None:
    with store.read() as s:
        c = s.get(Contact, contact_id)
        return _contact_row(c) if c is not None else None


def deal(store: Store, deal_id: str) -> DealRow | None:
    with store.read() as s:
        d = s.get(Deal, deal_id)
        return deal_row(d) if d is not None else None


# -- timeline -----------------------------------------------------------------------------


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
        InteractionRow(
            id=i.id,
            account_id=i.account_id,
            kind=i.kind,
            occurred_at=i.occurred_at,
            subject=i.subject,
            body=i.body,
            body_format=i.body_format,
            location=i.location,
            duration_minutes=i.duration_minutes,
            outcome=i.outcome,
            gift_value_minor=i.gift_value_minor,
            gift_currency=i.gift_currency,
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
            < tuple_(literal(_sql_time(before.occurred_at)), literal(before.id))
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


# -- follow-ups ---------------------------------------------------------------------------


def local_tz() -> tzinfo:
    """The system's local time zone."""
    return datetime.now().astimezone().tzinfo or UTC


def local_day_bounds(now: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    """(start of today, start of tomorrow) in ``tz``, as UTC."""
    local = now.astimezone(tz).date()
    return all_day_value(local, tz), all_day_value(local + timedelta(days=1), tz)


def all_day_value(day: date, tz: tzinfo | None = None) -> datetime:
    """How an all-day due date is stored: the start of that day in local time, as UTC."""
    return datetime.combine(day, time(), tzinfo=tz or local_tz()).astimezone(UTC)


def _followup_row(f: FollowUp, account_name: str) -> FollowUpRow:
    return FollowUpRow(
        id=f.id,
        account_id=f.account_id,
        account_name=account_name,
        interaction_id=f.interaction_id,
        title=f.title,
        due_at=f.due_at,
        all_day=f.all_day,
        priority=f.priority,
        done_at=f.done_at,
        snoozed_until=f.snoozed_until,
    )


def followups(
    store: Store,
    *,
    account_id: str | None = None,
    tz: tzinfo | None = None,
    limit: int = 500,
) -> FollowUpBuckets:
    """Open follow-ups bucketed overdue / today / upcoming, plus those done in the last week.

    An all-day follow-up is due on its date (overdue from the next day on); a timed or
    snoozed one is overdue once its time has passed.
    """
    now = store.clock.now()
    start, tomorrow = local_day_bounds(now, tz or local_tz())
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    is_date = and_(FollowUp.all_day.is_(True), FollowUp.snoozed_until.is_(None))
    is_time = or_(FollowUp.all_day.is_(False), FollowUp.snoozed_until.is_not(None))
    base: list[ColumnElement[bool]] = [
        FollowUp.deleted_at.is_(None),
        Account.deleted_at.is_(None),
    ]
    if account_id is not None:
        base.append(FollowUp.account_id == account_id)
    open_ = FollowUp.done_at.is_(None)
    buckets = {
        "overdue": or_(and_(is_date, FollowUp.due_at < start), and_(is_time, eff < now)),
        "today": or_(
            and_(is_date, FollowUp.due_at >= start, FollowUp.due_at < tomorrow),
            and_(is_time, eff >= now, eff < tomorrow),
        ),
        "upcoming": or_(and_(is_date, FollowUp.due_at >= tomorrow), and_(is_time, eff >= tomorrow)),
    }
    out: dict[str, tuple[FollowUpRow, ...]] = {}
    with store.read() as s:
        for name, cond in buckets.items():
            stmt = (
                select(FollowUp, Account.name)
                .join(Account, Account.id == FollowUp.account_id)
                .where(*base, open_, cond)
                .order_by(eff, FollowUp.priority.desc(), FollowUp.title)
                .limit(limit)
            )
            out[name] = tuple(_followup_row(f, n) for f, n in s.execute(stmt))
        done_stmt = (
            select(FollowUp, Account.name)
            .join(Account, Account.id == FollowUp.account_id)
            .where(*base, FollowUp.done_at >= now - RECENT_DONE)
            .order_by(FollowUp.done_at.desc())
            .limit(limit)
        )
        out["done"] = tuple(_followup_row(f, n) for f, n in s.execute(done_stmt))
    return FollowUpBuckets(**out)


def followup(store: Store, followup_id: str) -> FollowUpRow | None:
    with store.read() as s:
        row = s.execute(
            select(FollowUp, Account.name)
            .join(Account, Account.id == FollowUp.account_id)
            .where(FollowUp.id == followup_id)
        ).first()
        return _followup_row(row[0], row[1]) if row is not None else None


def due_between(store: Store, start: datetime, end: datetime) -> list[FollowUpRow]:
    """Open timed follow-ups whose (snoozed) due time falls in [start, end): reminders."""
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    is_time = or_(FollowUp.all_day.is_(False), FollowUp.snoozed_until.is_not(None))
    stmt = (
        select(FollowUp, Account.name)
        .join(Account, Account.id == FollowUp.account_id)
        .where(
            FollowUp.deleted_at.is_(None),
            Account.deleted_at.is_(None),
            FollowUp.done_at.is_(None),
            is_time,
            eff >= start,
            eff < end,
        )
        .order_by(eff)
    )
    with store.read() as s:
        return [_followup_row(f, n) for f, n in s.execute(stmt)]
