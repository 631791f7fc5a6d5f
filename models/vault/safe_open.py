"""The safe open path: refuse read-only or damaged files, back up before a migration,
check integrity, purge old Trash."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import sqlcipher3

from models import services
from models.clock import Clock
from models.errors import (
    NotADatabaseError,
    RelasiError,
    StoreError,
    describe,
    is_disk_full,
    unreadable,
)
from models.migrations import HEAD
from models.store import Store, open_store
from models.vault import leftovers, unlock
from models.vault.backup import (
    DEFAULT_TRASH_RETENTION,
    MigrationError,
    ReadOnlyError,
    RetentionPolicy,
    _remove,
    backup_database,
)
from models.vault.quiet import quiet_sqlcipher


def _check_writable(path: Path) -> None:
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyError(
            f"the folder {folder} is read-only; Relasi needs to create files next to "
            "the database (its journal and backups)",
            path=str(path),
        )
    if path.is_file() and not os.access(path, os.W_OK):
        raise ReadOnlyError(
            f"{path} is read-only; Relasi needs to write to it (check its permissions)",
            path=str(path),
        )


def _tidy(fresh: list[Path]) -> None:
    """Remove a -wal/-shm pair that a refused open created (a read-only probe cannot)."""
    wal = next((p for p in fresh if p.name.endswith("-wal")), None)
    if wal is not None and wal.exists() and wal.stat().st_size > 0:
        return
    _remove(*fresh)


def _raise_if_damaged(path: Path) -> None:
    """Tell a damaged (e.g. truncated) file from a wrong key: page 1 still decrypts."""
    if not path.is_file() or path.stat().st_size < 4096:
        return
    try:
        key = unlock.load_key(path)
    except RelasiError:
        return
    quiet_sqlcipher()
    try:
        conn = sqlcipher3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlcipher3.Error:
        return
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        failed = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlcipher3.Error:
        return
    finally:
        conn.close()
    if any(f.endswith(" page 1") for f in failed):
        return  # page 1 does not decrypt: the key is wrong, or the file is not ours
    from models.vault.integrity import DamagedDatabaseError

    size = path.stat().st_size
    hint = "it looks truncated" if size % 1024 else "its contents cannot be read"
    raise DamagedDatabaseError(
        f"{path} is damaged: its key matches but {hint}; restore a backup "
        "(relasi restore) or salvage what is readable",
        path=str(path),
        problems=[hint],
    ) from None


def open_with_safety(
    path: Path,
    *,
    clock: Clock | None = None,
    create: bool = True,
    check: bool = True,
    trash_retention: timedelta | None = DEFAULT_TRASH_RETENTION,
    policy: RetentionPolicy | None = None,
) -> Store:
    """Open a database the way the CLI and the window do.

    Refuses read-only files and folders before anything is opened; backs the
    database up before a migration (a failed backup or migration raises
    MigrationError and leaves the file at its old revision); runs
    ``PRAGMA quick_check`` when ``check`` (DamagedDatabaseError if it fails);
    purges Trash older than ``trash_retention`` (None: never).
    """
    path = Path(os.path.abspath(path))
    _check_writable(path)
    migrating: list[str] = []
    made: list[Path] = []

    def before_migrate(revision: str | None) -> None:
        migrating.append(str(revision))
        try:
            made.append(
                backup_database(
                    path, unlock.load_key(path), clock=clock, reason="before-migrate", policy=policy
                ).path
            )
        except RelasiError as exc:
            raise MigrationError(
                f"{path} was not upgraded from schema {revision} to {HEAD} because the "
                f"backup before it failed: {exc.message}; nothing was changed",
                path=str(path),
            ) from None

    fresh = [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if not p.exists()]
    try:
        store = open_store(path, clock=clock, create=create, before_migrate=before_migrate)
    except NotADatabaseError:
        _tidy(fresh)
        _raise_if_damaged(path)
        raise
    except RelasiError:
        _tidy(fresh)
        raise
    except Exception as exc:
        _tidy(fresh)
        if is_disk_full(exc):
            raise unreadable(path, exc) from None
        if migrating and made:
            raise MigrationError(
                f"{path} could not be upgraded from schema {migrating[0]} to {HEAD} "
                f"({describe(exc)}); it was left at schema {migrating[0]}, "
                f"and a backup was made at {made[-1]}",
                path=str(path),
            ) from None
        raise StoreError(f"{path} cannot be opened: {describe(exc)}", path=str(path)) from None
    try:
        # Holding the shared writers lock now: no restore or re-key is running.
        leftovers.tidy(path)
        if check:
            damaged = _check(store)
            if damaged is not None:
                raise damaged
        if trash_retention is not None:
            with store.write() as uow:
                services.purge_trash(uow, trash_retention)
    except BaseException as exc:
        store.discard()
        if isinstance(exc, RelasiError) or not isinstance(exc, Exception):
            raise
        raise StoreError(f"{path} cannot be opened: {describe(exc)}", path=str(path)) from None
    return store


def _check(store: Store) -> StoreError | None:
    """``PRAGMA quick_check``: None when it passes, else the error to report."""
    from models.vault.integrity import DamagedDatabaseError, quick_check

    result = quick_check(store)
    if result.ok:
        return None
    # SQLite may report several damaged trees in one multi-line row: the message is one
    # line, the first of them and how many more (every problem stays in ``problems``).
    lines = [line.strip() for p in result.problems for line in p.splitlines()]
    found = [line for line in lines if line and not line.startswith("***")] or ["unreadable"]
    first = found[0] if len(found) == 1 else f"{found[0]}, and {len(found) - 1} more"
    return DamagedDatabaseError(
        f"{store.path} is damaged ({first}); restore a backup "
        "(relasi restore) or salvage what is readable",
        path=str(store.path),
        problems=result.problems,
    )


def open_quickly(path: Path, *, clock: Clock | None = None) -> Store:
    """:func:`open_with_safety` without the work that can wait: the store opens with its
    writes held, and :func:`finish_open` (off the GUI thread, after the window's first
    paint) runs the integrity check and the Trash purge. Until it has passed, every
    write waits (the first write runs the check itself if nothing has yet); if it
    fails, every write raises the DamagedDatabaseError, so a damaged file is never
    written to, as when the check ran before the window."""
    store = open_with_safety(path, clock=clock, check=False, trash_retention=None)
    store.hold_writes(lambda: _check(store))
    return store


def finish_open(
    store: Store, *, trash_retention: timedelta | None = DEFAULT_TRASH_RETENTION
) -> None:
    """The rest of the safe open, for a store from :func:`open_quickly` (any thread):
    the integrity check (writes refused and DamagedDatabaseError raised if it fails),
    then writes allowed and old Trash purged."""
    # A check that cannot run is a failed one (integrity._check_store). A write that
    # came first ran it already; then this returns its outcome.
    damaged = store.run_held_check()
    if damaged is not None:
        raise damaged
    if trash_retention is not None:
        with store.write() as uow:
            services.purge_trash(uow, trash_retention)
