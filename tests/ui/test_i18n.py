"""English and Bahasa Indonesia: the translation is complete, loads, and switches live."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui import formatting, i18n_check
from ui.i18n import resolve_language
from ui.main_window import MainWindow
from ui.settings_dialog import apply_language


def test_every_source_string_has_an_indonesian_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "relasi_id.ts"
    shutil.copyfile(i18n_check.TS, fresh)
    i18n_check.update_ts(fresh)  # what lupdate finds in ui/ today
    assert i18n_check.unfinished(fresh) == []


def test_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "relasi_id.qm"
    i18n_check.release(i18n_check.TS, qm)
    assert qm.read_bytes() == i18n_check.QM.read_bytes()


def test_window_switches_to_indonesian_and_back(window: MainWindow, qtbot: QtBot) -> None:
    model = window.clients.model
    try:
        apply_language("id")  # Qt posts LanguageChange; the window retranslates itself
        qtbot.waitUntil(lambda: window.actions_.menus["file"].title() == "&Berkas")
        assert window.clients.search.placeholderText() == "Saring klien, kontak, tag (Ctrl+F)"
        header = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert header == "Klien"
        now = window.store.clock.now()
        assert formatting.relative(now - timedelta(days=3), now) == "3 hari yang lalu"
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: window.actions_.menus["file"].title() == "&File")
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Client"


def test_language_choice() -> None:
    assert resolve_language("id") == "id"
    assert resolve_language("en") == "en"
    assert resolve_language("") in {"en", "id"}
