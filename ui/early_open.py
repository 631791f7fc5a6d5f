"""The store's first open try, started in a thread as soon as the window's frame is
built (ui/app.py), so that importing the data layer (SQLAlchemy, the ORM mapping, the
keyring, SQLCipher) and opening the file run while the GUI thread shows and paints the
frame, instead of after its first paint. No Qt and nothing of the data layer is
imported here; the thread imports it.

The window's start (ui/window_start.py) takes the outcome once the frame has painted:
the open store, or the exception, which it handles as before (a passphrase to ask, a
keyring problem, a damaged or plain file, an error to show). A window closed before
that leaves the store to :meth:`EarlyOpen.discard`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.store import Store


class EarlyOpen:
    """``open_database(db, demo=demo, quick=True)`` in a daemon thread, started at once.

    ``before`` runs first in that thread (the logging set-up, so that anything the
    open logs goes through the scrubbing handler)."""

    def __init__(
        self, db: str | None, *, demo: bool = False, before: Callable[[], None] | None = None
    ) -> None:
        self.db = db
        self.demo = demo
        self._before = before
        self._store: Store | None = None
        self._error: BaseException | None = None
        self._taken = False
        self._thread = threading.Thread(target=self._work, name="relasi-open", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            if self._before is not None:
                self._before()
            from models.vault.opening import open_database  # SQLAlchemy and all: here

            self._store = open_database(self.db, demo=self.demo, quick=True)
        except BaseException as exc:  # handed to whoever takes the outcome
            self._error = exc

    def take(self) -> Store:
        """The open store (waiting for the thread), or its exception raised; once."""
        assert not self._taken, "the outcome is taken once"
        self._taken = True
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        store, self._store = self._store, None
        return store

    @property
    def taken(self) -> bool:
        return self._taken

    def discard(self) -> None:
        """Nobody took the outcome (the window closed before its first paint): close
        what the thread opened, once it has finished."""
        if self._taken:
            return
        self._taken = True
        self._thread.join()
        store, self._store = self._store, None
        if store is not None:
            store.close()
