"""Unlocking at start: the passphrase dialog, the keyring-problem dialog, the offer to
encrypt a plain database, and the recovery-file banner.

Checks that can block (a keyring call may wait on an unlock prompt) or take a
moment (the passphrase KDF, ~0.2 s) run in a worker thread; the result comes
back to the GUI thread through a queued signal. A wrong passphrase is never
refused for good: each failure doubles a waiting time (0.5 s, 1 s, 2 s ... at
most 30 s), shown as a countdown driven by a QTimer, so the GUI never freezes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError, StoreError
from models.store import Store
from models.vault import rekey, unlock
from models.vault.recovery import export_recovery, unlock_with_recovery
from ui.workers import message_of, run_in_thread

FIRST_DELAY_S = 0.5
MAX_DELAY_S = 30.0


class Backoff:
    """A growing wait after each failure: 0.5 s, 1 s, 2 s, ... capped at 30 s."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self.failures = 0
        self.until = 0.0

    def fail(self) -> float:
        delay = min(FIRST_DELAY_S * float(2**self.failures), MAX_DELAY_S)
        self.failures += 1
        self.until = self.now() + delay
        return delay

    def remaining(self) -> float:
        return max(0.0, self.until - self.now())


class PassphraseGate(QObject):
    """Checks a passphrase in a worker with the growing delay; used by the dialog and
    the lock screen. ``check`` returns truthy when the passphrase is right (or raises
    WrongPassphraseError)."""

    accepted = Signal()
    changed = Signal()

    def __init__(
        self,
        check: Callable[[str], Any],
        now: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.backoff = Backoff(now)
        self.busy = False
        self.message = ""
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.tick)

    @property
    def waiting(self) -> bool:
        return self.backoff.remaining() > 0

    def can_submit(self) -> bool:
        return not self.busy and not self.waiting

    def submit(self, passphrase: str) -> None:
        if not self.can_submit():
            return
        if not passphrase:
            self.message = QCoreApplication.translate("unlock", "Enter the passphrase.")
            self.changed.emit()
            return
        self.busy = True
        self.message = QCoreApplication.translate("unlock", "Checking…")
        self.changed.emit()
        run_in_thread(lambda: self.check(passphrase), self._done, self._failed, self)

    def _done(self, result: object) -> None:
        self.busy = False
        if result is False:
            self._wrong()
            return
        self.message = ""
        self.changed.emit()
        self.accepted.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, unlock.WrongPassphraseError):
            self._wrong()
        else:
            self.message = message_of(exc)
            self.changed.emit()

    def _wrong(self) -> None:
        self.backoff.fail()
        self.timer.start()
        self.tick()

    def tick(self) -> None:
        left = self.backoff.remaining()
        if left > 0:
            self.message = QCoreApplication.translate(
                "unlock", "Wrong passphrase. Try again in {0} s."
            ).format(f"{left:.0f}" if left >= 1.5 else f"{left:.1f}")
        else:
            self.timer.stop()
            if self.backoff.failures:
                self.message = QCoreApplication.translate("unlock", "Wrong passphrase. Try again.")
        self.changed.emit()


class PassphraseDialog(QDialog):
    """Asks for the passphrase of ``db_path`` at start; accepted once it unlocks."""

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        now: Callable[[], float] = time.monotonic,
        check: Callable[[str], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(QCoreApplication.translate("unlock", "Unlock Relasi"))
        self.db_path = db_path
        self.gate = PassphraseGate(
            check or (lambda p: unlock.unlock_with_passphrase(db_path, p)), now, self
        )
        intro = QLabel(
            QCoreApplication.translate(
                "unlock", "This database is protected by a passphrase:\n{0}"
            ).format(db_path)
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphraseField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("passphraseMessage")
        self.unlock_button = QPushButton(QCoreApplication.translate("unlock", "Unlock"), self)
        self.unlock_button.setDefault(True)
        quit_button = QPushButton(QCoreApplication.translate("unlock", "Quit"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        for w in (intro, self.field, self.message):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.unlock_button.clicked.connect(self.submit)
        self.field.returnPressed.connect(self.submit)
        quit_button.clicked.connect(self.reject)
        self.gate.changed.connect(self._refresh)
        self.gate.accepted.connect(self.accept)

    def submit(self) -> None:
        self.gate.submit(self.field.text())

    def _refresh(self) -> None:
        self.message.setText(self.gate.message)
        ready = self.gate.can_submit()
        self.unlock_button.setEnabled(ready)
        self.field.setEnabled(not self.gate.busy)
        if ready and self.gate.backoff.failures:
            self.field.selectAll()
            self.field.setFocus()


class KeyringProblemDialog(QDialog):
    """Explains why the keyring did not give the key and offers the ways out.

    ``choice`` after exec(): "retry", "recovered" (a recovery file put the key in
    the keyring), "passphrase" (the passphrase unlocked it) or "quit".
    """

    def __init__(self, db_path: Path, error: StoreError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyringProblemDialog")
        self.setWindowTitle(
            QCoreApplication.translate("unlock", "Relasi cannot get the database key")
        )
        self.db_path = db_path
        self.choice = "quit"
        text = QLabel(
            QCoreApplication.translate(
                "unlock",
                "Relasi keeps the key of your encrypted database in the system keyring, "
                "and could not get it:\n\n{0}\n\nYour data is safe and still encrypted. "
                "You can try again (e.g. after unlocking the keyring), use the recovery "
                "file you saved, or the passphrase if this database has one.",
            ).format(error.message),
            self,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.retry_button = QPushButton(QCoreApplication.translate("unlock", "Try again"), self)
        self.recovery_button = QPushButton(
            QCoreApplication.translate("unlock", "Use a recovery file…"), self
        )
        self.passphrase_button = QPushButton(
            QCoreApplication.translate("unlock", "Use the passphrase…"), self
        )
        self.quit_button = QPushButton(QCoreApplication.translate("unlock", "Quit"), self)
        buttons = QHBoxLayout()
        for b in (self.retry_button, self.recovery_button, self.passphrase_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(lambda: self._finish("retry"))
        self.quit_button.clicked.connect(self.reject)
        self.recovery_button.clicked.connect(self.use_recovery)
        self.passphrase_button.clicked.connect(self.use_passphrase)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def use_recovery(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, QCoreApplication.translate("unlock", "Recovery file")
            )
        if not path:
            return
        self.setEnabled(False)
        chosen = Path(path)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.message.setText(message_of(exc))

        run_in_thread(
            lambda: unlock_with_recovery(self.db_path, chosen),
            lambda _r: self._finish("recovered"),
            failed,
            self,
        )

    def use_passphrase(self) -> None:
        dialog = PassphraseDialog(self.db_path, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._finish("passphrase")


def offer_encrypt(db_path: Path, parent: QWidget | None = None) -> bool:
    """Ask to encrypt a plain database in place; True once it is encrypted."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("unlock", "Unencrypted database"))
    box.setText(
        QCoreApplication.translate(
            "unlock",
            "{0} is not encrypted: anyone who gets this file can read it. Relasi can "
            "encrypt it now (its key goes to the system keyring).",
        ).format(db_path)
    )
    keep = QCheckBox(
        QCoreApplication.translate("unlock", "Keep an unencrypted copy (*.plain-backup)"), box
    )
    box.setCheckBox(keep)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    try:
        rekey.encrypt_plaintext(db_path, keep_plain=keep.isChecked())
    except RelasiError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("unlock", "Unencrypted database"), exc.message
        )
        return False
    return True


class RecoveryBanner(QFrame):
    """Offers, without stopping anything, to save a recovery file (shown on first run)."""

    saved = Signal(str)
    dismissed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.store = store
        self.label = QLabel(
            QCoreApplication.translate(
                "unlock",
                "Your database is encrypted. Save a recovery file to open it after a "
                "reinstall or on another computer, and keep it somewhere safe.",
            ),
            self,
        )
        self.label.setWordWrap(True)
        self.save_button = QPushButton(
            QCoreApplication.translate("unlock", "Save recovery file…"), self
        )
        self.later_button = QPushButton(QCoreApplication.translate("unlock", "Not now"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.later_button)
        self.save_button.clicked.connect(lambda: self.save_to(None))
        self.later_button.clicked.connect(self._dismiss)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def save_to(self, path: str | None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("unlock", "Save recovery file"),
                f"{self.store.path.stem}-recovery.json",
            )
        if not path:
            return
        try:
            export_recovery(self.store, Path(path))
        except RelasiError as exc:
            self.label.setText(exc.message)
            return
        self.hide()
        self.saved.emit(path)
