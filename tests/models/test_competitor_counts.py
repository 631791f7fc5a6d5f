"""The competitor list's kept won/lost counts (migration 0020) equal the counts a scan of
every linked deal gives, after any mix of writes through every writer: services, undo
and redo, Trash (deals and clients) and put back, purge, and pulled sync changes."""

from __future__ import annotations

import contextlib
import importlib.util
import random
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from models import operations, services
from models.errors import NotFoundError, ValidationError
from models.queries import competitors as q
from models.store import Store
from models.sync.hlc import Stamp
from models.sync.merge import merge
from models.sync.wire import Change
from tests.models.helpers import account

#: The old computation: every linked deal's row, live deals of live clients.
SCANNED = """
SELECT c.id, coalesce(sum(d.stage = 'won'), 0), coalesce(sum(d.stage = 'lost' AND l.lost_to), 0)
FROM competitors c
LEFT JOIN deal_competitors l ON l.competitor_id = c.id
LEFT JOIN deals d ON d.id = l.deal_id AND d.deleted_at IS NULL
     AND d.account_id NOT IN (SELECT id FROM accounts WHERE deleted_at IS NOT NULL)
WHERE c.deleted_at IS NULL
GROUP BY c.id
"""

MIGRATION = Path(__file__).parents[2] / "models/migrations/versions/0020_kept_counts.py"
STAGES = ("lead", "proposal", "won", "lost")
NAMES = ("Acme", "Globex", "Initech")


def scanned(store: Store) -> dict[str, tuple[int, int]]:
    with store.read() as s:
        return {r[0]: (int(r[1]), int(r[2])) for r in s.execute(text(SCANNED))}


def kept(store: Store) -> dict[str, tuple[int, int]]:
    return {r.id: (r.won, r.lost) for r in q.competitors(store)}


def pulled(store: Store, tbl: str, row_id: str, field: str, value: str | None) -> None:
    """One change as if pulled from another laptop, applied by the sync merge."""
    stamp = Stamp(4_000_000_000_000, 0, "other").text()
    change = Change(uuid.uuid4().hex, "other", tbl, row_id, field, value, None, stamp)
    with store.write() as uow:
        merge(uow, [change], pushed_upto=0, pulled_upto=1)


def step(store: Store, rng: random.Random, clients: list[str], deals: list[str]) -> None:
    """One random write through one of the writers (a refused one changes nothing)."""
    with contextlib.suppress(NotFoundError, ValidationError):
        _step(store, rng, clients, deals)


def _step(store: Store, rng: random.Random, clients: list[str], deals: list[str]) -> None:
    kind = rng.randrange(11)
    deal = rng.choice(deals)
    if kind <= 2:
        stage = rng.choice(STAGES)
        lost_to = rng.choice(("", *NAMES))
        op = operations.run(
            store, lambda u: services.move_deal_stage(u, deal, stage, lost_to=lost_to)
        )
        if rng.random() < 0.3:
            op.undo(store)
            if rng.random() < 0.5:
                op.redo(store)
    elif kind == 3:
        names = rng.sample(NAMES, rng.randrange(len(NAMES) + 1))
        op = operations.run(store, lambda u: services.set_deal_competitors(u, deal, names))
        if rng.random() < 0.3:
            op.undo(store)
    elif kind == 4:
        with store.write() as uow:
            services.soft_delete(uow, "deal", deal)
    elif kind == 5:
        with store.write() as uow:
            services.put_back(uow, "deal", deal)
    elif kind == 6:
        client = rng.choice(clients)
        with store.write() as uow:
            if rng.random() < 0.5:
                services.soft_delete(uow, "account", client)
            else:
                services.put_back(uow, "account", client)
    elif kind == 7:
        pulled(store, "deals", deal, "stage", f'"{rng.choice(STAGES)}"')
    elif kind == 8:
        with store.read() as s:
            cid = s.execute(text("SELECT id FROM competitors ORDER BY random()")).scalar()
        pulled(
            store,
            "deal_competitors",
            f"{deal}|{cid}",
            "*",
            None if rng.random() < 0.4 else f'{{"lost_to": {rng.choice(("true", "false"))}}}',
        )
    elif kind == 9:
        with store.write() as uow:  # a raw write, as the bulk importer or a repair does
            uow.session.execute(
                text("UPDATE deals SET stage = :s WHERE id = :d"),
                {"s": rng.choice(STAGES), "d": deal},
            )
    else:
        with store.write() as uow:
            services.soft_delete(uow, "deal", deal)
        with store.write() as uow:
            services.purge_trash(uow, None)
        deals.remove(deal)
        with store.write() as uow:
            deals.append(services.create_deal(uow, rng.choice(clients), "New", stage="won"))


@pytest.mark.parametrize("seed", range(8))
def test_kept_counts_equal_the_scan_through_every_writer(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    clients = [account(store, f"PT {i}") for i in range(3)]
    with store.write() as uow:
        for name in NAMES:
            services.create_competitor(uow, name)
        deals = [
            services.create_deal(uow, rng.choice(clients), f"Deal {i}", competitors=[NAMES[i % 3]])
            for i in range(8)
        ]
        services.move_deal_stage(uow, deals[0], "won")
        services.move_deal_stage(uow, deals[1], "lost", lost_to="Globex")
    counted = set()
    for _ in range(60):
        step(store, rng, clients, deals)
        assert kept(store) == scanned(store)
        counted |= {n for n in scanned(store).values() if n != (0, 0)}
    assert counted  # the walk did count wins or losses


def test_the_migration_fills_the_counts_from_the_rows_there(store: Store) -> None:
    client = account(store)
    with store.write() as uow:
        won = services.create_deal(uow, client, "Won", competitors=["Acme", "Globex"])
        lost = services.create_deal(uow, client, "Lost", competitors=["Acme"])
        services.move_deal_stage(uow, won, "won")
        services.move_deal_stage(uow, lost, "lost", lost_to="Acme")
    spec = importlib.util.spec_from_file_location("m0020", MIGRATION)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with store.write() as uow:
        uow.session.execute(text("DELETE FROM competitor_deal_counts"))
    assert set(kept(store).values()) == {(0, 0)}
    with store.write() as uow:
        uow.session.execute(text(migration.UP[1]))
    assert kept(store) == scanned(store)
    assert sorted(kept(store).values()) == [(1, 0), (1, 1)]
