"""Backups, rotation and restore of the encrypted database, and the safe way to open it.

A backup is made with SQLite's online backup API from the encrypted database into
a new file encrypted with the same key (never ``VACUUM INTO``). It copies one read
snapshot: the source's read transaction stays open for the whole copy, so a writer
on another connection neither restarts nor tears it. It runs in steps of pages,
reporting progress between steps; a cancel or a failure removes the partial file.
Every backup is verified once written (``PRAGMA quick_check`` and row counts equal
to the source's counts in the same snapshot) before it gets its final name.

Backups live in ``<database folder>/backups/`` (mode 0700), one file per backup
(mode 0600) named after the database's stem and the UTC time it was taken:
``relasi-20261127T031500Z.db`` for ``relasi.db``, ``work-20261127T031500Z.db`` for
``work.db``, with an optional reason (``-before-migrate``, ``-before-restore``) and a
counter when two are taken in the same second. Databases sharing a folder share
``backups/`` but each lists, counts and rotates only its own files. Backups made
before names carried the stem are all called ``relasi-...``: another database still
lists those that open with its key, and the rotation of ``relasi.db`` deletes one of
those only when its own key opens it. Rotation keeps everything from the last
day, then grandfather-father-son: the newest backup of each of the 7 most recent
days, 4 most recent ISO weeks and 12 most recent months that have one.

``open_with_safety`` is the one way the CLI and the window open a database: it
refuses read-only files and folders, backs up before a migration, turns a failed
migration into a clear error (the migration is one transaction, so the file stays
at its old revision), runs ``PRAGMA quick_check`` and purges old Trash.

Nothing here logs or formats the key.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3

from models.clock import Clock, as_utc
from models.errors import DatabaseInUseError as DatabaseInUseError  # re-exported
from models.errors import (
    RelasiError,
    StoreError,
    TooNewError,
    describe,
)
from models.migrations import REVISIONS
from models.paths import lock_path as lock_path  # re-exported: restore and tests use it
from models.store import Store, connect_raw
from models.vault import leftovers
from models.vault.backup_names import (  # re-exported: callers name them from here
    BACKUP_DIR as BACKUP_DIR,
)
from models.vault.backup_names import (
    LEGACY_STEM,
    _backup_files,
)
from models.vault.backup_names import backup_name as backup_name
from models.vault.backup_names import backup_stem as backup_stem
from models.vault.backup_names import backups_dir as backups_dir
from models.vault.backup_names import (
    parse_backup_name as parse_backup_name,
)

PAGES_PER_STEP = 256
DEFAULT_TRASH_RETENTION: timedelta = timedelta(days=30)
DAILY_INTERVAL = timedelta(days=1)

#: Called between steps with (pages copied, pages in all); return False to cancel.
Progress = Callable[[int, int], bool | None]


class BackupError(StoreError):
    """A backup could not be written or does not verify."""

    code = "backup"


class BackupCancelled(RelasiError):
    """The caller cancelled a backup; the partial file was removed."""

    code = "backup-cancelled"


class MigrationError(StoreError):
    """An upgrade failed (or its backup did); the database is at its old revision."""

    code = "migration"


class ReadOnlyError(StoreError):
    """The database file or its folder cannot be written."""

    code = "read-only"


@dataclass(frozen=True)
class RetentionPolicy:
    """How many backups rotation keeps; see ``plan_rotation``."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    keep_all_within: timedelta = timedelta(days=1)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    bytes: int
    seconds: float
    counts: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "counts": self.counts,
        }


@dataclass(frozen=True)
class BackupInfo:
    """One backup in the folder, as File > Restore lists it."""

    path: Path
    taken_at: datetime
    size: int
    counts: dict[str, int] | None
    error: str | None = None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path | None
    counts: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.restored_from),
            "safety_backup": str(self.safety_backup) if self.safety_backup else None,
            "counts": self.counts,
        }


# -- names and folders ----------------------------------------------------------------


def _private_dir(path: Path) -> None:
    path.mkdir(mode=0o700, exist_ok=True)
    os.chmod(path, 0o700)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _companions(path: Path) -> list[Path]:
    return [Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm")]


# -- reading a database ---------------------------------------------------------------


def table_counts(conn: sqlcipher3.Connection) -> dict[str, int]:
    """Rows per table, skipping SQLite's, Alembic's and full-text search internals."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = {n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")}
    counts: dict[str, int] = {}
    for name, _sql in sorted(rows):
        if name.startswith("sqlite_") or name == "alembic_version" or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue
        counts[name] = int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
    return counts


def _revision(conn: sqlcipher3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher3.OperationalError:
        return None
    return str(row[0]) if row else None


def verify_backup(path: Path, key: bytes, expected: dict[str, int] | None = None) -> dict[str, int]:
    """Open a backup with ``key``: quick_check is ok, its schema is known, counts match.

    Returns its row counts; raises BackupError (or TooNewError) otherwise.
    """
    try:
        conn = connect_raw(path, key, readonly=True)
    except StoreError as exc:
        raise BackupError(
            f"the backup {path} cannot be read with this database's key", path=str(path)
        ) from exc
    try:
        check = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        if check != ["ok"]:
            raise BackupError(f"the backup {path} is damaged: {check[0]}", path=str(path))
        revision = _revision(conn)
        if revision is None:
            raise BackupError(f"{path} is not a Relasi backup", path=str(path))
        if revision not in REVISIONS:
            raise TooNewError(
                f"the backup {path} was written by a newer Relasi (schema {revision})",
                path=str(path),
            )
        counts = table_counts(conn)
    except sqlcipher3.Error as exc:
        raise BackupError(f"the backup {path} is damaged: {exc}", path=str(path)) from None
    finally:
        conn.close()
    if expected is not None and counts != expected:
        keys_ = expected.keys() | counts.keys()
        diff = sorted(k for k in keys_ if expected.get(k) != counts.get(k))
        raise BackupError(
            f"the backup {path} does not match the database (row counts differ in "
            f"{', '.join(diff)})",
            path=str(path),
        )
    return counts


# -- making a backup ------------------------------------------------------------------


class _Cancel(Exception):
    pass


def _free_target(folder: Path, now: datetime, reason: str, stem: str = LEGACY_STEM) -> Path:
    for counter in range(1000):
        candidate = folder / backup_name(now, reason, counter, stem)
        if not candidate.exists() and not Path(f"{candidate}.partial").exists():
            return candidate
    raise BackupError(f"too many backups named for {now:%Y-%m-%d %H:%M:%S}", path=str(folder))


def backup_database(
    db_path: Path,
    key: bytes,
    *,
    to: Path | None = None,
    clock: Clock | None = None,
    reason: str = "",
    progress: Progress | None = None,
    pages_per_step: int = PAGES_PER_STEP,
    policy: RetentionPolicy | None = None,
    protect: Iterable[Path] = (),
) -> BackupResult:
    """Copy the database at ``db_path`` into a verified, encrypted backup file.

    Without ``to`` the file goes into the backups folder and the database's backups
    are rotated afterwards with ``policy`` (the default one unless given), never
    deleting a file in ``protect`` (the backup a restore is about to use).
    ``to`` must not exist.
    """
    started = time.monotonic()
    clock = clock or Clock()
    db_path = Path(os.path.abspath(db_path))
    if to is None:
        folder = backups_dir(db_path)
        try:
            _private_dir(folder)
        except OSError as exc:
            raise BackupError(
                f"cannot make the backups folder {folder}: {describe(exc)}", path=str(folder)
            ) from None
        target = _free_target(folder, clock.now(), reason, backup_stem(db_path))
    else:
        target = Path(os.path.abspath(to))
        if target.exists():
            raise BackupError(f"{target} already exists; choose a new file name", path=str(target))
        if not target.parent.is_dir():
            raise BackupError(f"the folder {target.parent} does not exist", path=str(target))
    partial = Path(f"{target}.partial")
    try:
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        with leftovers.writing(partial):  # not a leftover for a database opened meanwhile
            counts = _copy(db_path, key, partial, progress, pages_per_step)
            verify_backup(partial, key, counts)
            os.replace(partial, target)
        _fsync_dir(target.parent)
    except _Cancel:
        _remove(partial, *_companions(partial))
        raise BackupCancelled("the backup was cancelled") from None
    except BaseException as exc:
        _remove(partial, *_companions(partial))
        if isinstance(exc, RelasiError) or not isinstance(exc, Exception):
            raise
        raise BackupError(
            f"the backup to {target} failed: {describe(exc)}", path=str(target)
        ) from None
    result = BackupResult(
        path=target,
        bytes=target.stat().st_size,
        seconds=time.monotonic() - started,
        counts=counts,
    )
    if to is None:
        rotate_backups(db_path, clock.now(), policy or RetentionPolicy(), key=key, protect=protect)
    return result


def _copy(
    db_path: Path, key: bytes, partial: Path, progress: Progress | None, pages_per_step: int
) -> dict[str, int]:
    src = connect_raw(db_path, key, readonly=True)
    try:
        # One read transaction for the counts and every step: the copy is that snapshot.
        src.execute("BEGIN")
        counts = table_counts(src)
        dst = connect_raw(partial, key)
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None and progress(total - remaining, total) is False:
                    raise _Cancel

            src.backup(dst, pages=max(1, pages_per_step), progress=step)
            dst.execute("PRAGMA journal_mode = DELETE")
            dst.execute("PRAGMA synchronous = FULL")
        finally:
            dst.close()
        src.execute("ROLLBACK")
    finally:
        src.close()
    fd = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return counts


def backup_store(store: Store, **kwargs: Any) -> BackupResult:
    """``backup_database`` for an open store (its path, key and clock)."""
    kwargs.setdefault("clock", store.clock)
    return backup_database(store.path, store.key, **kwargs)


def close_with_backup(store: Store, policy: RetentionPolicy | None = None) -> BackupResult:
    """The backup at close: back up (rotating), then close the store even if that failed."""
    try:
        return backup_store(store, policy=policy)
    finally:
        store.close()


# -- rotation -------------------------------------------------------------------------


def plan_rotation(
    taken: Iterable[datetime], now: datetime, policy: RetentionPolicy
) -> set[datetime]:
    """Which backup times to keep (a pure function; everything else may go).

    Kept: anything younger than ``policy.keep_all_within`` (or dated after ``now``:
    a clock that went back never deletes), and the newest backup of each of the
    ``daily`` most recent UTC days that have one, the ``weekly`` most recent ISO
    weeks and the ``monthly`` most recent months. Periods with no backup do not
    count, so a month away from the app never empties the folder.
    """
    now = as_utc(now)
    times = sorted({as_utc(t) for t in taken}, reverse=True)
    keep = {t for t in times if t > now - policy.keep_all_within}

    def newest_per(period: Callable[[datetime], tuple[int, ...]], count: int) -> None:
        seen: set[tuple[int, ...]] = set()
        for t in times:
            p = period(t)
            if p in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(p)
            keep.add(t)

    newest_per(lambda t: (t.year, t.month, t.day), policy.daily)
    newest_per(lambda t: tuple(t.isocalendar())[:2], policy.weekly)
    newest_per(lambda t: (t.year, t.month), policy.monthly)
    return keep


def _opens_with(path: Path, key: bytes) -> bool:
    try:
        connect_raw(path, key, readonly=True).close()
    except RelasiError:
        return False
    return True


def rotate_backups(
    db_path: Path,
    now: datetime,
    policy: RetentionPolicy,
    *,
    key: bytes | None = None,
    protect: Iterable[Path] = (),
) -> list[Path]:
    """Delete the database's backups ``plan_rotation`` does not keep; returns them.

    Files in ``protect`` are never deleted. With ``key``, a legacy-named backup
    (``relasi-...``, which any database in the folder may have made) is deleted only
    when ``key`` opens it, or it is too small to be a database at all.
    """
    files = _backup_files(db_path)
    keep_times = plan_rotation([t for t, _ in files], now, policy)
    kept = {Path(os.path.abspath(p)) for p in protect}
    ambiguous = key is not None and backup_stem(db_path) == LEGACY_STEM
    deleted: list[Path] = []
    for t, p in files:
        if t in keep_times or p in kept:
            continue
        if ambiguous and key is not None:
            with contextlib.suppress(OSError):
                if p.stat().st_size >= 1024 and not _opens_with(p, key):
                    continue  # another database's backup from before per-database names
        _remove(p, Path(f"{p}-wal"))
        deleted.append(p)
    return deleted


def needs_daily_backup(db_path: Path, now: datetime) -> bool:
    """True when the database has no backup, or its newest is a day old or older."""
    files = _backup_files(db_path)
    return not files or files[0][0] <= as_utc(now) - DAILY_INTERVAL


def list_backups(db_path: Path, key: bytes) -> list[BackupInfo]:
    """The backups of a database, newest first, with counts read from each file.

    A file that cannot be read is listed with ``counts=None`` and the reason. Legacy
    ``relasi-...`` backups of a database with another stem are listed when its key
    opens them (they were made before backup names carried the stem).
    """
    out: list[BackupInfo] = []
    files = _backup_files(db_path)
    if backup_stem(db_path) != LEGACY_STEM:
        legacy = [tp for tp in _backup_files(db_path, LEGACY_STEM) if _opens_with(tp[1], key)]
        files = sorted(files + legacy, key=lambda tp: (tp[0], tp[1].name), reverse=True)
    for t, p in files:
        counts: dict[str, int] | None = None
        error: str | None = None
        try:
            conn = connect_raw(p, key, readonly=True)
            try:
                counts = table_counts(conn)
            finally:
                conn.close()
        except (RelasiError, sqlcipher3.Error) as exc:
            error = describe(exc)
        size = p.stat().st_size
        out.append(BackupInfo(path=p, taken_at=t, size=size, counts=counts, error=error))
    return out
