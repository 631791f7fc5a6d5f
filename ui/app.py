"""Starting the GUI: QApplication, language, style, opening the store, the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from models.cli import open_from_args
from models.errors import (
    KeyMissingError,
    KeyringUnavailableError,
    PlaintextDatabaseError,
    RelasiError,
)
from models.paths import resolve_db_path
from models.store import Store
from models.unlock import PassphraseRequiredError
from ui.i18n import resolve_language
from ui.icons import app_icon
from ui.settings import Settings
from ui.settings_dialog import apply_language
from ui.unlock import KeyringProblemDialog, PassphraseDialog, offer_encrypt

STYLE = Path(__file__).resolve().parent.parent / "resources" / "style.qss"


class FirstPaintWatcher(QObject):
    """Calls back once, right after a widget's first paint event."""

    def __init__(self, widget: QWidget, on_paint: Callable[[], None]) -> None:
        super().__init__(widget)
        self._on_paint = on_paint
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._on_paint)
        return False


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Relasi")
    app.setOrganizationName("Relasi")
    app.setApplicationDisplayName("Relasi")
    app.setDesktopFileName("relasi")
    app.setWindowIcon(app_icon())
    if STYLE.exists():
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    return app


def _report_error(message: str, *, interactive: bool) -> int:
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


def open_interactively(args: argparse.Namespace, *, interactive: bool) -> Store | None:
    """Open the database, asking for a passphrase or a way out of a keyring problem.

    Without interaction (``--quit-after-paint``) every problem is one line on stderr.
    """
    path = Path(resolve_db_path(args.db))
    while True:
        try:
            return open_from_args(args)
        except PassphraseRequiredError as exc:
            if not interactive:
                _report_error(exc.message, interactive=False)
                return None
            if PassphraseDialog(path).exec() != QDialog.DialogCode.Accepted:
                return None
        except (KeyMissingError, KeyringUnavailableError) as exc:
            if not interactive:
                _report_error(exc.message, interactive=False)
                return None
            dialog = KeyringProblemDialog(path, exc)
            dialog.exec()
            if dialog.choice == "quit":
                return None
        except PlaintextDatabaseError as exc:
            if not interactive or not offer_encrypt(path):
                _report_error(exc.message, interactive=interactive)
                return None
        except RelasiError as exc:
            _report_error(exc.message, interactive=interactive)
            return None


def run_gui(args: argparse.Namespace, process_age_ms: Callable[[], float]) -> int:
    from ui.main_window import MainWindow

    app = make_application()
    settings = Settings()
    apply_language(resolve_language(args.lang or settings.language))
    interactive = not args.quit_after_paint
    store = open_interactively(args, interactive=interactive)
    if store is None:
        return 2
    window = MainWindow(store, settings)
    if args.quit_after_paint:

        def painted() -> None:
            print(f"painted-ms {process_age_ms():.0f}", flush=True)
            window.close()
            app.quit()

        FirstPaintWatcher(window, painted)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
