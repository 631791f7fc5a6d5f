"""One OS file lock per database that every open Store shares and restore takes alone.

A Store holds a shared ``flock`` on ``.<name>.writers`` next to the database from open
to close (the file exists only while someone holds it); ``restore`` takes it
exclusively before it swaps the file. So a restore never
replaces a database under a process that has it open (an ``import``, a script, a
window): its connections would go on writing into the replaced file, and its rows would
end up nowhere. A Store opening during a restore waits for it (up to the timeout), and
then opens the restored file. The kernel drops the lock when a process dies, so a
crash leaves nothing stale. Where ``fcntl`` does not exist (Windows) this is a no-op.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from models.errors import DatabaseInUseError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

POLL_S = 0.05


def writers_lock_path(db_path: Path) -> Path:
    db = Path(os.path.abspath(db_path))
    return db.with_name(f".{db.name}.writers")


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)


@dataclass(frozen=True)
class Held:
    fd: int
    path: Path


def acquire(db_path: Path, *, exclusive: bool, timeout_s: float, doing: str) -> Held | None:
    """Take the lock; returns what to ``release`` (None: cannot lock here).

    Raises DatabaseInUseError with one line when it is not free within ``timeout_s``.
    The lock file exists only while someone holds it (the last one out removes it), so
    after locking, the file at the path must still be the one locked, or it is retried.
    """
    if fcntl is None:
        return None
    path = writers_lock_path(db_path)
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None  # a read-only folder: nothing can write there anyway
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise DatabaseInUseError(
                    f"{db_path} is in use by another Relasi process, so it cannot {doing} "
                    "now; wait for it to finish (or close it) and try again",
                    path=str(db_path),
                ) from None
            time.sleep(POLL_S)
            continue
        if _same_file(fd, path):
            return Held(fd, path)
        os.close(fd)  # the last holder removed it meanwhile: take the new one


def release(held: Held | None) -> None:
    """Drop the lock; the last holder removes the lock file."""
    if held is None or fcntl is None:
        return
    with contextlib.suppress(OSError):
        try:
            fcntl.flock(held.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass  # others still hold it
        else:
            if _same_file(held.fd, held.path):
                held.path.unlink()
    with contextlib.suppress(OSError):
        os.close(held.fd)  # closing the descriptor drops the flock
