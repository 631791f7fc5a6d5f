"""Settings: switching the database to a passphrase re-keys it after the window closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from models import services
from models.queries.clients import client_names
from models.store import open_store
from models.vault import unlock
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog


def test_use_a_passphrase_from_settings(
    qtbot: QtBot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sec.db"
    store = open_store(path)
    with store.write() as uow:
        services.create_account(uow, "Kept Through Re-key")
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    answers = iter(["kunci rahasia", "kunci rahasia"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.keyring_button.isHidden()
    dialog.passphrase_button.click()
    assert window.pending_action is not None and not window.isVisible()
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
    unlock.forget()
