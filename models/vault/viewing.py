"""The private folder a document is written to when the user opens it.

Opening a document hands a file to another program (a PDF viewer, a spreadsheet), so
its bytes must be on disk in plain for that moment: in a folder of mode 0700 under
the user's runtime folder (``$XDG_RUNTIME_DIR/Relasi``, a RAM disk on most Linux
desktops; the cache folder where there is none), one folder per running Relasi,
each document in a sub-folder of its own (two documents of the same name never
collide). The folder is removed when Relasi closes, and any left by a Relasi that
did not close (a crash, a kill) is removed at the next start: a running one holds
an exclusive lock on its folder's ``.lock``, so only unheld folders are swept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_dir, user_runtime_dir

from models.paths import APP_NAME, make_private_dir

if TYPE_CHECKING:
    from models.store import Store

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PREFIX = "open-"
LOCK = ".lock"


def viewing_root() -> Path:
    """Where the per-process folders live: the runtime folder if the system has one."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(user_runtime_dir(APP_NAME, appauthor=False)) / "opened"
    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "opened"


class ViewingFolder:
    """This process's folder of opened documents (made on first use)."""

    def __init__(self, root: Path | None = None) -> None:
        #: Where the folder is made (None: :func:`viewing_root` when it is made).
        self.root = root
        self._path: Path | None = None
        self._lock_fd: int | None = None

    @property
    def path(self) -> Path | None:
        """The folder, once a document was opened; None before (and after close)."""
        return self._path

    def _folder(self) -> Path:
        if self._path is None:
            root = self.root if self.root is not None else viewing_root()
            make_private_dir(root)
            os.chmod(root, 0o700)
            path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
            os.chmod(path, 0o700)
            fd = os.open(path / LOCK, os.O_CREAT | os.O_RDWR, 0o600)
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            self._path, self._lock_fd = path, fd
        return self._path

    def write(self, store: Store, document_id: str) -> Path:
        """Write a document's bytes to a new file in the folder; returns its path."""
        from models.queries.documents import document, export_document

        row = document(store, document_id)
        holder = Path(tempfile.mkdtemp(dir=self._folder()))
        os.chmod(holder, 0o700)
        target = holder / row.name
        export_document(store, row.id, target)
        os.chmod(target, 0o400)  # a viewer's "save" goes elsewhere, not into the folder
        return target

    def close(self) -> None:
        """Remove the folder and everything in it."""
        path, fd = self._path, self._lock_fd
        self._path, self._lock_fd = None, None
        if path is not None:
            _remove_tree(path)
        if fd is not None:
            os.close(fd)


def _remove_tree(path: Path) -> None:
    """Remove ``path`` (its read-only files go with it: their folders are writable)."""
    shutil.rmtree(path, ignore_errors=True)


def _held(folder: Path) -> bool:
    if fcntl is None:  # pragma: no cover - Windows
        return True
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def sweep(root: Path | None = None) -> list[Path]:
    """Remove the folders no running Relasi holds (left by one that did not close)."""
    root = root if root is not None else viewing_root()
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for folder in sorted(root.glob(f"{PREFIX}*")):
        if folder.is_dir() and not folder.is_symlink() and not _held(folder):
            _remove_tree(folder)
            removed.append(folder)
    return removed
