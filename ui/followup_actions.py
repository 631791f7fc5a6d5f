"""Follow-ups from the window: new, edit, complete or reopen, and snooze (to a time
from the pane's menu, or one asked for)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QVBoxLayout

from models import services
from models.queries import followups as followup_queries
from ui.commands import UpdateCommand
from ui.dialogs import FollowUpDialog
from ui.qtime import qdatetime, to_utc
from ui.window_host import WindowHost


class FollowUpActions(QObject):
    """What the follow-ups pane and Client ▸ New follow-up ask the window to do."""

    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.host = host

    def new(self) -> None:
        host = self.host
        if host.current_client:
            host.open_dialog(
                FollowUpDialog(
                    host.store, host.stack, account_id=host.current_client, parent=host.window()
                )
            )

    def edit(self, followup_id: str) -> None:
        host = self.host
        host.open_dialog(
            FollowUpDialog(host.store, host.stack, followup_id=followup_id, parent=host.window())
        )

    def _title(self, followup_id: str) -> str:
        row = followup_queries.followup(self.host.store, followup_id)
        return row.title if row else ""

    def complete(self, followup_id: str, done: bool) -> None:
        store = self.host.store
        text = (self.tr("Complete “{0}”") if done else self.tr("Reopen “{0}”")).format(
            self._title(followup_id)
        )
        self.host.run(
            UpdateCommand(
                store,
                text,
                services.update_followup,
                followup_id,
                {"done_at": store.clock.now() if done else None},
            )
        )

    def snooze(self, followup_id: str, until: datetime | None) -> None:
        """Snooze until ``until``, or a time the user picks (None)."""
        if until is None:
            until = self.ask_datetime()
            if until is None:
                return
        self.host.run(
            UpdateCommand(
                self.host.store,
                self.tr("Snooze “{0}”").format(self._title(followup_id)),
                services.update_followup,
                followup_id,
                {"snoozed_until": until},
            )
        )

    def ask_datetime(self) -> datetime | None:
        dialog = QDialog(self.host.window())
        dialog.setWindowTitle(self.tr("Snooze until"))
        edit = QDateTimeEdit(qdatetime(self.host.store.clock.now()), dialog)
        edit.setCalendarPopup(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(edit)
        layout.addWidget(buttons)
        return to_utc(edit.dateTime()) if dialog.exec() == QDialog.DialogCode.Accepted else None
