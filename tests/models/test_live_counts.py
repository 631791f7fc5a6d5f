"""The live counts ``stats`` prints are kept by triggers (migration 0019): after any mix
of adding, moving to Trash, putting back, undoing and emptying Trash they equal the rows
counted one by one; and they are the same on an encrypted database and its plain copy."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path
from unittest import mock

import sqlcipher3
from sqlalchemy import select

from models import services
from models.entities import KINDS
from models.queries.stats import counted_live_rows, live_counts
from models.store import Store
from models.vault.unlock import key_pragma
from tests.models.helpers import account, contact, followup, note


def existing(store: Store, kind: str, ids: list[str]) -> list[str]:
    """Those of ``ids`` still in the database (Trash emptied: cascades removed some)."""
    cls = KINDS[kind]
    with store.read() as s:
        kept = set(s.scalars(select(cls.id).where(cls.id.in_(ids))))
    return [i for i in ids if i in kept]


def test_kept_counts_follow_every_change(store: Store) -> None:
    rng = random.Random(19)
    live: dict[str, list[str]] = {k: [] for k in ("account", "contact", "interaction")}
    live |= {"followup": [], "deal": []}
    trashed: list[tuple[str, str]] = []
    undo: list[object] = []
    due = store.clock.now() + timedelta(days=2)
    for step in range(120):
        roll = rng.random()
        if roll < 0.45 or not live["account"]:
            client = account(store, f"PT {step}") if not live["account"] or roll < 0.1 else None
            if client:
                live["account"].append(client)
            owner = rng.choice(live["account"])
            kind = rng.choice(["contact", "interaction", "followup", "deal"])
            if kind == "contact":
                live[kind].append(contact(store, owner, f"Budi {step}"))
            elif kind == "interaction":
                live[kind].append(note(store, owner, f"catatan {step}"))
            elif kind == "followup":
                live[kind].append(followup(store, owner, f"telepon {step}", due))
            else:
                with store.write() as uow:
                    live[kind].append(services.create_deal(uow, owner, f"deal {step}"))
        elif roll < 0.7:
            kind = rng.choice([k for k, ids in live.items() if ids])
            id_ = live[kind].pop(rng.randrange(len(live[kind])))
            with store.write() as uow:
                services.soft_delete(uow, kind, id_)
                undo.append(list(uow.undo_steps))
            trashed.append((kind, id_))
        elif roll < 0.85 and trashed:
            kind, id_ = trashed.pop(rng.randrange(len(trashed)))
            try:
                with store.write() as uow:
                    services.put_back(uow, kind, id_)
                live[kind].append(id_)
            except services.ValidationError:  # its client is in Trash
                trashed.append((kind, id_))
        elif roll < 0.95 and undo:
            with store.write() as uow:
                for step_back in reversed(undo.pop()):  # type: ignore[attr-defined]
                    step_back(uow)
        else:
            with store.write() as uow:  # cascades remove a trashed client's live rows
                services.purge_trash(uow, None)
            trashed.clear()
            undo.clear()
            live = {kind: existing(store, kind, ids) for kind, ids in live.items()}
        assert live_counts(store) == counted_live_rows(store), step
    assert sum(live_counts(store).values()) > 20


def test_counts_equal_encrypted_and_plain(store: Store, tmp_path: Path) -> None:
    client = account(store, "PT Sama")
    for i in range(7):
        note(store, client, f"isi {i}")
    other = account(store, "PT Buang")
    contact(store, other, "Sari")
    with store.write() as uow:
        services.soft_delete(uow, "account", other)
    plain = tmp_path / "plain.db"
    conn = sqlcipher3.connect(str(store.path), isolation_level=None)
    conn.execute(key_pragma(store.key))
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    conn.execute("SELECT sqlcipher_export('plain')").fetchall()
    conn.execute("DETACH DATABASE plain")
    conn.close()
    assert plain.read_bytes()[:16] == b"SQLite format 3\x00"
    with mock.patch("models.store._key_pragma", lambda _key: "SELECT 1"):
        unencrypted = Store(plain, b"")
    try:
        expected = {"accounts": 1, "contacts": 1, "interactions": 7, "followups": 0, "deals": 0}
        assert live_counts(store) == live_counts(unencrypted) == expected
        assert counted_live_rows(unencrypted) == expected
    finally:
        unencrypted.close()
