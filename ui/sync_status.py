"""The team-sync state in the status bar: "Synced 3 minutes ago · 4 to send",
"Syncing…", "Offline", or the one-line reason a sync failed.

A flat button: clicking it asks for the password again after a refusal, opens
Settings ▸ Team sync when sync is not set up, and otherwise syncs now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from ui import formatting
from ui.sync_runner import AUTH_PHASE, ERROR, OFF, OFFLINE_PHASE, SYNCING, SyncRunner

#: How often "3 minutes ago" is written again.
TICK_MS = 30_000


def describe(runner: SyncRunner, now: datetime) -> tuple[str, str]:
    """The status bar's text and its tooltip for the runner's state."""
    status = runner.status
    pending = status.pending if status is not None else 0
    waiting = (
        QCoreApplication.translate("sync_status", "{0} changes to send").format(pending)
        if pending
        else ""
    )
    if runner.phase == OFF:
        return QCoreApplication.translate(
            "sync_status", "Team sync off"
        ), QCoreApplication.translate("sync_status", "Set up team sync in Settings ▸ Team sync")
    if runner.phase == SYNCING:
        return QCoreApplication.translate("sync_status", "Syncing…"), QCoreApplication.translate(
            "sync_status", "Sending and receiving changes"
        )
    if runner.phase == OFFLINE_PHASE:
        text = QCoreApplication.translate("sync_status", "Offline")
        return (f"{text} · {waiting}" if waiting else text), runner.message
    if runner.phase == AUTH_PHASE:
        return QCoreApplication.translate(
            "sync_status", "Sync: wrong password — click to enter it again"
        ), runner.message
    if runner.phase == ERROR:
        return QCoreApplication.translate("sync_status", "Sync failed: {0}").format(
            runner.message
        ), runner.message
    if status is None or status.last_sync is None:
        text = QCoreApplication.translate("sync_status", "Not synced yet")
    else:
        text = QCoreApplication.translate("sync_status", "Synced {0}").format(
            formatting.relative(status.last_sync, now)
        )
    tip = QCoreApplication.translate("sync_status", "Server: {0} (user {1}). F9 syncs now.").format(
        status.url if status else "", status.user if status else ""
    )
    return (f"{text} · {waiting}" if waiting else text), tip


class SyncStatusButton(QToolButton):
    """The status bar's team-sync state; ``activated`` carries the phase clicked."""

    activated = Signal(str)

    def __init__(
        self, runner: SyncRunner, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.runner = runner
        self._now = now
        runner.changed.connect(self.update_text)
        self.clicked.connect(lambda: self.activated.emit(self.runner.phase))
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.update_text)
        self._tick.start(TICK_MS)
        self.update_text()

    def update_text(self) -> None:
        text, tip = describe(self.runner, self._now())
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(QCoreApplication.translate("sync_status", "Team sync status"))
        self.setAccessibleDescription(f"{text}. {tip}" if tip else text)
