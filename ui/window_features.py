"""The window's features beyond its three panes (competitors, documents, gifts, team
sync), built once the store is attached, and spoken to as one by the main window:
their menu handlers, what the command palette runs, language, changes and closing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QStatusBar

from ui.window_host import WindowHost

if TYPE_CHECKING:
    from models.store import Changes
    from ui.app_actions import AppActions
    from ui.competitors.actions import CompetitorActions
    from ui.documents.window_actions import DocumentWindowActions
    from ui.gifts.actions import GiftActions
    from ui.hub import ChangeHub
    from ui.import_commands import DropHandler
    from ui.lock_screen import LockScreen
    from ui.sync_actions import SyncActions
    from ui.timeline import TimelinePane
    from ui.window_actions import WindowActions


class FeatureWindow(WindowHost, Protocol):
    """What of the main window the features use, and the attributes they are kept in."""

    hub: ChangeHub
    timeline: TimelinePane
    drops: DropHandler
    app_actions: AppActions
    actions_: WindowActions
    lock_screen: LockScreen
    competitor_actions: CompetitorActions
    gift_actions: GiftActions
    sync_actions: SyncActions
    document_actions: DocumentWindowActions

    def refresh(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class WindowFeatures:
    """Builds each feature's handler on ``window`` (as ``window.competitor_actions``,
    ``gift_actions``, ``sync_actions`` and ``document_actions``, which tests and other
    handlers reach) and forwards the window's events to them."""

    def __init__(self, window: FeatureWindow) -> None:
        from ui.competitors.actions import CompetitorActions
        from ui.documents.window_actions import DocumentWindowActions
        from ui.gifts.actions import GiftActions
        from ui.sync_actions import SyncActions

        self._window = window
        main = window.window()
        assert isinstance(main, QMainWindow)
        window.competitor_actions = CompetitorActions(window)
        window.gift_actions = GiftActions(main, window)
        window.sync_actions = SyncActions(
            window,
            window.hub,
            refresh=window.refresh,
            open_settings=window.app_actions.show_settings,
            undo=window.actions_.undo,
            is_locked=lambda: window.lock_screen.is_locked,
        )
        window.statusBar().addPermanentWidget(window.sync_actions.status)
        window.document_actions = DocumentWindowActions(
            main, window, window.timeline, window.drops
        )

    def handlers(self) -> dict[str, Callable[[], object]]:
        """Menu actions (by objectName) and what they run."""
        w = self._window
        return {
            "actionCompetitors": w.competitor_actions.show_view,
            "actionSyncNow": w.sync_actions.sync_now,
            "actionConflictLog": w.sync_actions.show_conflicts,
        }

    def palette_actions(self) -> list[QAction]:
        """What the command palette can run besides the menus' actions."""
        return self._window.document_actions.all()

    def selection_changed(self, has_client: bool) -> None:
        self._window.gift_actions.set_client(has_client)
        self._window.document_actions.update()

    def apply_changes(self, changes: Changes) -> None:
        self._window.competitor_actions.apply_changes(changes)

    def retranslate(self) -> None:
        w = self._window
        w.competitor_actions.retranslate()
        w.document_actions.retranslate()
        w.gift_actions.retranslate()
        w.sync_actions.retranslate()

    def shutdown(self) -> None:
        self._window.sync_actions.shutdown()
