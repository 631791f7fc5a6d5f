"""The set-wise merge of a pulled batch gives exactly what merging it change by change
gives: random change sets (seeded) applied to two copies of one laptop, one through the
batch merge and one through the change-by-change merge as it was before batching
(:mod:`tests.sync.merge_reference`, kept as it was), then every synced table, the field
clocks, the conflict log, the change log, the sync state, the search rows and the
unit of work's touched ids are compared.

The change sets mix what a pull brings: new rows whole, rows this laptop already has
whole again, single fields and several fields of one row at one stamp, older and newer
stamps than this laptop's (with and without pending local edits), deletes against
edits, links added and removed, a field of a row never received, a table and a field
this version does not know, and rows the database refuses (a tag named like one made
here; a contact of a client that does not exist), so a refused run falls back to
change by change.
"""

from __future__ import annotations

import json
import random
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from models import services
from models.clock import FixedClock
from models.store import Store, open_store
from models.sync import merge_batch, outbox
from models.sync.hlc import Stamp
from models.sync.merge import merge
from models.sync.tables import SYNCED
from models.sync.wire import Change
from models.vault import keys
from tests.conftest import NOW
from tests.sync import merge_reference

SEEDS = 40
WALL = int(NOW.timestamp() * 1000)
VALUES = ["", "Retail", "Mining", "Banking", "a note", "b note", None]
TIMES = ["2026-11-20 08:00:00.000000", "2026-11-24 02:30:00.000000", None]


def _seeded(db_path: Path, clock: FixedClock) -> tuple[Store, dict[str, list[str]]]:
    """A laptop with team sync set up, some rows pushed and some edited since."""
    store = open_store(db_path, clock=clock)
    with store.write() as uow:
        outbox.new_device(uow.session)
        outbox.start_recording(uow.session)
    ids: dict[str, list[str]] = {"accounts": [], "contacts": [], "tags": []}
    with store.write() as uow:
        for i in range(6):
            a = services.create_account(uow, name=f"Client {i}", industry="Retail")
            ids["accounts"].append(a)
            ids["contacts"].append(services.create_contact(uow, f"Person {i}", account_id=a))
        for i in range(3):
            tag = f"t{i:031d}"
            uow.session.execute(
                text(
                    "INSERT INTO tags (id, name, created_at, updated_at) "
                    "VALUES (:id, :n, '2026-11-20 08:00:00', '2026-11-20 08:00:00')"
                ),
                {"id": tag, "n": f"tag {i}"},
            )
            ids["tags"].append(tag)
        uow.session.execute(
            text("INSERT INTO account_tags (account_id, tag_id) VALUES (:a, :t)"),
            {"a": ids["accounts"][0], "t": ids["tags"][0]},
        )
    with store.write() as uow:  # what was made so far counts as pushed
        uow.session.execute(
            text(
                "UPDATE sync_state SET pushed_upto = "
                "(SELECT coalesce(max(seq), 0) FROM sync_changes) WHERE id = 1"
            )
        )
    clock.advance(timedelta(seconds=5))
    with store.write() as uow:  # pending: edited and deleted here since
        services.update_account(uow, ids["accounts"][1], industry="Local edit")
        services.update_account(uow, ids["accounts"][2], notes="local notes")
        services.soft_delete(uow, "account", ids["accounts"][3])
        services.update_contact(uow, ids["contacts"][4], title="Local title")
    return store, ids


def _whole(store: Store, tbl: str, row_id: str) -> dict[str, Any]:
    with store.read() as s:
        raw = s.execute(
            text(f"SELECT {SYNCED[tbl].whole_row('r')} FROM {tbl} AS r WHERE r.id = :id"),
            {"id": row_id},
        ).scalar_one()
    whole: dict[str, Any] = json.loads(raw)
    return whole


def _changes(rng: random.Random, store: Store, ids: dict[str, list[str]]) -> list[Change]:
    """A random pulled batch (server order), several changes often on one row."""
    templates = {
        "accounts": _whole(store, "accounts", ids["accounts"][0]),
        "contacts": _whole(store, "contacts", ids["contacts"][0]),
        "tags": _whole(store, "tags", ids["tags"][0]),
    }
    new_rows = {t: [f"{t[:3]}-new-{i:02d}" for i in range(4)] for t in templates}
    out: list[Change] = []
    n = 0

    def add(tbl: str, row_id: str, name: str, value: Any, hlc: str, acc: str | None) -> None:
        nonlocal n
        n += 1
        encoded = None if value is _GONE else json.dumps(value)
        out.append(Change(f"c{n:05d}", "remote", tbl, row_id, name, encoded, acc, hlc))

    for _ in range(rng.randint(1, 40)):
        stamp = Stamp(WALL + rng.randint(-60_000, 60_000), rng.randint(0, 2), "remote").text()
        tbl = rng.choice(["accounts", "accounts", "contacts", "tags", "account_tags", "x"])
        if tbl == "x":  # a table or a field this version does not know
            if rng.random() < 0.5:
                add("future_table", "f1", "*", {"id": "f1"}, stamp, None)
            else:
                add("accounts", rng.choice(ids["accounts"]), "shoe_size", 42, stamp, None)
            continue
        if tbl == "account_tags":
            row_id = f"{rng.choice(ids['accounts'] + ['nobody'])}|{rng.choice(ids['tags'])}"
            value = _GONE if rng.random() < 0.4 else {}
            add(tbl, row_id, "*", value, stamp, row_id.split("|")[0])
            continue
        row_id = rng.choice(ids[tbl] + new_rows[tbl])
        acc = row_id if tbl == "accounts" else rng.choice(ids["accounts"])
        roll = rng.random()
        if roll < 0.3:  # the whole row (new, or one this laptop has)
            whole = dict(templates[tbl], id=row_id)
            for name in ("industry", "notes", "title"):
                if name in whole:
                    whole[name] = rng.choice(VALUES[:-1])
            if "name" in whole:
                whole["name"] = rng.choice(["tag 1", f"Name {row_id}", "Client 2"])
            if tbl == "contacts":
                whole["account_id"] = rng.choice([*ids["accounts"], "no-such-client"])
            whole["deleted_at"] = rng.choice(TIMES)
            add(tbl, row_id, "*", whole, stamp, acc)
            continue
        names = {
            "accounts": ["industry", "notes", "website", "deleted_at", "updated_at", "name"],
            "contacts": ["title", "notes", "deleted_at", "updated_at"],
            "tags": ["name", "deleted_at", "updated_at"],
        }[tbl]
        for name in rng.sample(names, rng.randint(1, 3)):  # one stamp: grouped into one
            if name in ("deleted_at", "updated_at"):
                value = rng.choice(TIMES if name == "deleted_at" else TIMES[:-1])
            elif name == "name":
                value = rng.choice(["tag 2", "Renamed", "Client 4"])
            else:
                value = rng.choice(VALUES[:-1])
            add(tbl, row_id, name, value, stamp, acc)
    return out


_GONE = object()


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.read() as s:
        for tbl in [*SYNCED, "sync_field_clocks", "sync_state", "search_docs"]:
            out[tbl] = sorted((tuple(r) for r in s.execute(text(f"SELECT * FROM {tbl}"))), key=repr)
        out["sync_conflicts"] = sorted(
            tuple(r)
            for r in s.execute(
                text(
                    "SELECT tbl, row_id, field, account_id, reason, kept_value, kept_hlc, "
                    "lost_value, lost_hlc, noticed_at, restored_at FROM sync_conflicts"
                )
            )
        )
        out["sync_changes"] = sorted(
            tuple(r)
            for r in s.execute(
                text("SELECT seq, tbl, row_id, field, value, account_id, hlc FROM sync_changes")
            )
        )
    return out


@pytest.mark.parametrize("seed", range(SEEDS))
def test_a_batch_merge_equals_the_change_by_change_merge(
    seed: int,
    db_path: Path,
    tmp_path: Path,
    clock: FixedClock,
    template_db: tuple[Path, bytes],
) -> None:
    rng = random.Random(seed)
    seeded, ids = _seeded(db_path, clock)
    changes = _changes(rng, seeded, ids)
    seeded.close()
    results = []
    for name, merger in (("batch", merge), ("reference", merge_reference.merge)):
        path = tmp_path / f"{name}.db"
        shutil.copyfile(db_path, path)
        keys.store_key(path, template_db[1])
        store = open_store(path, clock=clock)
        try:
            with store.write() as uow:
                state = uow.session.execute(
                    text("SELECT pushed_upto, pulled_upto FROM sync_state WHERE id = 1")
                ).one()
                conflicts = merger(
                    uow, changes, pushed_upto=int(state[0]), pulled_upto=int(state[1]) + 1
                )
                touched = {k: set(v) for k, v in uow.changes.ids.items() if v}
            results.append((conflicts, touched, _dump(store)))
        finally:
            store.close()
    batch, reference = results
    assert batch[0] == reference[0]
    assert batch[1] == reference[1]
    assert batch[2] == reference[2]


def test_the_random_batches_reach_every_path(db_path: Path, clock: FixedClock) -> None:
    """The seeds above do hit refusals (the fallback), conflicts, revivals and runs cut
    by a row coming twice: otherwise the comparison proves little."""
    store, ids = _seeded(db_path, clock)
    try:
        refused = conflicted = revived = cut = 0
        for seed in range(SEEDS):
            changes = _changes(random.Random(seed), store, ids)
            cut += len(merge_batch.runs(changes)) > 1
            with pytest.raises(_Rollback), store.write() as uow:
                n = merge(uow, changes, pushed_upto=_pushed(uow), pulled_upto=0)
                conflicted += n > 0
                revived += bool(
                    uow.session.execute(
                        text("SELECT count(*) FROM sync_conflicts WHERE reason = 'deleted'")
                    ).scalar_one()
                )
                refused += _refusals(changes, uow) > 0
                raise _Rollback
        assert refused and conflicted and revived and cut
    finally:
        store.close()


class _Rollback(Exception):
    pass


def _pushed(uow: Any) -> int:
    return int(
        uow.session.execute(text("SELECT pushed_upto FROM sync_state WHERE id = 1")).scalar_one()
    )


def _refusals(changes: list[Change], uow: Any) -> int:
    """Pulled tag or contact rows that are not in the database after the merge (a
    refusal: a duplicate tag name, a contact of a client that does not exist)."""
    missing = 0
    for c in changes:
        if c.tbl in ("tags", "contacts") and c.field == "*":
            found = uow.session.execute(
                text(f"SELECT 1 FROM {c.tbl} WHERE id = :id"), {"id": c.row_id}
            ).first()
            missing += found is None
    return missing
