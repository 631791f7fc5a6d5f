"""Starting the GUI: QApplication, language and style, then the window's frame painted
first, from PySide6 and a few small modules of ours. The store's open starts in a
thread once the frame is built (ui/early_open.py: the data layer's import and the
file's opening run while the frame is shown and painted); the window takes it
after that first paint and fills the panes (ui/window_start.py). The GUI thread
imports nothing of the data layer before the frame shows."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from models.paths import resolve_db_path
from ui.i18n import apply_language, resolve_language
from ui.icons import app_icon
from ui.settings import Settings
from ui.single_instance import SingleInstance
from ui.start_messages import report_error
from ui.theme import apply_theme
from ui.window_shell import FirstPaintWatcher as FirstPaintWatcher  # re-exported
from ui.xcb_check import check_window_can_start

if TYPE_CHECKING:
    from ui.window_start import WindowStart


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Relasi")
    app.setOrganizationName("Relasi")
    app.setApplicationDisplayName("Relasi")
    app.setDesktopFileName("relasi")
    app.setWindowIcon(app_icon())
    apply_theme(Settings().appearance)  # palette and style sheet, light or dark
    return app


def run_gui(
    args: argparse.Namespace,
    process_age_ms: Callable[[], float],
    configure_logging: Callable[[], None] | None = None,
) -> int:
    """The window, until it is closed: 0, or 2 when the database could not be opened.
    ``configure_logging`` runs first in the thread that opens the store (before anything
    there can log), while the GUI thread shows the window's frame."""
    missing = check_window_can_start()
    if missing:
        print(missing, file=sys.stderr)  # before Qt aborts with a vaguer message
        return 2
    app = make_application()
    settings = Settings()
    apply_language(resolve_language(args.lang or settings.language))
    interactive = not args.quit_after_paint
    db_path = Path(resolve_db_path(args.db))
    guard = SingleInstance(db_path, app)
    if not guard.acquire():
        # Another window has this database: raise it instead of opening a second writer.
        if guard.notify_running():
            return 0
        return report_error(
            QCoreApplication.translate(
                "app", "Relasi is already running on this database but does not answer."
            ),
            interactive=interactive,
        )
    try:
        return _window_loop(app, args, settings, guard, process_age_ms, configure_logging)
    finally:
        from ui.documents.files import close_viewing_folder

        close_viewing_folder()  # documents opened for viewing are removed with the app
        guard.release()


def _window_loop(
    app: QApplication,
    args: argparse.Namespace,
    settings: Settings,
    guard: SingleInstance,
    process_age_ms: Callable[[], float],
    configure_logging: Callable[[], None] | None = None,
) -> int:
    """Show the window's frame, then open the store into it (ui.window_start); reopen
    after work that needs the store closed (a backup restore, a switch of
    passphrase/keyring), which the window leaves in ``pending_action``, or after a
    damaged database was restored or salvaged."""
    from ui.early_open import EarlyOpen

    interactive = not args.quit_after_paint
    while True:
        from ui.main_window import MainWindow

        window = MainWindow(None, settings)
        # The open runs in a thread while the frame is shown and painted (started after
        # the frame is built: a thread started before slowed the build, sharing the GIL).
        early = EarlyOpen(args.db, demo=getattr(args, "demo", False), before=configure_logging)
        configure_logging = None  # once per process
        guard.activation_requested.connect(window.raise_window)
        started: list[WindowStart] = []

        def after_paint(
            window: MainWindow = window,
            started: list[WindowStart] = started,
            early: EarlyOpen = early,
        ) -> None:
            # Printed once the window is filled, so a start that fails prints nothing on
            # stdout (as before); the time is the frame's first paint, taken now.
            painted = process_age_ms()
            painted_cpu = time.process_time() * 1000

            def filled() -> None:
                print(f"painted-ms {painted:.0f}", flush=True)
                print(f"filled-ms {process_age_ms():.0f}", flush=True)
                # CPU time of the process (every thread), less sensitive to a loaded machine.
                print(f"painted-cpu-ms {painted_cpu:.0f}", flush=True)
                print(f"filled-cpu-ms {time.process_time() * 1000:.0f}", flush=True)

            def ready() -> None:  # the rest built: every menu works
                print(f"ready-ms {process_age_ms():.0f}", flush=True)
                print(f"ready-cpu-ms {time.process_time() * 1000:.0f}", flush=True)

            from ui.window_start import WindowStart

            started.append(
                WindowStart(
                    window,
                    args,
                    on_filled=filled if args.quit_after_paint else None,
                    early=early,
                    on_ready=ready if args.quit_after_paint else None,
                )
            )
            started[0].begin()

        FirstPaintWatcher(window, after_paint)
        window.show()
        code = app.exec()
        action = window.pending_action
        guard.activation_requested.disconnect(window.raise_window)
        window.deleteLater()
        if not started:  # closed before its first paint: nothing was taken
            early.discard()
            return code
        code, again = _after_window(args, started[0], action, code, interactive=interactive)
        if not again:
            return code


def _after_window(
    args: argparse.Namespace,
    start: WindowStart,
    action: Callable[[], object] | None,
    code: int,
    *,
    interactive: bool,
) -> tuple[int, bool]:
    """Close the store the window had (backing it up), then what comes next: the exit
    code, and whether to open the window again."""
    from models.errors import RelasiError
    from ui.window_start import close_store, recover

    damaged = start.finish()
    if start.store is not None:
        if start.discard:
            start.store.discard()
        else:
            backup = action is None and interactive and damaged is None and start.attached
            close_store(start.store, backup=backup)
    if start.error is not None:
        raise start.error
    if start.code:
        return start.code, False
    if damaged is not None:
        return (0, True) if recover(args, damaged, interactive=interactive) else (2, False)
    if action is None:
        return code, False
    try:
        action()
    except RelasiError as exc:
        report_error(exc.message, interactive=True)
    return 0, True
