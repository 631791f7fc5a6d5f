"""``python main.py [--db PATH] capture``: just the quick-capture dialog, for a
desktop-wide shortcut the user binds in their OS. Exits 0 when the dialog closes
(saved or cancelled), 2 when the database cannot be opened.

It starts like the window does (ui.app): same application setup, language, and the
same way through passphrase, keyring and damaged-file problems.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtGui import QUndoStack

from ui.app import make_application
from ui.i18n import resolve_language
from ui.settings import Settings
from ui.settings_dialog import apply_language
from ui.store_opening import open_interactively


def run_capture(args: argparse.Namespace, *, interactive: bool = True) -> int:
    """Open the store, show the dialog, return when it closes."""
    from ui.quick_capture import QuickCaptureDialog
    from ui.xcb_check import check_window_can_start

    missing = check_window_can_start()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    make_application()
    apply_language(resolve_language(getattr(args, "lang", None) or Settings().language))
    store = open_interactively(args, interactive=interactive)
    if store is None:
        return 2
    try:
        dialog = QuickCaptureDialog(store, QUndoStack(), None)
        dialog.exec()
        dialog.deleteLater()
        return 0
    finally:
        store.close()
