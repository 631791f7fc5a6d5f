"""Follow-up queries: overdue / today / upcoming / done buckets, and what falls due."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select

from models.clock import local_midnight, local_zone
from models.entities import Account, FollowUp
from models.rows import FollowUpBuckets, FollowUpRow
from models.store import Store

RECENT_DONE = timedelta(days=7)


def local_tz() -> tzinfo:
    """The system's local time zone, with its daylight-saving rules (models.clock)."""
    return local_zone()


def local_day_bounds(now: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    """(start of today, start of tomorrow) in ``tz``, as UTC."""
    local = now.astimezone(tz).date()
    return all_day_value(local, tz), all_day_value(local + timedelta(days=1), tz)


def all_day_value(day: date, tz: tzinfo | None = None) -> datetime:
    """How an all-day due date is stored: the start of that day in local time, as UTC
    (that day's own offset: one after a daylight-saving change has the new one)."""
    return local_midnight(day, tz)


#: The columns a FollowUpRow holds: lists read these, not whole entities (a bucket
#: holds hundreds of rows; building an ORM object for each cost more than the query).
_ROW_COLUMNS = (
    FollowUp.id,
    FollowUp.account_id,
    Account.name.label("account_name"),
    FollowUp.interaction_id,
    FollowUp.title,
    FollowUp.due_at,
    FollowUp.all_day,
    FollowUp.priority,
    FollowUp.done_at,
    FollowUp.snoozed_until,
)


def _rows(result: Any) -> tuple[FollowUpRow, ...]:
    return tuple(FollowUpRow(*r) for r in result)


#: The buckets of the follow-ups pane, in its order.
BUCKETS = ("overdue", "today", "upcoming", "done")


def _conditions(now: datetime, tz: tzinfo | None) -> dict[str, ColumnElement[bool]]:
    """What puts a live follow-up in each bucket (they exclude each other).

    An all-day follow-up is due on its date (overdue from the next day on); a timed or
    snoozed one is overdue once its time has passed. For an all-day one (not snoozed)
    the effective due time is due_at, so each open bucket is a range of ``eff`` (the
    index ix_follow_ups_open_effective_due, in the buckets' order: a bucket reads its
    first page and stops) narrowed by the exact rule.
    """
    start, tomorrow = local_day_bounds(now, tz or local_tz())
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    is_date = and_(FollowUp.all_day.is_(True), FollowUp.snoozed_until.is_(None))
    is_time = or_(FollowUp.all_day.is_(False), FollowUp.snoozed_until.is_not(None))
    open_ = FollowUp.done_at.is_(None)
    return {
        "overdue": and_(open_, eff < now, or_(and_(is_date, FollowUp.due_at < start), is_time)),
        "today": and_(open_, eff >= start, eff < tomorrow, or_(is_date, and_(is_time, eff >= now))),
        "upcoming": and_(open_, eff >= tomorrow),
        "done": FollowUp.done_at >= now - RECENT_DONE,
    }


def _live(account_id: str | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        FollowUp.deleted_at.is_(None),
        Account.deleted_at.is_(None),
    ]
    if account_id is not None:
        where.append(FollowUp.account_id == account_id)
    return where


def _bucket_query(
    bucket: str, now: datetime, tz: tzinfo | None, account_id: str | None
) -> tuple[list[ColumnElement[bool]], list[Any]]:
    """The WHERE terms and ORDER BY of one bucket."""
    where = [*_live(account_id), _conditions(now, tz)[bucket]]
    if bucket == "done":
        return where, [FollowUp.done_at.desc()]
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    # The index's order (ties in it keep their index order: pages never overlap).
    return where, [eff, FollowUp.priority.desc(), FollowUp.title]


def bucket_page(
    store: Store,
    bucket: str,
    *,
    account_id: str | None = None,
    offset: int = 0,
    limit: int = 100,
    tz: tzinfo | None = None,
) -> tuple[FollowUpRow, ...]:
    """One page of a bucket in the pane's order (rows ``offset`` to ``offset + limit``)."""
    where, order = _bucket_query(bucket, store.clock.now(), tz, account_id)
    stmt = (
        select(*_ROW_COLUMNS)
        .join(Account, Account.id == FollowUp.account_id)
        .where(*where)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    with store.read() as s:
        return _rows(s.execute(stmt))


def bucket_count(
    store: Store,
    bucket: str,
    *,
    account_id: str | None = None,
    cap: int | None = None,
    tz: tzinfo | None = None,
) -> int:
    """How many follow-ups a bucket holds; with ``cap``, counting stops at ``cap + 1``."""
    where, _order = _bucket_query(bucket, store.clock.now(), tz, account_id)
    matches = select(FollowUp.id).join(Account, Account.id == FollowUp.account_id).where(*where)
    if cap is not None:
        matches = matches.limit(cap + 1)
    stmt = select(func.count()).select_from(matches.subquery())
    with store.read() as s:
        return int(s.execute(stmt).scalar_one())


def buckets_of(store: Store, followup_ids: set[str], *, tz: tzinfo | None = None) -> dict[str, str]:
    """The bucket each of ``followup_ids`` is in now (absent: in none, e.g. deleted);
    one query."""
    if not followup_ids:
        return {}
    bucket = case(
        *((cond, literal(name)) for name, cond in _conditions(store.clock.now(), tz).items()),
        else_=literal(""),
    )
    stmt = (
        select(FollowUp.id, bucket)
        .join(Account, Account.id == FollowUp.account_id)
        .where(*_live(None), FollowUp.id.in_(sorted(followup_ids)))
    )
    with store.read() as s:
        return {str(id_): str(name) for id_, name in s.execute(stmt) if name}


def rows_in_buckets(
    store: Store, followup_ids: set[str], *, tz: tzinfo | None = None
) -> dict[str, tuple[str, FollowUpRow]]:
    """The bucket and row of each of ``followup_ids`` now (absent: in no bucket, e.g.
    deleted or done long ago), in one query: what the pane needs to move them."""
    if not followup_ids:
        return {}
    bucket = case(
        *((cond, literal(name)) for name, cond in _conditions(store.clock.now(), tz).items()),
        else_=literal(""),
    )
    stmt = (
        select(bucket.label("bucket"), *_ROW_COLUMNS)
        .join(Account, Account.id == FollowUp.account_id)
        .where(*_live(None), FollowUp.id.in_(sorted(followup_ids)))
    )
    with store.read() as s:
        return {str(r[1]): (str(r[0]), FollowUpRow(*r[1:])) for r in s.execute(stmt) if r[0]}


def followups(
    store: Store,
    *,
    account_id: str | None = None,
    tz: tzinfo | None = None,
    limit: int = 500,
) -> FollowUpBuckets:
    """Open follow-ups bucketed overdue / today / upcoming, plus those done in the last
    week (each bucket's first ``limit``, in the pane's order)."""
    out = {
        name: bucket_page(store, name, account_id=account_id, limit=limit, tz=tz)
        for name in BUCKETS
    }
    return FollowUpBuckets(**out)


def followup(store: Store, followup_id: str) -> FollowUpRow | None:
    stmt = (
        select(*_ROW_COLUMNS)
        .join(Account, Account.id == FollowUp.account_id)
        .where(FollowUp.id == followup_id)
    )
    with store.read() as s:
        rows = _rows(s.execute(stmt))
    return rows[0] if rows else None


def due_between(store: Store, start: datetime, end: datetime) -> list[FollowUpRow]:
    """Open timed follow-ups whose (snoozed) due time falls in [start, end): reminders."""
    eff = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    is_time = or_(FollowUp.all_day.is_(False), FollowUp.snoozed_until.is_not(None))
    stmt = (
        select(*_ROW_COLUMNS)
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
        return list(_rows(s.execute(stmt)))
