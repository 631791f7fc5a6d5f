"""The client list sorted by health from the kept scores (migration 0020,
models/queries/health_kept.py) gives exactly the order and the scores the old
computation gives (every client scored in SQL, models.queries.health), after random
histories written through every writer (services, undo and redo, Trash, bulk insert,
pulled sync changes, raw SQL) and as the clock moves: across local midnight (all-day
follow-ups fall overdue), past the cadence and past the 90-day reach window."""

from __future__ import annotations

import contextlib
import random
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from models import operations, services
from models.clock import FixedClock, local_zone
from models.entities import Account, Interaction
from models.errors import NotFoundError, ValidationError
from models.queries import clients as client_queries
from models.queries import health_kept
from models.queries.followups import all_day_value
from models.queries.health import sort_key_columns
from models.rows import ClientFilter
from models.services.bulk import insert_rows
from models.store import Store
from models.sync.hlc import Stamp
from models.sync.merge import merge
from models.sync.wire import Change
from tests.models.helpers import account, contact


def scored(store: Store, descending: bool = False) -> list[tuple[str, int]]:
    """The old computation: every live client scored at once, in the list's order."""
    now = store.clock.now()
    agg, health = sort_key_columns(now)
    columns: list[Any] = [health, Account.name, Account.id]
    order = [c.desc() for c in columns] if descending else columns
    stmt = agg.join(select(Account.id, health.label("h")).select_from(Account))
    stmt = stmt.where(Account.deleted_at.is_(None)).order_by(*order)
    with store.read() as s:
        return [(r.id, int(r.h)) for r in s.execute(stmt)]


def listed(store: Store, descending: bool = False, limit: int = 4) -> list[tuple[str, int]]:
    """The client list sorted by health, page by page."""
    flt = ClientFilter(sort="health", descending=descending)
    out: list[tuple[str, int]] = []
    after = None
    while True:
        rows, after = client_queries.client_page(store, flt, after=after, limit=limit)
        out += [(r.id, r.health) for r in rows]
        if after is None:
            return out


def pulled(store: Store, tbl: str, row_id: str, field: str, value: str) -> None:
    stamp = Stamp(4_000_000_000_000, 0, "other").text()
    change = Change(uuid.uuid4().hex, "other", tbl, row_id, field, value, None, stamp)
    with store.write() as uow:
        merge(uow, [change], pushed_upto=0, pulled_upto=1)


class World:
    """Clients with people, entries, follow-ups and deals, changed at random."""

    def __init__(self, store: Store, clock: FixedClock, rng: random.Random) -> None:
        self.store, self.clock, self.rng = store, clock, rng
        self.clients = [
            account(store, f"PT {name}", cadence_days=rng.choice((3, 7, 30)))
            for name in ("Alfa", "beta", "Gamma", "delta", "Eko", "Fajar")
        ]
        self.people = {c: [contact(store, c, f"P{i}") for i in range(3)] for c in self.clients}
        self.entries: list[str] = []
        self.followups: list[str] = []
        self.deals: list[str] = []

    def when(self) -> datetime:
        """Around now: mostly past (some past the reach window), sometimes later."""
        return self.clock.now() + timedelta(hours=self.rng.randint(-24 * 120, 48))

    def step(self) -> None:
        # (a refused write, or nothing yet to change, changes nothing)
        with contextlib.suppress(NotFoundError, ValidationError, IndexError):
            getattr(self, f"_{self.rng.choice(ACTIONS)}")()

    def _entry(self) -> None:
        client = self.rng.choice(self.clients)
        people = self.rng.sample(self.people[client], self.rng.randint(0, 2))
        op = operations.run(
            self.store,
            lambda u: services.add_interaction(
                u, client, body="met", occurred_at=self.when(), contact_ids=people
            ),
        )
        self.entries.append(op.result)
        if self.rng.random() < 0.2:
            op.undo(self.store)

    def _move_entry(self) -> None:
        entry = self.rng.choice(self.entries)
        with self.store.write() as uow:
            services.update_interaction(uow, entry, occurred_at=self.when())

    def _trash(self) -> None:
        kind, pool = self.rng.choice(
            [("interaction", self.entries), ("followup", self.followups), ("deal", self.deals)]
        )
        target = self.rng.choice(pool)
        with self.store.write() as uow:
            if self.rng.random() < 0.6:
                services.soft_delete(uow, kind, target)
            else:
                services.put_back(uow, kind, target)

    def _followup(self) -> None:
        client = self.rng.choice(self.clients)
        if self.rng.random() < 0.5:  # all-day, due on a local date around today
            day = self.clock.now().astimezone(local_zone()).date()
            due = all_day_value(day + timedelta(days=self.rng.randint(-2, 2)), local_zone())
            values: dict[str, Any] = {"all_day": True}
        else:
            due = self.clock.now() + timedelta(hours=self.rng.randint(-30, 30))
            values = {"all_day": False}
        with self.store.write() as uow:
            self.followups.append(services.create_followup(uow, client, "call", due, **values))

    def _finish_or_snooze(self) -> None:
        target = self.rng.choice(self.followups)
        later = self.clock.now() + timedelta(hours=self.rng.randint(1, 40))
        op = operations.run(
            self.store,
            lambda u: (
                services.snooze_followup(u, target, later)
                if self.rng.random() < 0.5
                else services.complete_followup(u, target, self.rng.random() < 0.8)
            ),
        )
        if self.rng.random() < 0.2:
            op.undo(self.store)

    def _deal(self) -> None:
        with self.store.write() as uow:
            self.deals.append(services.create_deal(uow, self.rng.choice(self.clients), "Deal"))

    def _move_deal(self) -> None:
        deal = self.rng.choice(self.deals)
        stage = self.rng.choice(("lead", "proposal", "won", "lost"))
        op = operations.run(self.store, lambda u: services.move_deal_stage(u, deal, stage))
        if self.rng.random() < 0.3:
            op.undo(self.store)

    def _client(self) -> None:
        client = self.rng.choice(self.clients)
        with self.store.write() as uow:
            if self.rng.random() < 0.3:
                services.soft_delete(uow, "account", client)
            elif self.rng.random() < 0.5:
                services.put_back(uow, "account", client)
            else:
                services.update_account(
                    uow, client, cadence_days=self.rng.choice((1, 5, 14)), name=f"PT {client[:4]}"
                )

    def _bulk(self) -> None:
        """Entries as the CSV importer writes them (executemany, no ORM)."""
        client = self.rng.choice(self.clients)
        now = self.clock.now()
        rows = [
            {"id": str(uuid.uuid4()), "account_id": client, "kind": "call", "subject": "bulk",
             "body": "", "occurred_at": self.when(), "created_at": now, "updated_at": now}
            for _ in range(3)
        ]  # fmt: skip
        with self.store.write() as uow:
            insert_rows(uow, Interaction.__table__, rows, 100)  # type: ignore[arg-type]
        self.entries += [str(r["id"]) for r in rows]

    def _pulled(self) -> None:
        deal = self.rng.choice(self.deals)
        pulled(self.store, "deals", deal, "stage", f'"{self.rng.choice(("won", "demo"))}"')

    def _people(self) -> None:
        """A person added to an entry by raw SQL, as a repair or a merge would."""
        entry = self.rng.choice(self.entries)
        with self.store.write() as uow:
            uow.session.execute(
                text(
                    "INSERT OR IGNORE INTO interaction_contacts (interaction_id, contact_id) "
                    "SELECT i.id, c.id FROM interactions i JOIN contacts c "
                    "ON c.account_id = i.account_id WHERE i.id = :e LIMIT 1"
                ),
                {"e": entry},
            )

    def _time(self) -> None:
        """The clock moves: minutes, hours, or days (over midnight, past cadences)."""
        self.clock.advance(
            timedelta(minutes=self.rng.choice((1, 7, 90, 60 * 9, 60 * 24, 60 * 24 * 11)))
        )


ACTIONS = (
    "entry", "entry", "move_entry", "trash", "followup", "followup", "finish_or_snooze",
    "deal", "move_deal", "client", "bulk", "pulled", "people", "time", "time", "time",
)  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
def test_kept_order_equals_the_old_computation(store: Store, clock: FixedClock, seed: int) -> None:
    world = World(store, clock, random.Random(seed))
    seen: set[int] = set()
    for i in range(70):
        world.step()
        want = scored(store, descending=bool(i % 2))
        assert listed(store, descending=bool(i % 2)) == want, f"step {i}"
        seen |= {score for _, score in want}
    assert len(seen) >= 4  # the walk reached several scores, not one


def test_midnight_makes_an_all_day_follow_up_overdue(store: Store, clock: FixedClock) -> None:
    zone = local_zone()
    client = account(store, "PT Satu")
    other = account(store, "PT Dua")
    today = clock.now().astimezone(zone).date()
    with store.write() as uow:
        services.create_followup(uow, client, "call", all_day_value(today, zone), all_day=True)
    before = listed(store)
    assert before == scored(store)
    midnight = all_day_value(today + timedelta(days=1), zone)
    clock.set(midnight - timedelta(microseconds=1))
    assert listed(store) == scored(store) == before
    clock.set(midnight)
    after = listed(store)
    assert after == scored(store)
    assert dict(after)[client] == dict(before)[client] - 10  # one overdue follow-up
    assert dict(after)[other] == dict(before)[other]


def test_an_entry_leaving_the_reach_window_changes_the_score(
    store: Store, clock: FixedClock
) -> None:
    client = account(store, "PT Satu", cadence_days=400)
    people = [contact(store, client, n) for n in ("A", "B")]
    met = clock.now() - timedelta(days=10)
    with store.write() as uow:
        services.add_interaction(uow, client, body="met", occurred_at=met, contact_ids=people)
    assert listed(store) == scored(store) == [(client, 90)]  # no open deal only
    clock.set(met + timedelta(days=90))
    assert listed(store) == scored(store) == [(client, 90)]
    clock.advance(timedelta(microseconds=1))
    assert listed(store) == scored(store) == [(client, 65)]  # nobody reached


def test_a_changed_time_zone_recomputes_every_row(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = account(store, "PT Satu")
    listed(store)
    with store.write() as uow:  # as if computed in another zone: wrong and fresh
        uow.session.execute(text("UPDATE client_health SET score = 1, due = '9999'"))
        uow.session.execute(text("UPDATE client_health_zone SET zone = 'Mars/Olympus'"))
    assert listed(store) == scored(store)
    assert health_kept.refresh(store) == 0  # nothing left stale
    assert [c for c, _ in listed(store)] == [client]


def test_refused_writes_fall_back_to_scoring_every_client(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    account(store, "PT Satu")
    account(store, "PT Dua")
    monkeypatch.setattr(type(store), "writes_refused", property(lambda self: "refused"))
    assert listed(store, limit=1) == scored(store)


def test_many_stale_rows_are_scored_at_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(12):
        account(store, f"PT {i:02d}", cadence_days=1 + i)
    monkeypatch.setattr(health_kept, "ALL_FROM", 3)
    with store.write() as uow:
        uow.session.execute(text("UPDATE client_health SET due = ''"))
    assert health_kept.refresh(store) == 12
    assert listed(store) == scored(store)


def test_a_timed_follow_up_falls_overdue_just_after_its_time(
    store: Store, clock: FixedClock
) -> None:
    client = account(store, "PT Satu")
    due = clock.now() + timedelta(hours=3)
    with store.write() as uow:
        services.create_followup(uow, client, "call", due, all_day=False)
    start = listed(store)
    clock.set(due)
    assert listed(store) == scored(store) == start
    clock.advance(timedelta(microseconds=1))
    assert listed(store) == scored(store) == [(client, start[0][1] - 10)]


@pytest.mark.parametrize("descending", [False, True])
def test_within_pages_from_the_kept_scores_equals_the_old_computation(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, descending: bool
) -> None:
    world = World(store, clock, random.Random(7))
    for _ in range(25):
        world.step()
    flt = ClientFilter(sort="health", descending=descending)
    rows, cursor = client_queries.client_page(store, flt, limit=3)
    assert cursor is not None
    ids = [c for c, _ in scored(store)]
    kept = client_queries.within_pages(store, flt, ids, cursor)
    everything = client_queries.within_pages(store, flt, ids, None)
    monkeypatch.setattr(type(store), "writes_refused", property(lambda self: "refused"))
    assert kept == client_queries.within_pages(store, flt, ids, cursor)
    assert everything == client_queries.within_pages(store, flt, ids, None) == set(ids)
    assert kept == {r.id for r in rows}


def test_a_file_that_takes_no_writes_is_sorted_the_old_way(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    account(store, "PT Satu")
    account(store, "PT Dua", cadence_days=1)
    with store.write() as uow:
        uow.session.execute(text("UPDATE client_health SET due = ''"))

    def refused(*_: object) -> int:
        raise OperationalError("UPDATE", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(health_kept, "refresh", refused)
    assert listed(store, limit=1) == scored(store)
    ids = [c for c, _ in scored(store)]
    flt = ClientFilter(sort="health")
    assert client_queries.within_pages(store, flt, ids, None) == set(ids)


def stale(store: Store) -> int:
    with store.read() as s:
        return health_kept.stale_count(s, store.clock.now())


def test_catch_up_recomputes_what_the_clock_made_stale_a_chunk_at_a_time(
    store: Store, clock: FixedClock
) -> None:
    for i in range(7):
        account(store, f"PT {i:02d}", cadence_days=1 + i)
    listed(store)  # every row fresh
    clock.advance(timedelta(days=3))  # cadences of 1-2 days passed: those rows are due
    due = stale(store)
    assert due > 0
    seen: list[int] = []

    def stop() -> bool:  # called before each chunk: records what was left each time
        seen.append(stale(store))
        return False

    assert health_kept.catch_up(store, chunk=1, stop=stop) == due
    assert stale(store) == 0
    assert seen[:2] == [due, due - 1]  # one client per transaction
    assert listed(store) == scored(store)


def test_catch_up_stops_when_asked_and_leaves_the_rest_to_the_sort(
    store: Store, clock: FixedClock
) -> None:
    for i in range(5):
        account(store, f"PT {i:02d}", cadence_days=1)
    listed(store)
    clock.advance(timedelta(days=2))
    calls = iter((False, True))
    assert health_kept.catch_up(store, chunk=2, stop=lambda: next(calls)) == 2
    assert stale(store) == 3
    assert listed(store) == scored(store)  # the sort catches up with the rest


def test_catch_up_leaves_scoring_every_client_to_the_sort(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(4):
        account(store, f"PT {i:02d}", cadence_days=1)
    listed(store)
    clock.advance(timedelta(days=2))
    monkeypatch.setattr(health_kept, "ALL_FROM", 3)  # too many for one by one
    assert health_kept.catch_up(store) == 0
    assert stale(store) == 4
    monkeypatch.setattr(health_kept, "ALL_FROM", 5_000)
    assert health_kept.catch_up(store) == 4
    assert stale(store) == 0


def test_catch_up_in_a_new_time_zone_scores_every_client(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(4):
        account(store, f"PT {i:02d}", cadence_days=30)
    listed(store)
    with store.write() as uow:  # as if scored in another zone: wrong and fresh
        uow.session.execute(text("UPDATE client_health SET score = 1, due = '9999'"))
        uow.session.execute(text("UPDATE client_health_zone SET zone = 'Mars/Olympus'"))
    monkeypatch.setattr(health_kept, "ALL_FROM", 3)  # more rows than one by one may do
    assert health_kept.catch_up(store) == 0
    monkeypatch.setattr(health_kept, "ALL_FROM", 5_000)
    assert health_kept.catch_up(store, chunk=3) == 4
    with store.read() as s:
        scores = s.execute(text("SELECT score FROM client_health")).scalars().all()
    assert 1 not in scores
    assert listed(store) == scored(store)
