"""The window paints its frame before the store is open: the three panes as empty
placeholders (with the objectNames tests and users find them by), the menus, and only
Quit working; attach() then builds the real panes in their places and fills them.
WindowStart (what runs after the frame's first paint) opens the store in a worker and
attaches it; a window closed while the store is still opening leaves nothing open."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from models.store import Store, open_store
from tests.models.helpers import account
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.window_start import WindowStart


def names(window: MainWindow) -> list[str]:
    model = window.clients.model
    return [model.row(model.index(i, 0)).name for i in range(model.rowCount())]


def test_the_frame_paints_with_placeholders_and_only_quit_works(
    qtbot: QtBot, settings: Settings
) -> None:
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.is_attached
    for name in ("clientList", "timeline", "followUps"):
        view = window.findChild(QAbstractItemView, name)
        assert view is not None and view.isVisible()
        assert view.focusPolicy() == Qt.FocusPolicy.NoFocus and view.model() is None
        assert view.accessibleName()
    search = window.findChild(QLineEdit, "clientSearch")
    assert search is not None and not search.isEnabled()
    enabled = [a.objectName() for a in window.actions_.all() if a.isEnabled()]
    assert enabled == ["actionQuit"]
    assert window.menuBar().actions()  # the menus are there, greyed out
    window.actions_["actionQuit"].trigger()
    assert not window.isVisible()


def test_attach_puts_the_filled_panes_in_the_placeholders_places(
    qtbot: QtBot, store: Store, settings: Settings, sample: dict[str, str]
) -> None:
    settings.window_splitter = None
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    sizes = window.splitter.sizes()
    with qtbot.waitSignal(window.attached):
        window.attach(store)
    assert window.is_attached
    assert sorted(names(window)) == ["Acme Corp", "Globex Inc", "PT Kopi Nusantara"]
    assert window.splitter.count() == 3
    assert [window.splitter.widget(i) for i in range(3)] == [
        window.clients,
        window.timeline,
        window.followups,
    ]
    assert window.splitter.sizes() == sizes  # the layout does not jump
    # The placeholders are gone: each objectName now finds the real pane's widget.
    assert window.findChildren(QAbstractItemView, "clientList") == [window.clients.view]
    assert window.findChildren(QAbstractItemView, "timeline") == [window.timeline.view]
    assert window.findChildren(QAbstractItemView, "followUps") == [window.followups.view]
    assert window.findChildren(QLineEdit, "clientSearch") == [window.clients.search]
    assert window.actions_["actionNewClient"].isEnabled()
    assert window.actions_["actionSearchAll"].isEnabled()
    assert not window.actions_.undo.isEnabled()  # nothing to undo yet
    qtbot.waitUntil(lambda: window.current_client != "")  # the first client is shown
    window.close()


def test_closing_the_frame_before_attaching_keeps_no_settings(
    qtbot: QtBot, settings: Settings
) -> None:
    settings.last_client_id = "someone"
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert settings.last_client_id == "someone"  # no pane: the view choices stay


def start_args(db: Path) -> argparse.Namespace:
    return argparse.Namespace(db=str(db), demo=False, quit_after_paint=True)


def test_window_start_opens_the_store_off_the_gui_thread_and_fills_the_window(
    qtbot: QtBot, db_path: Path, settings: Settings
) -> None:
    seed = open_store(db_path)
    account(seed, "Acme Corp")
    seed.close()
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    filled: list[bool] = []
    start = WindowStart(window, start_args(db_path), on_filled=lambda: filled.append(True))
    with qtbot.waitSignal(window.attached, timeout=20_000):
        start.begin()
    assert names(window) == ["Acme Corp"]
    qtbot.waitUntil(lambda: filled == [True], timeout=20_000)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)  # checked, then closed
    assert start.finish() is None and start.code == 0 and start.attached
    assert start.store is not None
    start.store.close()


def test_a_window_closed_while_the_store_opens_leaves_it_to_be_closed(
    qtbot: QtBot, db_path: Path, settings: Settings
) -> None:
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    start = WindowStart(window, start_args(db_path))
    start.begin()
    window.close()  # before the worker's result came back: never attached
    assert start.finish() is None
    assert start.store is not None and not start.attached and not window.is_attached
    start.store.close()
    open_store(db_path).close()  # nothing left holding it


def test_a_failed_open_gives_up_with_status_2(
    qtbot: QtBot, tmp_path: Path, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    start = WindowStart(window, start_args(folder))
    start.begin()
    qtbot.waitUntil(lambda: start.code == 2, timeout=20_000)
    assert start.store is None and start.error is None and not window.isVisible()
    assert start.finish() is None
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("relasi: error: ")


def test_placeholder_widgets_are_not_left_behind(
    qtbot: QtBot, store: Store, settings: Settings
) -> None:
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    leftovers = [w for w in window.findChildren(QWidget) if w.objectName().endswith("Placeholder")]
    assert leftovers == []


def test_a_window_that_never_paints_is_still_checked(
    qtbot: QtBot, db_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started minimised (here: never shown), the lists do not paint; the integrity
    check, which writes wait for, starts at the latest after CHECK_AT_THE_LATEST_MS."""
    from ui import window_start

    monkeypatch.setattr(window_start, "CHECK_AT_THE_LATEST_MS", 50)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    filled: list[bool] = []
    start = WindowStart(window, start_args(db_path), on_filled=lambda: filled.append(True))
    with qtbot.waitSignal(window.attached, timeout=20_000):
        start.begin()
    assert not window.clients.view.viewport().isVisible()
    qtbot.waitUntil(lambda: filled == [True], timeout=20_000)
    qtbot.wait(100)  # the timer and the check's outcome: once each
    assert filled == [True]
    assert start.finish() is None and start.store is not None
    assert start.store.writes_refused is None
    start.store.close()
