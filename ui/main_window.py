"""The main window: a composition of the client list, timeline and follow-up panes,
wired to the undo stack, the change hub, reminders and settings.

Menu and toolbar actions are made in ui/window_actions.py; what they do lives in
handlers named for what they hold (ui/record_actions.py, ui/followup_actions.py,
ui/backup_actions.py, ui/transfer_actions.py, ui/app_actions.py), which see the
window only as a :class:`ui.window_host.WindowHost`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError
from models.queries import clients as client_queries
from models.rows import FollowUpRow, SearchHit
from models.store import Changes, Store
from models.vault.unlock import Reauth
from ui import colours
from ui.app_actions import AppActions
from ui.backup_actions import BackupActions
from ui.client_list import ClientListPane
from ui.commands import StoreCommand, UndoStack, perform
from ui.competitors.actions import CompetitorActions
from ui.dashboard.action import DashboardAction
from ui.documents.window_actions import DocumentWindowActions
from ui.followup_actions import FollowUpActions
from ui.followups import FollowUpsPane
from ui.gifts.actions import GiftActions
from ui.hub import ChangeHub
from ui.icons import app_icon, refresh_icons
from ui.import_commands import DropHandler
from ui.lock_screen import IdleWatcher, LockScreen
from ui.pipeline.actions import PipelineActions
from ui.record_actions import RecordActions
from ui.reminder_banner import Banner
from ui.reminders import Reminders
from ui.reports.actions import ReportActions
from ui.search_actions import SearchActions
from ui.settings import Settings
from ui.sync_actions import SyncActions
from ui.timeline import TimelinePane
from ui.transfer_actions import TransferActions
from ui.unlock import RecoveryBanner
from ui.window_actions import WindowActions


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
        self._dark = colours.is_dark()

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
        self.banner = Banner(self, now=store.clock.now)
        self.banner.open_requested.connect(self.jump_to)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.actions_ = WindowActions(self, self.stack)
        self.record_actions = RecordActions(self, self.timeline)
        self.followup_actions = FollowUpActions(self)
        self.backup_actions = BackupActions(self, lambda: self.lock_screen.is_locked)
        self.transfer_actions = TransferActions(self)
        self.app_actions = AppActions(self, self._palette_actions)
        self.search_actions = SearchActions(
            self, self.timeline, self.record_actions, self.followup_actions
        )
        self.pipeline_actions = PipelineActions(self)
        self.competitor_actions = CompetitorActions(self)
        self.report_actions = ReportActions(self)
        self.dashboard_action = DashboardAction(self, self)
        self.gift_actions = GiftActions(self, self)
        self.sync_actions = SyncActions(
            self,
            self.hub,
            refresh=self.refresh,
            open_settings=self.app_actions.show_settings,
            undo=self.actions_.undo,
            is_locked=lambda: self.lock_screen.is_locked,
        )
        self.statusBar().addPermanentWidget(self.sync_actions.status)
        self._connect()
        # files dropped on the window or the timeline
        self.drops = DropHandler(
            self,
            self.timeline,
            store,
            self.stack,
            lambda: self.current_client,
            self.transfer_actions.import_file,
        )
        self.document_actions = DocumentWindowActions(self, self, self.timeline, self.drops)
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
        # Work that needs the store closed (backup restore, re-key): run_gui runs it after
        # the window closes, then opens the store and a new window again.
        self.pending_action: Callable[[], object] | None = None
        self.lock_screen = LockScreen(self, Reauth(store.path, store.key))
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
        self.apply_window_layout()
        self._apply_view_settings()
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
        records, followups = self.record_actions, self.followup_actions
        self.hub.changed.connect(self.apply_changes)
        self.clients.client_selected.connect(self.select_client)
        self.clients.client_activated.connect(lambda _id: self.timeline.composer.setFocus())
        self.clients.delete_requested.connect(records.delete_client)
        self.timeline.save_note.connect(records.save_note)
        self.timeline.edit_entry.connect(records.edit_entry)
        self.timeline.header.open_link.connect(records.open_link)
        self.followups.complete.connect(followups.complete)
        self.banner.done_requested.connect(lambda id_: followups.complete(id_, True))
        self.banner.snooze_requested.connect(followups.snooze)
        self.followups.snooze.connect(followups.snooze)
        self.followups.edit.connect(followups.edit)
        self.followups.create_requested.connect(followups.new)
        self.followups.scope_changed.connect(a["actionAllFollowUps"].setChecked)
        a["actionAllFollowUps"].toggled.connect(self.followups.set_all_clients)
        handlers: dict[str, Callable[[], object]] = {
            "actionNewClient": records.new_client,
            "actionNewEntry": records.new_entry,
            "actionEditClient": records.edit_client,
            "actionDeleteClient": lambda: records.delete_client(self.current_client),
            "actionNewContact": records.new_contact,
            "actionNewDeal": records.new_deal,
            "actionEditEntry": records.edit_current_entry,
            "actionDeleteEntry": records.delete_entry,
            "actionNewFollowUp": followups.new,
            "actionQuickCapture": self.app_actions.quick_capture,
            "actionTrash": self.app_actions.show_trash,
            "actionSettings": self.app_actions.show_settings,
            "actionJump": self.app_actions.show_palette,
            "actionSearchAll": self.search_actions.show_panel,
            "actionAbout": self.app_actions.about,
            "actionShortcuts": self.app_actions.show_shortcuts,
            "actionGuide": self.app_actions.show_guide,
            "actionBackup": self.backup_actions.back_up,
            "actionRestoreBackup": self.backup_actions.restore_backup_from_ui,
            "actionCheck": self.backup_actions.check,
            "actionImport": lambda: self.transfer_actions.import_file(),
            "actionExport": self.transfer_actions.export_data,
            "actionUndoImport": self.transfer_actions.show_imports,
            "actionQuit": self.close,
            "actionFind": self.focus_search,
            "actionRefresh": self.refresh,
            "actionLock": self.lock,
            "actionPipeline": self.pipeline_actions.show_board,
            "actionCompetitors": self.competitor_actions.show_view,
            "actionExportReview": self.report_actions.export_review,
            "actionExportBrief": self.report_actions.export_brief,
            "actionSyncNow": self.sync_actions.sync_now,
            "actionConflictLog": self.sync_actions.show_conflicts,
        }
        for name, handler in handlers.items():
            a[name].triggered.connect(lambda _checked=False, h=handler: h())
        self.timeline.view.addAction(a["actionEditEntry"])
        self.timeline.view.addAction(a["actionDeleteEntry"])
        self.timeline.view.selectionModel().currentChanged.connect(
            lambda *_: self._update_actions()
        )

    def _palette_actions(self) -> list[QAction]:
        """What the command palette can run: the menus' actions and the documents'."""
        return [*self.actions_.all(), *self.document_actions.all()]

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
            "actionExportReview",
            "actionExportBrief",
        ):
            self.actions_[name].setEnabled(has_client)
        self.gift_actions.set_client(has_client)
        has_entry = bool(self.timeline.current_entry())
        self.actions_["actionEditEntry"].setEnabled(has_entry)
        self.actions_["actionDeleteEntry"].setEnabled(has_entry)
        if documents := getattr(self, "document_actions", None):
            documents.update()

    def apply_changes(self, changes: Changes) -> None:
        """Every pane updates what the change touched; selection and scroll stay."""
        self.clients.apply_changes(changes)
        self.timeline.apply_changes(changes)
        self.followups.apply_changes(changes)
        self.pipeline_actions.apply_changes(changes)
        self.competitor_actions.apply_changes(changes)
        if self.current_client and self.current_client in changes.of("account"):
            detail = self.timeline.detail  # just re-read by the timeline pane
            if detail is None or detail.deleted_at is not None:
                self.select_client(self.clients.current_id())

    def open_sales_targets(self) -> None:
        """Settings ▸ Sales targets (quotas, commission plan, activity targets)."""
        self.dashboard_action.open_targets()

    def open_gift_rules(self) -> None:
        """Settings ▸ Gift rules and rates (the gift log's caps and exchange rates)."""
        self.gift_actions.open_rules()

    def refresh(self) -> None:
        self.clients.refresh()
        self.timeline.set_account(self.current_client)
        self.followups.refresh()

    def focus_search(self) -> None:
        self.clients.search.setFocus()
        self.clients.search.selectAll()

    def jump_to(self, account_id: str) -> None:
        if not self.clients.show_client(account_id):
            self.clients.clear_filters()
            self.clients.show_client(account_id)

    def open_hit(self, hit: SearchHit) -> None:
        self.search_actions.open_hit(hit)

    def search_everything(self, text: str) -> None:
        self.search_actions.show_panel(text)

    # -- what the action handlers use (ui.window_host.WindowHost) ---------------------------
    def run(self, command: StoreCommand) -> bool:
        try:
            perform(self.stack, command)
        except RelasiError as exc:
            self.show_error(exc)
            return False
        return True

    def show_error(self, error: RelasiError) -> None:
        QMessageBox.warning(self, self.tr("Relasi"), error.message)

    def open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    def reopen_after(self, action: Callable[[], object]) -> None:
        """Close the window and store, run ``action``, and open both again."""
        self.pending_action = action
        self.close()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.drops.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drops.drop_event(event)

    # -- lock -------------------------------------------------------------------------------
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

    # -- reminders --------------------------------------------------------------------------
    def remind(self, row: FollowUpRow) -> None:
        if self.lock_screen.is_locked:  # nothing of the data shows while locked
            self._pending_reminders.append(row)
            return
        text = self.tr("Due now: {0} — {1}").format(row.title, row.account_name)
        self.banner.show_reminder(text, row.account_id, row.id)
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(self.tr("Follow-up due"), text, app_icon(), 10_000)

    def raise_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- window layout and view settings ----------------------------------------------------
    def apply_window_layout(self) -> None:
        """Size, position, toolbar and splitter as the user left them (or a first layout)."""
        s = self.settings
        if s.window_geometry is not None:
            self.restoreGeometry(s.window_geometry)
        else:
            self.resize(1280, 800)
        if s.window_toolbars is not None:
            self.restoreState(s.window_toolbars)
        if s.window_splitter is not None:
            self.splitter.restoreState(s.window_splitter)
        else:
            self.splitter.setSizes([520, 560, 360])

    def save_window_layout(self) -> None:
        s = self.settings
        s.window_geometry = self.saveGeometry()
        s.window_toolbars = self.saveState()
        s.window_splitter = self.splitter.saveState()

    def _apply_view_settings(self) -> None:
        """The client list's sort, the follow-ups' scope, and the last client selected."""
        s = self.settings
        self.clients.set_sort(s.sort_column, s.sort_descending)
        self.followups.set_all_clients(s.followups_all_clients)
        self.actions_["actionAllFollowUps"].setChecked(s.followups_all_clients)
        last = s.last_client_id
        if last and self.clients.show_client(last, fetch=False):
            return
        if last and client_queries.client_rows(self.store, [last]):
            # Past the list's first page: shown without paging the list down to it (a
            # client at row 90,000 cost the start 900 pages); the list finds it on demand.
            self.select_client(last)
        elif self.clients.model.rowCount():
            self.clients.view.selectRow(0)

    def save_settings(self) -> None:
        """The window layout and view choices, written to disk."""
        s = self.settings
        self.save_window_layout()
        s.sort_column = self.clients.model.filter.sort
        s.sort_descending = self.clients.model.filter.descending
        s.followups_all_clients = self.followups.all_clients
        s.last_client_id = self.current_client
        s.sync()

    # -- language and theme -----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange and colours.is_dark() != self._dark:
            self.retheme()
        super().changeEvent(event)

    def retheme(self) -> None:
        """The palette turned light or dark: redraw icons and recolour what is painted."""
        self._dark = colours.is_dark()
        refresh_icons(self)
        self.banner.retheme()
        self.timeline.retranslate()  # the composer's kind icons
        self.followups.refresh()  # overdue and priority colours

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Relasi"))
        self.actions_.retranslate()
        self.clients.retranslate()
        self.timeline.retranslate()
        self.followups.retranslate()
        self.banner.retranslate()
        self.pipeline_actions.retranslate()
        self.competitor_actions.retranslate()
        self.dashboard_action.retranslate()
        self.document_actions.retranslate()
        self.gift_actions.retranslate()
        self.sync_actions.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.sync_actions.shutdown()
        self.reminders.stop()
        self.idle.stop()
        self.hub.detach()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
