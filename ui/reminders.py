"""Follow-up reminders: checks the store's clock for follow-ups falling due while
the app runs, and says so in the window's banner and the tray."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from models.queries import followups as followup_queries
from models.rows import FollowUpRow
from models.store import Store

CHECK_EVERY_MS = 30_000


class Reminders(QObject):
    """Emits ``due`` once for each follow-up whose time arrives after the app started."""

    due = Signal(object)  # FollowUpRow

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._since: datetime = store.clock.now()
        self._told: set[tuple[str, datetime]] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> list[FollowUpRow]:
        """Announce what fell due between the previous check and now (store clock)."""
        now = self.store.clock.now()
        if now <= self._since:
            return []
        fired = []
        for row in followup_queries.due_between(self.store, self._since, now):
            key = (row.id, row.effective_due)
            if key not in self._told:
                self._told.add(key)
                fired.append(row)
                self.due.emit(row)
        self._since = now
        return fired
