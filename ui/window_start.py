"""What the window's start does once its frame has painted (ui/app.py): open the store
(the first try in a worker thread, started once the frame was built when ui/app.py
passes an EarlyOpen: SQLAlchemy's import, the keyring and SQLCipher's opening stay off
the GUI thread; a problem that needs the user is then asked on the
GUI thread by ui.store_opening), build and fill the panes, then the integrity check and
the Trash purge in a worker (writes wait for it), then the daily backup.

A failed check closes the window, and the start loop offers to restore or salvage, as
when the check ran before the window. With ``--quit-after-paint`` the window closes once
it has painted filled and been checked.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from models.errors import RelasiError
from models.paths import resolve_db_path
from ui.main_window import MainWindow
from ui.start_messages import report_error
from ui.window_shell import FirstPaintWatcher
from ui.workers import run_in_thread

if TYPE_CHECKING:  # imported in the worker that opens the store, off the GUI thread
    from models.store import Store
    from ui.early_open import EarlyOpen

DAILY_BACKUP_DELAY_MS = 5_000
SYNC_START_DELAY_MS = 1_000
#: The check starts once the filled lists have painted, or after this long at the
#: latest (a window started minimised paints nothing; writes wait for the check).
CHECK_AT_THE_LATEST_MS = 3_000


class WindowStart(QObject):
    """Opens the store for a painted window frame, attaches it, checks it.

    What it leaves for the start loop once the event loop ends: ``store`` (None if it
    never opened), ``code`` (2 when the start gave up), ``damaged`` (a failed check),
    ``error`` (an unexpected exception, raised again by the start loop)."""

    def __init__(
        self,
        window: MainWindow,
        args: argparse.Namespace,
        *,
        on_filled: Callable[[], None] | None = None,
        early: EarlyOpen | None = None,
        on_ready: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        #: The first open try, already running (ui/app.py); None: begin() starts one.
        self._early = early
        self._window = window
        self._args = args
        self._interactive = not args.quit_after_paint
        self._on_filled = on_filled
        #: Called once the rest of the window is built after the filled paint.
        self._on_ready = on_ready
        self.store: Store | None = None
        self.code = 0
        self.damaged: RelasiError | None = None
        self.error: BaseException | None = None
        #: The panes could not be built on the store: it is discarded, not closed.
        self.discard = False
        #: The window showed the store (only then is it backed up at close).
        self.attached = False
        self._opening: threading.Thread | None = None
        #: What the worker opened, until the GUI thread takes it (the window may close
        #: first: then finish() closes it).
        self._unclaimed: Store | None = None
        self._check: threading.Thread | None = None
        self._finished = False
        self._check_failure: RelasiError | None = None

    # -- opening ------------------------------------------------------------------------
    def begin(self) -> None:
        """Try the open in a worker; the result (or the problem) comes back here."""
        demo = getattr(self._args, "demo", False)
        db = self._args.db

        early = self._early

        def work() -> Store:
            if early is not None:
                self._unclaimed = early.take()
                return self._unclaimed
            from models.vault.opening import open_database  # SQLAlchemy and all: here

            self._unclaimed = open_database(db, demo=demo, quick=True)
            return self._unclaimed

        self._opening = run_in_thread(
            work,
            self._opened,
            self._open_failed,
            self,
            name="relasi-open",
        )

    def _open_failed(self, exc: BaseException) -> None:
        if self._finished:  # the window closed first: finish() took care of it
            return
        if not isinstance(exc, RelasiError):
            self._give_up(error=exc)
            return
        # Needs the user (a passphrase, a keyring problem, a damaged or plain file), or
        # an error to show: the same questions as ever, asked over the window's frame.
        from ui.store_opening import open_interactively

        try:
            store = open_interactively(self._args, interactive=self._interactive, quick=True)
        except BaseException as error:  # raised again by the start loop
            self._give_up(error=error)
            return
        if store is None:
            self._give_up()
            return
        self._opened(store)

    def _opened(self, store: object) -> None:
        if self._finished:
            return
        from models.store import Store

        assert isinstance(store, Store)
        self._unclaimed = None
        self.store = store
        try:
            self._window.attach(store, rest_later=True)  # the rest once it has painted
        except Exception as exc:
            # A damaged page read while the window filled its lists: the check says so.
            damaged = store.run_held_check()
            if damaged is None:
                self._give_up(error=exc)
            else:
                self.damaged = damaged
                self.discard = True
                self._quit()
            return
        self.attached = True
        FirstPaintWatcher(self._window.clients.view.viewport(), self._filled)
        QTimer.singleShot(CHECK_AT_THE_LATEST_MS, self, self._filled)

    def _give_up(self, *, error: BaseException | None = None) -> None:
        self.code = 2
        self.error = error
        self._quit()

    # -- after the filled window painted: the check, then the daily backup ----------------
    def _filled(self) -> None:
        if self._check is not None or self._finished:  # the paint or the timer: once
            return
        if self._on_filled is not None:
            self._on_filled()
        store = self.store
        assert store is not None
        try:
            self._window.attach_rest()  # menus' handlers, features, lock screen, ...
        except Exception as exc:
            self._give_up(error=exc)
            return
        if self._on_ready is not None:
            self._on_ready()
        from models.vault import viewing
        from models.vault.safe_open import finish_open

        # Documents opened by a Relasi that did not close (a crash, a kill) go now.
        viewing.sweep()

        def check_then_catch_up() -> None:
            finish_open(store)
            # Then the health scores the clock made stale since the last start, so the
            # first sort by health that day reads kept rows (models/queries/health_kept).
            from models.queries.health_kept import catch_up

            try:
                catch_up(store, stop=lambda: self._finished)
            except Exception:  # derived rows: the sort scores them itself; never a failed check
                logging.getLogger(__name__).exception("catching up the health scores failed")

        self._check = run_in_thread(
            check_then_catch_up, self._passed, self._failed, self, name="relasi-check"
        )

    def _passed(self, _result: object) -> None:
        if not self._interactive:
            self._quit()
            return
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, self._window.backup_actions.start_daily_backup)
        # Team sync once writes are open, then every few minutes.
        QTimer.singleShot(SYNC_START_DELAY_MS, self._window.sync_actions.start_background)

    def _failed(self, exc: BaseException) -> None:
        store = self.store
        assert store is not None
        if not isinstance(exc, RelasiError):
            exc = RelasiError(f"{store.path} could not be checked: {type(exc).__name__}")
        self._check_failure = exc
        self._quit()

    def _quit(self) -> None:
        self._window.close()
        QApplication.quit()

    def finish(self) -> RelasiError | None:
        """Once the window is closed: the check's outcome, waiting for it (or running
        it, if the window closed before it started); None when it passed."""
        self._finished = True
        if self.store is None and self._opening is not None:
            self._opening.join()  # the window closed while the store was opening
            self.store, self._unclaimed = self._unclaimed, None
            return None
        if self.damaged is not None or self.store is None:
            return self.damaged
        if self._check is None:
            return self.store.run_held_check()
        self._check.join()
        return self._check_failure or self.store.writes_refused


def recover(args: argparse.Namespace, damaged: RelasiError, *, interactive: bool) -> bool:
    """After a failed check: restore or salvage (``args.db`` then names what to open),
    True to open again; without interaction the error is reported and False returned."""
    if not interactive:
        report_error(damaged.message, interactive=False)
        return False
    from ui.store_opening import recover_damaged

    path = Path(resolve_db_path(args.db))
    replacement = recover_damaged(path, damaged)
    if replacement is None:
        return False
    args.db = str(replacement)
    return True


def close_store(store: Store, *, backup: bool) -> None:
    """Close the store, with the backup at close (the window is already gone)."""
    from models.vault.backup import close_with_backup

    try:
        if backup:
            close_with_backup(store)
        else:
            store.close()
    except RelasiError as exc:
        print(f"relasi: warning: backup at close failed: {exc.message}", file=sys.stderr)
