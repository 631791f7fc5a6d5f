"""Attaching the open store to the main window, in two steps (ui/main_window.py):

- :func:`attach_panes`: the client list, timeline and follow-ups built on the store in
  the placeholders' places and filled (first pages, the last client's timeline), with
  only what that fill needs wired. This is all that runs before the filled window
  paints at start (ui/window_start.py).
- :func:`attach_rest`: everything else, once the filled window has painted: the menus'
  handlers (and with them the dialogs' modules), backup, import and export, search,
  pipeline, reports, the dashboard, the later features (competitors, documents, gifts,
  team sync), reminders, the tray icon, the lock screen and the idle lock, the recovery
  banner. Until then the menus stay as the frame had them (only Quit works).

The two reach into the window's private parts (``_column``, ``_connect``, ...): they
are its attach(), moved here to keep ui/main_window.py small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.store import Store

#: The main window (ui.main_window.MainWindow, which imports this module: naming its
#: type here would tie the two in an import circle).
MainWindow = Any


def attach_panes(window: MainWindow, store: Store) -> None:
    """Build the three panes on ``store`` in the placeholders' places and fill them."""
    from ui.client_list import ClientListPane
    from ui.followups import FollowUpsPane
    from ui.hub import ChangeHub
    from ui.reminder_banner import Banner
    from ui.timeline import TimelinePane

    window.store = store
    window.hub = ChangeHub(store, window)
    window.clients = ClientListPane(store, window)
    window.timeline = TimelinePane(store, window)
    window.followups = FollowUpsPane(store, window)
    for index, pane in enumerate((window.clients, window.timeline, window.followups)):
        placeholder = window.splitter.replaceWidget(index, pane)
        if placeholder is not None:
            placeholder.setObjectName("")  # findChild finds the real pane from now on
            placeholder.setParent(None)
            placeholder.deleteLater()
    window.banner = Banner(window, now=store.clock.now)
    window.banner.open_requested.connect(window.jump_to)
    window._column.insertWidget(0, window.banner)
    # What the fill needs: the selected client shown in the other panes, the scope.
    all_followups = window.actions_["actionAllFollowUps"]
    # The timeline takes a change first and hands it on once it has painted
    # (ui/timeline_paint.py), so the other panes never delay its repaint.
    window.hub.changed.connect(
        lambda changes: window.timeline.apply_changes(changes, then=window.apply_changes)
    )
    window.clients.client_selected.connect(window.select_client)
    window.followups.scope_changed.connect(all_followups.setChecked)
    all_followups.toggled.connect(window.followups.set_all_clients)
    window.banner.retranslate()
    window.followups.refresh()  # the panes' other texts were set when they were built
    window._apply_view_settings()


def attach_rest(window: MainWindow) -> None:
    """Everything of the window beyond its filled panes (see the module's docstring)."""
    from models.vault.unlock import Reauth
    from ui.app_actions import AppActions
    from ui.backup_actions import BackupActions
    from ui.dashboard.action import DashboardAction
    from ui.followup_actions import FollowUpActions
    from ui.import_commands import DropHandler
    from ui.lock_screen import IdleWatcher, LockScreen
    from ui.pipeline.actions import PipelineActions
    from ui.record_actions import RecordActions
    from ui.reminders import Reminders
    from ui.reports.actions import ReportActions
    from ui.search_actions import SearchActions
    from ui.transfer_actions import TransferActions
    from ui.unlock import RecoveryBanner
    from ui.window_features import WindowFeatures

    store = window.store
    window.actions_["actionQuit"].triggered.disconnect(window._shell_quit)
    for action in window.actions_.all():
        action.setEnabled(True)
    window.actions_.undo.setEnabled(window.stack.canUndo())
    window.actions_.redo.setEnabled(window.stack.canRedo())
    window.record_actions = RecordActions(window, window.timeline)
    window.followup_actions = FollowUpActions(window)
    window.backup_actions = BackupActions(window, lambda: window.lock_screen.is_locked)
    window.transfer_actions = TransferActions(window)
    window.app_actions = AppActions(  # the palette runs the menus' and features' actions
        window, lambda: [*window.actions_.all(), *window.features.palette_actions()]
    )
    window.search_actions = SearchActions(
        window, window.timeline, window.record_actions, window.followup_actions
    )
    window.pipeline_actions = PipelineActions(window)
    window.report_actions = ReportActions(window)
    window.dashboard_action = DashboardAction(window, window)
    # files dropped on the window or the timeline
    window.drops = DropHandler(
        window,
        window.timeline,
        store,
        window.stack,
        lambda: window.current_client,
        window.transfer_actions.import_file,
    )
    window.features = WindowFeatures(window)
    window._connect()
    window.reminders = Reminders(store, window)
    window.reminders.due.connect(window.remind)
    window._make_tray()
    window.lock_screen = LockScreen(window, Reauth(store.path, store.key))
    window.lock_screen.unlocked.connect(window._after_unlock)
    window.idle = IdleWatcher(window.settings.lock_minutes or 10**6, parent=window)
    window.idle.idle.connect(window.lock)
    if not window.settings.recovery_offered:
        # Offered in a banner, never a modal box that would stop a script.
        banner = RecoveryBanner(store, window._central)
        window.recovery_banner = banner
        window._column.insertWidget(0, banner)
        banner.saved.connect(window._recovery_done)
        banner.dismissed.connect(window._recovery_done)
    window.is_attached = True
    window.pipeline_actions.retranslate()
    window.dashboard_action.retranslate()
    window.features.retranslate()
    window.reminders.start()
    window._update_actions()
    window.attached.emit()
