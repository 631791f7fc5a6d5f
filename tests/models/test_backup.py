"""Backups: encrypted, verified, consistent under a writer, rotated, listed, restored."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from models import services
from models.clock import FixedClock
from models.errors import TooNewError
from models.queries.clients import client_names
from models.queries.stats import live_counts, trash
from models.store import Store, connect_raw, open_store
from models.vault import unlock
from models.vault.backup import (
    BackupCancelled,
    BackupError,
    DatabaseInUseError,
    RetentionPolicy,
    backup_name,
    backup_store,
    backups_dir,
    close_with_backup,
    list_backups,
    lock_path,
    needs_daily_backup,
    parse_backup_name,
    plan_rotation,
    rotate_backups,
    verify_backup,
)
from models.vault.restore import restore_backup
from models.vault.safe_open import open_with_safety
from tests.models.helpers import account, note


def names(store: Store) -> list[str]:
    return sorted(n for _, n in client_names(store))


def test_backup_is_encrypted_private_and_verified(store: Store) -> None:
    account(store, "Marker Company Zebra")
    note(store, account(store, "Other"), "Secret note Quokka")
    result = backup_store(store)
    data = result.path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Marker Company Zebra" not in data and b"Quokka" not in data
    assert result.path.parent == backups_dir(store.path)
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(result.path.parent.stat().st_mode) == 0o700
    assert parse_backup_name(result.path.name) == store.clock.now().replace(microsecond=0)
    assert result.counts["accounts"] == 2 and result.counts["interactions"] == 1
    assert result.bytes == result.path.stat().st_size
    assert list(result.path.parent.iterdir()) == [result.path]  # no partial, no journal
    # Readable with the key only, and the same rows.
    with pytest.raises(sqlcipher3.DatabaseError):
        sqlcipher3.connect(str(result.path)).execute("SELECT * FROM sqlite_master").fetchall()
    assert verify_backup(result.path, store.key) == result.counts
    conn = connect_raw(result.path, store.key, readonly=True)
    got = sorted(r[0] for r in conn.execute("SELECT name FROM accounts"))
    conn.close()
    assert got == ["Marker Company Zebra", "Other"]


def test_key_is_not_in_repr(store: Store) -> None:
    assert store.key.hex() not in repr(store) and len(store.key) == 32


def test_same_second_backups_get_distinct_names(store: Store) -> None:
    first = backup_store(store).path
    second = backup_store(store).path
    assert first != second and first.exists() and second.exists()
    assert parse_backup_name(second.name) == parse_backup_name(first.name)


def test_backup_to_a_path_refuses_to_overwrite(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.db"
    result = backup_store(store, to=target)
    assert result.path == target and not backups_dir(store.path).exists()
    before = target.read_bytes()
    with pytest.raises(BackupError, match="already exists"):
        backup_store(store, to=target)
    assert target.read_bytes() == before
    with pytest.raises(BackupError, match="does not exist"):
        backup_store(store, to=tmp_path / "nope" / "x.db")


def test_progress_is_reported_and_cancel_removes_the_partial_file(store: Store) -> None:
    for i in range(30):
        note(store, account(store, f"Client {i}"), "x" * 3000)
    seen: list[tuple[int, int]] = []
    backup_store(store, progress=lambda done, total: seen.append((done, total)), pages_per_step=8)
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    calls: list[int] = []

    def cancel_third(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 3

    with pytest.raises(BackupCancelled):
        backup_store(store, progress=cancel_third, pages_per_step=8)
    assert len(calls) == 3
    assert len(list(backups_dir(store.path).iterdir())) == 1  # only the first backup


def test_backup_while_another_connection_writes_is_one_snapshot(store: Store) -> None:
    ids = {account(store, f"Before {i}") for i in range(20)}
    for i in range(20):
        note(store, account(store, f"Padding {i}"), "y" * 4000)
    other = open_store(store.path, clock=store.clock)
    written: list[str] = []

    def write_meanwhile(done: int, total: int) -> None:
        with other.write() as uow:
            written.append(services.create_account(uow, f"During {done}"))
            if len(written) < len(ids):
                services.soft_delete(uow, "account", sorted(ids)[len(written)])

    try:
        result = backup_store(store, progress=write_meanwhile, pages_per_step=4)
    finally:
        other.close()
    assert len(written) > 3
    conn = connect_raw(result.path, store.key, readonly=True)
    try:
        backed = {r[0] for r in conn.execute("SELECT id FROM accounts")}
        deleted = conn.execute("SELECT count(*) FROM accounts WHERE deleted_at IS NOT NULL")
        assert deleted.fetchone()[0] == 0
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    finally:
        conn.close()
    assert ids <= backed and not backed & set(written)
    assert result.counts["accounts"] == 40
    deleted_meanwhile = min(len(written), len(ids) - 1)
    assert live_counts(store)["accounts"] == 40 + len(written) - deleted_meanwhile


def test_round_trip_backup_change_restore(db_path: Path, clock: FixedClock) -> None:
    store = open_store(db_path, clock=clock)
    kept = account(store, "Kept")
    note(store, kept, "Rapat di Jakarta — 会議 ✓")
    backup = backup_store(store)
    account(store, "Added after the backup")
    with store.write() as uow:
        services.update_account(uow, kept, name="Renamed")
    store.close()

    clock.advance(timedelta(minutes=5))
    result = restore_backup(db_path, backup.path, unlock.load_key(db_path), clock=clock)
    assert result.restored_from == backup.path and result.counts == backup.counts
    assert result.safety_backup is not None and "before-restore" in result.safety_backup.name
    assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()
    assert not list(db_path.parent.glob(".*restore-tmp*"))

    store = open_store(db_path, clock=clock)
    assert names(store) == ["Kept"]
    from models.queries.search import search

    assert search(store, "会議")  # the search index came back with the rows
    store.close()
    # The safety backup holds what was there before the restore.
    conn = connect_raw(result.safety_backup, unlock.load_key(db_path), readonly=True)
    assert sorted(r[0] for r in conn.execute("SELECT name FROM accounts")) == [
        "Added after the backup",
        "Renamed",
    ]
    conn.close()


def test_restore_refuses_a_backup_that_does_not_verify(db_path: Path, tmp_path: Path) -> None:
    key = unlock.load_key(db_path)
    before = db_path.read_bytes()
    foreign = tmp_path / "foreign.db"
    store = open_store(foreign)
    store.close()
    with pytest.raises(BackupError, match="cannot be read with this database's key"):
        restore_backup(db_path, foreign, key)
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    with pytest.raises(BackupError):
        restore_backup(db_path, junk, key)
    with pytest.raises(BackupError, match="not a file"):
        restore_backup(db_path, tmp_path / "missing.db", key)
    with pytest.raises(BackupError, match="from itself"):
        restore_backup(db_path, db_path, key)
    assert db_path.read_bytes() == before
    assert not backups_dir(db_path).exists()


def test_restore_refuses_a_backup_from_a_newer_relasi(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    future = backup_store(store, to=tmp_path / "future.db").path
    store.close()
    conn = connect_raw(future, unlock.load_key(db_path))
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(TooNewError, match="newer Relasi"):
        restore_backup(db_path, future, unlock.load_key(db_path))


def test_restore_refuses_while_a_window_holds_the_database(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    backup = backup_store(store, to=tmp_path / "b.db").path
    store.close()
    import socket
    import subprocess

    other = subprocess.Popen(["sleep", "60"])  # a live process standing in for a window
    try:
        lock_path(db_path).write_text(f"{other.pid}\nrelasi\n{socket.gethostname()}\n")
        with pytest.raises(DatabaseInUseError, match="close it first"):
            restore_backup(db_path, backup, unlock.load_key(db_path))
    finally:
        other.kill()
        other.wait()
    # This process's own lock (its store closed, e.g. a damaged file at start) does not.
    lock_path(db_path).write_text(f"{os.getpid()}\nrelasi\n{socket.gethostname()}\n")
    assert restore_backup(db_path, backup, unlock.load_key(db_path)).restored_from == backup
    # A stale lock (its process is gone) does not block.
    lock_path(db_path).write_text(f"{2**22 + 12345}\nrelasi\n{socket.gethostname()}\n")
    assert restore_backup(db_path, backup, unlock.load_key(db_path)).restored_from == backup


def test_restore_over_a_damaged_database_keeps_a_byte_copy(
    db_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    store = open_store(db_path, clock=clock)
    account(store, "Good")
    good = backup_store(store, to=tmp_path / "good.db").path
    for i in range(40):
        note(store, account(store, f"Later {i}"), "z" * 2000)
    store.close()
    damage(db_path)
    damaged_bytes = db_path.read_bytes()
    result = restore_backup(db_path, good, unlock.load_key(db_path), clock=clock)
    assert result.safety_backup is not None and result.safety_backup.name.endswith("-raw.db")
    assert result.safety_backup.read_bytes() == damaged_bytes
    store = open_store(db_path)
    assert names(store) == ["Good"]
    store.close()


def damage(path: Path, pages: tuple[int, ...] = (5, 6, 7)) -> None:
    """Overwrite whole pages in the middle of an encrypted file (their HMAC fails)."""
    with path.open("r+b") as f:
        for page in pages:
            f.seek(page * 4096 + 100)
            f.write(os.urandom(500))


@pytest.mark.parametrize(
    ("taken", "now", "policy", "kept"),
    [
        pytest.param([], "2026-11-24 12:00", RetentionPolicy(), [], id="nothing"),
        pytest.param(
            ["2026-11-24 01:00", "2026-11-24 03:00", "2026-11-24 09:00"],
            "2026-11-24 12:00",
            RetentionPolicy(),
            ["2026-11-24 01:00", "2026-11-24 03:00", "2026-11-24 09:00"],
            id="everything-from-the-last-day",
        ),
        pytest.param(
            ["2026-11-20 08:00", "2026-11-20 18:00", "2026-11-21 09:00", "2026-11-21 10:00"],
            "2026-11-24 12:00",
            RetentionPolicy(),
            ["2026-11-20 18:00", "2026-11-21 10:00"],
            id="newest-of-each-day",
        ),
        pytest.param(
            [f"2026-11-{d:02} 10:00" for d in range(1, 24)],
            "2026-11-24 12:00",
            RetentionPolicy(),
            # 7 daily (17..23), the newest of ISO weeks 46 (15th), 45 (8th); month: 23rd.
            [f"2026-11-{d:02} 10:00" for d in (8, 15, 17, 18, 19, 20, 21, 22, 23)],
            id="daily-then-weekly",
        ),
        pytest.param(
            [f"2025-{m:02}-28 10:00" for m in range(1, 13)] + ["2024-12-28 10:00"],
            "2026-01-05 12:00",
            RetentionPolicy(daily=1, weekly=1, monthly=12),
            [f"2025-{m:02}-28 10:00" for m in range(1, 13)],
            id="twelve-months",
        ),
        pytest.param(
            ["2020-01-01 00:00", "2020-06-01 00:00"],
            "2026-11-24 12:00",
            RetentionPolicy(daily=0, weekly=0, monthly=1),
            ["2020-06-01 00:00"],
            id="a-long-absence-keeps-the-newest",
        ),
        pytest.param(
            ["2026-11-20 10:00", "2026-12-30 10:00"],
            "2026-11-24 12:00",
            RetentionPolicy(daily=0, weekly=0, monthly=0),
            ["2026-12-30 10:00"],
            id="future-dated-kept",
        ),
        pytest.param(
            ["2026-11-20 10:00", "2026-11-23 10:00", "2026-11-24 10:00"],
            "2026-11-24 12:00",
            RetentionPolicy(daily=1, weekly=0, monthly=0, keep_all_within=timedelta(0)),
            ["2026-11-24 10:00"],
            id="daily-only",
        ),
    ],
)
def test_plan_rotation(
    taken: list[str], now: str, policy: RetentionPolicy, kept: list[str]
) -> None:
    def t(s: str) -> datetime:
        return datetime.fromisoformat(s).replace(tzinfo=UTC)

    assert plan_rotation([t(x) for x in taken], t(now), policy) == {t(x) for x in kept}


def test_rotation_deletes_files_and_only_ours(db_path: Path) -> None:
    folder = backups_dir(db_path)
    folder.mkdir()
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    for days in range(0, 40):
        (folder / backup_name(now - timedelta(days=days, hours=3))).write_bytes(b"x")
    (folder / "my-notes.txt").write_text("not a backup")
    deleted = rotate_backups(db_path, now, RetentionPolicy(daily=7, weekly=4, monthly=12))
    left = sorted(p.name for p in folder.iterdir())
    assert "my-notes.txt" in left
    assert len(left) - 1 == 40 - len(deleted)
    assert backup_name(now - timedelta(hours=3)) in left
    assert backup_name(now - timedelta(days=39, hours=3)) not in left
    assert 9 <= len(left) - 1 <= 12


def test_backup_rotates_with_the_policy(store: Store, clock: FixedClock) -> None:
    for _ in range(5):
        backup_store(
            store,
            policy=RetentionPolicy(daily=2, weekly=0, monthly=0, keep_all_within=timedelta(0)),
        )
        clock.advance(timedelta(days=1))
    assert len(list(backups_dir(store.path).iterdir())) == 2


def test_needs_daily_backup(store: Store, clock: FixedClock) -> None:
    assert needs_daily_backup(store.path, clock.now())
    backup_store(store)
    assert not needs_daily_backup(store.path, clock.now() + timedelta(hours=23))
    assert needs_daily_backup(store.path, clock.now() + timedelta(days=1))


def test_list_backups_newest_first_with_counts(store: Store, clock: FixedClock) -> None:
    first = backup_store(store)
    clock.advance(timedelta(hours=2))
    account(store, "One")
    second = backup_store(store)
    broken = backups_dir(store.path) / backup_name(clock.now() + timedelta(hours=1))
    broken.write_bytes(os.urandom(4096))
    rows = list_backups(store.path, store.key)
    assert [r.path for r in rows] == [broken, second.path, first.path]
    assert rows[0].counts is None and rows[0].error
    assert rows[1].counts is not None and rows[1].counts["accounts"] == 1
    assert rows[2].counts is not None and rows[2].counts["accounts"] == 0
    assert rows[1].size == second.bytes and rows[1].taken_at == clock.now()


def test_close_with_backup(db_path: Path, clock: FixedClock) -> None:
    store = open_store(db_path, clock=clock)
    account(store, "At close")
    result = close_with_backup(store)
    assert result.counts["accounts"] == 1 and result.path.exists()


def test_a_failing_verification_removes_the_file(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.vault.backup as backup_module

    real = backup_module.table_counts
    calls: list[int] = []

    def lying(conn: sqlcipher3.Connection) -> dict[str, int]:
        calls.append(1)
        counts = real(conn)
        if len(calls) == 2:  # the backup's own counts
            counts["accounts"] += 1
        return counts

    monkeypatch.setattr(backup_module, "table_counts", lying)
    with pytest.raises(BackupError, match="row counts differ in accounts"):
        backup_store(store)
    assert list(backups_dir(store.path).iterdir()) == []


def test_backup_of_an_unwritable_folder_fails_cleanly(db_path: Path, tmp_path: Path) -> None:
    store = open_store(db_path)
    (backups_dir(db_path)).write_text("a file where the folder should be")
    try:
        with pytest.raises(BackupError, match="cannot make the backups folder"):
            backup_store(store)
    finally:
        store.close()


# -- the safe open path ------------------------------------------------------------------


def test_open_with_safety_purges_old_trash(db_path: Path, clock: FixedClock) -> None:
    store = open_store(db_path, clock=clock)
    old, recent = account(store, "Old"), account(store, "Recent")
    with store.write() as uow:
        services.soft_delete(uow, "account", old)
    clock.advance(timedelta(days=20))
    with store.write() as uow:
        services.soft_delete(uow, "account", recent)
    store.close()
    clock.advance(timedelta(days=11))
    store = open_with_safety(db_path, clock=clock)
    assert [r.label for r in trash(store)] == ["Recent"]
    store.close()
    store = open_with_safety(db_path, clock=clock, trash_retention=timedelta(days=5))
    assert trash(store) == []
    store.close()


def test_open_with_safety_refuses_a_damaged_database(db_path: Path, clock: FixedClock) -> None:
    from models.vault.integrity import DamagedDatabaseError

    store = open_store(db_path, clock=clock)
    for i in range(60):
        note(store, account(store, f"Client {i}"), "w" * 2000)
    store.close()
    damage(db_path, pages=(20, 21))
    with pytest.raises(DamagedDatabaseError, match="is damaged") as info:
        open_with_safety(db_path, clock=clock)
    assert info.value.problems
