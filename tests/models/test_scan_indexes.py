"""Reads that scanned whole tables use migration 0009's indexes: the follow-up buckets
(still following the exact rule, checked against it written out in Python over
follow-ups on both sides of every boundary), the live counts of ``stats`` and Trash.
And every connection gets the page cache SQLCipher needs (models.store.CACHE_KIB)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import event

from models import services
from models.clock import FixedClock
from models.queries import followups as followup_queries
from models.queries.followups import all_day_value, local_day_bounds
from models.queries.stats import STATS_KINDS, counted_live_rows, live_counts, trash
from models.rows import FollowUpRow
from models.store import CACHE_KIB, HEAP_LIMIT_BYTES, Store
from tests.models.helpers import account, followup

JAKARTA = ZoneInfo("Asia/Jakarta")


def expected_bucket(row: FollowUpRow, now: datetime, start: datetime, tomorrow: datetime) -> str:
    if row.all_day and row.snoozed_until is None:
        due = row.due_at
        return "overdue" if due < start else "today" if due < tomorrow else "upcoming"
    eff = row.snoozed_until or row.due_at
    return "overdue" if eff < now else "today" if eff < tomorrow else "upcoming"


def test_buckets_follow_the_rule_on_both_sides_of_every_boundary(
    store: Store, clock: FixedClock
) -> None:
    a = account(store, "A")
    now = clock.now()
    start, tomorrow = local_day_bounds(now, JAKARTA)
    today = now.astimezone(JAKARTA).date()
    moments = [
        m + d
        for m, d in itertools.product(
            (start, now, tomorrow), (timedelta(minutes=-1), timedelta(0), timedelta(minutes=1))
        )
    ]
    ids = []
    for i, moment in enumerate(moments):
        ids.append(followup(store, a, f"timed {i}", moment, all_day=False))
    for offset in (-2, -1, 0, 1, 2):
        ids.append(
            followup(store, a, f"day {offset}", all_day_value(today + timedelta(offset), JAKARTA))
        )
    clock.advance(timedelta(days=-2))  # snoozed two days ago, some snoozes now passed
    for i, moment in enumerate(moments):  # an all-day one snoozed to a time
        f = followup(store, a, f"snoozed {i}", all_day_value(today - timedelta(3), JAKARTA))
        with store.write() as uow:
            services.snooze_followup(uow, f, moment)
        ids.append(f)
    clock.advance(timedelta(days=2))
    buckets = followup_queries.followups(store, tz=JAKARTA)
    got = {
        r.id: name
        for name in ("overdue", "today", "upcoming")
        for r in getattr(buckets, name)
    }
    rows = {r.id: r for name in ("overdue", "today", "upcoming") for r in getattr(buckets, name)}
    assert set(got) == set(ids)  # every open one in exactly one bucket
    assert got == {i: expected_bucket(rows[i], now, start, tomorrow) for i in ids}
    for name in ("overdue", "today", "upcoming"):
        keys = [(r.effective_due, -r.priority, r.title) for r in getattr(buckets, name)]
        assert keys == sorted(keys)


def test_buckets_read_the_index_in_order(store: Store, clock: FixedClock) -> None:
    a = account(store, "A")
    for hours in range(-30, 60, 7):
        followup(store, a, f"f{hours}", clock.now() + timedelta(hours=hours), all_day=False)
    statements: list[tuple[str, object]] = []

    def capture(_c: object, _cur: object, sql: str, params: object, *_rest: object) -> None:
        if sql.lstrip().startswith("SELECT") and "coalesce" in sql:
            statements.append((sql, params))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        followup_queries.followups(store, tz=JAKARTA)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    assert len(statements) == 3  # overdue, today, upcoming
    with store.engine.connect() as conn:
        for sql, params in statements:
            plan = " ".join(
                str(r[3]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            )
            assert "ix_follow_ups_open_effective_due" in plan
            assert "TEMP B-TREE" not in plan  # read in order, stops at the limit


def plans(store: Store, run: object) -> list[tuple[str, str]]:
    """(statement, its query plan) of each SELECT that ``run()`` executes."""
    statements: list[tuple[str, object]] = []

    def capture(_c: object, _cur: object, sql: str, params: object, *_rest: object) -> None:
        if sql.lstrip().startswith("SELECT"):
            statements.append((sql, params))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        assert callable(run)
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    with store.engine.connect() as conn:
        return [
            (
                sql,
                " ".join(
                    str(r[3]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
                ),
            )
            for sql, params in statements
        ]


def test_live_counts_read_narrow_indexes_and_trash_its_own(store: Store) -> None:
    a = account(store, "A")
    with store.write() as uow:
        services.soft_delete(uow, "account", account(store, "Gone"))
    assert live_counts(store)["accounts"] == 1 and [r.label for r in trash(store)] == ["Gone"]
    # the counts the triggers keep (migration 0019): one small table, read once
    assert [plan for _sql, plan in plans(store, lambda: live_counts(store))] == [
        "SCAN live_counts"
    ]
    counted = plans(store, lambda: counted_live_rows(store))  # what they must equal
    assert len(counted) == len(STATS_KINDS)
    for sql, plan in counted:
        if "FROM accounts" not in sql:  # accounts: small, and its list has its own indexes
            assert "COVERING INDEX ix_" in plan and "_live" in plan, plan
    for _sql, plan in plans(store, lambda: trash(store)):
        assert "_trash" in plan and "TEMP B-TREE" not in plan, plan
    assert a


def test_every_connection_gets_the_page_cache(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -CACHE_KIB
        # ... within what SQLite may hold across the process's connections: a second
        # connection's cache is recycled before the process grows past it
        assert conn.exec_driver_sql("PRAGMA soft_heap_limit").scalar() == HEAP_LIMIT_BYTES
    assert HEAP_LIMIT_BYTES < 2 * CACHE_KIB * 1024
