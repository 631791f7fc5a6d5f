"""File ▸ Import…, File ▸ Export… and Edit ▸ Undo an import… from the window
(the wizard, dialog and history are ui/import_wizard/, ui/export_dialog.py and
ui/import_commands.py, loaded when first asked for)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from ui.window_host import WindowHost


class TransferActions(QObject):
    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.host = host

    def import_file(self, path: str = "") -> QDialog:
        """Open the import wizard, on ``path`` when given (a dropped CSV)."""
        from ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.host.store, self.host.stack, self.host.window())
        self.host.open_dialog(wizard)
        if path:
            wizard.file_page.path_edit.setText(path)
            wizard.next()
        return wizard

    def export_data(self) -> QDialog:
        from ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.host.store, self.host.current_client, self.host.window())
        self.host.open_dialog(dialog)
        return dialog

    def show_imports(self) -> QDialog:
        from ui.import_commands import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.host.store, self.host.window())
        self.host.open_dialog(dialog)
        return dialog
