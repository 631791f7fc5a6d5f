"""Tidying what an interrupted backup, re-key or restore left next to a database.

Run at open, while the opening Store holds the shared writers lock
(models.vault.writer_lock): a restore or a re-key holds that lock alone while it
works, so their temporary files found then are left over from a process that died. A
backup in progress holds an exclusive ``flock`` on its ``.partial`` file, so only
partial files nobody holds are removed. A re-key's temporary file is kept while the
unlock state says a switch is under way (models.vault.unlock finishes it from there).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.vault.backup_names import backup_stem, backups_dir
from models.vault.unlock import read_state, rekey_tmp_path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_COMPANIONS = ("-journal", "-wal", "-shm")


def _with_companions(path: Path) -> list[Path]:
    return [path, *(Path(f"{path}{s}") for s in _COMPANIONS)]


def _unlink(paths: list[Path]) -> list[Path]:
    removed = []
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
            removed.append(p)
    return removed


@contextmanager
def writing(partial: Path) -> Iterator[None]:
    """Hold an exclusive lock on a backup's ``partial`` file while it is written, so
    that a database opened meanwhile does not take it for a leftover."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(partial, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _not_being_written(partial: Path) -> bool:
    if fcntl is None:  # pragma: no cover - Windows
        return False
    try:
        fd = os.open(partial, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing drops the lock just taken
    return True


def tidy(db_path: Path) -> list[Path]:
    """Remove what interrupted backups, re-keys and restores of ``db_path`` left behind;
    returns what was removed. Call it only with the database open (see above)."""
    db_path = Path(os.path.abspath(db_path))
    removed: list[Path] = []
    folder = backups_dir(db_path)
    if folder.is_dir():
        for partial in sorted(folder.glob(f"{backup_stem(db_path)}-*.partial")):
            if _not_being_written(partial):
                removed += _unlink(_with_companions(partial))
    restore_tmp = db_path.with_name(f".{db_path.name}.restore-tmp")
    removed += _unlink(_with_companions(restore_tmp))
    if read_state(db_path).switching_from is None:
        removed += _unlink(_with_companions(rekey_tmp_path(db_path)))
    return removed
