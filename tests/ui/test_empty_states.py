"""Empty states say what to do next, and name menus that really hold that command."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from models.store import Store
from ui.import_commands import ImportHistoryDialog
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.trash import TrashDialog


@pytest.fixture
def empty_window(qtbot: QtBot, store: Store, settings: Settings) -> Iterator[MainWindow]:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def menu_path(window: MainWindow, action_name: str) -> str:
    """'File ▸ New client…': the menu that holds the action, then the action."""
    action = window.findChild(QAction, action_name)
    assert action is not None
    for menu in window.actions_.menus.values():
        if action in menu.actions():
            return f"{menu.title().replace('&', '')} ▸ {action.text().replace('&', '')}"
    raise AssertionError(f"{action_name} is in no menu")


def test_empty_database_timeline_names_the_real_menu(empty_window: MainWindow) -> None:
    header = empty_window.timeline.header
    assert header.title.text() == "No clients yet"
    text = header.facts.text()
    assert "Pick a client on the left" not in text
    assert menu_path(empty_window, "actionNewClient") in text  # File ▸ New client…
    assert menu_path(empty_window, "actionImport") in text


def test_with_clients_but_none_chosen_says_pick_one(window: MainWindow) -> None:
    window.timeline.set_account("")
    assert window.timeline.header.title.text() == "No client selected"
    assert "Pick a client on the left" in window.timeline.header.facts.text()


def test_empty_trash_says_so(qtbot: QtBot, empty_window: MainWindow) -> None:
    dialog = TrashDialog(empty_window.store, empty_window.stack, empty_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.view.isVisible()
    assert dialog.empty.text().startswith("Trash is empty.")
    assert not dialog.empty_button.isEnabled()


def test_trash_with_items_shows_the_table(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    from models import services

    with window.store.write() as uow:
        services.soft_delete(uow, "account", sample["globex"])
    dialog = TrashDialog(window.store, window.stack, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.view.isVisible() and not dialog.empty.isVisible()


def test_empty_import_history_says_how_to_import(qtbot: QtBot, empty_window: MainWindow) -> None:
    dialog = ImportHistoryDialog(empty_window.store, empty_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.view.isVisible()
    assert dialog.empty.text().startswith("No imports yet.")
    assert menu_path(empty_window, "actionImport") in dialog.empty.text()


def test_empty_database_text_names_the_real_menu_in_indonesian(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    from ui.settings_dialog import apply_language

    try:
        apply_language("id")
        qtbot.waitUntil(lambda: empty_window.actions_.menus["file"].title() == "&Berkas")
        text = empty_window.timeline.header.facts.text()
        assert menu_path(empty_window, "actionNewClient") in text
        assert menu_path(empty_window, "actionImport") in text
    finally:
        apply_language("en")
