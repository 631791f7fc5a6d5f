"""Restoring a backup: verify it, back up what is there, then swap atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
from pathlib import Path

import sqlcipher3

from models.clock import Clock
from models.errors import RelasiError, describe
from models.store import connect_raw
from models.vault import writer_lock
from models.vault.backup import (
    BackupError,
    DatabaseInUseError,
    RestoreResult,
    _companions,
    _free_target,
    _fsync_dir,
    _private_dir,
    _remove,
    backup_database,
    backup_stem,
    backups_dir,
    lock_path,
    verify_backup,
)


def _refuse_if_in_use(db_path: Path) -> None:
    lock = lock_path(db_path)
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
        pid = int(lines[0])
        host = lines[2] if len(lines) > 2 else ""
    except (OSError, ValueError, IndexError):
        return
    if (host and host != socket.gethostname()) or pid == os.getpid():
        return  # another machine's stale lock, or this process (its store is closed)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return
    except PermissionError:
        pass
    raise DatabaseInUseError(
        f"Relasi (process {pid}) has {db_path} open; close it first", path=str(db_path)
    )


def _raw_copy(db_path: Path, clock: Clock) -> Path:
    """Byte copy of a database that cannot be backed up properly (damaged)."""
    folder = backups_dir(db_path)
    _private_dir(folder)
    target = _free_target(folder, clock.now(), "before-restore-raw", backup_stem(db_path))
    shutil.copyfile(db_path, target)
    os.chmod(target, 0o600)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, f"{target}-wal")
        os.chmod(f"{target}-wal", 0o600)
    _fsync_dir(folder)
    return target


def restore_backup(
    db_path: Path, backup: Path, key: bytes, *, clock: Clock | None = None
) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup``; the store must be closed.

    1. the backup is verified with the database's key (nothing is touched if not);
    2. the current database is backed up (a byte copy if it is too damaged to back up);
    3. the backup is copied to a temporary file next to the database and verified;
    4. the WAL is checkpointed, stale ``-wal``/``-shm`` files removed, and the copy
       moved over the database with ``os.replace`` (atomic).

    Refuses while a Relasi window holds the database (its lock file), and while any
    other process has it open as a Store (models.vault.writer_lock): a command-line
    import would otherwise go on writing into the replaced file.
    """
    clock = clock or Clock()
    db_path = Path(os.path.abspath(db_path))
    backup = Path(os.path.abspath(backup))
    if not backup.is_file():
        raise BackupError(f"{backup} is not a file", path=str(backup))
    if backup == db_path:
        raise BackupError("a database cannot be restored from itself", path=str(backup))
    _refuse_if_in_use(db_path)
    lock_fd = writer_lock.acquire(db_path, exclusive=True, timeout_s=5.0, doing="be restored")
    try:
        return _restore_locked(db_path, backup, key, clock)
    finally:
        writer_lock.release(lock_fd)


def _restore_locked(db_path: Path, backup: Path, key: bytes, clock: Clock) -> RestoreResult:
    expected = verify_backup(backup, key)
    safety: Path | None = None
    if db_path.exists():
        try:
            # The safety backup's rotation must never delete the backup being restored.
            safety = backup_database(
                db_path, key, clock=clock, reason="before-restore", protect=(backup,)
            ).path
        except BackupError:
            safety = _raw_copy(db_path, clock)
    tmp = db_path.with_name(f".{db_path.name}.restore-tmp")
    _remove(tmp, *_companions(tmp))
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        shutil.copyfile(backup, tmp)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        counts = verify_backup(tmp, key, expected)
        if db_path.exists():
            with contextlib.suppress(RelasiError, sqlcipher3.Error):
                conn = connect_raw(db_path, key)
                try:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()
        _remove(Path(f"{db_path}-wal"), Path(f"{db_path}-shm"))
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)
    except BaseException as exc:
        _remove(tmp, *_companions(tmp))
        if isinstance(exc, RelasiError) or not isinstance(exc, Exception):
            raise
        raise BackupError(f"the restore failed: {describe(exc)}", path=str(db_path)) from None
    return RestoreResult(restored_from=backup, safety_backup=safety, counts=counts)
