"""Issue 11, second round, in the vault itself (no command line): each test failed
before its fix (tests/hostile_cases.md)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from models.clock import FixedClock
from models.store import open_store
from models.vault.backup import (
    RetentionPolicy,
    backup_database,
    backups_dir,
    list_backups,
    needs_daily_backup,
)
from models.vault.restore import restore_backup
from tests.conftest import NOW
from tests.models.helpers import account

TIGHT = RetentionPolicy(daily=2, weekly=0, monthly=0, keep_all_within=timedelta(0))


def make(path: Path, *names: str) -> bytes:
    store = open_store(path)
    for name in names:
        account(store, name)
    key = store.key
    store.close()
    return key


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    key_a, key_b = make(a, "A1"), make(b, "B1", "B2")
    old = NOW - timedelta(days=20)
    b_backup = backup_database(b, key_b, clock=FixedClock(old), policy=TIGHT).path
    for day in range(10, -1, -1):
        backup_database(a, key_a, clock=FixedClock(NOW - timedelta(days=day)), policy=TIGHT)
    assert b_backup.exists(), "a's rotation deleted b's backup"
    assert needs_daily_backup(b, NOW), "a's backups counted as b's"
    assert not needs_daily_backup(a, NOW)
    assert [i.path for i in list_backups(b, key_b)] == [b_backup]
    listed_a = list_backups(a, key_a)
    assert len(listed_a) == 2 and all(
        i.counts is not None and i.counts["accounts"] == 1 for i in listed_a
    )
    assert b_backup.parent == backups_dir(a)  # still one shared folder


def test_a_legacy_backup_of_another_database_survives_and_is_listed(tmp_path: Path) -> None:
    """Before backups were named per database, every one was ``relasi-<time>.db``."""
    work, main = tmp_path / "work.db", tmp_path / "relasi.db"
    key_work, key_main = make(work, "W1"), make(main, "M1")
    made = backup_database(work, key_work, clock=FixedClock(NOW - timedelta(days=30))).path
    legacy = made.with_name(made.name.replace("work-", "relasi-", 1))
    os.rename(made, legacy)
    for day in range(5, -1, -1):
        backup_database(main, key_main, clock=FixedClock(NOW - timedelta(days=day)), policy=TIGHT)
    assert legacy.exists(), "relasi.db's rotation deleted work.db's old backup"
    assert legacy in [i.path for i in list_backups(work, key_work)]
    store = open_store(work)
    account(store, "W2")
    store.close()
    result = restore_backup(work, legacy, key_work, clock=FixedClock(NOW))
    assert result.counts["accounts"] == 1


def test_restore_never_prunes_the_backup_being_restored(db_path: Path) -> None:
    store = open_store(db_path)
    account(store, "Only one")
    key = store.key
    store.close()
    day = NOW - timedelta(days=10)
    chosen = backup_database(db_path, key, clock=FixedClock(day)).path
    store = open_store(db_path)
    account(store, "Second")
    store.close()
    backup_database(db_path, key, clock=FixedClock(day + timedelta(hours=12)))
    result = restore_backup(db_path, chosen, key, clock=FixedClock(NOW))
    assert result.counts["accounts"] == 1
    assert chosen.exists()
    store = open_store(db_path)
    with store.read() as s:
        from sqlalchemy import text

        assert s.execute(text("SELECT count(*) FROM accounts")).scalar_one() == 1
    store.close()
