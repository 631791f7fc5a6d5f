"""Backups and checks from the window: Back up now, the daily backup, Check database,
and File ▸ Restore from backup… — real dialogs, answered by a scripted user."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.queries.clients import client_names
from models.queries.stats import live_counts
from models.store import open_store
from models.vault.backup import backup_database, backup_name, backups_dir, list_backups
from tests.models.test_backup import damage
from tests.ui.user import Script, click
from ui import formatting
from ui.main_window import MainWindow
from ui.safety import BackupRestoreDialog


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def back_up(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_["actionBackup"].trigger()  # File ▸ Back up now
    qtbot.waitUntil(lambda: "Backed up to" in status(window), timeout=10_000)


def test_back_up_now_writes_a_verified_backup(window: MainWindow, qtbot: QtBot) -> None:
    back_up(window, qtbot)
    backups = list_backups(window.store.path, window.store.key)
    assert len(backups) == 1 and backups[0].counts is not None
    assert backups[0].counts["accounts"] == 3
    assert backups[0].path.parent == backups_dir(window.store.path)
    assert status(window).startswith(f"Backed up to {backups[0].path.name} (")
    assert status(window).endswith(" KB).")


def test_a_failed_backup_is_reported(window: MainWindow, qtbot: QtBot) -> None:
    backups_dir(window.store.path).write_text("a file where the folder goes")
    window.actions_["actionBackup"].trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Backup failed: "), timeout=10_000)
    assert backups_dir(window.store.path).read_text() == "a file where the folder goes"


def test_daily_backup_once_a_day(window: MainWindow, qtbot: QtBot, clock: FixedClock) -> None:
    window.backup_actions.start_daily_backup()
    qtbot.waitUntil(lambda: status(window).startswith("Daily backup made: "), timeout=10_000)
    assert len(list_backups(window.store.path, window.store.key)) == 1
    window.statusBar().clearMessage()
    clock.advance(timedelta(hours=23))
    window.backup_actions.start_daily_backup()  # not a day yet: nothing
    assert len(list_backups(window.store.path, window.store.key)) == 1
    clock.advance(timedelta(hours=1))
    window.backup_actions.start_daily_backup()
    qtbot.waitUntil(
        lambda: len(list_backups(window.store.path, window.store.key)) == 2, timeout=10_000
    )
    qtbot.waitUntil(lambda: status(window).startswith("Daily backup made: "))


def test_no_daily_backup_while_locked(window: MainWindow, qtbot: QtBot) -> None:
    window.lock()
    window.backup_actions.start_daily_backup()
    for worker in threading.enumerate():  # a worker wrongly started: wait for its file
        if worker.name == "relasi-daily-backup":
            worker.join(10)
    assert list_backups(window.store.path, window.store.key) == []


def test_a_failed_daily_backup_is_reported(window: MainWindow, qtbot: QtBot) -> None:
    backups_dir(window.store.path).write_text("a file where the folder goes")
    window.backup_actions.start_daily_backup()
    qtbot.waitUntil(lambda: status(window).startswith("Daily backup failed: "), timeout=10_000)


def test_check_database_reports_healthy(window: MainWindow, qtbot: QtBot) -> None:
    script = Script().dialog(click("OK"), QMessageBox)
    with script:
        window.actions_["actionCheck"].trigger()  # Tools ▸ Check database
        qtbot.waitUntil(lambda: script.done, timeout=10_000)
    assert script.seen == ["Check database\nNo problems found."]
    assert script.unexpected == []
    assert status(window) == "The database is healthy."


def test_check_of_a_damaged_database_offers_a_restore(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.models.helpers import account

    for i in range(30):
        account(window.store, f"Client {i} " + "n" * 150, notes="n" * 1500)
    damage(window.store.path, pages=(10, 11))
    script = Script().dialog(click("No"), QMessageBox)
    with script:
        window.actions_["actionCheck"].trigger()
        qtbot.waitUntil(lambda: script.done, timeout=10_000)
    assert script.unexpected == []
    assert script.seen[0].startswith("Check database\nThe check found problems:")
    assert script.seen[0].endswith("Restore from a backup?")
    assert window.pending_action is None and window.isVisible()  # No: nothing else


def two_backups_and_a_broken_one(window: MainWindow) -> None:
    """An older backup with 3 clients, a newer one with 4, and a junk file between.

    Dated in the last hours of the real clock: the restore's own safety backup runs on
    the real clock, and its rotation would delete older ones (see the report on
    models.vault.restore: it can delete the very backup being restored)."""
    from tests.models.helpers import account

    path, key = window.store.path, window.store.key
    hours_ago = datetime.now(UTC) - timedelta(hours=3)
    backup_database(path, key, clock=FixedClock(hours_ago))
    junk = backups_dir(path) / backup_name(hours_ago + timedelta(minutes=30))
    junk.write_bytes(b"\x00" * 8192)
    account(window.store, "Added Later")
    backup_database(path, key, clock=FixedClock(hours_ago + timedelta(hours=1)))


def test_restore_dialog_lists_backups_newest_first(window: MainWindow, qtbot: QtBot) -> None:
    two_backups_and_a_broken_one(window)
    dialog = BackupRestoreDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    backups = model.backups
    assert [b.taken_at for b in backups] == sorted((b.taken_at for b in backups), reverse=True)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert [r[0] for r in rows] == [formatting.date_time(b.taken_at) for b in backups]
    assert [r[2:] for r in rows] == [["4", "2"], ["unreadable", "unreadable"], ["3", "2"]]
    assert rows[1][1] == "8.0 KB"
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, 0).data(tip) == str(backups[0].path)
    assert model.index(1, 0).data(tip) == backups[1].error and backups[1].error
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Clients"
    # The newest is chosen; an unreadable one cannot be restored.
    assert dialog.restore_backup_button.isEnabled()
    dialog.view.selectRow(1)
    assert not dialog.restore_backup_button.isEnabled()
    with Script() as script:
        dialog.restore_backup_button.click()  # disabled: nothing is asked
    assert script.unexpected == [] and dialog.chosen is None
    dialog.view.clearSelection()
    assert not dialog.restore_backup_button.isEnabled()


def test_restore_asks_then_restores_the_chosen_backup_after_closing(
    window: MainWindow, qtbot: QtBot
) -> None:
    two_backups_and_a_broken_one(window)
    older = list_backups(window.store.path, window.store.key)[2]

    def choose_the_oldest(dialog: object) -> None:
        assert isinstance(dialog, BackupRestoreDialog)
        dialog.view.selectRow(2)
        dialog.restore_backup_button.click()

    script = (
        Script()
        .dialog(choose_the_oldest, BackupRestoreDialog)
        .dialog(click("Cancel"), QMessageBox)  # changed their mind ...
        .dialog(click("Restore…"), BackupRestoreDialog, again=True)  # the list stayed open
        .dialog(click("Yes"), QMessageBox)  # ... and then not
    )
    with script:
        window.actions_["actionRestoreBackup"].trigger()  # File ▸ Restore from backup…
    assert script.done and script.unexpected == []
    assert "Replace the database with the backup of" in script.seen[1]
    assert formatting.date_time(older.taken_at) in script.seen[1]
    assert window.pending_action is not None and not window.isVisible()
    path = window.store.path
    window.store.close()  # what run_gui does once the window closed
    window.pending_action()
    restored = open_store(path)
    try:
        assert sorted(n for _, n in client_names(restored)) == [
            "Acme Corp",
            "Globex Inc",
            "PT Kopi Nusantara",
        ]
        assert live_counts(restored)["accounts"] == 3
    finally:
        restored.close()
