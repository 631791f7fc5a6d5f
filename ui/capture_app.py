"""``python main.py [--db PATH] capture``: just the quick-capture dialog, for a
desktop-wide shortcut the user binds in their OS. Exits 0 when the dialog closes
(saved or cancelled), 2 when the database cannot be opened."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from models.cli import open_from_args
from models.errors import RelasiError
from ui import formatting
from ui.i18n import Translators, resolve_language


def run_capture(args: argparse.Namespace, *, interactive: bool = True) -> int:
    """Open the store, show the dialog, return when it closes."""
    from ui.quick_capture import QuickCaptureDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Relasi")
    app.setOrganizationName("Relasi")
    language = resolve_language(getattr(args, "lang", None))
    translators = Translators(app)
    if language != "en":  # English needs no translator; leave the system locale alone
        translators.install(language)
    formatting.set_language(language)
    try:
        store = open_from_args(args)
    except RelasiError as exc:
        print(f"relasi: error: {exc.message}", file=sys.stderr)
        if interactive:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("app", "Relasi"),
                QCoreApplication.translate("app", "Relasi cannot open the database:\n\n{0}").format(
                    exc.message
                ),
            )
        return 2
    stack = QUndoStack()
    try:
        dialog = QuickCaptureDialog(store, stack, None)
        dialog.exec()
        dialog.deleteLater()
        return 0
    finally:
        store.close()
