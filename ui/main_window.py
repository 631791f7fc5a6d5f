"""The main window: a composition of the client list, timeline and follow-up panes,
wired to the undo stack, the change hub, reminders and settings.

Built in two steps, to paint before the data layer is imported: ``MainWindow(None)``
is the frame (menus, the panes as placeholders: ui/window_shell.py), then
:meth:`MainWindow.attach` builds the panes on the open store in their places
(``MainWindow(store)`` does both). No ``models`` import at import time.

Menu and toolbar actions are made in ui/window_actions.py; what they do lives in
handlers named for what they hold (ui/record_actions.py, ui/followup_actions.py, ...;
ui/window_features.py for the later features), seeing the window as a WindowHost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
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

from ui import colours
from ui.icons import app_icon, refresh_icons
from ui.settings import Settings
from ui.undo_stack import UndoStack
from ui.window_actions import WindowActions
from ui.window_shell import PANE_STRETCH, apply_layout, placeholder_panes, save_layout
from ui.window_view import apply_view_settings, save_view_settings

if TYPE_CHECKING:
    from models.errors import RelasiError
    from models.rows import FollowUpRow, SearchHit
    from models.store import Changes, Store
    from ui.app_actions import AppActions
    from ui.backup_actions import BackupActions
    from ui.client_list import ClientListPane
    from ui.commands import StoreCommand
    from ui.competitors.actions import CompetitorActions
    from ui.dashboard.action import DashboardAction
    from ui.documents.window_actions import DocumentWindowActions
    from ui.followup_actions import FollowUpActions
    from ui.followups import FollowUpsPane
    from ui.gifts.actions import GiftActions
    from ui.hub import ChangeHub
    from ui.import_commands import DropHandler
    from ui.lock_screen import IdleWatcher, LockScreen
    from ui.pipeline.actions import PipelineActions
    from ui.record_actions import RecordActions
    from ui.reminder_banner import Banner
    from ui.reminders import Reminders
    from ui.reports.actions import ReportActions
    from ui.search_actions import SearchActions
    from ui.sync_actions import SyncActions
    from ui.timeline import TimelinePane
    from ui.transfer_actions import TransferActions
    from ui.unlock import RecoveryBanner
    from ui.window_features import WindowFeatures

# Actions that work before the store is open (the rest wait for attach()).
SHELL_ACTIONS = frozenset({"actionQuit"})


class MainWindow(QMainWindow):
    # The store is attached and the panes are filled (emitted once, by attach()).
    attached = Signal()

    store: Store
    hub: ChangeHub
    clients: ClientListPane
    timeline: TimelinePane
    followups: FollowUpsPane
    banner: Banner
    record_actions: RecordActions
    followup_actions: FollowUpActions
    backup_actions: BackupActions
    transfer_actions: TransferActions
    app_actions: AppActions
    search_actions: SearchActions
    pipeline_actions: PipelineActions
    report_actions: ReportActions
    dashboard_action: DashboardAction
    competitor_actions: CompetitorActions
    gift_actions: GiftActions
    sync_actions: SyncActions
    document_actions: DocumentWindowActions
    features: WindowFeatures
    drops: DropHandler
    reminders: Reminders
    lock_screen: LockScreen
    idle: IdleWatcher

    def __init__(
        self,
        store: Store | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.is_attached = False
        self.stack = UndoStack(self, on_error=self.show_error)
        self.stack.setObjectName("undoStack")
        self.setWindowIcon(app_icon())
        self._dark = colours.is_dark()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for index, pane in enumerate(placeholder_panes(self.splitter)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(index, PANE_STRETCH[index])
        self._central = QWidget(self)
        self._column = QVBoxLayout(self._central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.splitter, 1)
        self.setCentralWidget(self._central)
        self.actions_ = WindowActions(self, self.stack)
        for action in self.actions_.all():
            if action.objectName() not in SHELL_ACTIONS:
                action.setEnabled(False)
        self._shell_quit = self.actions_["actionQuit"].triggered.connect(self.close)
        self.tray: QSystemTrayIcon | None = None
        self._pending_reminders: list[FollowUpRow] = []
        # Work that needs the store closed (backup restore, re-key): run_gui runs it after
        # the window closes, then opens the store and a new window again.
        self.pending_action: Callable[[], object] | None = None
        self.recovery_banner: RecoveryBanner | None = None
        self.apply_window_layout()
        self.setWindowTitle(self.tr("Relasi"))
        self.actions_.retranslate()
        if store is not None:
            self.attach(store)

    def attach(self, store: Store, *, rest_later: bool = False) -> None:
        """Build the panes on ``store`` in the placeholders' places and fill them (first
        pages, the last client's timeline), then wire the actions and build the rest
        (ui/window_attach.py). ``rest_later``: the rest waits for :meth:`attach_rest`
        (the start calls it once the filled window has painted)."""
        from ui.window_attach import attach_panes

        assert not hasattr(self, "store"), "a window shows one store"
        attach_panes(self, store)
        if not rest_later:
            self.attach_rest()

    def attach_rest(self) -> None:
        """The actions, features, reminders, lock screen...; ``attached`` then."""
        from ui.window_attach import attach_rest

        attach_rest(self)

    # -- wiring -------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions_
        records, followups = self.record_actions, self.followup_actions
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
            "actionExportReview": self.report_actions.export_review,
            "actionExportBrief": self.report_actions.export_brief,
            **self.features.handlers(),
        }
        for name, handler in handlers.items():
            a[name].triggered.connect(lambda _checked=False, h=handler: h())
        self.timeline.view.addAction(a["actionEditEntry"])
        self.timeline.view.addAction(a["actionDeleteEntry"])
        self.timeline.view.selectionModel().currentChanged.connect(
            lambda *_: self._update_actions()
        )

    @property
    def current_client(self) -> str:
        return self.timeline.account_id

    def select_client(self, account_id: str) -> None:
        self.timeline.set_account(account_id)  # the rest once its first page has painted:
        self.timeline.after_paint.call(lambda: self.followups.set_account(account_id))
        self.timeline.after_paint.call(lambda: setattr(self.settings, "last_client_id", account_id))
        self._update_actions()

    def _update_actions(self) -> None:
        if not self.is_attached:  # the actions wait for attach_rest()
            return
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
        has_entry = bool(self.timeline.current_entry())
        self.actions_["actionEditEntry"].setEnabled(has_entry)
        self.actions_["actionDeleteEntry"].setEnabled(has_entry)
        if features := getattr(self, "features", None):
            features.selection_changed(has_client)

    def apply_changes(self, changes: Changes) -> None:
        """Every pane updates what the change touched (the timeline first: right after
        it has painted, ui/timeline_paint.py); selection and scroll stay."""
        self.clients.apply_changes(changes)
        self.followups.apply_changes(changes)
        if self.is_attached:
            self.pipeline_actions.apply_changes(changes)
            self.features.apply_changes(changes)
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
        from models.errors import RelasiError
        from ui.commands import perform

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

    def _make_tray(self) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self.tray = QSystemTrayIcon(app_icon(), self)
        self.tray.setToolTip("Relasi")
        self.tray.activated.connect(lambda _reason: self.raise_window())
        self.tray_menu = QMenu(self)
        self.tray.setContextMenu(self.tray_menu)
        self.tray.show()
        self.tray_menu.addAction(self.actions_["actionQuickCapture"])
        self.tray_menu.addAction(self.tr("Show Relasi"), self.raise_window)
        self.tray_menu.addSeparator()
        self.tray_menu.addAction(self.actions_["actionQuit"])

    def raise_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- window layout and view settings ----------------------------------------------------
    def apply_window_layout(self) -> None:
        apply_layout(self, self.splitter, self.settings)

    def save_window_layout(self) -> None:
        save_layout(self, self.splitter, self.settings)

    def _apply_view_settings(self) -> None:
        apply_view_settings(self)

    def save_settings(self) -> None:
        """The window layout and view choices, written to disk."""
        save_view_settings(self)

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
        if not self.is_attached:
            return
        self.banner.retheme()
        self.timeline.retranslate()  # the composer's kind icons
        self.followups.refresh()  # overdue and priority colours

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Relasi"))
        self.actions_.retranslate()
        if not self.is_attached:
            return
        self.clients.retranslate()
        self.timeline.retranslate()
        self.followups.retranslate()
        self.banner.retranslate()
        self.pipeline_actions.retranslate()
        self.dashboard_action.retranslate()
        self.features.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.is_attached:  # closed before the store opened: nothing to keep
            super().closeEvent(event)
            return
        self.save_settings()
        self.features.shutdown()
        self.reminders.stop()
        self.idle.stop()
        self.hub.detach()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
