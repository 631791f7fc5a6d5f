"""The Trash view: deleted items listed, restored (undoably), emptied after asking."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.queries.stats import trash
from tests.ui.user import Script, click
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


@pytest.mark.parametrize(("answer", "left"), [("Cancel", 1), ("Yes", 0)])
def test_empty_trash_asks_first(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], answer: str, left: int
) -> None:
    window.run(DeleteCommand(window.store, "Delete", [("interaction", sample["call"])]))
    window.actions_["actionTrash"].trigger()  # Edit ▸ Trash…
    (dialog,) = [d for d in window.findChildren(TrashDialog) if d.isVisible()]
    assert dialog.model.rowCount() == 1
    script = Script().dialog(click(answer), QMessageBox)
    with script:
        dialog.empty_button.click()
    assert script.done and script.unexpected == []
    assert script.seen == ["Empty Trash\nDelete 1 items for good? This cannot be undone."]
    assert len(trash(window.store)) == left
    assert dialog.model.rowCount() == left  # the list shows what is left
    assert window.stack.canUndo() == (left == 1)  # purged: undo steps are dropped
    with Script() as nothing:  # with the Trash empty, nothing is asked
        if left == 0:
            dialog.empty_button.click()
    assert nothing.unexpected == []
