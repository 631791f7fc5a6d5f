"""One sync of a laptop with the team server: pull and merge, then push, in batches.

Every batch is a transaction on each end. A pull batch is read in one snapshot on the
server, then merged and its sequence number saved in one local transaction. A push batch
commits on the server first; only then does the laptop record how far its pushes were
acknowledged, so a connection dropped between the two makes the laptop send the batch
again, and the server skips what it already has. When the server refuses a push because
others pushed in between (:class:`NeedsPull`), the laptop pulls again and retries.

``fault`` (tests and the simulation) is called at each step's name and may raise to cut
the connection there: ``push`` (inside the server transaction), ``push-ack`` (after the
server's commit, before the laptop notes it), ``pull`` (after reading, before merging).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, text

import models.sync.server_ops as server_ops
from models.store import Store
from models.sync.merge import merge
from models.sync.wire import Change

Fault = Callable[[str], None]
BATCH = 1000
MAX_ROUNDS = 20
#: The pause after a refused push: random, up to BASE * 2^attempt, at most CAP seconds.
BACKOFF_BASE_S = 0.05
BACKOFF_CAP_S = 2.0


@dataclass
class Counts:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    bytes_up: int = 0
    bytes_down: int = 0


def _state(store: Store) -> tuple[str, int, int]:
    with store.read() as session:
        device, pushed, pulled = session.execute(
            text("SELECT device_id, pushed_upto, pulled_upto FROM sync_state WHERE id = 1")
        ).one()
    return str(device), int(pushed), int(pulled)


def _nothing(step: str) -> None:
    return None


def pull(store: Store, engine: Engine, counts: Counts, fault: Fault = _nothing) -> None:
    """Pull and merge every batch the server has for this laptop."""
    while True:
        device, pushed, after = _state(store)
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                batch = server_ops.pull(conn, device, after, BATCH)
        fault("pull")
        if not batch.changes and batch.upto == after:
            return
        with store.write() as uow:
            counts.conflicts += merge(
                uow, batch.changes, pushed_upto=pushed, pulled_upto=batch.upto
            )
        counts.pulled += len(batch.changes)
        counts.bytes_down += sum(c.size() for c in batch.changes)
        if not batch.more:
            return


def _outbox(store: Store, after: int) -> tuple[list[Change], int]:
    with store.read() as session:
        rows = session.execute(
            text(
                "SELECT seq, change_id, tbl, row_id, field, value, account_id, hlc, "
                "(SELECT device_id FROM sync_state WHERE id = 1) FROM sync_changes "
                "WHERE seq > :after AND hlc IS NOT NULL ORDER BY seq LIMIT :n"
            ),
            {"after": after, "n": BATCH},
        ).all()
    changes = [Change(r[1], r[8], r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows]
    return changes, (int(rows[-1][0]) if rows else after)


def push(store: Store, engine: Engine, counts: Counts, fault: Fault = _nothing) -> None:
    """Push every batch of unacknowledged changes (raises NeedsPull when others were
    first)."""
    while True:
        device, pushed, pulled = _state(store)
        changes, upto = _outbox(store, pushed)
        if not changes:
            return
        with engine.begin() as conn:
            server_ops.push(conn, device, pulled, changes)
            fault("push")
        fault("push-ack")
        with store.write() as uow:  # acknowledged: the log keeps only what is pending
            uow.session.execute(
                text("UPDATE sync_state SET pushed_upto = :u WHERE id = 1"), {"u": upto}
            )
            uow.session.execute(text("DELETE FROM sync_changes WHERE seq <= :u"), {"u": upto})
        counts.pushed += len(changes)
        counts.bytes_up += sum(c.size() for c in changes)


def run(store: Store, engine: Engine, fault: Fault = _nothing) -> Counts:
    """Pull, merge and push until the server has nothing new for this laptop."""
    counts = Counts()
    for attempt in range(MAX_ROUNDS):
        pull(store, engine, counts, fault)
        try:
            push(store, engine, counts, fault)
        except server_ops.NeedsPull:
            # Another laptop pushed first: pull again after a random, growing pause, so
            # laptops that started together spread out instead of refusing each other
            # in lockstep (bench/sync_load.py, 50 laptops in the same second).
            time.sleep(random.uniform(0, min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2**attempt)))
            continue
        with store.write() as uow:
            uow.session.execute(
                text("UPDATE sync_state SET last_sync_at = :at WHERE id = 1"),
                {"at": uow.now.isoformat()},
            )
        return counts
    raise server_ops.NeedsPull("the server kept changing while this laptop synced; try again")
