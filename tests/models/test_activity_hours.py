"""The dashboard's activity from the kept per-hour counts (migration 0020) equals the
count of the entries themselves (the old query), per kind and week, for periods
starting on the hour, on the half hour and at a quarter past (zones whose offset is not
whole hours), after entries written through every writer: services, undo, Trash of
entries and of clients, purge, bulk insert, pulled sync changes and raw SQL."""

from __future__ import annotations

import contextlib
import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from models import operations, services
from models.entities import Interaction
from models.errors import NotFoundError, ValidationError
from models.metrics import activity as metrics
from models.services.bulk import insert_rows
from models.store import Store
from models.sync.hlc import Stamp
from models.sync.merge import merge
from models.sync.wire import Change
from models.time_sql import sql_time
from tests.models.helpers import account

KINDS = ("meeting", "call", "email", "note", "demo")


def scanned(store: Store, t0: datetime, t1: datetime, days: int) -> metrics.Activity:
    """The old computation: every entry of the period counted."""
    weeks = max(1, -(-days // 7))
    weekly = {kind: [0] * weeks for kind in metrics.ACTIVITY_KINDS}
    totals = dict.fromkeys(metrics.ACTIVITY_KINDS, 0)
    with store.read() as s:
        rows = s.execute(text(metrics._SQL), {"t0": sql_time(t0), "t1": sql_time(t1)})
        for kind, week, count in rows:
            weekly[kind][min(max(int(week), 0), weeks - 1)] += int(count)
            totals[kind] += int(count)
    return metrics.Activity(totals, weekly, days)


def kept(store: Store, t0: datetime, t1: datetime, days: int) -> metrics.Activity:
    with store.read() as s:
        return metrics.activity(s, t0, t1, days)


class World:
    def __init__(self, store: Store, rng: random.Random, start: datetime) -> None:
        self.store, self.rng, self.start = store, rng, start
        self.clients = [account(store, f"PT {i}") for i in range(3)]
        self.entries: list[str] = []

    def when(self) -> datetime:
        """Inside the periods tested, often right at or next to a week's start."""
        if self.rng.random() < 0.4:
            edge = self.start + timedelta(days=7 * self.rng.randint(0, 6))
            return edge + timedelta(seconds=self.rng.choice((-1, 0, 0, 1, 600, -600)))
        return self.start + timedelta(minutes=self.rng.randint(-600, 60 * 24 * 50))

    def step(self) -> None:
        with contextlib.suppress(NotFoundError, ValidationError, IndexError):
            getattr(self, f"_{self.rng.choice(ACTIONS)}")()

    def _add(self) -> None:
        client, kind, at = self.rng.choice(self.clients), self.rng.choice(KINDS), self.when()
        op = operations.run(
            self.store,
            lambda u: services.add_interaction(u, client, kind=kind, body="x", occurred_at=at),
        )
        self.entries.append(op.result)
        if self.rng.random() < 0.2:
            op.undo(self.store)

    def _change(self) -> None:
        entry = self.rng.choice(self.entries)
        with self.store.write() as uow:
            if self.rng.random() < 0.5:
                services.update_interaction(uow, entry, occurred_at=self.when())
            else:
                services.update_interaction(uow, entry, kind=self.rng.choice(KINDS))

    def _trash(self) -> None:
        entry = self.rng.choice(self.entries)
        with self.store.write() as uow:
            if self.rng.random() < 0.6:
                services.soft_delete(uow, "interaction", entry)
            else:
                services.put_back(uow, "interaction", entry)

    def _client(self) -> None:
        client = self.rng.choice(self.clients)
        with self.store.write() as uow:
            if self.rng.random() < 0.5:
                services.soft_delete(uow, "account", client)
            else:
                services.put_back(uow, "account", client)

    def _purge(self) -> None:
        with self.store.write() as uow:
            services.purge_trash(uow, None)
        self.clients = [c for c in self.clients if self._exists("accounts", c)]
        self.clients.append(account(self.store, f"PT {uuid.uuid4().hex[:6]}"))

    def _exists(self, table: str, id_: str) -> bool:
        with self.store.read() as s:
            sql = text(f"SELECT 1 FROM {table} WHERE id = :i")
            return s.execute(sql, {"i": id_}).first() is not None

    def _bulk(self) -> None:
        now = datetime.now(UTC)
        rows: list[dict[str, Any]] = [
            {"id": str(uuid.uuid4()), "account_id": self.rng.choice(self.clients),
             "kind": self.rng.choice(KINDS), "subject": "bulk", "body": "",
             "occurred_at": self.when(), "created_at": now, "updated_at": now}
            for _ in range(4)
        ]  # fmt: skip
        with self.store.write() as uow:
            insert_rows(uow, Interaction.__table__, rows, 100)  # type: ignore[arg-type]
        self.entries += [str(r["id"]) for r in rows]

    def _pulled(self) -> None:
        entry = self.rng.choice(self.entries)
        stamp = Stamp(4_000_000_000_000, 0, "other").text()
        at = sql_time(self.when())
        change = Change(
            uuid.uuid4().hex, "other", "interactions", entry, "occurred_at", f'"{at}"', None, stamp
        )
        with self.store.write() as uow:
            merge(uow, [change], pushed_upto=0, pulled_upto=1)


ACTIONS = ("add", "add", "add", "change", "trash", "client", "purge", "bulk", "pulled")


@pytest.mark.parametrize(
    ("seed", "offset"),
    [(0, timedelta(0)), (1, timedelta(minutes=30)), (2, timedelta(minutes=45)), (3, timedelta(0))],
)
def test_kept_hours_count_as_the_entries_do(store: Store, seed: int, offset: timedelta) -> None:
    rng = random.Random(seed)
    start = datetime(2026, 10, 4, 17, tzinfo=UTC) + offset  # a local midnight somewhere
    world = World(store, rng, start)
    for i in range(60):
        world.step()
        if i % 6:
            continue
        for days in (1, 7, 10, 31, 45):
            t0 = start + timedelta(days=rng.choice((0, 0, 2)))
            t1 = t0 + timedelta(days=days)
            assert kept(store, t0, t1, days) == scanned(store, t0, t1, days), (i, days)
    t0, t1 = start, start + timedelta(days=45)
    assert sum(scanned(store, t0, t1, 45).totals.values()) > 5  # the walk counted entries


def test_a_period_inside_one_hour(store: Store) -> None:
    client = account(store)
    at = datetime(2026, 11, 2, 9, 20, tzinfo=UTC)
    with store.write() as uow:
        services.add_interaction(uow, client, kind="call", body="x", occurred_at=at)
    t0, t1 = at - timedelta(minutes=5), at + timedelta(minutes=5)
    assert kept(store, t0, t1, 1).totals["call"] == 1 == scanned(store, t0, t1, 1).totals["call"]
