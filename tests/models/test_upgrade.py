"""Upgrading a database made at the first schema: backup first, every row survives,
and a migration that fails leaves the file at its old revision with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.operations import Operations

from models.clock import FixedClock
from models.migrations import HEAD
from models.migrations.runner import upgrade
from models.queries.search import search
from models.store import Store
from models.vault import keys, unlock
from models.vault.backup import MigrationError, backups_dir, verify_backup
from models.vault.safe_open import open_with_safety

TS = "2026-01-05 03:00:00.000000"

ROWS_0001 = [
    (
        "INSERT INTO accounts (id, name, industry, tier, status, website, phone, address, "
        "notes, cadence_days, created_at, updated_at) VALUES (?, ?, '', 'A', 'active', '', '', "
        "'', ?, 30, ?, ?)",
        [(f"acc-{i}", f"PT Lama {i} — 株式会社", f"catatan {i} ✓", TS, TS) for i in range(50)],
    ),
    (
        "INSERT INTO contacts (id, account_id, name, title, emails, phones, notes, created_at, "
        "updated_at) VALUES (?, ?, ?, '', '[\"a@b.co\"]', '[]', '', ?, ?)",
        [(f"con-{i}", f"acc-{i % 50}", f"Ibu Sari {i}", TS, TS) for i in range(80)],
    ),
    (
        "INSERT INTO interactions (id, account_id, kind, occurred_at, subject, body, "
        "body_format, location, outcome, created_at, updated_at) VALUES "
        "(?, ?, 'meeting', ?, ?, ?, 'markdown', '', '', ?, ?)",
        [
            (f"int-{i}", f"acc-{i % 50}", TS, f"Rapat {i}", f"Bahas kontrak Zebra{i} 🚀", TS, TS)
            for i in range(300)
        ],
    ),
    (
        "INSERT INTO follow_ups (id, account_id, title, due_at, all_day, priority, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 1, 1, ?, ?)",
        [(f"fu-{i}", f"acc-{i % 50}", f"Telepon {i}", TS, TS, TS) for i in range(40)],
    ),
    (
        "INSERT INTO deals (id, account_id, title, stage, amount_minor, currency, probability, "
        "lost_reason, created_at, updated_at) VALUES (?, ?, ?, 'lead', ?, 'IDR', 10, '', ?, ?)",
        [(f"deal-{i}", f"acc-{i % 50}", f"Deal {i}", i * 1000, TS, TS) for i in range(20)],
    ),
]

TABLES = ["accounts", "contacts", "interactions", "follow_ups", "deals"]


def make_db_at_0001(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """A database at revision 0001, filled by raw SQL; returns every row per table."""
    key = keys.new_key()
    keys.store_key(path, key)
    store = Store(path, key)
    upgrade(store.engine, "0001")
    with store.engine.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for sql, rows in ROWS_0001:
            raw.executemany(sql, rows)
    contents = dump(store)
    assert store.schema_revision() == "0001"
    store.close()
    return contents


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    out: dict[str, list[tuple[object, ...]]] = {}
    with store.engine.connect() as conn:
        for table in TABLES:
            cols = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
            # Columns of 0001 only: later revisions may add some.
            cols = [
                c
                for c in cols
                if c not in {"amount_minor", "amount_currency", "linkedin_url"} or table == "deals"
            ]
            cols = [c for c in cols if c != "owner"]  # 0015
            if table in {"deals", "follow_ups"}:
                # 0006, 0007, 0011
                cols = [c for c in cols if c not in {"notes", "contact_id", "lost_to"}]
            out[table] = sorted(
                tuple(r) for r in conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {table}")
            )
    return out


def test_upgrade_from_0001_backs_up_first_and_keeps_every_row(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "old.db"
    before = make_db_at_0001(path)
    store = open_with_safety(path, clock=clock)
    try:
        assert store.schema_revision() == HEAD
        after = dump(store)
        assert after == before  # every row, every column, byte for byte
        assert sum(len(v) for v in after.values()) == 490
        assert search(store, "Zebra17")
    finally:
        store.close()
    made = list(backups_dir(path).iterdir())
    assert len(made) == 1 and "before-migrate" in made[0].name
    counts = verify_backup(made[0], unlock.load_key(path))
    assert counts["interactions"] == 300 and "drafts" not in counts  # the 0001 schema


def test_a_failing_migration_leaves_the_old_revision(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    before = make_db_at_0001(path)

    def broken(self: Operations, *args: object, **kwargs: object) -> None:
        raise RuntimeError("disk hiccup in the middle of 0002")

    # 0002 creates four tables, then adds columns: fail after the tables exist.
    monkeypatch.setattr(Operations, "add_column", broken)
    with pytest.raises(MigrationError) as info:
        open_with_safety(path, clock=clock)
    message = info.value.message
    assert "could not be upgraded from schema 0001" in message
    assert "disk hiccup" in message and "left at schema 0001" in message
    assert "\n" not in message
    monkeypatch.undo()

    key = unlock.load_key(path)
    store = Store(path, key)
    try:
        assert store.schema_revision() == "0001"
        with store.engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "drafts" not in tables and "import_batches" not in tables
        assert dump(store) == before
    finally:
        store.close()
    assert len(list(backups_dir(path).iterdir())) == 1
    # Once the cause is gone, the next open upgrades.
    store = open_with_safety(path, clock=clock)
    assert store.schema_revision() == HEAD
    store.close()


def test_a_failing_backup_stops_the_migration(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    make_db_at_0001(path)
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    with pytest.raises(MigrationError, match="because the backup before it failed"):
        open_with_safety(path, clock=clock)
    store = Store(path, unlock.load_key(path))
    assert store.schema_revision() == "0001"
    store.close()
