"""The Trash view: deleted items listed, restored (undoably), emptied after asking."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.queries.stats import trash
from ui.commands import DeleteCommand
from ui.main_window import MainWindow
from ui.trash import TrashDialog


def test_restore_from_trash_and_undo_it(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    window.run(DeleteCommand(window.store, "Delete", [("account", sample["globex"])]))
    dialog = TrashDialog(window.store, window.stack, window)
    qtbot.addWidget(dialog)
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == [
        "Globex Inc"
    ]
    assert dialog.model.index(0, 1).data() == "Client"
    dialog.view.selectRow(0)
    dialog.restore_selected()
    assert dialog.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.clients.model.row_of(sample["globex"]) >= 0)
    window.stack.undo()  # back to Trash
    assert [t.id for t in trash(window.store)] == [sample["globex"]]


@pytest.mark.parametrize(
    ("answer", "left"),
    [(QMessageBox.StandardButton.Cancel, 1), (QMessageBox.StandardButton.Yes, 0)],
)
def test_empty_trash_asks_first(
    window: MainWindow,
    qtbot: QtBot,
    sample: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    left: int,
) -> None:
    window.run(DeleteCommand(window.store, "Delete", [("interaction", sample["call"])]))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: (asked.append(text), answer)[1]
    )
    dialog = TrashDialog(window.store, window.stack, window)
    qtbot.addWidget(dialog)
    dialog.empty_trash()
    assert asked and "cannot be undone" in asked[0]
    assert len(trash(window.store)) == left
