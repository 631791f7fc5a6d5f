"""The app lock: an idle watcher and a lock screen that hides every client datum.

``IdleWatcher`` watches user input application-wide and emits ``idle`` after N
minutes without any (0: never); it takes a ``now`` callable so tests move time.
``LockScreen.lock()`` swaps the main window's central widget for itself (the
panes leave the window, hidden), hides the status bar, docks, toolbars and
every other visible top-level window (dialogs, the palette), disables every
action (so no shortcut opens a pane) and sets the title to "Relasi — locked".
``unlock`` puts all of it back once the passphrase, or the key re-read from the
keyring in a worker thread (a keyring call may block on a prompt), matches the
open store's key.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.vault.unlock import MODE_PASSPHRASE, Reauth
from ui.unlock import PassphraseGate
from ui.workers import message_of, run_in_thread

DEFAULT_IDLE_MINUTES = 15

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without user input; ``reset`` re-arms it."""

    idle = Signal()

    def __init__(
        self,
        minutes: int = DEFAULT_IDLE_MINUTES,
        *,
        now: Callable[[], float] = time.monotonic,
        poll_ms: int = 15_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.minutes = minutes
        self.last_input = now()
        self.fired = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.reset()

    def reset(self) -> None:
        self.last_input = self.now()
        self.fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = self.now()
        return False

    def check(self) -> None:
        if self.fired or self.minutes <= 0:
            return
        if self.now() - self.last_input >= self.minutes * 60:
            self.fired = True
            self.idle.emit()

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """Covers a main window while locked; see the module docstring."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QMainWindow,
        reauth: Reauth,
        *,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.window_ = window
        self.reauth = reauth
        self.is_locked = False
        self._central: QWidget | None = None
        self._title = ""
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []
        self.gate = PassphraseGate(reauth.passphrase, now, self)
        self.gate.accepted.connect(self.unlock)
        self.gate.changed.connect(self._refresh)

        self.title = QLabel(QCoreApplication.translate("lock", "Relasi is locked"), self)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("lockPassphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaximumWidth(320)
        self.button = QPushButton(QCoreApplication.translate("lock", "Unlock"), self)
        self.button.setObjectName("lockUnlockButton")
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.hint, self.field, self.button, self.message):
            # Labels take the whole width (their text is centred and wraps there, never
            # clipped to a guessed width); the field and the button keep their own.
            align = Qt.AlignmentFlag(0) if isinstance(w, QLabel) else Qt.AlignmentFlag.AlignHCenter
            layout.addWidget(w, 0, align)
        layout.addStretch(2)
        self.button.clicked.connect(self.submit)
        self.field.returnPressed.connect(self.submit)
        self.hide()

    def set_button_text(self, text: str) -> None:
        """The button's text, the button at least as wide as that text in this font."""
        self.button.setText(text)
        self.button.setMinimumWidth(0)
        needed = self.button.fontMetrics().horizontalAdvance(text) + 32  # frame + padding
        self.button.setMinimumWidth(max(needed, self.button.sizeHint().width()))

    @property
    def passphrase_mode(self) -> bool:
        return self.reauth.mode == MODE_PASSPHRASE

    # -- locking ------------------------------------------------------------------------
    def lock(self) -> None:
        if self.is_locked:
            return
        w = self.window_
        self.is_locked = True
        self._title = w.windowTitle()
        w.setWindowTitle(QCoreApplication.translate("lock", "Relasi — locked"))
        app = QApplication.instance()
        tops = QApplication.topLevelWidgets() if isinstance(app, QApplication) else []
        extras = [t for t in tops if t is not w and t.isVisible()]
        bars = [
            c
            for c in w.findChildren(QWidget)
            if isinstance(c, QStatusBar | QDockWidget | QToolBar) and c.isVisible()
        ]
        self._hidden = [*extras, *bars]
        for widget in self._hidden:
            widget.hide()
        self._disabled = [a for a in w.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        w.menuBar().setEnabled(False)
        self._central = w.takeCentralWidget()
        w.setCentralWidget(self)
        self.field.clear()
        self.field.setVisible(self.passphrase_mode)
        self.hint.setText(
            QCoreApplication.translate("lock", "Enter the passphrase to unlock.")
            if self.passphrase_mode
            else QCoreApplication.translate(
                "lock", "The database key is read again from the system keyring."
            )
        )
        self.set_button_text(
            QCoreApplication.translate("lock", "Unlock")
            if self.passphrase_mode
            else QCoreApplication.translate("lock", "Unlock with the system keyring")
        )
        self.message.clear()
        self.show()
        (self.field if self.passphrase_mode else self.button).setFocus()
        self.locked.emit()

    def unlock(self) -> None:
        if not self.is_locked:
            return
        w = self.window_
        w.takeCentralWidget()
        self.setParent(w)
        self.hide()
        if self._central is not None:
            w.setCentralWidget(self._central)
            self._central.show()
        self._central = None
        w.menuBar().setEnabled(True)
        for action in self._disabled:
            action.setEnabled(True)
        for widget in self._hidden:
            widget.show()
        self._disabled, self._hidden = [], []
        w.setWindowTitle(self._title)
        self.field.clear()
        self.is_locked = False
        self.unlocked.emit()

    # -- unlocking ----------------------------------------------------------------------
    def submit(self) -> None:
        if self.passphrase_mode:
            self.gate.submit(self.field.text())
            return
        self.button.setEnabled(False)
        self.message.setText(QCoreApplication.translate("lock", "Waiting for the keyring…"))

        def done(ok: object) -> None:
            self.button.setEnabled(True)
            if ok:
                self.unlock()
            else:
                self.message.setText(
                    QCoreApplication.translate("lock", "The keyring gave a different key.")
                )

        def failed(exc: BaseException) -> None:
            self.button.setEnabled(True)
            self.message.setText(message_of(exc))

        run_in_thread(self.reauth.keyring, done, failed, self)

    def _refresh(self) -> None:
        self.message.setText(self.gate.message)
        self.button.setEnabled(self.gate.can_submit())
        self.field.setEnabled(not self.gate.busy)
