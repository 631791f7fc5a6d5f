"""The gift log's actions: Client ▸ Log gift… (Ctrl+Shift+G), View ▸ Gift log…
(Ctrl+Shift+L) and Edit ▸ Gift rules and rates…, added to the window's menus the way
the dashboard adds its own, so the window only creates this object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from models.store import Store
from ui.commands import UndoStack
from ui.hub import ChangeHub
from ui.settings import Settings

if TYPE_CHECKING:  # imported when first opened: the window starts without them
    from ui.gifts.dialog import GiftDialog
    from ui.gifts.log_window import GiftLogWindow

LOG_GIFT_SHORTCUT = "Ctrl+Shift+G"
GIFT_LOG_SHORTCUT = "Ctrl+Shift+L"


class Host(Protocol):
    store: Store
    stack: UndoStack
    hub: ChangeHub
    settings: Settings

    @property
    def current_client(self) -> str: ...

    def open_dialog(self, dialog: QDialog) -> None: ...


def _add(window: QMainWindow, menu_name: str, action: QAction, after: str | None) -> None:
    window.addAction(action)
    menu = window.menuBar().findChild(QMenu, menu_name)
    if menu is None:
        return
    actions = menu.actions()
    names = [a.objectName() for a in actions]
    if after in names:
        i = names.index(after)
        if i + 1 < len(actions):
            menu.insertAction(actions[i + 1], action)
            return
    menu.addAction(action)


class GiftActions(QObject):
    """Creates the three actions and opens what they ask for."""

    def __init__(self, window: QMainWindow, host: Host) -> None:
        super().__init__(window)
        self.window, self.host = window, host
        self.log_window: GiftLogWindow | None = None
        self.log_gift = QAction(window)
        self.log_gift.setObjectName("actionLogGift")
        self.log_gift.setShortcut(QKeySequence(LOG_GIFT_SHORTCUT))
        self.log_gift.triggered.connect(lambda _checked=False: self.open_gift_dialog())
        _add(window, "menu_client", self.log_gift, "actionNewDeal")
        self.show_log = QAction(window)
        self.show_log.setObjectName("actionGiftLog")
        self.show_log.setShortcut(QKeySequence(GIFT_LOG_SHORTCUT))
        self.show_log.triggered.connect(lambda _checked=False: self.open_log())
        _add(window, "menu_view", self.show_log, "actionPipeline")
        self.rules = QAction(window)
        self.rules.setObjectName("actionGiftRules")
        self.rules.triggered.connect(lambda _checked=False: self.open_rules())
        _add(window, "menu_edit", self.rules, "actionSettings")
        self.retranslate()

    def set_client(self, has_client: bool) -> None:
        self.log_gift.setEnabled(has_client)

    def open_gift_dialog(self) -> GiftDialog | None:
        from ui.gifts.dialog import GiftDialog

        host = self.host
        if not host.current_client:
            return None
        dialog = GiftDialog(
            host.store,
            host.stack,
            host.current_client,
            currency=host.settings.default_currency or "USD",
            parent=self.window,
        )
        host.open_dialog(dialog)
        return dialog

    def open_log(self) -> GiftLogWindow:
        from ui.gifts.log_window import GiftLogWindow, watch

        if self.log_window is None:
            self.log_window = GiftLogWindow(self.host.store, self.host.stack, self.window)
            watch(self.host.hub, self.log_window)
        self.log_window.show()
        self.log_window.raise_()
        self.log_window.activateWindow()
        return self.log_window

    def open_rules(self) -> QDialog:
        from ui.gifts.rules import GiftRulesDialog

        dialog = GiftRulesDialog(self.host.store, self.host.stack, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def retranslate(self) -> None:
        self.log_gift.setText(self.tr("Log &gift…"))
        self.show_log.setText(self.tr("&Gift log…"))
        self.rules.setText(self.tr("&Gift rules and rates…"))
        for action in (self.log_gift, self.show_log, self.rules):
            tip = action.text().replace("&", "").rstrip("…")
            keys = action.shortcut().toString()
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
