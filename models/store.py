"""The Store: opens or creates an encrypted Relasi database and hands out sessions.

The database is SQLCipher-encrypted from its first byte with a raw 256-bit key
from the OS keyring (see models.vault.keys). Connections come from a ``creator``
function so the key never appears in a URL, a log line or a traceback.
Each connection gets WAL, ``synchronous=FULL``, foreign keys, in-memory temp
storage, a page cache and a busy timeout. Migrations run at open. Writes go through
``store.write()``, a unit of work that records what changed and tells the store's
listeners after the commit.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from models.clock import Clock
from models.errors import (
    FolderMissingError,
    NotADatabaseError,
    PlaintextDatabaseError,
    SqliteTooOldError,
    StoreError,
    TooNewError,
    unreadable,
)
from models.migrations import HEAD, REVISIONS
from models.sync.outbox import stamp as stamp_changes
from models.vault import keys, unlock, writer_lock
from models.vault.backup_names import _backup_files
from models.vault.quiet import quiet_sqlcipher
from models.write_gate import Check, WriteGate

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MIN_SQLITE = (3, 51, 3)
BUSY_TIMEOUT_MS = 10_000
#: Each connection's page cache, in KiB: SQLCipher keeps pages decrypted in it (with
#: the 2 MiB default, a scan decrypted a big table's pages again on every read).
CACHE_KIB = 65_536
#: What SQLite may hold across all connections: past it, cached pages are recycled
HEAP_LIMIT_BYTES = 48 * 1024 * 1024


@dataclass
class Changes:
    """What a unit of work changed: entity kind -> ids."""

    ids: dict[str, set[str]] = field(default_factory=dict)

    def add(self, kind: str, *ids: str) -> None:
        self.ids.setdefault(kind, set()).update(ids)

    def merge(self, other: Changes) -> None:
        for kind, ids in other.ids.items():
            self.add(kind, *ids)

    def of(self, kind: str) -> frozenset[str]:
        return frozenset(self.ids.get(kind, ()))

    def __bool__(self) -> bool:
        return any(self.ids.values())


#: One step of undoing or redoing: it runs inside a unit of work of its own.
Step = Callable[["UnitOfWork"], object]


@dataclass
class UnitOfWork:
    """One transaction: the session, the time it runs at, what it changed, and how to
    take that back (``undo_steps``, newest last) and do it again (``redo_steps``).

    Services record their inverse with :meth:`record`; a service called by another one
    (``depth`` above 1) leaves that to its caller, which knows the whole step.
    """

    session: Session
    now: datetime
    changes: Changes
    undo_steps: list[Step] = field(default_factory=list)
    redo_steps: list[Step] = field(default_factory=list)
    depth: int = 0

    def touched(self, kind: str, *ids: str) -> None:
        self.changes.add(kind, *ids)

    def record(self, undo: Step, redo: Step) -> None:
        """How to take back (and do again) what the outermost service call just did."""
        if self.depth <= 1:
            self.undo_steps.append(undo)
            self.redo_steps.append(redo)


Listener = Callable[[Changes], None]


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _quiet_sqlcipher() -> None:
    """Turn off SQLCipher's own log (process-wide): on a damaged file it prints dozens of
    lines to stderr; every failure already reaches the caller as an exception."""
    quiet_sqlcipher()


def _check_sqlite() -> None:
    _quiet_sqlcipher()
    if sqlcipher3.sqlite_version_info < MIN_SQLITE:
        raise SqliteTooOldError(
            f"the bundled SQLite {sqlcipher3.sqlite_version} is older than "
            f"{'.'.join(map(str, MIN_SQLITE))} (WAL-reset bug); upgrade sqlcipher3"
        )


def connect_raw(path: Path, key: bytes, *, readonly: bool = False) -> sqlcipher3.Connection:
    """A bare keyed sqlcipher3 connection (autocommit), for backups, checks and salvage.

    It gets the engine's settings (``synchronous=FULL``, foreign keys, in-memory temp
    storage, the busy timeout) except the journal mode, which stays the file's own: WAL
    for the database (kept in its header), a single file for a backup.
    Raises NotADatabaseError when the key does not open the file. The caller closes it.
    """
    _quiet_sqlcipher()
    uri = f"{Path(os.path.abspath(path)).as_uri()}{'?mode=ro' if readonly else ''}"
    try:
        conn = sqlcipher3.connect(
            uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlcipher3.Error as exc:
        raise StoreError(f"{path} cannot be opened: {exc}", path=str(path)) from None
    try:
        conn.execute(_key_pragma(key))
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise unreadable(path, exc) from None
    return conn


def _classify_existing(path: Path) -> None:
    """Refuse files that cannot be a Relasi database, before any key is needed."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise NotADatabaseError(f"{path} is an empty file, not a Relasi database", path=str(path))
    with path.open("rb") as f:
        head = f.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        raise PlaintextDatabaseError(
            f"{path} is an unencrypted SQLite database, not a Relasi database", path=str(path)
        )
    if size < 1024:
        raise NotADatabaseError(f"{path} is too small to be a Relasi database", path=str(path))


def _probe(path: Path, key: bytes) -> str | None:
    """Read-only look at an existing file: the key fits and it is a Relasi database.

    Returns its schema revision. Nothing is written, not even a journal-mode change.
    """
    try:
        conn = sqlcipher3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlcipher3.Error as exc:
        raise StoreError(f"{path} cannot be opened: {exc}", path=str(path)) from None
    try:
        conn.execute(_key_pragma(key))
        try:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlcipher3.DatabaseError as exc:
            raise unreadable(path, exc) from None
        if "alembic_version" not in names:
            if names - {"sqlite_sequence"}:
                raise NotADatabaseError(
                    f"{path} is an SQLCipher database but not a Relasi database", path=str(path)
                )
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else None
        if revision is not None and revision not in REVISIONS:
            raise TooNewError(
                f"{path} was written by a newer Relasi (schema {revision}); update Relasi",
                path=str(path),
            )
        return revision
    finally:
        conn.close()


class Store:
    """An open Relasi database."""

    def __init__(
        self,
        path: Path,
        key: bytes,
        *,
        clock: Clock | None = None,
        lock_fd: writer_lock.Held | None = None,
    ) -> None:
        self.path = path
        #: The shared writers lock (models.vault.writer_lock), released at close.
        self._lock_fd = lock_fd
        self.clock = clock or Clock()
        self._key = key
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        # Writes wait here while the check that follows a quick open runs
        # (models.vault.safe_open.finish_open); a failed check refuses them for good.
        self._gate = WriteGate()
        self.engine = self._make_engine(key)
        # The writer engine begins IMMEDIATE transactions: one writer at a time,
        # waiting on the busy timeout rather than failing on a lock upgrade.
        self._write_engine = self.engine.execution_options(relasi_immediate=True)

    @property
    def key(self) -> bytes:
        """The raw database key, for code that opens its own connection (backups, checks).

        Read-only; never log it or put it in a message (Store has no custom repr).
        """
        return self._key

    # -- engine -----------------------------------------------------------------------

    def _make_engine(self, key: bytes) -> Engine:
        path = str(self.path)
        pragma = _key_pragma(key)

        def connect() -> Any:
            conn = sqlcipher3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
            try:
                conn.execute(pragma)
                conn.execute("PRAGMA cipher_memory_security = OFF")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError as exc:
                conn.close()
                raise unreadable(path, exc) from None
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            conn.execute(f"PRAGMA soft_heap_limit = {HEAP_LIMIT_BYTES}")
            return conn

        engine = create_engine(
            "sqlite://",
            creator=connect,
            module=sqlcipher3,
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=4,
            pool_use_lifo=True,
            hide_parameters=True,
        )

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            immediate = conn.get_execution_options().get("relasi_immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    # -- sessions -----------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def hold_writes(self, check: Check | None = None) -> None:
        """Writes wait until ``check`` has run (see models.write_gate)."""
        self._gate.hold(check)

    def run_held_check(self) -> StoreError | None:
        return self._gate.run_check()

    def allow_writes(self) -> None:
        self._gate.allow()

    def refuse_writes(self, error: StoreError) -> None:
        self._gate.refuse(error)

    @property
    def writes_refused(self) -> StoreError | None:
        return self._gate.refusal

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """One durable write transaction; listeners hear of its changes after commit.

        Waits while writes are held (the integrity check after a quick open) and raises
        the refusal if that check failed: nothing is written to a damaged file.
        """
        self._gate.pass_through()
        changes = Changes()
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield (uow := UnitOfWork(session=session, now=self.clock.now(), changes=changes))
            stamp_changes(session, uow.now)  # the team-sync change log (models.sync.outbox)
        if changes:
            self._notify(changes)

    # -- change notification ----------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after each commit; returns a function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _notify(self, changes: Changes) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # a broken listener must not undo a committed write
                log.exception("change listener failed")

    # -- lifecycle --------------------------------------------------------------------

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            has = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).first()
            if not has:
                return None
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
            return str(row[0]) if row else None

    def close(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as exc:
            # One line: a full disk or a read-only file is not worth a traceback here.
            log.warning("checkpoint at close failed: %s", type(exc).__name__)
            log.debug("checkpoint at close failed", exc_info=True)
        self.discard()

    def discard(self) -> None:
        """Drop the connections and the writers lock without a checkpoint (a failed open)."""
        self.engine.dispose()
        writer_lock.release(self._lock_fd)
        self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def migrate(store: Store, *, before: Callable[[str | None], None] | None = None) -> None:
    """Bring the schema to head; refuse a foreign or a newer database.

    ``before`` is called with the current revision before an existing database
    is changed (the place for an automatic backup).
    """
    current = store.schema_revision()
    if current == HEAD:
        return
    if current is not None and current not in REVISIONS:
        raise TooNewError(
            f"{store.path} was written by a newer Relasi (schema {current}); update Relasi",
            path=str(store.path),
        )
    if current is not None and before is not None:
        before(current)
    from models.migrations.runner import upgrade

    upgrade(store.engine)


def open_store(
    path: Path,
    *,
    clock: Clock | None = None,
    create: bool = True,
    before_migrate: Callable[[str | None], None] | None = None,
) -> Store:
    """Open the database at ``path``, creating it (and its keyring key) if it is new.

    Raises a StoreError subclass with a one-line message for anything that is not
    a usable Relasi database; a file that exists is never modified in that case.
    """
    _check_sqlite()
    path = Path(os.path.abspath(path))
    if not path.parent.is_dir():
        raise FolderMissingError(f"the folder {path.parent} does not exist", path=str(path))
    lock_fd = writer_lock.acquire(
        path, exclusive=False, timeout_s=BUSY_TIMEOUT_MS / 1000, doing="be opened"
    )
    try:
        return _open_locked(path, lock_fd, clock, create, before_migrate)
    except BaseException:
        writer_lock.release(lock_fd)
        raise


def _open_locked(
    path: Path,
    lock_fd: writer_lock.Held | None,
    clock: Clock | None,
    create: bool,
    before_migrate: Callable[[str | None], None] | None,
) -> Store:
    if path.exists():
        _classify_existing(path)
        key = unlock.load_key(path)
        _probe(path, key)
        is_new = False
    else:
        refuse_if_it_existed(path)
        if not create:
            raise StoreError(f"{path} does not exist", path=str(path))
        key = keys.new_key()
        keys.store_key(path, key)
        is_new = True
    store = Store(path, key, clock=clock, lock_fd=lock_fd)
    try:
        migrate(store, before=before_migrate)
    except BaseException:
        store.engine.dispose()  # the lock is released by open_store
        if is_new:
            _remove_new_database(path)
            keys.delete_key(path)
        raise
    return store


def traces_of(path: Path) -> list[str]:
    """What says a database existed at ``path``: its keyring entry, its unlock state
    file, its backups (empty when there is nothing, or no keyring to ask)."""
    found: list[str] = []
    try:
        if keys.has_key(path):
            found.append("its key is in the keyring")
    except StoreError:
        pass
    if unlock.sidecar_path(path).exists():
        found.append(f"{unlock.sidecar_path(path).name} is there")
    if _backup_files(path):
        found.append("it has backups")
    return found


def refuse_if_it_existed(path: Path) -> None:
    """Never make a new, empty database where one was and is now missing (an unmounted
    drive, a deleted file): that would replace its keyring key, and the original file
    and all its backups could never be opened again."""
    found = traces_of(path)
    if found:
        raise StoreError(
            f"{path} is missing, but a database was there ({', '.join(found)}); nothing "
            "was created: mount the drive it is on, or restore a backup with "
            f"'relasi --db {path} restore BACKUP', or use another file name for a new one",
            path=str(path),
        )


def _remove_new_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()
