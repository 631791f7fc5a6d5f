"""Follow-ups from the window: new, edit, complete or reopen, and snooze (to a time
from the pane's menu, or one asked for)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models import services
from models.queries import followups as followup_queries
from ui.commands import UpdateCommand
from ui.dialogs import FollowUpDialog
from ui.followups import snooze_choices
from ui.qtime import qdatetime, to_utc
from ui.theme import set_role
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
        dialog = SnoozeDialog(self.host.store.clock.now, self.host.window())
        return dialog.until() if dialog.exec() == QDialog.DialogCode.Accepted else None


class SnoozeDialog(QDialog):
    """Snooze until a date and time the user picks: labelled, with a calendar, preset
    to tomorrow 09:00 local time; a time already past is refused with a message."""

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeDialog")
        self._now = now
        self.setWindowTitle(self.tr("Snooze until"))
        self.edit = QDateTimeEdit(qdatetime(snooze_choices(now())["tomorrow"]), self)
        self.edit.setObjectName("snoozeUntil")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(
            self.locale().dateFormat(QLocale.FormatType.LongFormat)
            + " "
            + self.locale().timeFormat(QLocale.FormatType.ShortFormat)
        )
        self.edit.setMinimumWidth(260)
        label = QLabel(self.tr("Remind me again on:"), self)
        label.setBuddy(self.edit)
        self.error = QLabel(self)
        self.error.setObjectName("snoozeError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()
        self.edit.dateTimeChanged.connect(lambda _value: self.error.hide())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def until(self) -> datetime:
        return to_utc(self.edit.dateTime())

    def accept(self) -> None:
        if self.until() <= self._now():
            self.error.setText(self.tr("That time has already passed: pick a later one."))
            self.error.show()
            self.edit.setFocus()
            return
        super().accept()
