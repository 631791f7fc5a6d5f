"""The small dialog that asks for the team server's password again after the server
refused it: one clear message, one password field. What is typed is handed to the
next sync; it reaches the keyring only if that sync connects (ui/sync_runner.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SyncPasswordDialog(QDialog):
    """``entered(password)`` when the user presses OK with something typed."""

    entered = Signal(str)

    def __init__(self, message: str, user: str, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPasswordDialog")
        self.setWindowTitle(self.tr("Team sync password"))
        self.message = QLabel(message, self)
        self.message.setObjectName("syncPasswordMessage")
        self.message.setWordWrap(True)
        who = QLabel(self.tr("User {0} on {1}").format(user, server), self)
        who.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("syncPasswordField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Team server password"))
        form = QFormLayout()
        form.addRow(self.tr("&Password"), self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.field.setFocus()

    def accept(self) -> None:
        password = self.field.text()
        if not password:
            self.field.setFocus()
            return
        self.field.clear()  # the dialog keeps no copy
        super().accept()
        self.entered.emit(password)
