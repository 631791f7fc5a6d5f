"""Every client's health score kept in ``client_health`` (migration 0020), so the client
list sorted by health walks an index instead of scoring 100,000 clients per page.

A row is fresh while ``due`` (the first instant its score may change, UTC text) is later
than now. Writes that can change a score mark the client stale (``due = ''``) by trigger,
whatever path they take; time makes rows stale by itself as ``due`` passes (a contact
ageing past the cadence, an entry leaving the 90-day window or arriving from the future,
a follow-up falling overdue, local midnight for an all-day follow-up). :func:`refresh`
recomputes the stale rows with the same SQL as every other health figure
(:func:`models.queries.health.row_columns`) and stores each with its next ``due``: a few
rows after an edit, the clients whose time came since the last read otherwise.

The rows are derived data, not an edit: the refresh is its own short write transaction
with no undo step and no change notification, and team sync never sends the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from types import SimpleNamespace
from typing import Any

from sqlalchemy import ColumnElement, and_, column, func, select, table, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from models.clock import local_zone
from models.entities import Account, FollowUp, Interaction
from models.queries import health as rules
from models.queries.followups import local_day_bounds
from models.store import Store
from models.time_sql import sql_time

#: Stale rows recomputed per statement (SQLite's bound-parameter limit stays far away).
CHUNK = 500
#: Past this many stale rows, every client is scored at once (grouped), not one by one.
ALL_FROM = 5_000
#: A threshold computed in SQL from julianday() (a double) may fall a little off the
#: Python instant: such rows are recomputed this much early (never late).
EARLY = timedelta(seconds=1)


#: The kept rows (a local table outside the models' metadata: sync never sends it).
KEPT = table("client_health", column("account_id"), column("name"), column("score"), column("due"))
_STORE = text("UPDATE client_health SET score = :score, due = :due WHERE account_id = :id")
_DROP = text("DELETE FROM client_health WHERE account_id = :id")
_ZONE = text(
    "INSERT INTO client_health_zone (id, zone) VALUES (1, :z) "
    "ON CONFLICT (id) DO UPDATE SET zone = excluded.zone"
)


def _zone_key() -> str:
    zone = local_zone()
    return str(getattr(zone, "key", None) or zone)


def stale_count(session: Session, now: datetime) -> int:
    return int(
        session.execute(
            text("SELECT count(*) FROM client_health WHERE due <= :now"), {"now": sql_time(now)}
        ).scalar_one()
    )


def _due_parts(now: datetime) -> dict[str, tuple[Any, Any, list[ColumnElement[bool]]]]:
    """The instants that bound a score's life besides the cadence thresholds (those
    come from the client's own row): per name, (client column, min() of what, where)."""
    is_date = and_(FollowUp.all_day.is_(True), FollowUp.snoozed_until.is_(None))
    start_of_today, _ = local_day_bounds(now, local_zone())
    when = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    entry = [Interaction.deleted_at.is_(None)]
    followup = [FollowUp.deleted_at.is_(None), FollowUp.done_at.is_(None)]
    return {
        # the oldest entry inside the reach window leaves it 90 days after it
        "oldest_reached": (
            Interaction.account_id,
            Interaction.occurred_at,
            [
                *entry,
                Interaction.occurred_at >= now - timedelta(days=rules.REACH_DAYS),
                Interaction.occurred_at <= now,
            ],
        ),
        # an entry dated later enters it then
        "next_entry": (
            Interaction.account_id,
            Interaction.occurred_at,
            [*entry, Interaction.occurred_at > now],
        ),
        # a timed (or snoozed) follow-up falls overdue once its time has passed
        "next_timed": (FollowUp.account_id, when, [*followup, ~is_date, when >= now]),
        # an all-day one from the local day after its date
        "next_all_day": (
            FollowUp.account_id,
            FollowUp.due_at,
            [*followup, is_date, FollowUp.due_at >= start_of_today],
        ),
    }


def _due_columns(now: datetime) -> dict[str, ColumnElement[Any]]:
    """:func:`_due_parts` per client (correlated to ``accounts``): a few index lookups."""
    return {
        name: select(func.min(value))
        .where(owner == Account.id, *where)
        .correlate(Account)
        .scalar_subquery()
        for name, (owner, value, where) in _due_parts(now).items()
    }


def _due_grouped(session: Session, now: datetime) -> dict[str, dict[str, Any]]:
    """:func:`_due_parts` for every client at once: one grouped read each (the range
    first: ``+account_id`` keeps SQLite from walking every row in client order)."""
    return {
        name: {
            id_: at
            for id_, at in session.execute(
                select(owner, func.min(value)).where(*where).group_by(rules.plus(owner))
            )
        }
        for name, (owner, value, where) in _due_parts(now).items()
    }


def _as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _due(r: Any, now: datetime, zone: tzinfo) -> datetime:
    """The first instant after ``now`` at which the client's score may change."""
    ref = _as_utc(r.last_contact_at) or _as_utc(r.created_at)
    cadence = int(r.cadence_days)
    times: list[datetime] = []
    if ref is not None:
        # days > cadence once a whole (cadence + 1) days have passed; twice likewise.
        # SQL finds it with julianday() (a double): from EARLY before to EARLY after the
        # instant, every read looks again.
        for days in (cadence + 1, 2 * cadence + 1):
            at = ref + timedelta(days=days)
            if now < at + EARLY:
                times.append(max(at - EARLY, now + timedelta(microseconds=1)))
    tick = timedelta(microseconds=1)  # stored times' resolution
    if (oldest := _as_utc(r.oldest_reached)) is not None:  # out once past 90 days
        times.append(oldest + timedelta(days=rules.REACH_DAYS) + tick)
    if (entry := _as_utc(r.next_entry)) is not None:  # in from its own time
        times.append(entry)
    if (timed := _as_utc(r.next_timed)) is not None:  # overdue once past its time
        times.append(timed + tick)
    if (all_day := _as_utc(r.next_all_day)) is not None:
        # stored as the local start of its day: overdue from the next local day
        times.append(local_day_bounds(all_day, zone)[1])
    later = [t for t in times if t > now]
    return min(later, default=datetime.max.replace(tzinfo=UTC))


def _recompute(session: Session, ids: list[str], now: datetime) -> list[dict[str, Any]]:
    """Score and due of the clients ``ids`` (correlated: a few lookups per client)."""
    health = rules.row_columns(now)["health"]
    due = _due_columns(now)
    stmt = select(*_CLIENT, health.label("score"), *(c.label(n) for n, c in due.items())).where(
        Account.id.in_(ids)
    )
    return _rows(session.execute(stmt), now)


def _recompute_all(session: Session, now: datetime) -> list[dict[str, Any]]:
    """Score and due of every client (grouped: one pass over each table's range)."""
    agg = rules.aggregates(now)
    scores: dict[str, int] = {
        id_: score
        for id_, score in session.execute(
            agg.join(select(Account.id, agg.score(now)).select_from(Account))
        )
    }
    due = _due_grouped(session, now)
    rows = [
        SimpleNamespace(
            id=r.id,
            cadence_days=r.cadence_days,
            last_contact_at=r.last_contact_at,
            created_at=r.created_at,
            score=scores[r.id],
            **{name: values.get(r.id) for name, values in due.items()},
        )
        for r in session.execute(select(*_CLIENT))
    ]
    return _rows(rows, now)


_CLIENT = (Account.id, Account.cadence_days, Account.last_contact_at, Account.created_at)


def _rows(result: Iterable[Any], now: datetime) -> list[dict[str, Any]]:
    zone = local_zone()
    return [
        {"id": r.id, "score": int(r.score), "due": sql_time(_due(r, now, zone))} for r in result
    ]


def _known_zone(session: Session) -> str | None:
    """The zone the kept scores were computed in (None before the first refresh)."""
    zone = session.execute(text("SELECT zone FROM client_health_zone WHERE id = 1")).scalar()
    return None if zone is None else str(zone)


def _all_due_in(session: Session, zone: str) -> None:
    """Every row due again, as computed in ``zone`` from now on (a changed zone)."""
    session.execute(text("UPDATE client_health SET due = ''"))
    session.execute(_ZONE, {"z": zone})


def _store_scores(session: Session, ids: list[str], now: datetime) -> int:
    """Score ``ids`` again and keep the rows; a client that is gone loses its row.
    Returns how many rows were stored."""
    rows = _recompute(session, ids, now)
    if rows:
        session.execute(_STORE, rows)
    for account_id in set(ids) - {r["id"] for r in rows}:
        session.execute(_DROP, {"id": account_id})
    return len(rows)


def refresh(store: Store, now: datetime | None = None) -> int:
    """Recompute every stale row (all of them after a change of time zone); returns
    how many. One write transaction of its own: call it outside any other."""
    now = now or store.clock.now()
    zone = _zone_key()
    with store.read() as s:
        known = _known_zone(s)
        if known == zone and stale_count(s, now) == 0:
            return 0
    done = 0
    with store.write() as uow:
        s = uow.session
        if known != zone:
            _all_due_in(s, zone)
        stale = list(
            s.execute(
                text("SELECT account_id FROM client_health WHERE due <= :now"),
                {"now": sql_time(now)},
            ).scalars()
        )
        if len(stale) > ALL_FROM:
            s.execute(_STORE, _recompute_all(s, now))
            s.execute(text("DELETE FROM client_health WHERE due <= :now"), {"now": sql_time(now)})
            return len(stale)
        for start in range(0, len(stale), CHUNK):
            done += _store_scores(s, stale[start : start + CHUNK], now)
    return done


def catch_up(
    store: Store,
    now: datetime | None = None,
    *,
    chunk: int = 100,
    stop: Callable[[], bool] = lambda: False,
) -> int:
    """What the clock made stale since the last read, recomputed ahead of the first
    sort by health (the window runs it in its check's worker after start): ``chunk``
    clients per short write transaction, so a note saved meanwhile waits for one chunk
    at most, never for the whole catch-up. Does nothing when more than
    :data:`ALL_FROM` rows would have to be scored (all of them in a new time zone):
    that one grouped pass stays with the first sort. Stops early when ``stop()`` says
    so, or when the file takes no writes. Returns how many rows were stored."""
    now = now or store.clock.now()
    zone = _zone_key()
    done = 0
    try:
        with store.read() as s:
            known = _known_zone(s)
            # every row in a new zone, else the stale ones
            where = "" if known != zone else " WHERE due <= :now"
            count = "SELECT count(*) FROM client_health" + where
            if not 0 < s.execute(text(count), {"now": sql_time(now)}).scalar_one() <= ALL_FROM:
                return 0
        if known != zone:  # scored in another zone (or never): every row is due again
            with store.write() as uow:
                _all_due_in(uow.session, zone)
        while not stop() and store.writes_refused is None:
            with store.write() as uow:
                s = uow.session
                ids = list(
                    s.execute(
                        text("SELECT account_id FROM client_health WHERE due <= :now LIMIT :n"),
                        {"now": sql_time(now), "n": chunk},
                    ).scalars()
                )
                if not ids:
                    break
                _store_scores(s, ids, now)
                done += len(ids)
    except OperationalError:  # locked past the wait, read-only: the sort catches up
        return done
    return done


def brought_up_to_date(store: Store, now: datetime) -> bool:
    """:func:`refresh`; False when the file takes no writes (refused after a failed
    check, read-only, locked past the wait): the caller scores every client then."""
    if store.writes_refused is not None:
        return False
    try:
        refresh(store, now)
    except OperationalError:
        return False
    return True
