"""The search index's prefix index (migration 0019): the same hits as the index without
it, for every prefix typed; the rebuild keeps every document on a populated database,
in batches, both ways."""

from __future__ import annotations

import importlib.util
import logging
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations

from models import services
from models.migrations import HEAD
from models.queries.search import fts_query, search
from models.store import Store
from tests.models.helpers import account, contact, note

#: Words that share their first letters (the prefixes the index holds: 3 and 4 letters),
#: with diacritics, Indonesian and English, and a name.
WORDS = [
    "proposal", "proposals", "project", "produk", "promo", "prospek", "pro", "proses",
    "próject", "meeting", "meetings", "meet", "meetup", "mee", "kirim", "kiriman", "kírim",
    "kirana", "budi", "budiman", "zamrud", "kontrak", "kontak", "kon", "revisi", "rev",
]  # fmt: skip
MIGRATION = Path(__file__).resolve().parents[2] / "models/migrations/versions"


def populate(store: Store) -> None:
    rng = random.Random(16)
    clients = [account(store, f"PT {rng.choice(WORDS).title()} {i}") for i in range(6)]
    for i in range(12):
        contact(store, clients[i % 6], f"{rng.choice(WORDS).title()} {rng.choice(WORDS)}")
    for i in range(160):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 9)))
        note(store, clients[i % 6], words, subject=rng.choice(WORDS) if i % 3 == 0 else "")


def typed_texts() -> list[str]:
    """Every prefix of every word as it is typed, some after a complete word."""
    out: set[str] = set()
    for word in WORDS:
        for end in range(1, len(word) + 1):
            out.add(word[:end])
            out.add(f"budi {word[:end]}")
        out.add(word + " ")
    return sorted(out)


def hits(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """What the search shows for each typed text, and every document its query matches."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for typed in typed_texts():
            found = search(store, typed, limit=50)
            out[typed] = [(h.kind, h.id, h.title, h.snippet, h.spans) for h in found]
            query = fts_query(typed)
            assert query is not None
            rows = conn.exec_driver_sql(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid", (query,)
            )
            out["all: " + typed] = [tuple(r) for r in rows]
    return out


def fts_sql(store: Store) -> str:
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'search_fts'"
        ).scalar_one()
    return str(row)


def load_0019(batch: int) -> ModuleType:
    """The migration's module, with a small batch so that a test fills in many."""
    spec = importlib.util.spec_from_file_location(
        "migration_0019", MIGRATION / "0019_search_prefix_index.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.BATCH = batch
    return module


def run(store: Store, step: Any) -> None:
    with store.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        step()


def test_prefix_index_gives_the_same_hits_as_before(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    populate(store)
    assert store.schema_revision() == HEAD
    assert "prefix = '3 4'" in fts_sql(store)
    with_index = hits(store)
    assert sum(1 for v in with_index.values() if v) > len(with_index) // 2  # not all empty
    assert with_index["pro"] and with_index["kir"] and with_index["meet"]

    migration = load_0019(batch=7)
    with caplog.at_level(logging.INFO, logger="relasi.migrations.0019"):
        run(store, migration.downgrade)
    assert "prefix" not in fts_sql(store)
    progress = [r.getMessage() for r in caplog.records if "of 178 documents" in r.getMessage()]
    assert len(progress) == 26 and "7 of 178" in progress[0]  # 6 + 12 + 160, by 7
    assert hits(store) == with_index

    run(store, migration.upgrade)
    assert "prefix = '3 4'" in fts_sql(store)
    assert hits(store) == with_index
    with store.engine.connect() as conn:  # the store's setting is left as it was
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
    with store.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    assert "search_fts_rebuild" not in tables


def test_the_rebuilt_index_follows_edits(store: Store) -> None:
    populate(store)
    migration = load_0019(batch=5)
    run(store, migration.downgrade)
    run(store, migration.upgrade)
    client = account(store, "PT Nusantara")
    made = note(store, client, "prosesnya lancar")
    assert [h.id for h in search(store, "prosesn")] == [made]
    assert made in [h.id for h in search(store, "pros")]
    with store.write() as uow:
        services.update_interaction(uow, made, body="lancar jaya")
    assert made not in [h.id for h in search(store, "pros")]
    assert made in [h.id for h in search(store, "lanc")]


def test_a_longer_prefix_finds_what_the_merge_finds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the indexed 4 letters the newest documents of the first 4 are matched a
    window at a time: the same hits as the index's own merge, whatever the windows."""
    from models.queries import search as module

    populate(store)
    longer = [t for t in typed_texts() if len(t.split()[-1]) > 4 and not t.endswith(" ")]
    assert module.narrowed_query("budi propo") == '"budi" "prop"*'
    assert module.narrowed_query("prop") is None and module.narrowed_query("propo ") is None

    def shown() -> dict[str, list[str]]:
        return {t: [h.id for h in search(store, t, limit=20)] for t in longer}

    monkeypatch.setattr(module, "PREFIX_WINDOWS", 0)  # the merge only
    merged = shown()
    assert sum(len(v) for v in merged.values()) > 50
    for window, windows in ((3, 1_000), (3, 2), (50, 3), (1, 40)):
        monkeypatch.setattr(module, "PREFIX_WINDOW", window)
        monkeypatch.setattr(module, "PREFIX_WINDOWS", windows)
        assert shown() == merged, (window, windows)
