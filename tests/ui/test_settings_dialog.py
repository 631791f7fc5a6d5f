"""Edit ▸ Settings: choices saved and applied at once (language, reminders, idle lock);
the database key switched between keyring and passphrase through real prompts, the
re-key done after the window closes (what run_gui does with ``pending_action``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries.clients import client_names
from models.store import Store, open_store
from models.vault import unlock
from tests.ui.user import Script, click
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog, apply_language


def open_settings(window: MainWindow, qtbot: QtBot) -> SettingsDialog:
    """Edit ▸ Settings…, as the menu opens it."""
    window.actions_["actionSettings"].trigger()
    shown = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(shown) == 1 and shown[0].objectName() == "settingsDialog"
    return shown[0]


def answer(text: str) -> Callable[[QWidget], None]:
    """A prompt step: type ``text`` in the input dialog and press OK."""

    def act(prompt: QWidget) -> None:
        assert isinstance(prompt, QInputDialog)
        field = prompt.findChild(QLineEdit)
        assert field is not None and field.echoMode() == QLineEdit.EchoMode.Password
        field.setText(text)
        click("OK")(prompt)

    return act


def test_choices_are_saved_and_applied(
    window: MainWindow, qtbot: QtBot, settings: Settings
) -> None:
    dialog = open_settings(window, qtbot)
    assert dialog.language.currentData() == ""  # follow the system, until chosen
    assert dialog.reminders.isChecked() and dialog.lock_minutes.value() == 15
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    dialog.reminders.setChecked(False)
    dialog.lock_minutes.setValue(5)
    try:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()
        assert (settings.language, settings.reminders, settings.lock_minutes) == ("id", False, 5)
        assert window.idle.minutes == 5
        qtbot.waitUntil(lambda: window.actions_.menus["file"].title() == "&Berkas")
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: window.actions_.menus["file"].title() == "&File")


def test_never_locking_and_cancel(window: MainWindow, qtbot: QtBot, settings: Settings) -> None:
    dialog = open_settings(window, qtbot)
    dialog.lock_minutes.setValue(0)
    assert dialog.lock_minutes.text() == "Never"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.lock_minutes == 0 and window.idle.minutes == 10**6  # never
    dialog = open_settings(window, qtbot)
    dialog.lock_minutes.setValue(30)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert settings.lock_minutes == 0  # Cancel keeps what was there


def test_without_a_database_the_key_cannot_be_changed(qtbot: QtBot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.security.text() == "A random key kept in the system keyring."
    assert not dialog.passphrase_button.isEnabled() and dialog.keyring_button.isHidden()
    dialog.show()
    with Script() as script:  # even if reached another way: no prompt, nothing closes
        dialog._use_passphrase()
        dialog._use_keyring()
    assert script.unexpected == [] and dialog.isVisible()


def test_keyring_database_switches_to_a_passphrase(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "sec.db"
    store = open_store(path)
    with store.write() as uow:
        services.create_account(uow, "Kept Through Re-key")
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    dialog = open_settings(window, qtbot)
    assert dialog.security.text() == "A random key kept in the system keyring."
    assert dialog.passphrase_button.text() == "Use a passphrase instead…"
    assert dialog.keyring_button.isHidden()
    script = (
        Script()
        .dialog(answer("kunci rahasia"), QInputDialog)
        .dialog(answer("kunci rahasia"), QInputDialog)
        .dialog(click("OK"), QMessageBox)
    )
    with script:
        dialog.passphrase_button.click()
    assert script.done and script.unexpected == []
    assert "New passphrase:" in script.seen[0]
    assert "The new passphrase again:" in script.seen[1]
    assert "re-encrypts the database and opens it again" in script.seen[2]
    assert window.pending_action is not None and not window.isVisible()
    assert unlock.read_state(path).mode == unlock.MODE_KEYRING  # not before the store closes
    store.close()  # what run_gui does after the window closed
    window.pending_action()
    assert unlock.read_state(path).mode == unlock.MODE_PASSPHRASE
    unlock.forget()
    with pytest.raises(unlock.PassphraseRequiredError):
        open_store(path)
    unlock.unlock_with_passphrase(path, "kunci rahasia")
    reopened = open_store(path)
    assert [n for _, n in client_names(reopened)] == ["Kept Through Re-key"]
    reopened.close()


@pytest.fixture
def passphrase_window(
    qtbot: QtBot, tmp_path: Path, settings: Settings, clock: FixedClock
) -> Iterator[MainWindow]:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, "lama")
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
    unlock.forget()


def test_passphrase_is_changed_after_asking_the_current_one(
    passphrase_window: MainWindow, qtbot: QtBot
) -> None:
    window = passphrase_window
    path = window.store.path
    dialog = open_settings(window, qtbot)
    assert dialog.security.text() == "Protected by a passphrase, asked at every start."
    assert dialog.passphrase_button.text() == "Change the passphrase…"
    assert dialog.keyring_button.isVisible()
    script = (
        Script()
        .dialog(answer("lama"), QInputDialog)
        .dialog(answer("baru"), QInputDialog)
        .dialog(answer("baru"), QInputDialog)
        .dialog(click("OK"), QMessageBox)
    )
    with script:
        dialog.passphrase_button.click()
    assert script.done and script.unexpected == []
    assert "Current passphrase:" in script.seen[0]
    assert window.pending_action is not None
    window.store.close()
    window.pending_action()
    unlock.forget()
    with pytest.raises(unlock.WrongPassphraseError):
        unlock.unlock_with_passphrase(path, "lama")
    unlock.unlock_with_passphrase(path, "baru")
    open_store(path).close()


@pytest.mark.parametrize(
    ("answers", "warned"),
    [
        pytest.param(["cancel"], False, id="current-cancelled"),
        pytest.param(["lama", ""], False, id="empty-new"),
        pytest.param(["lama", "cancel"], False, id="new-cancelled"),
        pytest.param(["lama", "satu", "dua"], True, id="entries-differ"),
    ],
)
def test_nothing_changes_unless_both_entries_match(
    passphrase_window: MainWindow, qtbot: QtBot, answers: list[str], warned: bool
) -> None:
    window = passphrase_window
    dialog = open_settings(window, qtbot)
    script = Script()
    for text in answers:
        script.dialog(click("Cancel") if text == "cancel" else answer(text), QInputDialog)
    if warned:
        script.dialog(click("OK"), QMessageBox)
    with script:
        dialog.passphrase_button.click()
    assert script.done and script.unexpected == []
    if warned:
        assert "The two entries differ." in script.seen[-1]
    assert window.pending_action is None and window.isVisible()
    assert dialog.isVisible()  # still open, to try again
    assert unlock.read_state(window.store.path).mode == unlock.MODE_PASSPHRASE


def test_passphrase_database_goes_back_to_the_keyring(
    passphrase_window: MainWindow, qtbot: QtBot
) -> None:
    window = passphrase_window
    path = window.store.path
    dialog = open_settings(window, qtbot)
    with Script() as script:  # no prompt: the passphrase was given at start
        dialog.keyring_button.click()
    assert script.unexpected == []
    assert window.pending_action is not None and not window.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected  # closed, nothing else to save
    window.store.close()
    window.pending_action()
    assert unlock.read_state(path).mode == unlock.MODE_KEYRING
    unlock.forget()
    open_store(path).close()  # opens with the key from the keyring, no passphrase
