"""Team sync in the window: Tools ▸ Sync now (F9), Tools ▸ Conflict log, the status
bar's sync state, the password asked again after a refusal, and the background
syncs (at start, after the first paint and the integrity check; then every few
minutes). The work runs in ui/sync_runner.py; this module only wires it to the
window.

Pulled changes reach the panes the way every write does: the sync's units of work
report them to the store's listeners and the hub (ui/hub.py) hands them to the
window. Should a sync pull rows without reporting them, the window refreshes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWidget

from models.store import Changes
from ui import sync_backend
from ui.conflict_log import ConflictLogDialog
from ui.hub import ChangeHub
from ui.sync_backend import Report
from ui.sync_password import SyncPasswordDialog
from ui.sync_runner import AUTH_PHASE, OFF, SyncRunner
from ui.sync_status import SyncStatusButton
from ui.window_host import WindowHost

#: After a local write, the pending count is read again this much later (one read
#: for a burst of writes).
PENDING_DELAY_MS = 500


class SyncActions(QObject):
    def __init__(
        self,
        host: WindowHost,
        hub: ChangeHub,
        *,
        refresh: Callable[[], None],
        open_settings: Callable[[], None],
        undo: QAction,
        is_locked: Callable[[], bool],
    ) -> None:
        super().__init__(host.window())
        self.host = host
        self.api = sync_backend.default_api()
        self._refresh = refresh
        self._open_settings = open_settings
        self._undo = undo
        self._is_locked = is_locked
        self.runner = SyncRunner(host.store, self.api, host.settings, self)
        self.status = SyncStatusButton(self.runner, host.store.clock.now, host.window())
        self.status.activated.connect(self._status_clicked)
        self.runner.password_needed.connect(self.ask_password)
        self.runner.finished.connect(self._finished)
        self.runner.not_set_up.connect(self._not_set_up)
        self.conflicts: ConflictLogDialog | None = None
        self.password_dialog: SyncPasswordDialog | None = None
        self._reported = False
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(PENDING_DELAY_MS)
        self._pending.timeout.connect(self.runner.refresh_status)
        hub.changed.connect(self._changed)
        self.runner.refresh_status()

    # -- what the menus and the start call ------------------------------------------------
    def sync_now(self) -> bool:
        """F9: sync now in the background (or say why not)."""
        if self.runner.running:
            self.host.notify(self.tr("A sync is already running."))
            return False
        self._reported = False
        if not self.runner.sync_now(interactive=True):
            if self.runner.phase == OFF:
                self._not_set_up()
            return False
        return True

    def _not_set_up(self) -> None:
        self.host.notify(self.tr("Team sync is not set up (Settings ▸ Team sync)."))

    def start_background(self) -> None:
        """After the first paint and the integrity check (ui/window_start.py WindowStart)."""
        if not self._is_locked():
            self._reported = False
            self.runner.start_background()

    def show_conflicts(self) -> ConflictLogDialog:
        if self.conflicts is None:
            self.conflicts = ConflictLogDialog(self.host, self.api, self._undo, self.host.window())
            self.conflicts.destroyed.connect(self._conflicts_closed)
        else:
            self.conflicts.reload()
        self.conflicts.show()
        self.conflicts.raise_()
        self.conflicts.activateWindow()
        return self.conflicts

    def _conflicts_closed(self, *_args: object) -> None:
        self.conflicts = None

    def ask_password(self, message: str = "") -> SyncPasswordDialog | None:
        """The server refused the password: ask again (not while the window is locked)."""
        if self._is_locked() or self.password_dialog is not None:
            return self.password_dialog
        status = self.runner.status
        dialog = SyncPasswordDialog(
            message or self.tr("The team server refused the password."),
            status.user or "" if status else "",
            status.url or "" if status else "",
            self.host.window(),
        )
        dialog.entered.connect(lambda password: self.runner.sync_now(password))
        dialog.finished.connect(self._password_closed)
        self.password_dialog = dialog
        self.host.open_dialog(dialog)
        return dialog

    def _password_closed(self, *_args: object) -> None:
        self.password_dialog = None

    def shutdown(self) -> None:
        self._pending.stop()
        self.runner.shutdown()

    def set_interval(self, minutes: int) -> None:
        self.runner.set_interval(minutes)

    def retranslate(self) -> None:
        self.status.update_text()

    # -- reactions ----------------------------------------------------------------------------
    def _status_clicked(self, phase: str) -> None:
        if phase == AUTH_PHASE:
            self.ask_password(self.runner.message)
        elif phase == OFF:
            self._open_settings()
            for tabs in self.host.window().findChildren(QTabWidget, "settingsTabs"):
                page = tabs.findChild(QWidget, "settingsTeamSync")
                if tabs.isVisible() and page is not None:
                    tabs.setCurrentWidget(page)
        else:
            self.sync_now()

    def _changed(self, changes: Changes) -> None:
        self._reported = True
        self._pending.start()
        if self.conflicts is not None and changes.of("conflict"):
            self.conflicts.reload()  # a restore, or its undo

    def _finished(self, report: Report) -> None:
        if report.pulled and not self._reported:
            self._refresh()
        if report.conflicts:
            self.host.notify(
                self.tr("Sync overwrote {0} values; see Tools ▸ Conflict log.").format(
                    report.conflicts
                )
            )
        if self.conflicts is not None:
            self.conflicts.reload()
