"""The in-window reminder: a follow-up that just fell due, with a button to open
its client."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui import colours
from ui.icons import icon


class Banner(QFrame):
    """An in-window message with an action, e.g. a follow-up that just fell due."""

    #: "Open client" was pressed: the account id of the reminder shown.
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.account_id = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.clicked.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.icon_label = QLabel(self)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self.retheme()
        self.retranslate()
        self.hide()

    def show_reminder(self, text: str, account_id: str) -> None:
        self.label.setText(text)
        self.account_id = account_id
        self.show()

    def _open(self) -> None:
        if self.account_id:
            self.open_requested.emit(self.account_id)
        self.hide()

    def retheme(self) -> None:
        """Draw the bell in the warning colour of the palette in use."""
        self.icon_label.setPixmap(icon("bell", colours.warning().name()).pixmap(18, 18))

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open client"))
        self.dismiss_button.setText(self.tr("Dismiss"))
