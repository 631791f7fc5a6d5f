"""What the start says when it cannot go on: one line on stderr (``relasi: error: …``)
and, when someone is there to read it, a message box. PySide6 only: the window's
frame uses it before the data layer is imported."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def report_error(message: str, *, interactive: bool) -> int:
    """Tell the user the database cannot be opened; the exit status (2)."""
    print(f"relasi: error: {message}", file=sys.stderr)
    if interactive:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Relasi"),
            QCoreApplication.translate("app", "Relasi cannot open the database:\n\n{0}").format(
                message
            ),
        )
    return 2
