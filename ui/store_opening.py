"""Opening the store from the window (and the quick-capture dialog): a passphrase asked,
a keyring problem offered a way out, a damaged database restored or salvaged, a plain
one encrypted; without interaction every problem is one line on stderr."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from models.errors import (
    KeyMissingError,
    KeyringUnavailableError,
    PlaintextDatabaseError,
    RelasiError,
)
from models.paths import resolve_db_path
from models.store import Store
from models.vault import unlock
from models.vault.backup import list_backups
from models.vault.integrity import DamagedDatabaseError, salvage
from models.vault.opening import open_database
from models.vault.restore import restore_backup
from models.vault.unlock import PassphraseRequiredError
from ui.start_messages import report_error as _report_error
from ui.unlock import KeyringProblemDialog, PassphraseDialog, offer_encrypt


def open_interactively(
    args: argparse.Namespace, *, interactive: bool, quick: bool = False
) -> Store | None:
    """Open the database, asking for a passphrase or a way out of a keyring problem.

    Without interaction (``--quit-after-paint``) every problem is one line on stderr.
    ``quick`` (the main window, which runs the check after its first paint: see
    WindowStart) leaves the integrity check for later and holds writes until it.
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
