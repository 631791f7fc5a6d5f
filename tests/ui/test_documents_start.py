"""At start, the folders of opened documents a Relasi left behind (it crashed, it was
killed) are removed; the folder of a Relasi still running (it holds its lock) stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from models.store import open_store
from models.vault.viewing import ViewingFolder, viewing_root
from tests.models.helpers import account
from tests.ui.test_app import gui, start

__all__ = ["gui"]  # the fixture, used by name


def test_start_sweeps_the_folders_of_dead_processes(
    gui: QApplication, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    root = viewing_root()
    assert root.is_relative_to(runtime)
    dead = root / "open-dead1234"
    dead.mkdir(parents=True)
    (dead / "kontrak.pdf").write_bytes(b"left in plain by a killed Relasi")
    alive = ViewingFolder()  # another Relasi, still running
    alive_path = alive._folder()
    store = open_store(db_path)
    account(store, "Acme Corp")
    store.close()
    try:
        assert start(db_path, "--quit-after-paint") == 0
        assert not dead.exists()
        assert alive_path.is_dir()
    finally:
        alive.close()
    assert not alive_path.exists()
