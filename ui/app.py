"""Starting the GUI: QApplication, language, style, opening the store, the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.cli import open_from_args
from models.errors import RelasiError
from ui.i18n import resolve_language
from ui.icons import app_icon
from ui.settings import Settings
from ui.settings_dialog import apply_language

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


def run_gui(args: argparse.Namespace, process_age_ms: Callable[[], float]) -> int:
    from ui.main_window import MainWindow

    app = make_application()
    settings = Settings()
    apply_language(resolve_language(args.lang or settings.language))
    interactive = not args.quit_after_paint
    try:
        store = open_from_args(args)
    except RelasiError as exc:
        return _report_error(exc.message, interactive=interactive)
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
