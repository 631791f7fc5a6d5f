"""The dashboard's funnel from each deal's kept row (``deal_funnel``, migration 0020)
equals the funnel from the stage history move by move (the old query), for periods
that have ended and periods still running, after histories written through every
writer: services with undo and redo, Trash, raw SQL on the history, pulled sync changes
and deals deleted for good."""

from __future__ import annotations

import contextlib
import random
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from models import operations, services
from models.clock import FixedClock
from models.errors import NotFoundError, ValidationError
from models.metrics import funnel as metrics
from models.store import Store
from models.sync.hlc import Stamp
from models.sync.merge import merge
from models.sync.wire import Change
from models.time_sql import sql_time
from tests.models.helpers import account

STAGES = ("lead", "qualified", "demo", "proposal", "negotiation", "won", "lost")


def counted(store: Store, sql: str, t0: datetime, t1: datetime) -> list[tuple[int, ...]]:
    with store.read() as s:
        rows = s.execute(text(sql), {"t0": sql_time(t0), "t1": sql_time(t1)})
        return sorted(tuple(int(v) if not isinstance(v, str) else hash(v) for v in r) for r in rows)


def step(store: Store, clock: FixedClock, rng: random.Random, deals: list[str]) -> None:
    kind = rng.randrange(8)
    deal = rng.choice(deals)
    if kind <= 2:
        stage = rng.choice(STAGES)
        op = operations.run(store, lambda u: services.move_deal_stage(u, deal, stage))
        if rng.random() < 0.3:
            op.undo(store)
            if rng.random() < 0.5:
                op.redo(store)
    elif kind == 3:
        with store.write() as uow:
            if rng.random() < 0.5:
                services.soft_delete(uow, "deal", deal)
            else:
                services.put_back(uow, "deal", deal)
    elif kind == 4:  # the history edited by hand: a move taken back or re-dated
        with store.write() as uow:
            uow.session.execute(
                text(
                    "UPDATE deal_stage_changes SET deleted_at = CASE WHEN :gone THEN changed_at "
                    "END, changed_at = :at WHERE id = (SELECT id FROM deal_stage_changes "
                    "WHERE deal_id = :d ORDER BY random() LIMIT 1)"
                ),
                {"gone": rng.random() < 0.4, "d": deal, "at": sql_time(clock.now())},
            )
    elif kind == 5:
        with store.read() as s:
            change = s.execute(
                text("SELECT id FROM deal_stage_changes WHERE deal_id = :d LIMIT 1"), {"d": deal}
            ).scalar()
        if change:
            at = sql_time(clock.now() - timedelta(days=rng.randint(0, 60)))
            stamp = Stamp(4_000_000_000_000, 0, "other").text()
            pulled = Change(
                uuid.uuid4().hex, "other", "deal_stage_changes", change, "changed_at",
                f'"{at}"', None, stamp,
            )  # fmt: skip
            with store.write() as uow:
                merge(uow, [pulled], pushed_upto=0, pulled_upto=1)
    elif kind == 6:
        with store.write() as uow:
            services.soft_delete(uow, "deal", deal)
        with store.write() as uow:
            services.purge_trash(uow, None)
        deals.remove(deal)
    else:
        clock.advance(timedelta(days=rng.choice((1, 3, 9))))
        with store.write() as uow:
            deals.append(services.create_deal(uow, rng.choice(CLIENTS), "New"))


CLIENTS: list[str] = []


@pytest.mark.parametrize("seed", range(4))
def test_kept_funnel_equals_the_history_read_move_by_move(
    store: Store, clock: FixedClock, seed: int
) -> None:
    rng = random.Random(seed)
    CLIENTS[:] = [account(store, f"PT {i}") for i in range(2)]
    start = clock.now()
    with store.write() as uow:
        deals = [services.create_deal(uow, rng.choice(CLIENTS), f"D{i}") for i in range(6)]
    for i in range(60):
        with contextlib.suppress(NotFoundError, ValidationError, IndexError):
            step(store, clock, rng, deals)
        if i % 5:
            continue
        for t0, t1 in (
            (start - timedelta(days=1), clock.now() + timedelta(days=30)),  # still running
            (start - timedelta(days=1), start + timedelta(days=5)),  # ended
            (start + timedelta(days=3), clock.now()),
        ):
            assert counted(store, metrics._KEPT, t0, t1) == counted(store, metrics._SQL, t0, t1), i
    t0, t1 = start - timedelta(days=1), clock.now() + timedelta(days=1)
    assert counted(store, metrics._SQL, t0, t1)  # the walk left deals to count
