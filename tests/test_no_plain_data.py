"""No client data or secret lands anywhere in plain bytes: a scripted session with
marker texts, then every file in the data folder, the log and the settings are
searched for them. And the files Relasi creates are private (0600 / 0700)."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.logscrub import scrubbed_handler
from models.vault.backup import backup_store
from models.vault.recovery import export_recovery
from models.vault.safe_open import open_with_safety
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CLIENT = "MARKER-ZEBRA-CLIENT"
NOTE = "MARKER-NOTE-TEXT"
EMAIL = "marker.zebra@example.com"
PHONE = "+62 812 3456 7890"
MARKERS = [CLIENT, NOTE, EMAIL, "812 3456 7890", "81234567890", "MARKER"]


def _found(folder: Path) -> list[str]:
    hits = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for marker in MARKERS:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if marker.encode(encoding) in data:
                    hits.append(f"{path.name}: {marker} ({encoding})")
    return hits


def test_scripted_session_leaves_no_marker_in_plain_bytes(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    log = logging.getLogger("relasi.session")
    handler = scrubbed_handler(logging.FileHandler(data / "relasi.log", encoding="utf-8"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        store = open_with_safety(data / "relasi.db", clock=clock)
        with store.write() as uow:
            account = services.create_account(uow, CLIENT)
            services.create_contact(
                uow, "Marker Contact", account_id=account, emails=[EMAIL], phones=[PHONE]
            )
            services.add_interaction(uow, account, subject="Call", body=NOTE)
        log.info("saved note %r for contact <%s>, phone %s", NOTE, EMAIL, PHONE)
        log.warning('import of "%s" skipped a row: %s at %s', CLIENT, EMAIL, PHONE)
        try:
            raise ValueError(f"cannot parse {NOTE!r}")
        except ValueError:
            log.exception("failed on %s", EMAIL)
        backup_store(store)
        export_recovery(store, data / "relasi-recovery.json")
        settings = Settings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        window.show()
        window.select_client(account)
        window.close()
        store.close()
    finally:
        log.removeHandler(handler)
        handler.close()
    assert "<email>" in (data / "relasi.log").read_text()  # the log was written
    assert account in (data / "settings.ini").read_text()  # only the id is kept
    assert _found(data) == []


def test_cli_files_are_private(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    folder = tmp_path / "new"
    folder.mkdir()
    db = folder / "relasi.db"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    # Passphrase mode: no keyring needed in the child (the rekey writes a new file).
    from models.vault import unlock

    unlock.create_with_passphrase(db, "private files")
    unlock.forget()
    for args in (["unlock", "--passphrase-stdin"], ["passphrase", "change"]):
        subprocess.run(
            [sys.executable, "main.py", "--db", str(db), *args],
            input="private files\nprivate files 2\n",
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    loose = [
        f"{p.name} {oct(stat.S_IMODE(p.stat().st_mode))}"
        for p in folder.rglob("*")
        if stat.S_IMODE(p.stat().st_mode) & 0o077
    ]
    assert loose == []
    assert sorted(p.name for p in folder.iterdir()) == ["relasi.db", "relasi.db.unlock"]
