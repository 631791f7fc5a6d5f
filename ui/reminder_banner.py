"""The in-window reminder: a follow-up that just fell due, with buttons to open its
client, mark it done, snooze it (the follow-ups pane's snooze menu) or dismiss it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QWidget

from ui import colours
from ui.followups import fill_snooze_menu
from ui.icons import icon


class Banner(QFrame):
    """An in-window message with an action, e.g. a follow-up that just fell due."""

    #: "Open client" was pressed: the account id of the reminder shown.
    open_requested = Signal(str)
    #: "Done" was pressed: the follow-up id.
    done_requested = Signal(str)
    #: A snooze entry was picked: the follow-up id, and when (None: ask for a time).
    snooze_requested = Signal(str, object)

    def __init__(
        self, parent: QWidget | None = None, *, now: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.account_id = ""
        self.followup_id = ""
        self._now = now or (lambda: datetime.now().astimezone())
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self)
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("reminderDone")
        self.snooze_button = QToolButton(self)  # as the pane's: the menu opens on a click
        self.snooze_button.setObjectName("reminderSnooze")
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.clicked.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        self.done_button.clicked.connect(self._done)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.icon_label = QLabel(self)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.label, 1)
        for b in (self.open_button, self.done_button, self.snooze_button, self.dismiss_button):
            layout.addWidget(b)
        self.retheme()
        self.retranslate()
        self.hide()

    def show_reminder(self, text: str, account_id: str, followup_id: str = "") -> None:
        self.label.setText(text)
        self.account_id = account_id
        self.followup_id = followup_id
        self.done_button.setVisible(bool(followup_id))
        self.snooze_button.setVisible(bool(followup_id))
        self.show()

    def _open(self) -> None:
        if self.account_id:
            self.open_requested.emit(self.account_id)
        self.hide()

    def _done(self) -> None:
        if self.followup_id:
            self.done_requested.emit(self.followup_id)
        self.hide()

    def _snooze(self, followup_id: str, when: object) -> None:
        self.hide()
        self.snooze_requested.emit(followup_id, when)

    def _fill_snooze_menu(self) -> None:
        fill_snooze_menu(self.snooze_menu, self.followup_id, self._now(), self._snooze)

    def retheme(self) -> None:
        """Draw the bell in the warning colour of the palette in use."""
        self.icon_label.setPixmap(icon("bell", colours.warning().name()).pixmap(18, 18))
        self.done_button.setIcon(icon("followup"))
        self.snooze_button.setIcon(icon("snooze"))

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open client"))
        self.done_button.setText(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark this follow-up done (Edit ▸ Undo takes it back)"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setToolTip(self.tr("Remind me again later"))
        self.dismiss_button.setText(self.tr("Dismiss"))
