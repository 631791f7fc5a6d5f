"""Backups and checks from the window: File ▸ Back up now, File ▸ Restore from
backup…, Tools ▸ Check database, and the daily backup after start. The work runs
in workers (ui/safety.py); restoring a backup needs the store closed, so the window
closes, the backup is put in place, and both open again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from models.vault.integrity import CheckResult
from models.vault.restore import restore_backup
from ui.safety import BackupRestoreDialog, back_up_now, check_database, daily_backup
from ui.window_host import WindowHost


class BackupActions(QObject):
    def __init__(self, host: WindowHost, is_locked: Callable[[], bool]) -> None:
        super().__init__(host.window())
        self.host = host
        self.is_locked = is_locked

    def back_up(self) -> None:
        back_up_now(self.host.window(), self.host.store, self.host.notify)

    def start_daily_backup(self) -> None:
        if not self.is_locked():
            daily_backup(self.host.window(), self.host.store, self.host.notify)

    def restore_backup_from_ui(self) -> None:
        """Pick a backup; the window then closes, restores it and opens again."""
        host = self.host
        dialog = BackupRestoreDialog(host.store, host.window())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            chosen, path, key = dialog.chosen, host.store.path, host.store.key
            host.reopen_after(lambda: restore_backup(path, chosen, key))

    def check(self) -> None:
        host = self.host
        host.notify(self.tr("Checking the database…"))

        def done(result: CheckResult) -> None:
            if result.ok:
                host.notify(self.tr("The database is healthy."))
                QMessageBox.information(
                    host.window(), self.tr("Check database"), self.tr("No problems found.")
                )
                return
            answer = QMessageBox.warning(
                host.window(),
                self.tr("Check database"),
                self.tr("The check found problems:\n\n{0}\n\nRestore from a backup?").format(
                    "\n".join(result.problems[:10])
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restore_backup_from_ui()

        check_database(host.window(), host.store, done)
