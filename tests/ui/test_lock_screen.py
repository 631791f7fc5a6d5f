"""The app lock, the unlock dialogs and the recovery banner."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.store import Store, open_store
from models.vault import keys, unlock
from tests.keyrings import MemoryKeyring
from ui.lock_screen import IdleWatcher, LockScreen
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.unlock import KeyringProblemDialog, PassphraseDialog, RecoveryBanner

NAMES = ("Acme Corp", "PT Kopi Nusantara", "Globex Inc", "Budi Santoso")


class FakeTime:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture(autouse=True)
def _forget_unlocked() -> Iterator[None]:
    unlock.forget()
    yield
    unlock.forget()


def visible_texts() -> str:
    """Every text a user could read in any visible widget of the application."""
    out: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        out.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, QLabel):
                out.append(w.text())
            elif isinstance(w, QLineEdit):
                out.append(w.text() + w.placeholderText())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                m = w.model()
                try:
                    columns = m.columnCount(QModelIndex())
                except TypeError:  # a list model
                    columns = 1
                for r in range(m.rowCount(QModelIndex())):
                    for c in range(columns):
                        index = m.index(r, c)
                        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                            out.append(str(index.data(role)))
    return "\n".join(out)


def lock_screen_for(window: MainWindow, now: FakeTime) -> LockScreen:
    """The window's own lock screen (Ctrl+L), on a clock the test moves."""
    screen = window.lock_screen
    screen.gate.backoff.now = now
    return screen


def test_idle_lock_hides_every_client(window: MainWindow, qtbot: QtBot) -> None:
    assert any(n in visible_texts() for n in NAMES)  # the check can see names
    now = FakeTime()
    screen = lock_screen_for(window, now)
    watcher = IdleWatcher(15, now=now, parent=window)
    watcher.idle.connect(screen.lock)
    now.t += 14 * 60
    watcher.check()
    assert not screen.is_locked
    qtbot.keyClick(window, Qt.Key.Key_A)  # input resets the idle time
    now.t += 14 * 60
    watcher.check()
    assert not screen.is_locked
    now.t += 60
    with qtbot.waitSignal(screen.locked):
        watcher.check()
    texts = visible_texts()
    assert not [n for n in NAMES if n in texts]
    assert window.windowTitle() == "Relasi — locked"
    assert not window.clients.isVisible() and not window.timeline.isVisible()
    assert not [a.text() for a in window.findChildren(QAction) if a.isEnabled()]
    watcher.stop()


def test_ctrl_l_locks_and_keyring_unlock_restores(window: MainWindow, qtbot: QtBot) -> None:
    title = window.windowTitle()
    screen = lock_screen_for(window, FakeTime())
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert screen.is_locked
    assert "Acme Corp" not in visible_texts()
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == title
    assert window.clients.isVisible()
    assert "Acme Corp" in visible_texts()


def test_keyring_unlock_refused_when_the_key_changed(window: MainWindow, qtbot: QtBot) -> None:
    screen = lock_screen_for(window, FakeTime())
    screen.lock()
    keys.store_key(window.store.path, keys.new_key())
    screen.submit()
    qtbot.waitUntil(lambda: "different key" in screen.message.text())
    assert screen.is_locked and "Acme Corp" not in visible_texts()


@pytest.fixture
def passphrase_window(
    qtbot: QtBot, tmp_path: Path, settings: Settings, clock: FixedClock
) -> Iterator[MainWindow]:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, "right one")
    store: Store = open_store(db, clock=clock)
    with store.write() as uow:
        services.create_account(uow, "Acme Corp")
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    store.close()


def test_wrong_passphrase_on_the_lock_screen_waits_longer_each_time(
    passphrase_window: MainWindow, qtbot: QtBot
) -> None:
    now = FakeTime()
    screen = lock_screen_for(passphrase_window, now)
    screen.lock()
    assert screen.field.isVisible()
    screen.field.setText("wrong")
    screen.submit()
    qtbot.waitUntil(lambda: "Wrong passphrase" in screen.message.text())
    assert screen.gate.backoff.remaining() == 0.5 and not screen.button.isEnabled()
    screen.field.setText("right one")
    screen.submit()  # ignored while waiting
    assert screen.is_locked
    now.t += 0.5
    screen.gate.tick()
    assert screen.button.isEnabled()
    screen.field.setText("still wrong")
    screen.submit()
    qtbot.waitUntil(lambda: screen.gate.backoff.failures == 2)
    assert screen.gate.backoff.remaining() == 1.0
    now.t += 1
    screen.gate.tick()
    screen.field.setText("right one")
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        screen.submit()
    assert "Acme Corp" in visible_texts()


def test_backoff_is_capped_at_30_seconds() -> None:
    from ui.unlock import Backoff

    b = Backoff(FakeTime())
    assert [b.fail() for _ in range(9)] == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]


def test_passphrase_dialog_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, "ouvre-toi ✓")
    open_store(db).close()
    unlock.forget()
    now = FakeTime()
    dialog = PassphraseDialog(db, now=now)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText("nope")
    dialog.submit()
    qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.message.text())
    assert not dialog.unlock_button.isEnabled()
    now.t += 1
    dialog.gate.tick()
    assert dialog.unlock_button.isEnabled()
    dialog.field.setText("")
    dialog.submit()
    assert dialog.message.text() == "Enter the passphrase."
    dialog.field.setText("ouvre-toi ✓")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    open_store(db).close()  # the key is remembered for this process


def test_keyring_problem_dialog_recovers_with_a_file(
    qtbot: QtBot, db_path: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_store(db_path)
    banner = RecoveryBanner(store)
    qtbot.addWidget(banner)
    target = tmp_path / "rec.json"
    with qtbot.waitSignal(banner.saved):
        banner.save_to(str(target))
    store.close()
    assert json.loads(target.read_text())["database"] == "relasi.db"
    memory_keyring.secrets.clear()
    try:
        open_store(db_path)
    except keys.KeyMissingError as exc:
        error = exc
    dialog = KeyringProblemDialog(db_path, error)
    qtbot.addWidget(dialog)
    dialog.show()
    bad = tmp_path / "bad.json"
    shutil.copyfile(db_path, bad)
    dialog.use_recovery(str(bad))
    qtbot.waitUntil(lambda: "not a Relasi recovery file" in dialog.message.text())
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.use_recovery(str(target))
    assert dialog.choice == "recovered"
    open_store(db_path).close()


@pytest.mark.parametrize("language", ["en", "id"])
def test_keyring_button_is_as_wide_as_its_text(
    window: MainWindow, qtbot: QtBot, language: str
) -> None:
    from ui.settings_dialog import apply_language

    screen = lock_screen_for(window, FakeTime())
    try:
        apply_language(language)
        window.resize(480, 360)
        screen.lock()
        text = screen.button.text()
        assert text == (
            "Unlock with the system keyring"
            if language == "en"
            else "Buka kunci dengan keyring sistem"
        )
        qtbot.waitUntil(lambda: screen.button.width() > 0)
        needed = screen.button.fontMetrics().horizontalAdvance(text)
        assert screen.button.sizeHint().width() > needed
        assert screen.button.width() > needed  # the layout gave it that width
        hint = screen.hint
        assert hint.height() >= hint.heightForWidth(hint.width())  # no wrapped line cut off
        assert hint.width() >= min(hint.fontMetrics().horizontalAdvance(hint.text()), 400)
    finally:
        screen.unlock()
        apply_language("en")
