"""Team sync in the background, one at a time.

A sync runs at start (after the first paint and the integrity check that opens the
write gate: ui/window_start.py ``WindowStart``), every few minutes (Settings ▸ Team sync),
and on demand (F9). It runs in a worker (ui/workers.py); ``models.sync.sync`` opens
its own store sessions there, one per unit of work, so the window keeps handling
events. A second request while one runs is refused, never queued behind it.

The runner keeps the state the status bar shows (``phase``): off (not set up), idle,
syncing, offline, auth (the server refused the password: background syncs pause
until it is entered again) or error (a schema mismatch or any other refusal).
A password typed after a refusal goes to the keyring only once a sync with it has
succeeded.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from models.store import Store
from ui.settings import Settings
from ui.sync_backend import AUTH, OFFLINE, Report, Status, SyncApi

log = logging.getLogger(__name__)

OFF, IDLE, SYNCING, OFFLINE_PHASE, AUTH_PHASE, ERROR = (
    "off",
    "idle",
    "syncing",
    "offline",
    "auth",
    "error",
)

#: How long closing the window waits for a running sync to end (its transaction).
CLOSE_WAIT_S = 30.0


class SyncRunner(QObject):
    """Starts syncs in a worker and keeps what the status bar shows."""

    #: The phase, the status or the message changed.
    changed = Signal()
    #: A sync ended well (its :class:`Report`).
    finished = Signal(object)
    #: The server refused the password on a sync the user asked for (its message).
    password_needed = Signal(str)
    #: A sync the user asked for found no server set up.
    not_set_up = Signal()

    def __init__(self, store: Store, api: SyncApi, settings: Settings, parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self.api = api
        self.settings = settings
        self.phase = OFF
        self.message = ""
        self.status: Status | None = None
        self.last_report: Report | None = None
        self._thread: threading.Thread | None = None
        self._reader: threading.Thread | None = None
        self._read_again = False
        self._interactive = False
        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.timeout.connect(lambda: self.sync_now(interactive=False))

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def reading(self) -> bool:
        """A status read runs in a worker."""
        return self._reader is not None

    @property
    def configured(self) -> bool:
        return self.status is not None and self.status.configured

    # -- state ---------------------------------------------------------------------------
    def refresh_status(self) -> None:
        """Read the saved settings and the pending count again, in a worker: counting a
        long unsent change log takes time (about 0.8 s at a million changes)."""
        if self._reader is not None:
            self._read_again = True
            return
        from ui.workers import run_in_thread

        self._reader = run_in_thread(
            self._read_status,
            self._status_read,
            self._status_failed,
            self,
            name="relasi-sync-status",
        )

    def remember_settings(self, url: str, user: str, require_tls: bool) -> None:
        """Settings ▸ Team sync saved these: show them now, and read the rest again."""
        old = self.status
        self._show_status(
            Status(
                last_sync=old.last_sync if old else None,
                pending=old.pending if old else 0,
                url=url,
                user=user,
                require_tls=require_tls,
            )
        )
        self.refresh_status()

    def _read_status(self) -> Status | None:
        return self.api.status(self.store) if self.api.available() else None

    def _status_read(self, status: Status | None) -> None:
        self._reader = None
        self._show_status(status)
        if self._read_again:
            self._read_again = False
            self.refresh_status()

    def _status_failed(self, exc: BaseException) -> None:
        self._reader = None
        log.warning("sync status unreadable: %s", type(exc).__name__)

    def _show_status(self, status: Status | None) -> None:
        self.status = status
        if not self.running:
            if not self.configured:
                self.phase, self.message = OFF, ""
            elif self.phase == OFF:
                self.phase = IDLE
        self.changed.emit()

    def start_background(self) -> None:
        """At start: sync once now (if set up), then every ``sync_interval_minutes``."""
        self.sync_now(interactive=False)
        self.timer.start(self.settings.sync_interval_minutes * 60_000)

    def set_interval(self, minutes: int) -> None:
        if self.timer.isActive():
            self.timer.start(max(1, minutes) * 60_000)

    # -- a sync --------------------------------------------------------------------------
    def sync_now(self, password: str | None = None, *, interactive: bool = True) -> bool:
        """Start a sync in a worker; False when one runs already, when sync is known not
        to be set up, or, in the background, while a refused password waits to be
        entered again. (The worker reads the settings first: a sync that finds none
        ends quietly, with ``not_set_up``.)"""
        if self.running:
            return False
        if self.status is not None and not self.status.configured:
            return False
        if not interactive and self.phase == AUTH_PHASE and password is None:
            return False
        from ui.workers import run_in_thread

        self.phase, self.message, self._interactive = SYNCING, "", interactive
        self.changed.emit()
        self._thread = run_in_thread(
            lambda: self._work(password), self._done, self._failed, self, name="relasi-sync"
        )
        return True

    def _work(self, password: str | None) -> tuple[Report | None, Status]:
        """In the worker: sync; a password that worked is kept (in the keyring only)."""
        status = self.api.status(self.store)
        if not status.configured:
            return None, status
        report = self.api.sync(self.store, password=password)
        status = self.api.status(self.store)
        if password is not None and status.url and status.user:
            self.api.save_password(status.url, status.user, password)
        return report, status

    def _done(self, result: tuple[Report | None, Status]) -> None:
        self._thread = None
        report, status = result
        self.phase, self.message = IDLE, ""
        if report is not None:
            self.last_report = report
        self._show_status(status)
        if report is None:
            if self._interactive:
                self.not_set_up.emit()
            return
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._thread = None
        kind = self.api.kind_of(exc)
        self.message = self.api.message_of(exc)
        if kind == AUTH:
            self.phase = AUTH_PHASE
        elif kind == OFFLINE:
            self.phase = OFFLINE_PHASE
        else:
            self.phase = ERROR
            log.warning("sync failed: %s", type(exc).__name__)
        self.changed.emit()
        self.refresh_status()  # the pending count, in the background
        if kind == AUTH and self._interactive:
            self.password_needed.emit(self.message)

    def shutdown(self) -> None:
        """The window closes: no new syncs; wait for a status read and for a sync that
        runs (its transaction)."""
        self.timer.stop()
        for thread in (self._reader, self._thread):
            if thread is not None:
                thread.join(CLOSE_WAIT_S)
