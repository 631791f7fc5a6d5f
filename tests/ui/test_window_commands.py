"""Menu commands of the main window that end in a dialog or a message: bad input
refused with a message, entries deleted and undone, a deleted client leaving the
timeline, Help ▸ About, and a new client from Client ▸ New client."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from models import services
from models.queries.clients import client_names
from models.rows import InteractionRow
from models.store import open_store
from models.version import app_version
from tests.ui.user import Script, click
from ui.main_window import MainWindow


def test_a_note_on_a_client_deleted_elsewhere_is_refused_with_a_message(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    window.clients.show_client(sample["acme"])
    composer = window.findChild(QPlainTextEdit, "noteComposer")
    assert composer is not None
    qtbot.keyClicks(composer, "   ")
    qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.count() == 0  # blank: nothing saved, nothing asked
    other = open_store(window.store.path)  # another process moves Acme to Trash
    try:
        with other.write() as uow:
            services.soft_delete(uow, "account", sample["acme"])
    finally:
        other.close()
    composer.clear()
    qtbot.keyClicks(composer, "Called about the renewal")
    script = Script().dialog(click("OK"), QMessageBox)
    with script:
        qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert script.done and script.unexpected == []
    title, _, message = script.seen[0].partition("\n")
    # Today: "no account with id <uuid>" (see the report: not a message for a user).
    assert title == "Relasi" and "account" in message
    assert composer.toPlainText() == "Called about the renewal"  # kept, nothing lost
    assert window.stack.count() == 0


def test_delete_entry_from_the_timeline_and_undo(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    window.clients.show_client(sample["kopi"])
    view = window.timeline.view
    model = window.timeline.model
    row = next(i for i in range(model.rowCount()) if isinstance(model.item(i), InteractionRow))
    assert not window.actions_["actionDeleteEntry"].isEnabled()  # nothing chosen yet
    view.setCurrentIndex(model.index(row, 0))
    assert window.timeline.current_entry() == sample["call"]
    assert window.actions_["actionDeleteEntry"].isEnabled()
    window.actions_["actionDeleteEntry"].trigger()
    qtbot.waitUntil(lambda: model.entry_count() == 0)
    assert window.stack.undoText() == "Delete entry"
    window.stack.undo()
    qtbot.waitUntil(lambda: model.entry_count() == 1)


def test_deleting_the_shown_client_clears_it_from_the_timeline(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    window.clients.show_client(sample["globex"])
    assert window.timeline.header.title.text() == "Globex Inc"
    window.actions_["actionDeleteClient"].trigger()  # Client ▸ Move client to Trash
    qtbot.waitUntil(lambda: window.current_client != sample["globex"])
    assert window.timeline.header.title.text() != "Globex Inc"
    assert window.stack.undoText() == "Move “Globex Inc” to Trash"


def test_about_names_the_version(window: MainWindow) -> None:
    script = Script().dialog(click("OK"), QMessageBox)
    with script:
        window.actions_["actionAbout"].trigger()
    assert script.done and script.unexpected == []
    assert script.seen == [
        f"About Relasi\nRelasi {app_version()}\nAn offline client-relationship organizer."
    ]


def test_new_client_from_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_["actionNewClient"].trigger()  # Client ▸ New client…
    (dialog,) = [d for d in window.findChildren(QDialog, "accountDialog") if d.isVisible()]
    assert dialog.windowTitle() == "New client"
    fields = {w.accessibleName(): w for w in dialog.findChildren(QLineEdit)}
    qtbot.keyClicks(fields["Name"], "Nusantara Foods")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.finished):
        save.click()
    qtbot.waitUntil(
        lambda: "Nusantara Foods"
        in [window.clients.model.row(window.clients.model.index(i, 0)).name
            for i in range(window.clients.model.rowCount())]
    )  # fmt: skip
    assert "Nusantara Foods" in [n for _, n in client_names(window.store)]
    assert window.stack.undoText() == "New client “Nusantara Foods”"
