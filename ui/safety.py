"""Backups, backup restore and integrity checks in the window: File ▸ Back up now,
File ▸ Restore from backup…, Tools ▸ Check database, the daily backup after start,
and what to do with a damaged database at start.

The work itself is in models.vault.backup and models.vault.integrity; here it runs in a worker
thread with a progress dialog and Cancel, and the results come back as messages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.store import Store
from models.vault.backup import (
    BackupCancelled,
    BackupInfo,
    BackupResult,
    backup_store,
    list_backups,
    needs_daily_backup,
)
from models.vault.integrity import CheckResult, full_check
from ui import formatting
from ui.row_table import RowTableModel
from ui.workers import Progress, message_of, run_in_thread

Index = QModelIndex | QPersistentModelIndex


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def back_up_now(parent: QWidget, store: Store, on_done: Callable[[str], None]) -> Progress:
    """Back up in a worker with a progress dialog and Cancel; ``on_done`` gets a message."""
    progress = Progress(parent)
    dialog = QProgressDialog(
        QCoreApplication.translate("safety", "Backing up the database…"),
        QCoreApplication.translate("safety", "Cancel"),
        0,
        100,
        parent,
    )
    dialog.setObjectName("backupProgress")
    dialog.setWindowTitle(QCoreApplication.translate("safety", "Back up"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(progress.cancel)

    def show(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    progress.changed.connect(show)

    def finished(result: Any) -> None:
        dialog.reset()
        assert isinstance(result, BackupResult)
        on_done(
            QCoreApplication.translate("safety", "Backed up to {0} ({1}).").format(
                result.path.name, _size(result.bytes)
            )
        )

    def failed(exc: BaseException) -> None:
        dialog.reset()
        if isinstance(exc, BackupCancelled):
            on_done(QCoreApplication.translate("safety", "Backup cancelled; nothing was written."))
        else:
            on_done(
                QCoreApplication.translate("safety", "Backup failed: {0}").format(message_of(exc))
            )

    run_in_thread(
        lambda: backup_store(store, reason="manual", progress=progress.report),
        finished,
        failed,
        parent,
        name="relasi-backup",
    )
    return progress


def daily_backup(parent: QWidget, store: Store, on_done: Callable[[str], None]) -> bool:
    """Start the day's backup in the background if the newest is a day old; no dialog."""
    if not needs_daily_backup(store.path, store.clock.now()):
        return False
    run_in_thread(
        lambda: backup_store(store, reason="daily"),
        lambda result: on_done(
            QCoreApplication.translate("safety", "Daily backup made: {0}").format(result.path.name)
        ),
        lambda exc: on_done(
            QCoreApplication.translate("safety", "Daily backup failed: {0}").format(message_of(exc))
        ),
        parent,
        name="relasi-daily-backup",
    )
    return True


def check_database(parent: QWidget, store: Store, on_done: Callable[[CheckResult], None]) -> None:
    """Run the full integrity check in a worker; ``on_done`` gets the result."""

    def failed(exc: BaseException) -> None:
        on_done(CheckResult(ok=False, problems=[message_of(exc)]))

    run_in_thread(lambda: full_check(store), on_done, failed, parent, name="relasi-check")


class BackupListModel(RowTableModel):
    """The backups of a database, newest first, with their row counts."""

    def __init__(self, backups: list[BackupInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self.set_rows(backups)

    @property
    def backups(self) -> list[BackupInfo]:
        return self.rows

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Taken"), self.tr("Size"), self.tr("Clients"), self.tr("Entries"))

    def cell(self, b: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return b.error or str(b.path)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return formatting.date_time(b.taken_at)
        if column == 1:
            return _size(b.size)
        if b.counts is None:
            return self.tr("unreadable")
        return str(b.counts.get("accounts" if column == 2 else "interactions", 0))


class BackupRestoreDialog(QDialog):
    """File ▸ Restore from backup: pick a backup; the window then restores and restarts."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupRestoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.chosen: Path | None = None
        self.model = BackupListModel(list_backups(store.path, store.key), self)
        self.view = QTableView(self)
        self.view.setObjectName("backupList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        intro = QLabel(
            self.tr(
                "Restoring replaces the database with the chosen backup. The current "
                "database is backed up first, so this can be undone by restoring that."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.restore_backup_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_backup_button.setObjectName("restoreBackupButton")
        self.restore_backup_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_backup_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.restore_backup_button.clicked.connect(self._confirm)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_backup_button.setEnabled(self._selected() is not None)
        )
        empty = QLabel(self.tr("No backups yet. Use File ▸ Back up now to make one."), self)
        empty.setVisible(not self.model.backups)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(560, 380)
        if self.model.backups:
            self.view.selectRow(0)

    def _selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        b = self.model.backups[rows[0].row()]
        return b if b.counts is not None else None

    def _confirm(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr("Replace the database with the backup of {0}? Relasi will restart.").format(
                formatting.date_time(chosen.taken_at)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = chosen.path
            self.accept()
