"""The main window: a composition of the client list, timeline and follow-up panes,
wired to the undo stack, the change hub, reminders and settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from models import services
from models.errors import RelasiError
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.rows import FollowUpRow
from models.store import Changes, Store
from models.vault.integrity import CheckResult
from models.vault.restore import restore_backup
from models.vault.unlock import Reauth
from ui.client_list import ClientListPane
from ui.commands import (
    DeleteCommand,
    StoreCommand,
    UndoStack,
    UpdateCommand,
    create_one,
    perform,
)
from ui.dialogs import (
    AccountDialog,
    ContactDialog,
    DealDialog,
    FollowUpDialog,
    InteractionDialog,
)
from ui.followups import FollowUpsPane
from ui.hub import ChangeHub
from ui.icons import app_icon, icon
from ui.labels import kind_label
from ui.lock_screen import IdleWatcher, LockScreen
from ui.palette import CommandPalette
from ui.qtime import qdatetime, to_utc
from ui.reminders import Reminders
from ui.safety import RestoreDialog, back_up_now, check_database, daily_backup
from ui.settings import Settings
from ui.timeline import TimelinePane
from ui.trash import TrashDialog
from ui.unlock import RecoveryBanner
from ui.window_actions import WindowActions


class Banner(QFrame):
    """An in-window message with an action, e.g. a follow-up that just fell due."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        icon_label = QLabel(self)
        icon_label.setPixmap(icon("bell", "#bf8700").pixmap(18, 18))
        layout.addWidget(icon_label)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self.hide()


class MainWindow(QMainWindow):
    def __init__(
        self, store: Store, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.store = store
        self.settings = settings or Settings()
        self.stack = UndoStack(self, on_error=self.show_error)
        self.stack.setObjectName("undoStack")
        self.hub = ChangeHub(store, self)
        self.setWindowIcon(app_icon())

        self.clients = ClientListPane(store, self)
        self.timeline = TimelinePane(store, self)
        self.followups = FollowUpsPane(store, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.clients, self.timeline, self.followups):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.banner = Banner(self)
        self._banner_account = ""
        self.banner.open_button.clicked.connect(self._open_banner_client)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.actions_ = WindowActions(self, self.stack)
        self._connect()
        from ui.import_commands import DropHandler

        # files dropped on the window or the timeline
        self.drops = DropHandler(
            self, self.timeline, store, self.stack, lambda: self.current_client, self.import_file
        )
        self.reminders = Reminders(store, self)
        self.reminders.due.connect(self.remind)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip("Relasi")
            self.tray.activated.connect(lambda _reason: self.raise_window())
            self.tray_menu = QMenu(self)
            self.tray.setContextMenu(self.tray_menu)
            self.tray.show()
        self._pending_reminders: list[FollowUpRow] = []
        # Work that needs the store closed (restore, re-key): run_gui runs it after the
        # window closes, then opens the store and a new window again.
        self.pending_action: Callable[[], object] | None = None
        self.lock_screen = LockScreen(self, Reauth(store.path, store.key))
        self.lock_screen.install_shortcut()
        self.lock_screen.unlocked.connect(self._after_unlock)
        self.idle = IdleWatcher(self.settings.lock_minutes or 10**6, parent=self)
        self.idle.idle.connect(self.lock)
        self.recovery_banner: RecoveryBanner | None = None
        if not self.settings.recovery_offered:
            # Offered in a banner, never a modal box that would stop a script.
            self.recovery_banner = RecoveryBanner(store, central)
            column.insertWidget(0, self.recovery_banner)
            self.recovery_banner.saved.connect(self._recovery_done)
            self.recovery_banner.dismissed.connect(self._recovery_done)
        self._restore_settings()
        self.retranslate()
        if self.tray is not None:
            self.tray_menu.addAction(self.actions_["actionQuickCapture"])
            self.tray_menu.addAction(self.tr("Show Relasi"), self.raise_window)
            self.tray_menu.addSeparator()
            self.tray_menu.addAction(self.actions_["actionQuit"])
        self.reminders.start()
        self._update_actions()

    # -- wiring -------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions_
        self.hub.changed.connect(self.apply_changes)
        self.clients.client_selected.connect(self.select_client)
        self.clients.client_activated.connect(lambda _id: self.timeline.composer.setFocus())
        self.clients.delete_requested.connect(self.delete_client)
        self.timeline.save_note.connect(self.save_note)
        self.timeline.edit_entry.connect(self.edit_entry)
        self.timeline.header.open_link.connect(self.open_link)
        self.followups.complete.connect(self.complete_followup)
        self.followups.snooze.connect(self.snooze_followup)
        self.followups.edit.connect(self.edit_followup)
        self.followups.create_requested.connect(self.new_followup)
        self.followups.scope_changed.connect(a["actionAllFollowUps"].setChecked)
        a["actionAllFollowUps"].toggled.connect(self.followups.set_all_clients)
        a["actionNewClient"].triggered.connect(self.new_client)
        a["actionNewEntry"].triggered.connect(self.new_entry)
        a["actionQuickCapture"].triggered.connect(self.quick_capture)
        a["actionEditClient"].triggered.connect(self.edit_client)
        a["actionDeleteClient"].triggered.connect(lambda: self.delete_client(self.current_client))
        a["actionNewContact"].triggered.connect(self.new_contact)
        a["actionNewDeal"].triggered.connect(self.new_deal)
        a["actionNewFollowUp"].triggered.connect(self.new_followup)
        a["actionEditEntry"].triggered.connect(
            lambda: self.edit_entry(self.timeline.current_entry())
        )
        a["actionDeleteEntry"].triggered.connect(self.delete_entry)
        a["actionTrash"].triggered.connect(self.show_trash)
        a["actionSettings"].triggered.connect(self.show_settings)
        a["actionQuit"].triggered.connect(self.close)
        a["actionFind"].triggered.connect(self.focus_search)
        a["actionJump"].triggered.connect(self.show_palette)
        a["actionRefresh"].triggered.connect(self.refresh)
        a["actionAbout"].triggered.connect(self.about)
        a["actionBackup"].triggered.connect(self.back_up)
        a["actionRestore"].triggered.connect(self.restore)
        a["actionCheck"].triggered.connect(self.check)
        a["actionLock"].triggered.connect(self.lock)
        a["actionImport"].triggered.connect(lambda: self.import_file())
        a["actionExport"].triggered.connect(self.export_data)
        a["actionUndoImport"].triggered.connect(self.show_imports)
        self.timeline.view.addAction(a["actionEditEntry"])
        self.timeline.view.addAction(a["actionDeleteEntry"])
        self.timeline.view.selectionModel().currentChanged.connect(
            lambda *_: self._update_actions()
        )

    @property
    def current_client(self) -> str:
        return self.timeline.account_id

    def select_client(self, account_id: str) -> None:
        self.timeline.set_account(account_id)
        self.followups.set_account(account_id)
        self.settings.last_client_id = account_id
        self._update_actions()

    def _update_actions(self) -> None:
        has_client = bool(self.current_client)
        for name in (
            "actionNewEntry",
            "actionEditClient",
            "actionDeleteClient",
            "actionNewContact",
            "actionNewDeal",
            "actionNewFollowUp",
        ):
            self.actions_[name].setEnabled(has_client)
        has_entry = bool(self.timeline.current_entry())
        self.actions_["actionEditEntry"].setEnabled(has_entry)
        self.actions_["actionDeleteEntry"].setEnabled(has_entry)

    def apply_changes(self, changes: Changes) -> None:
        """Every pane updates what the change touched; selection and scroll stay."""
        self.clients.apply_changes(changes)
        self.timeline.apply_changes(changes)
        self.followups.apply_changes(changes)
        if self.current_client and self.current_client in changes.of("account"):
            detail = self.timeline.detail  # just re-read by the timeline pane
            if detail is None or detail.deleted_at is not None:
                self.select_client(self.clients.current_id())

    def refresh(self) -> None:
        self.clients.refresh()
        self.timeline.set_account(self.current_client)
        self.followups.refresh()

    # -- doing things ---------------------------------------------------------------------
    def run(self, command: StoreCommand) -> bool:
        try:
            perform(self.stack, command)
        except RelasiError as exc:
            self.show_error(exc)
            return False
        return True

    def show_error(self, error: RelasiError) -> None:
        QMessageBox.warning(self, self.tr("Relasi"), error.message)

    def save_note(self, kind: str, text: str) -> None:
        account_id = self.current_client
        first, _, rest = text.partition("\n")
        subject = first.strip()[:120] if rest.strip() else ""
        body = rest.strip() if subject else text
        ok = self.run(
            create_one(
                self.store,
                self.tr("New {0}").format(kind_label(kind).lower()),
                "interaction",
                lambda uow: services.add_interaction(
                    uow, account_id, kind=kind, subject=subject, body=body
                ),
            )
        )
        if ok:
            self.timeline.clear_composer()

    def _dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_client(self) -> None:
        self._dialog(AccountDialog(self.store, self.stack, parent=self))

    def edit_client(self) -> None:
        if self.current_client:
            self._dialog(AccountDialog(self.store, self.stack, self.current_client, parent=self))

    def new_contact(self) -> None:
        if self.current_client:
            self._dialog(
                ContactDialog(self.store, self.stack, account_id=self.current_client, parent=self)
            )

    def open_link(self, kind: str, ref: str) -> None:
        if kind == "contact":
            self._dialog(ContactDialog(self.store, self.stack, contact_id=ref, parent=self))
        elif kind == "deal":
            self._dialog(DealDialog(self.store, self.stack, deal_id=ref, parent=self))

    def new_deal(self) -> None:
        if self.current_client:
            self._dialog(
                DealDialog(self.store, self.stack, account_id=self.current_client, parent=self)
            )

    def new_entry(self) -> None:
        if self.current_client:
            self.timeline.composer.setFocus()

    def edit_entry(self, interaction_id: str) -> None:
        if interaction_id:
            self._dialog(
                InteractionDialog(
                    self.store, self.stack, interaction_id=interaction_id, parent=self
                )
            )

    def delete_entry(self) -> None:
        if entry := self.timeline.current_entry():
            self.run(DeleteCommand(self.store, self.tr("Delete entry"), [("interaction", entry)]))

    def delete_client(self, account_id: str) -> None:
        if not account_id:
            return
        detail = client_queries.account_detail(self.store, account_id)
        name = detail.name if detail else ""
        self.run(
            DeleteCommand(
                self.store, self.tr("Move “{0}” to Trash").format(name), [("account", account_id)]
            )
        )

    def new_followup(self) -> None:
        if self.current_client:
            self._dialog(
                FollowUpDialog(self.store, self.stack, account_id=self.current_client, parent=self)
            )

    def edit_followup(self, followup_id: str) -> None:
        self._dialog(FollowUpDialog(self.store, self.stack, followup_id=followup_id, parent=self))

    def complete_followup(self, followup_id: str, done: bool) -> None:
        row = followup_queries.followup(self.store, followup_id)
        title = row.title if row else ""
        text = (self.tr("Complete “{0}”") if done else self.tr("Reopen “{0}”")).format(title)
        self.run(
            UpdateCommand(
                self.store,
                text,
                services.update_followup,
                followup_id,
                {"done_at": self.store.clock.now() if done else None},
            )
        )

    def snooze_followup(self, followup_id: str, until: datetime | None) -> None:
        if until is None:
            until = self._ask_datetime()
            if until is None:
                return
        row = followup_queries.followup(self.store, followup_id)
        title = row.title if row else ""
        self.run(
            UpdateCommand(
                self.store,
                self.tr("Snooze “{0}”").format(title),
                services.update_followup,
                followup_id,
                {"snoozed_until": until},
            )
        )

    def _ask_datetime(self) -> datetime | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Snooze until"))
        edit = QDateTimeEdit(qdatetime(self.store.clock.now()), dialog)
        edit.setCalendarPopup(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(edit)
        layout.addWidget(buttons)
        return to_utc(edit.dateTime()) if dialog.exec() == QDialog.DialogCode.Accepted else None

    def quick_capture(self) -> QDialog:
        from ui.quick_capture import QuickCaptureDialog

        dialog = QuickCaptureDialog(self.store, self.stack, self.current_client or None, self)
        dialog.saved.connect(self.jump_to)  # a client may have been created on the way
        self._dialog(dialog)
        return dialog

    def show_trash(self) -> None:
        self._dialog(TrashDialog(self.store, self.stack, self))

    def show_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        self._dialog(SettingsDialog(self.settings, self))

    # -- import and export (ui/import_wizard.py, ui/export_dialog.py, ui/import_commands.py)
    def import_file(self, path: str = "") -> QDialog:
        from ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.store, self.stack, self)
        self._dialog(wizard)
        if path:
            wizard.file_page.path_edit.setText(path)
            wizard.next()
        return wizard

    def export_data(self) -> QDialog:
        from ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.store, self.current_client, self)
        self._dialog(dialog)
        return dialog

    def show_imports(self) -> QDialog:
        from ui.import_commands import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.store, self)
        self._dialog(dialog)
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.drops.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drops.drop_event(event)

    def focus_search(self) -> None:
        self.clients.search.setFocus()
        self.clients.search.selectAll()

    def show_palette(self) -> CommandPalette:
        palette = CommandPalette(self.store, self.actions_.all(), self)
        palette.client_chosen.connect(self.jump_to)
        palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        geometry = self.geometry()
        palette.move(geometry.center().x() - palette.width() // 2, geometry.top() + 80)
        palette.show()
        palette.input.setFocus()
        return palette

    def jump_to(self, account_id: str) -> None:
        if not self.clients.show_client(account_id):
            self.clients.clear_filters()
            self.clients.show_client(account_id)

    def about(self) -> None:
        from models.version import app_version

        QMessageBox.about(
            self,
            self.tr("About Relasi"),
            self.tr("Relasi {0}\nAn offline client-relationship organizer.").format(app_version()),
        )

    # -- backups and checks -------------------------------------------------------------
    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    def back_up(self) -> None:
        back_up_now(self, self.store, self.notify)

    def start_daily_backup(self) -> None:
        if not self.lock_screen.is_locked:
            daily_backup(self, self.store, self.notify)

    def restore(self) -> None:
        dialog = RestoreDialog(self.store, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            chosen, path, key = dialog.chosen, self.store.path, self.store.key
            self.reopen_after(lambda: restore_backup(path, chosen, key))

    def reopen_after(self, action: Callable[[], object]) -> None:
        """Close the window and store, run ``action``, and open both again."""
        self.pending_action = action
        self.close()

    def check(self) -> None:
        self.notify(self.tr("Checking the database…"))

        def done(result: CheckResult) -> None:
            if result.ok:
                self.notify(self.tr("The database is healthy."))
                QMessageBox.information(
                    self, self.tr("Check database"), self.tr("No problems found.")
                )
                return
            answer = QMessageBox.warning(
                self,
                self.tr("Check database"),
                self.tr("The check found problems:\n\n{0}\n\nRestore from a backup?").format(
                    "\n".join(result.problems[:10])
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restore()

        check_database(self, self.store, done)

    # -- lock ---------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide every client detail behind the lock screen (Ctrl+L, or idle)."""
        self.banner.hide()
        if self.tray is not None:
            self.tray.setToolTip("Relasi")
        self.lock_screen.lock()

    def _after_unlock(self) -> None:
        self.idle.reset()
        pending, self._pending_reminders = self._pending_reminders, []
        for row in pending:
            self.remind(row)

    def _recovery_done(self, *_args: object) -> None:
        self.settings.recovery_offered = True
        if self.recovery_banner is not None:
            self.recovery_banner.hide()

    # -- reminders -------------------------------------------------------------------------
    def remind(self, row: FollowUpRow) -> None:
        if self.lock_screen.is_locked:  # nothing of the data shows while locked
            self._pending_reminders.append(row)
            return
        text = self.tr("Due now: {0} — {1}").format(row.title, row.account_name)
        self.banner.label.setText(text)
        self._banner_account = row.account_id
        self.banner.show()
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(self.tr("Follow-up due"), text, app_icon(), 10_000)

    def _open_banner_client(self) -> None:
        if self._banner_account:
            self.jump_to(self._banner_account)
        self.banner.hide()

    def raise_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- settings and language ---------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        if s.geometry is not None:
            self.restoreGeometry(s.geometry)
        else:
            self.resize(1280, 800)
        if s.window_state is not None:
            self.restoreState(s.window_state)
        if s.splitter is not None:
            self.splitter.restoreState(s.splitter)
        else:
            self.splitter.setSizes([520, 560, 360])
        self.clients.set_sort(s.sort_column, s.sort_descending)
        self.followups.set_all_clients(s.followups_all_clients)
        self.actions_["actionAllFollowUps"].setChecked(s.followups_all_clients)
        last = s.last_client_id
        if not (last and self.clients.show_client(last)) and self.clients.model.rowCount():
            self.clients.view.selectRow(0)

    def save_settings(self) -> None:
        s = self.settings
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.splitter = self.splitter.saveState()
        s.sort_column = self.clients.model.filter.sort
        s.sort_descending = self.clients.model.filter.descending
        s.followups_all_clients = self.followups.all_clients
        s.last_client_id = self.current_client
        s.sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Relasi"))
        self.actions_.retranslate()
        self.clients.retranslate()
        self.timeline.retranslate()
        self.followups.retranslate()
        self.banner.open_button.setText(self.tr("Open client"))
        self.banner.dismiss_button.setText(self.tr("Dismiss"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.reminders.stop()
        self.idle.stop()
        self.hub.detach()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
