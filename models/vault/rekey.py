"""Re-keying a database: keyring <-> passphrase, a new passphrase, and encrypting a
plain SQLite database in place.

Every change follows the protocol in models.vault.unlock: the database is exported
with ``sqlcipher_export`` into ``.<name>.rekey-tmp`` next to it under the new
secret, fsynced, verified (same rows per table), and moved over the database
with ``os.replace`` while this process still holds an exclusive lock on the old
file (so no other connection can write to it in between). The new keyring key
is stored as the pending entry and the sidecar records the switch before the
swap; both are tidied after it. A process killed at any moment leaves a file
that opens with the old or the new secret (``unlock.load_key`` and
``unlock.unlock_with_passphrase`` finish the bookkeeping).

The database must not be open elsewhere (the exclusive lock is refused with a
clear error after two seconds). Backups made before a switch keep the old
secret: export a recovery file first to keep them readable.

``step`` callbacks name the protocol's points; tests use them to kill the
process there.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from models.errors import DatabaseInUseError, NotADatabaseError, StoreError
from models.migrations import REVISIONS
from models.store import SQLITE_HEADER
from models.vault import keys, unlock, writer_lock
from models.vault.backup import table_counts
from models.vault.quiet import quiet_sqlcipher
from models.vault.unlock import (
    MODE_KEYRING,
    MODE_PASSPHRASE,
    MODE_PLAINTEXT,
    UnlockState,
    fsync_dir,
    key_pragma,
    read_state,
    rekey_tmp_path,
    write_state,
)

Step = Callable[[str], None]
LOCK_TIMEOUT_S = 2.0


class DatabaseBusyError(StoreError):
    code = "database-busy"


def _no_step(_name: str) -> None:
    return None


def _lock_source(db_path: Path, key: bytes | None) -> sqlcipher3.Connection:
    """A connection holding the only lock on the database, its WAL folded in and removed."""
    quiet_sqlcipher()
    conn = sqlcipher3.connect(str(db_path), isolation_level=None, timeout=LOCK_TIMEOUT_S)
    try:
        if key is not None:
            conn.execute(key_pragma(key))
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlcipher3.OperationalError:
        conn.close()
        raise DatabaseBusyError(
            f"{db_path} is in use by another program or window; close it and try again",
            path=str(db_path),
        ) from None
    except sqlcipher3.DatabaseError:
        conn.close()
        raise NotADatabaseError(
            f"{db_path} is not a Relasi database, or its key does not match", path=str(db_path)
        ) from None
    if str(mode).lower() != "delete":
        conn.close()
        raise DatabaseBusyError(f"{db_path} is in use; close it and try again", path=str(db_path))
    return conn


def _export(conn: sqlcipher3.Connection, target: Path, secret: str) -> None:
    """Copy the locked database into ``target`` keyed with ``secret`` (passphrase or x'..')."""
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    conn.execute("ATTACH DATABASE ? AS rekey KEY ?", (str(target), secret))
    try:
        conn.execute("SELECT sqlcipher_export('rekey')").fetchall()
    finally:
        conn.execute("DETACH DATABASE rekey")
    with target.open("rb+") as f:
        os.fsync(f.fileno())


def _verify(target: Path, key: bytes, expected: dict[str, int]) -> None:
    conn = sqlcipher3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    try:
        conn.execute(key_pragma(key))
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        counts = table_counts(conn)
    except sqlcipher3.Error as exc:
        raise StoreError(f"the re-keyed copy does not read back: {exc}") from None
    finally:
        conn.close()
    if ok != "ok" or counts != expected:
        raise StoreError("the re-keyed copy does not match the database; nothing was changed")


def _rekey(*args: Any) -> bytes:
    """The protocol under the database's writers lock, taken alone (as restore does): no
    other process has the database open while its file is swapped."""
    db_path = args[0]
    try:
        held = writer_lock.acquire(db_path, exclusive=True, timeout_s=2.0, doing="be re-keyed")
    except DatabaseInUseError as exc:
        raise DatabaseBusyError(exc.message, path=str(db_path)) from None
    try:
        return _rekey_locked(*args)
    finally:
        writer_lock.release(held)


def _rekey_locked(
    db_path: Path,
    old_key: bytes | None,
    old_state: UnlockState,
    new_mode: str,
    new_secret: str,
    new_key: bytes | None,
    step: Step,
) -> bytes:
    """The protocol; returns the key that opens the database afterwards."""
    tmp = rekey_tmp_path(db_path)
    conn = _lock_source(db_path, old_key)
    swapped = False
    try:
        step("locked")
        if new_key is not None:
            keys.store_key(db_path, new_key, pending=True)
            step("pending-stored")
        from_mode = MODE_PLAINTEXT if old_key is None else old_state.mode
        write_state(db_path, UnlockState(new_mode, switching_from=from_mode))
        step("sidecar-written")
        expected = table_counts(conn)
        _export(conn, tmp, new_secret)
        step("exported")
        result = (
            new_key if new_key is not None else unlock.derive_key(new_secret, unlock.file_salt(tmp))
        )
        _verify(tmp, result, expected)
        step("verified")
        os.replace(tmp, db_path)
        swapped = True
        fsync_dir(db_path.parent)
        step("swapped")
    except BaseException:
        if not swapped:
            with contextlib.suppress(OSError):
                tmp.unlink()
            with contextlib.suppress(StoreError, OSError):
                write_state(db_path, old_state if old_key is not None else UnlockState())
                if new_key is not None:
                    keys.delete_key(db_path, pending=True)
        raise
    finally:
        conn.close()
    if new_key is not None:
        keys.store_key(db_path, new_key)
        step("keyring-updated")
        keys.delete_key(db_path, pending=True)
        unlock.forget(db_path)
    else:
        if old_state.mode == MODE_KEYRING and old_key is not None:
            with contextlib.suppress(StoreError):
                keys.delete_key(db_path)
            step("keyring-updated")
        unlock.remember(db_path, result)
    write_state(db_path, UnlockState(new_mode))
    step("done")
    return result


def _current(db_path: Path, passphrase: str | None) -> tuple[bytes, UnlockState]:
    db_path = Path(os.path.abspath(db_path))
    if passphrase is not None:
        key = unlock.unlock_with_passphrase(db_path, passphrase)
    else:
        key = unlock.load_key(db_path)
    return key, read_state(db_path)


def switch_to_passphrase(
    db_path: Path, passphrase: str, *, current: str | None = None, step: Step = _no_step
) -> bytes:
    """Re-key a keyring-mode database to ``passphrase``; its keyring entry is removed.

    ``current`` is the present passphrase when the database already uses one
    (that is change_passphrase).
    """
    unlock.check_passphrase(passphrase)
    db_path = Path(os.path.abspath(db_path))
    key, state = _current(db_path, current)
    return _rekey(db_path, key, state, MODE_PASSPHRASE, passphrase, None, step)


def change_passphrase(db_path: Path, old: str, new: str, *, step: Step = _no_step) -> bytes:
    """Re-key a passphrase-mode database from ``old`` to ``new``."""
    unlock.check_passphrase(new)
    db_path = Path(os.path.abspath(db_path))
    key, state = _current(db_path, old)
    if state.mode != MODE_PASSPHRASE:
        raise StoreError(f"{db_path} does not use a passphrase", path=str(db_path))
    return _rekey(db_path, key, state, MODE_PASSPHRASE, new, None, step)


def switch_to_keyring(
    db_path: Path, *, passphrase: str | None = None, step: Step = _no_step
) -> bytes:
    """Re-key a database to a new random key kept in the keyring.

    The passphrase is needed unless it was entered already in this process.
    """
    db_path = Path(os.path.abspath(db_path))
    keys.require_keyring()
    key, state = _current(db_path, passphrase)
    new_key = keys.new_key()
    return _rekey(db_path, key, state, MODE_KEYRING, f"x'{new_key.hex()}'", new_key, step)


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def encrypt_plaintext(
    db_path: Path, *, keep_plain: bool = False, step: Step = _no_step
) -> Path | None:
    """Encrypt a plain SQLite Relasi database in place; its key goes to the keyring.

    With ``keep_plain`` the plain file stays as ``<name>.plain-backup`` (returned).
    Refuses a file that is not a plain Relasi database; nothing is changed then.
    """
    db_path = Path(os.path.abspath(db_path))
    with db_path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreError(f"{db_path} is not an unencrypted database", path=str(db_path))
    probe = sqlcipher3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        row = probe.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        revision = (
            probe.execute("SELECT version_num FROM alembic_version").fetchone() if row else None
        )
    except sqlcipher3.Error:
        revision = None
    finally:
        probe.close()
    if revision is None or str(revision[0]) not in REVISIONS:
        raise NotADatabaseError(
            f"{db_path} is a plain SQLite database but not one Relasi made; it was left as it is",
            path=str(db_path),
        )
    new_key = keys.new_key()
    kept: list[Path] = []

    def at(name: str) -> None:
        if name == "verified" and keep_plain:
            target = _free_name(db_path.with_name(f"{db_path.name}.plain-backup"))
            try:
                os.link(db_path, target)
            except OSError:
                shutil.copyfile(db_path, target)
            os.chmod(target, 0o600)
            kept.append(target)
        step(name)

    _rekey(db_path, None, UnlockState(), MODE_KEYRING, f"x'{new_key.hex()}'", new_key, at)
    return kept[0] if kept else None
