"""A document's bytes are never in plain under the user's folders: a marker inside an
attached file (several chunks, and a small one dropped on the window) is found nowhere
in the data folder (database, WAL, backups, settings) or the runtime folder after
attaching, opening, backing up, closing and starting again (the scan the "no plain
data" test uses). The folder a document was opened from is gone after close."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries.documents import documents_of, read_document
from models.services.documents import CHUNK_BYTES, attach
from models.vault.backup import backup_store
from models.vault.safe_open import open_with_safety
from tests.test_no_plain_data import MARKERS, _found
from tests.ui.test_documents import drop_on
from ui.documents.files import close_viewing_folder, viewing_folder
from ui.main_window import MainWindow
from ui.settings import Settings

CONTENT = b"MARKER-NOTE-TEXT inside a contract; " * (CHUNK_BYTES // 16)


def test_attached_bytes_are_never_in_plain_under_the_user_folders(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    outside = tmp_path / "downloads"  # where the user's own files are: not ours to scan
    outside.mkdir()
    big, small = outside / "kontrak.pdf", outside / "catatan.docx"
    big.write_bytes(CONTENT)
    small.write_bytes(b"MARKER-NOTE-TEXT in a small note")
    assert len(CONTENT) > 2 * CHUNK_BYTES and MARKERS[1].encode() in CONTENT

    store = open_with_safety(data / "relasi.db", clock=clock)
    with store.write() as uow:
        account = services.create_account(uow, "PT Penanda")
        attach(uow, name=big.name, data=big, account_id=account)
    settings = Settings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    window.select_client(account)
    header = window.timeline.header
    drop_on(window, [small], header.mapTo(window, header.rect().center()))
    assert sorted(r.name for r in documents_of(store, account_id=account)) == [
        "catatan.docx",
        "kontrak.pdf",
    ]
    # Opened: in plain in the private folder while the viewer has it...
    opened = window.document_actions.doc_actions
    opened.launch = lambda url: None
    path = opened.open(documents_of(store, account_id=account)[0].id)
    assert path is not None and path.is_relative_to(runtime)
    folder = viewing_folder().path
    assert folder is not None and stat.S_IMODE(folder.stat().st_mode) == 0o700
    backup_store(store)
    window.close()
    close_viewing_folder()  # what the app does when it quits
    store.close()
    assert not folder.exists()
    assert _found(data) == [] and _found(runtime) == []

    # Started again: the bytes come back, and are still nowhere in plain.
    store = open_with_safety(data / "relasi.db", clock=clock)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    rows = {r.name: r.id for r in documents_of(store, account_id=account)}
    assert read_document(store, rows["kontrak.pdf"]) == CONTENT
    window.close()
    store.close()
    assert _found(data) == [] and _found(runtime) == []
    assert list((data / "backups").glob("*.db"))  # the backup was scanned too


@pytest.mark.secret_service
def test_a_start_sweeps_what_a_killed_relasi_left_open(
    tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    """A real start (``--quit-after-paint``) removes the opened-documents folder a killed
    Relasi left, and leaves the folder of one still running (it holds its lock)."""
    import subprocess
    import sys

    from models.vault.viewing import ViewingFolder

    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    root = runtime / "Relasi" / "opened"
    dead = root / "open-dead1234"
    dead.mkdir(parents=True)
    (dead / "kontrak.pdf").write_bytes(b"MARKER-NOTE-TEXT left by a killed Relasi")
    alive = ViewingFolder(root)  # another Relasi, still running
    alive_path = alive._folder()
    env = {**secret_service_env, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}
    root_dir = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            [sys.executable, str(root_dir / "main.py"), "--db", str(tmp_path / "x.db"),
             "--quit-after-paint"],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert not dead.exists() and alive_path.is_dir()
    finally:
        alive.close()
    assert _found(runtime) == []
