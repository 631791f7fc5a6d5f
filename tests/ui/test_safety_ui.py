"""Backups and checks from the window: Back up now, Check database, Restore list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.vault.backup import backups_dir, list_backups
from ui.main_window import MainWindow
from ui.safety import BackupRestoreDialog


def test_back_up_now_writes_a_verified_backup(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_["actionBackup"].trigger()
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=10_000)
    backups = list_backups(window.store.path, window.store.key)
    assert len(backups) == 1 and backups[0].counts is not None
    assert backups[0].counts["accounts"] == 3
    assert backups[0].path.parent == backups_dir(window.store.path)


def test_check_database_reports_healthy(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *a: shown.append(text)
    )
    window.actions_["actionCheck"].trigger()
    qtbot.waitUntil(lambda: shown == ["No problems found."], timeout=10_000)


def test_restore_dialog_lists_backups_newest_first(window: MainWindow, qtbot: QtBot) -> None:
    window.backup_actions.back_up()
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage(), timeout=10_000)
    dialog = BackupRestoreDialog(window.store, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == "3"  # clients in the backup
    assert dialog.restore_backup_button.isEnabled()
    assert isinstance(dialog.model.backups[0].path, Path)
