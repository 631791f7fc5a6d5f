"""Help ▸ Keyboard shortcuts and User guide; the Lock item's shortcut is a real shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from ui.help_dialogs import GuideDialog, ShortcutSheet
from ui.main_window import MainWindow
from ui.settings_dialog import apply_language


def sheet_rows(sheet: ShortcutSheet) -> dict[str, str]:
    m = sheet.table.model()
    return {m.index(r, 0).data(): m.index(r, 1).data() for r in range(m.rowCount())}


def test_lock_item_has_a_shortcut_not_a_label_suffix(window: MainWindow, qtbot: QtBot) -> None:
    lock = window.actions_["actionLock"]
    assert "Ctrl" not in lock.text()
    assert lock.text().replace("&", "") == "Lock"
    assert lock.shortcut() == QKeySequence("Ctrl+L")
    assert lock in window.actions_.menus["tools"].actions()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.lock_screen.is_locked
    window.lock_screen.unlock()


def test_help_menu_lists_guide_shortcuts_and_about(window: MainWindow) -> None:
    names = [a.objectName() for a in window.actions_.menus["help"].actions() if a.objectName()]
    assert names == ["actionGuide", "actionShortcuts", "actionAbout"]


def test_shortcut_sheet_reads_the_window_actions(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_["actionShortcuts"].trigger()
    sheet = window.findChild(ShortcutSheet)
    assert sheet is not None and sheet.isVisible()
    rows = sheet_rows(sheet)
    assert rows["Lock"] == QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Jump to"] == "Ctrl+K"
    assert rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    assert "New client" not in rows  # no shortcut, not listed
    # Every action of the window that has a shortcut is on the sheet.
    with_keys = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert with_keys and len(rows) >= len({a.text() for a in with_keys}) - 1
    sheet.close()


def test_shortcut_sheet_follows_a_changed_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_["actionExport"].setShortcut(QKeySequence("Ctrl+E"))
    sheet = ShortcutSheet(window.findChildren(QAction), window)
    qtbot.addWidget(sheet)
    assert sheet_rows(sheet)["Export"] == "Ctrl+E"


def test_user_guide_in_english_and_indonesian(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_["actionGuide"].trigger()
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    assert "Relasi in five minutes" in text
    assert "File ▸ New client…" in text  # rendered Markdown, no asterisks left
    assert "*File" not in text
    guide.close()
    try:
        apply_language("id")
        qtbot.waitUntil(lambda: window.actions_.menus["file"].title() == "&Berkas")
        indonesian = GuideDialog(window)
        qtbot.addWidget(indonesian)
        assert "Relasi dalam lima menit" in indonesian.browser.toPlainText()
        assert "Berkas ▸ Klien baru…" in indonesian.browser.toPlainText()
    finally:
        apply_language("en")
