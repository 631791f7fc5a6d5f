"""Integrity checks catch damage (and never pass silently); salvage recovers what is readable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3

from models.clock import FixedClock
from models.errors import NotADatabaseError, StoreError
from models.store import Store, connect_raw, open_store
from models.vault import unlock
from models.vault.integrity import check_file, full_check, quick_check, salvage
from tests.models.helpers import account, note
from tests.models.test_backup import damage


def fill(store: Store, clients: int = 60) -> None:
    for i in range(clients):
        note(store, account(store, f"Client {i:03}"), f"Catatan {i} " + "w" * 2000)


def page_of(path: Path, key: bytes, table: str, scratch: Path) -> int:
    """A page whose loss breaks a scan of ``table`` but not of accounts (found by trying)."""
    copy = scratch / "probe.db"
    for page in range(path.stat().st_size // 4096 // 2, path.stat().st_size // 4096):
        shutil.copyfile(path, copy)
        damage(copy, pages=(page,))
        try:
            conn = connect_raw(copy, key, readonly=True)
        except NotADatabaseError:  # a page of the schema (which grows with migrations)
            continue
        try:
            conn.execute("SELECT * FROM accounts").fetchall()
            try:
                conn.execute(f"SELECT * FROM {table}").fetchall()
            except sqlcipher3.DatabaseError:
                return page
        except sqlcipher3.DatabaseError:
            pass
        finally:
            conn.close()
    raise AssertionError(f"no page of {table} found")


def test_a_healthy_database_passes(store: Store) -> None:
    fill(store, 5)
    assert quick_check(store).ok and quick_check(store).problems == []
    result = full_check(store)
    assert result.ok and result.as_json() == {"ok": True, "problems": []}
    assert check_file(store.path, store.key).ok


def test_damaged_pages_fail_every_check(db_path: Path, clock: FixedClock) -> None:
    store = open_store(db_path, clock=clock)
    fill(store)
    store.close()
    damage(db_path, pages=(20, 21))
    key = unlock.load_key(db_path)
    result = check_file(db_path, key)
    assert not result.ok and result.problems
    assert not check_file(db_path, key, full=False).ok
    store = open_store(db_path, clock=clock)
    try:
        assert not quick_check(store).ok
        full = full_check(store)
        assert not full.ok
        assert any("cipher" in p or "could not run" in p for p in full.problems)
    finally:
        store.engine.dispose()


def test_a_check_that_cannot_run_is_a_failure(tmp_path: Path) -> None:
    result = check_file(tmp_path / "missing.db", bytes(32))
    assert not result.ok and result.problems


def test_foreign_key_problems_are_reported(store: Store) -> None:
    acc = account(store, "Parent")
    note(store, acc, "child")
    raw = connect_raw(store.path, store.key)
    raw.execute("PRAGMA foreign_keys = OFF")  # what another tool might do to the file
    raw.execute("DELETE FROM accounts")
    raw.close()
    result = full_check(store)
    assert not result.ok
    assert any(p.startswith("foreign key: interactions") for p in result.problems)


def test_salvage_copies_what_is_readable(db_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    store = open_store(db_path, clock=clock)
    fill(store)
    store.close()
    damage(db_path, pages=(page_of(db_path, unlock.load_key(db_path), "interactions", tmp_path),))
    target = tmp_path / "salvaged.db"
    result = salvage(db_path, unlock.load_key(db_path), target, clock=clock)
    assert result.target == target
    assert result.recovered["accounts"] == 60
    # One lost page holds a few notes; the scan resumes after it.
    assert 50 <= result.recovered["interactions"] < 60
    assert any(p.startswith("interactions: unreadable") for p in result.problems)
    salvaged = open_store(target, clock=clock)
    try:
        assert full_check(salvaged).ok
        from models.queries.stats import live_counts

        counts = live_counts(salvaged)
        assert counts["accounts"] == result.recovered["accounts"]
        assert counts["interactions"] == result.recovered["interactions"]
    finally:
        salvaged.close()


def test_salvage_of_an_intact_database_recovers_everything(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    fill(store, 10)
    result = salvage(store.path, store.key, tmp_path / "copy.db", clock=clock)
    assert result.recovered["accounts"] == 10 and result.recovered["interactions"] == 10
    assert result.problems == [] and result.skipped_rows == {}
    assert result.as_json()["recovered"]["accounts"] == 10


def test_salvage_never_overwrites(store: Store, tmp_path: Path) -> None:
    existing = tmp_path / "exists.db"
    existing.write_bytes(b"mine")
    with pytest.raises(StoreError, match="already exists"):
        salvage(store.path, store.key, existing)
    assert existing.read_bytes() == b"mine"
