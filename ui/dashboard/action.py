"""View ▸ Dashboard: the menu action that opens the KPI dashboard (one per window).

Imports no chart code: Qt Charts loads when the dashboard first opens, so the main
window starts as fast as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from models.metrics.period import today_local
from models.store import Store
from ui.commands import UndoStack
from ui.hub import ChangeHub

if TYPE_CHECKING:
    from ui.dashboard.window import DashboardWindow

SHORTCUT = "Ctrl+Shift+D"


class Host(Protocol):
    store: Store
    stack: UndoStack
    hub: ChangeHub

    def jump_to(self, account_id: str) -> None: ...


class DashboardAction(QObject):
    """The action in the View menu, and the dashboard it opens (kept while the window is)."""

    def __init__(self, window: QMainWindow, host: Host) -> None:
        super().__init__(window)
        self.window = window
        self.host = host
        self.dashboard: DashboardWindow | None = None
        self.action = QAction(window)
        self.action.setObjectName("actionDashboard")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(lambda _checked=False: self.show())
        window.addAction(self.action)
        menu = window.menuBar().findChild(QMenu, "menu_view")
        if menu is not None and menu.actions():
            first = menu.actions()[0]
            menu.insertAction(first, self.action)
            menu.insertSeparator(first)
        elif menu is not None:
            menu.addAction(self.action)
        self.retranslate()

    def show(self) -> DashboardWindow:
        from ui.dashboard.window import DashboardWindow

        if self.dashboard is None:
            self.dashboard = DashboardWindow(
                self.host.store,
                today_local(self.host.store.clock.now()),
                open_client=self._open_client,
                open_targets=self.open_targets,
                parent=self.window,
            )
            self.host.hub.changed.connect(self.dashboard.apply_changes)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        return self.dashboard

    def _open_client(self, account_id: str) -> None:
        self.host.jump_to(account_id)

    def open_targets(self) -> None:
        from ui.settings_sales import SalesSettingsDialog

        parent = self.dashboard or self.window
        dialog = SalesSettingsDialog(self.host.store, self.host.stack, self.host.hub, parent)
        dialog.show()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Dashboard"))
        self.action.setToolTip(self.tr("KPI dashboard ({0})").format(SHORTCUT))
