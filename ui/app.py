"""Starting the GUI: QApplication, language, style, opening the store, the main window."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from models.errors import (
    KeyMissingError,
    KeyringUnavailableError,
    PlaintextDatabaseError,
    RelasiError,
)
from models.paths import resolve_db_path
from models.store import Store
from models.vault import unlock, viewing
from models.vault.backup import close_with_backup, list_backups
from models.vault.integrity import DamagedDatabaseError, salvage
from models.vault.opening import open_database
from models.vault.restore import restore_backup
from models.vault.unlock import PassphraseRequiredError
from ui.documents.files import close_viewing_folder
from ui.i18n import resolve_language
from ui.icons import app_icon
from ui.settings import Settings
from ui.settings_dialog import apply_language
from ui.single_instance import SingleInstance
from ui.theme import apply_theme
from ui.unlock import KeyringProblemDialog, PassphraseDialog, offer_encrypt
from ui.xcb_check import check_window_can_start


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
    apply_theme(Settings().appearance)  # palette and style sheet, light or dark
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


def open_interactively(
    args: argparse.Namespace, *, interactive: bool, quick: bool = False
) -> Store | None:
    """Open the database, asking for a passphrase or a way out of a keyring problem.

    Without interaction (``--quit-after-paint``) every problem is one line on stderr.
    ``quick`` (the main window, which runs the check after its first paint: see
    StartAfterPaint) leaves the integrity check for later and holds writes until it.
    """
    path = Path(resolve_db_path(args.db))
    while True:
        try:
            return open_database(args.db, demo=getattr(args, "demo", False), quick=quick)
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
        except DamagedDatabaseError as exc:
            if not interactive:
                _report_error(exc.message, interactive=False)
                return None
            replacement = recover_damaged(path, exc)
            if replacement is None:
                return None
            args.db = str(replacement)
            path = replacement
        except PlaintextDatabaseError as exc:
            if not interactive or not offer_encrypt(path):
                _report_error(exc.message, interactive=interactive)
                return None
        except RelasiError as exc:
            _report_error(exc.message, interactive=interactive)
            return None


def recover_damaged(path: Path, error: RelasiError) -> Path | None:
    """A failed check at start: restore the newest good backup, or salvage what is
    readable into a new database, or quit. Never continue on the damaged file."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("app", "Relasi"), "")
    box.setText(
        QCoreApplication.translate(
            "app", "The database is damaged and was not opened:\n\n{0}"
        ).format(error.message)
    )
    restore = box.addButton(
        QCoreApplication.translate("app", "Restore newest good backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    rescue = box.addButton(
        QCoreApplication.translate("app", "Salvage into a new database"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    try:
        key = unlock.load_key(path)
        if box.clickedButton() is restore:
            good = [b for b in list_backups(path, key) if b.counts is not None]
            if not good:
                _report_error(
                    QCoreApplication.translate("app", "There is no readable backup."),
                    interactive=True,
                )
                return None
            restore_backup(path, good[0].path, key)
            return path
        if box.clickedButton() is rescue:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = path.with_name(f"{path.stem}-salvaged-{stamp}.db")
            result = salvage(path, key, target)
            QMessageBox.information(
                None,
                QCoreApplication.translate("app", "Relasi"),
                QCoreApplication.translate(
                    "app", "Recovered {0} rows into {1}. The damaged file was left as it is."
                ).format(sum(result.recovered.values()), target),
            )
            return target
    except RelasiError as exc:
        _report_error(exc.message, interactive=True)
    return None


def run_gui(args: argparse.Namespace, process_age_ms: Callable[[], float]) -> int:
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
        return _report_error(
            QCoreApplication.translate(
                "app", "Relasi is already running on this database but does not answer."
            ),
            interactive=interactive,
        )
    # Documents opened by a Relasi that did not close (a crash, a kill) are removed now.
    viewing.sweep()
    try:
        return _window_loop(app, args, settings, guard, process_age_ms)
    finally:
        close_viewing_folder()
        guard.release()


def _window_loop(
    app: QApplication,
    args: argparse.Namespace,
    settings: Settings,
    guard: SingleInstance,
    process_age_ms: Callable[[], float],
) -> int:
    """Open the store and the window; reopen after work that needs the store closed
    (a backup restore, a switch of passphrase/keyring), which the window leaves in
    ``pending_action``, or after a damaged database was restored or salvaged."""
    from ui.main_window import MainWindow

    interactive = not args.quit_after_paint
    while True:
        store = open_interactively(args, interactive=interactive, quick=True)
        if store is None:
            return 2
        try:
            window = MainWindow(store, settings)
        except Exception:
            # A damaged page read while the window filled its lists: the check says so.
            damaged = _check_now(store)
            if damaged is None:
                raise
            store.discard()
            if not _recover(args, damaged, interactive=interactive):
                return 2
            continue
        guard.activation_requested.connect(window.raise_window)
        start = StartAfterPaint(window, store, quit_after_paint=args.quit_after_paint)
        if args.quit_after_paint:
            start.painted.append(lambda: print(f"painted-ms {process_age_ms():.0f}", flush=True))
        window.show()
        code = app.exec()
        action = window.pending_action
        guard.activation_requested.disconnect(window.raise_window)
        damaged = start.finish()
        _close(store, backup=action is None and not args.quit_after_paint and damaged is None)
        window.deleteLater()
        if damaged is not None:
            if not _recover(args, damaged, interactive=interactive):
                return 2
            continue
        if action is None:
            return code
        try:
            action()
        except RelasiError as exc:
            _report_error(exc.message, interactive=True)


def _check_now(store: Store) -> RelasiError | None:
    return store.run_held_check()


def _recover(args: argparse.Namespace, damaged: RelasiError, *, interactive: bool) -> bool:
    """After a failed check: restore or salvage (``args.db`` then names what to open),
    True to open again; without interaction the error is reported and False returned."""
    if not interactive:
        _report_error(damaged.message, interactive=False)
        return False
    path = Path(resolve_db_path(args.db))
    replacement = recover_damaged(path, damaged)
    if replacement is None:
        return False
    args.db = str(replacement)
    return True


class StartAfterPaint(QObject):
    """What the start leaves until the window has painted once: the integrity check
    and the Trash purge (models.vault.safe_open.finish_open, in a worker; writes wait
    for it), then the daily backup. A failed check closes the window, and the start
    loop offers to restore or salvage, as when the check ran before the window.

    With ``quit_after_paint`` the window closes once it has painted and been checked.
    """

    def __init__(self, window: QWidget, store: Store, *, quit_after_paint: bool) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._quit_after_paint = quit_after_paint
        self._failure: RelasiError | None = None
        self._thread: threading.Thread | None = None
        #: Called right after the first paint (before the check starts).
        self.painted: list[Callable[[], None]] = []
        FirstPaintWatcher(window, self._after_paint)

    def finish(self) -> RelasiError | None:
        """Once the window is closed: the check's outcome, waiting for it (or running
        it, if the window closed before its first paint); None when it passed."""
        if self._thread is None:
            return self._failure or _check_now(self._store)
        self._thread.join()
        return self._failure or self._store.writes_refused

    def _after_paint(self) -> None:
        from models.vault.safe_open import finish_open
        from ui.workers import run_in_thread

        for call in self.painted:
            call()
        self._thread = run_in_thread(
            lambda: finish_open(self._store),
            self._passed,
            self._failed,
            self,
            name="relasi-check",
        )

    def _passed(self, _result: object) -> None:
        if self._quit_after_paint:
            self._close()
            return
        backup_actions = getattr(self._window, "backup_actions", None)
        if backup_actions is not None:
            QTimer.singleShot(DAILY_BACKUP_DELAY_MS, backup_actions.start_daily_backup)
        sync_actions = getattr(self._window, "sync_actions", None)
        if sync_actions is not None:  # team sync once writes are open, then every few minutes
            QTimer.singleShot(SYNC_START_DELAY_MS, sync_actions.start_background)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, RelasiError):
            exc = RelasiError(f"{self._store.path} could not be checked: {type(exc).__name__}")
        self._failure = exc
        self._close()

    def _close(self) -> None:
        self._window.close()
        QApplication.quit()


DAILY_BACKUP_DELAY_MS = 5_000
SYNC_START_DELAY_MS = 1_000


def _close(store: Store, *, backup: bool) -> None:
    """Close the store, with the backup at close (the window is already gone)."""
    try:
        if backup:
            close_with_backup(store)
        else:
            store.close()
    except RelasiError as exc:
        print(f"relasi: warning: backup at close failed: {exc.message}", file=sys.stderr)
