"""The window's smaller doors: quick capture, the Trash, Settings, Help (About, the
keyboard shortcuts, the user guide), and the
command palette (Ctrl+K)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from ui.window_host import WindowHost

if TYPE_CHECKING:
    from ui.palette import CommandPalette


class AppActions(QObject):
    def __init__(self, host: WindowHost, actions: Callable[[], list[QAction]]) -> None:
        super().__init__(host.window())
        self.host = host
        self.actions = actions

    def quick_capture(self) -> QDialog:
        from ui.quick_capture import QuickCaptureDialog

        host = self.host
        dialog = QuickCaptureDialog(
            host.store,
            host.stack,
            host.current_client or None,
            host.window(),
            default_currency=host.settings.default_currency,
            default_working_days=host.settings.capture_default_days,
        )
        dialog.saved.connect(host.jump_to)  # a client may have been created on the way
        host.open_dialog(dialog)
        return dialog

    def show_trash(self) -> None:
        from ui.trash import TrashDialog  # on first use: the window starts sooner

        host = self.host
        host.open_dialog(TrashDialog(host.store, host.stack, host.window()))

    def show_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        self.host.open_dialog(SettingsDialog(self.host.settings, self.host.window()))

    def about(self) -> None:
        from models.version import app_version

        QMessageBox.about(
            self.host.window(),
            self.tr("About Relasi"),
            self.tr("Relasi {0}\nAn offline client-relationship organizer.").format(app_version()),
        )

    def show_shortcuts(self) -> QDialog:
        """Help ▸ Keyboard shortcuts: read from the window's actions."""
        from ui.help_dialogs import ShortcutSheet

        window = self.host.window()
        dialog = ShortcutSheet(window.findChildren(QAction), window)
        self.host.open_dialog(dialog)
        return dialog

    def show_guide(self) -> QDialog:
        """Help ▸ User guide, in the interface's language."""
        from ui.help_dialogs import GuideDialog

        dialog = GuideDialog(self.host.window())
        self.host.open_dialog(dialog)
        return dialog

    def show_palette(self) -> CommandPalette:
        """Ctrl+K: jump to a client, contact or deal, or run any enabled action, near the
        window's top."""
        from ui.palette import CommandPalette  # on first use: the window starts sooner

        window = self.host.window()
        palette = CommandPalette(self.host.store, self.actions(), window)
        palette.client_chosen.connect(self.host.jump_to)
        palette.hit_chosen.connect(self.host.open_hit)
        palette.search_requested.connect(self.host.search_everything)
        palette.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        geometry = window.geometry()
        palette.move(geometry.center().x() - palette.width() // 2, geometry.top() + 80)
        palette.show()
        palette.input.setFocus()
        return palette
