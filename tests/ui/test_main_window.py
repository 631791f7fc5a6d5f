"""The main window driven as a user would: filter, select, write, complete, snooze,
undo/redo, reminders, palette, settings restored."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QListView, QPlainTextEdit, QTableView, QTreeView
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries import clients as client_queries
from models.rows import InteractionRow
from models.store import Store, open_store
from ui.main_window import MainWindow
from ui.palette import CommandPalette
from ui.settings import Settings


def client_names(window: MainWindow) -> list[str]:
    model = window.clients.model
    return [model.row(model.index(i, 0)).name for i in range(model.rowCount())]


def select(window: MainWindow, account_id: str) -> None:
    assert window.clients.show_client(account_id)
    window.timeline.after_paint.flush()  # the other panes follow the timeline's paint


def test_panes_have_their_object_names(window: MainWindow) -> None:
    assert isinstance(window.findChild(QTableView, "clientList"), QTableView)
    assert isinstance(window.findChild(QLineEdit, "clientSearch"), QLineEdit)
    assert isinstance(window.findChild(QListView, "timeline"), QListView)
    assert isinstance(window.findChild(QPlainTextEdit, "noteComposer"), QPlainTextEdit)
    assert isinstance(window.findChild(QTreeView, "followUps"), QTreeView)


def test_typing_in_search_filters_the_list(window: MainWindow, qtbot: QtBot) -> None:
    search = window.findChild(QLineEdit, "clientSearch")
    assert client_names(window) == ["Acme Corp", "Globex Inc", "PT Kopi Nusantara"]
    qtbot.keyClicks(search, "kopi")
    assert client_names(window) == ["PT Kopi Nusantara"]
    search.clear()
    qtbot.keyClicks(search, "santoso")  # a contact's name finds the client
    assert client_names(window) == ["PT Kopi Nusantara"]
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == "" and len(client_names(window)) == 3


def test_ctrl_f_focuses_search(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.actions_["actionFind"].trigger()
    assert window.clients.search.hasFocus()


def test_selecting_a_client_shows_its_timeline(window: MainWindow, sample: dict[str, str]) -> None:
    select(window, sample["acme"])
    model = window.timeline.model
    entries = [model.item(i) for i in range(model.rowCount())]
    subjects = [e.subject for e in entries if isinstance(e, InteractionRow)]
    assert subjects == ["Kick-off"]
    assert window.timeline.header.title.text() == "Acme Corp"
    select(window, sample["kopi"])
    assert "Budi Santoso" in window.timeline.header.people.text()


def test_composer_adds_entry_and_updates_last_contact(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    select(window, sample["acme"])
    composer = window.findChild(QPlainTextEdit, "noteComposer")
    qtbot.keyClicks(composer, "Called about the renewal")
    qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    model = window.timeline.model

    def newest() -> str:
        entry = model.item(1)
        return entry.body if isinstance(entry, InteractionRow) else ""

    qtbot.waitUntil(lambda: newest() == "Called about the renewal")
    assert composer.toPlainText() == ""
    row = window.clients.model.row_of(sample["acme"])
    last = window.clients.model.index(row, 3).data()
    qtbot.waitUntil(lambda: window.clients.model.index(row, 3).data() != "1 month ago")
    assert window.clients.model.index(row, 3).data() == "just now", last
    assert window.actions_.undo.text() == "&Undo New note"
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: newest() == "**Budget** agreed")
    window.stack.redo()
    qtbot.waitUntil(lambda: newest() == "Called about the renewal")


def test_complete_and_snooze_move_between_sections(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    pane = window.followups
    assert pane.section_titles("overdue") == ["Send proposal"]
    item = pane.index_for(sample["overdue"])
    assert item is not None
    # What clicking the check box does.
    pane.model.setData(item, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: pane.section_titles("done") == ["Send proposal"])
    assert pane.section_titles("overdue") == []
    window.stack.undo()
    qtbot.waitUntil(lambda: pane.section_titles("overdue") == ["Send proposal"])
    window.stack.redo()
    qtbot.waitUntil(lambda: pane.section_titles("done") == ["Send proposal"])

    assert sample["soon"] in pane.section_ids("today")
    window.followup_actions.snooze(sample["soon"], clock.now() + timedelta(days=3))
    qtbot.waitUntil(lambda: sample["soon"] in pane.section_ids("upcoming"))
    assert "Snooze" in window.stack.undoText()
    window.stack.undo()
    qtbot.waitUntil(lambda: sample["soon"] in pane.section_ids("today"))


def test_followups_for_selected_client_only(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    pane = window.followups
    select(window, sample["globex"])
    pane.scope.setChecked(False)
    assert pane.section_titles("upcoming") == ["Quarterly review"]
    assert pane.section_titles("overdue") == [] and pane.section_titles("today") == []
    assert window.actions_["actionAllFollowUps"].isChecked() is False


def test_delete_client_with_undo(window: MainWindow, qtbot: QtBot, sample: dict[str, str]) -> None:
    select(window, sample["globex"])
    window.clients.view.setFocus()
    qtbot.keyClick(window.clients.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "Globex Inc" not in client_names(window))
    assert "Globex Inc" in window.stack.undoText()
    window.stack.undo()
    qtbot.waitUntil(lambda: "Globex Inc" in client_names(window))


def test_reminder_fires_when_clock_passes_due_time(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, sample: dict[str, str]
) -> None:
    assert window.reminders.check() == []
    clock.advance(timedelta(minutes=31))
    with qtbot.waitSignal(window.reminders.due) as blocker:
        window.reminders.check()
    assert blocker.args[0].id == sample["soon"]
    assert window.banner.isVisible() and "Call Budi back" in window.banner.label.text()
    assert window.reminders.check() == []  # told once
    window.banner.open_button.click()
    assert window.current_client == sample["kopi"]


def palette_entries(palette: CommandPalette) -> list[tuple[str, str]]:
    """What the palette lists, as (kind, label) in the order shown."""
    items = (palette.list.item(i) for i in range(palette.list.count()))
    return [
        (entry.kind, entry.label)
        for entry in (item.data(Qt.ItemDataRole.UserRole) for item in items)
    ]


def selected_client_names(window: MainWindow) -> list[str]:
    rows = window.clients.view.selectionModel().selectedRows()
    return [window.clients.model.row(index).name for index in rows]


def test_command_palette_jumps_to_a_client(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    select(window, sample["acme"])
    palette = window.app_actions.show_palette()
    assert palette.objectName() == "commandPalette" and palette.isVisible()
    assert palette.input.hasFocus()
    # Before typing: only commands, no client.
    assert palette.list.count() > 0
    assert {kind for kind, _ in palette_entries(palette)} == {"action"}
    qtbot.keyClicks(palette.input, "globx")
    assert [label for kind, label in palette_entries(palette) if kind == "client"] == ["Globex Inc"]
    assert palette.list.currentItem().text() == "Globex Inc"
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.current_client == sample["globex"]
    assert selected_client_names(window) == ["Globex Inc"]
    assert window.clients.current_id() == sample["globex"]
    assert window.timeline.header.title.text() == "Globex Inc"
    qtbot.waitUntil(lambda: window.followups.account_id == sample["globex"])


def test_command_palette_arrow_keys_choose_among_matches(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    palette = window.app_actions.show_palette()
    qtbot.keyClicks(palette.input, "inc")
    # "PT Kopi Nusantara" shares letters with "inc" but is a poor match: not listed.
    assert palette_entries(palette) == [
        ("client", "Globex Inc"),
        ("search", "Search everything for “inc”"),
    ]
    assert palette.list.currentRow() == 0
    qtbot.keyClick(palette.input, Qt.Key.Key_Up)  # already at the top: stays there
    assert palette.list.currentRow() == 0
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)
    qtbot.keyClick(palette.input, Qt.Key.Key_Down)  # at the bottom: stays there
    assert palette.list.currentRow() == 1
    qtbot.keyClick(palette.input, Qt.Key.Key_Up)
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert window.current_client == sample["globex"]
    assert selected_client_names(window) == ["Globex Inc"]


def test_command_palette_finds_a_client_hidden_by_the_filter(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    qtbot.keyClicks(window.clients.search, "kopi")
    assert client_names(window) == ["PT Kopi Nusantara"]
    palette = window.app_actions.show_palette()
    qtbot.keyClicks(palette.input, "globex")
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    # The filter that hid Globex is cleared, and Globex is selected in the full list.
    assert window.clients.search.text() == ""
    assert client_names(window) == ["Acme Corp", "Globex Inc", "PT Kopi Nusantara"]
    assert selected_client_names(window) == ["Globex Inc"]
    assert window.current_client == sample["globex"]


def test_command_palette_with_no_match_offers_the_search_over_everything(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    select(window, sample["acme"])
    palette = window.app_actions.show_palette()
    qtbot.keyClicks(palette.input, "zzqqxx")
    assert palette_entries(palette) == [("search", "Search everything for “zzqqxx”")]
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert not palette.isVisible()
    panel = window.search_actions.panel
    assert panel is not None and panel.isVisible() and panel.objectName() == "searchPanel"
    assert panel.input.text() == "zzqqxx" and panel.model.rowCount() == 0
    assert panel.status.text() == "Nothing found for “zzqqxx”."
    assert window.current_client == sample["acme"]  # nothing else happened
    panel.close()

def test_command_palette_runs_actions(
    window: MainWindow, qtbot: QtBot, store: Store, sample: dict[str, str]
) -> None:
    # A client written by another process: this window hears nothing of it ...
    other = open_store(store.path)
    try:
        with other.write() as uow:
            services.create_account(uow, "Written Elsewhere")
    finally:
        other.close()
    assert "Written Elsewhere" not in client_names(window)
    select(window, sample["kopi"])
    palette = window.app_actions.show_palette()
    qtbot.keyClicks(palette.input, "refresh")
    assert palette.list.currentItem().text() == "Refresh    F5"
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert not palette.isVisible()
    # ... until Refresh, chosen in the palette, reloads the list (keeping the selection).
    assert client_names(window) == [
        "Acme Corp",
        "Globex Inc",
        "PT Kopi Nusantara",
        "Written Elsewhere",
    ]
    assert selected_client_names(window) == ["PT Kopi Nusantara"]


def test_settings_restored_on_a_second_window(
    qtbot: QtBot, store: Store, settings: Settings, sample: dict[str, str]
) -> None:
    first = MainWindow(store, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(701, 502)
    first.clients.show_client(sample["kopi"])
    first.clients.model.sort(3, Qt.SortOrder.DescendingOrder)
    first.followups.scope.setChecked(False)
    first.splitter.setSizes([300, 500, 300])
    sizes = first.splitter.sizes()
    first.close()
    again = Settings(QSettings(settings.q.fileName(), QSettings.Format.IniFormat))
    second = MainWindow(store, again)
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (701, 502)
    assert second.current_client == sample["kopi"]
    assert (second.clients.model.filter.sort, second.clients.model.filter.descending) == (
        "last_contact",
        True,
    )
    assert second.followups.all_clients is False
    assert second.splitter.sizes() == sizes
    raw = Path(settings.q.fileName()).read_text(encoding="utf-8")
    assert "Kopi" not in raw  # no client names in settings
    second.close()


def test_edit_dialog_shows_error_next_to_field(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

    select(window, sample["acme"])
    undo_steps = window.stack.count()
    window.actions_["actionNewContact"].trigger()  # Client ▸ Add contact…
    dialog = window.findChild(QDialog, "contactDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "New contact"
    fields = {w.accessibleName(): w for w in dialog.findChildren(QLineEdit)}
    assert {"Name", "E-mails", "Phones"} <= fields.keys()
    qtbot.keyClicks(fields["Name"], "Sari Wijaya")
    qtbot.keyClicks(fields["E-mails"], "sari at acme")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    # Refused: the dialog stays open, the message sits under the field, nothing is saved.
    error = dialog.findChild(QLabel, "error_emails")
    assert error is not None and error.isVisible()
    assert error.text() == "Enter valid e-mail addresses, separated by commas."
    assert dialog.isVisible() and dialog.focusWidget() is fields["E-mails"]
    assert fields["Name"].text() == "Sari Wijaya"  # what was typed is kept
    assert not dialog.findChild(QLabel, "error_name").isVisible()
    assert window.stack.count() == undo_steps
    detail = client_queries.account_detail(window.store, sample["acme"])
    assert detail is not None and detail.contacts == ()

    fields["E-mails"].clear()
    qtbot.keyClicks(fields["E-mails"], "sari@acme.example")
    qtbot.keyClicks(fields["Phones"], "0812 1111 2222")
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    detail = client_queries.account_detail(window.store, sample["acme"])
    assert detail is not None and [(c.name, c.phones) for c in detail.contacts] == [
        ("Sari Wijaya", ("+6281211112222",))
    ]
    assert window.stack.undoText() == "New contact “Sari Wijaya”"
    qtbot.waitUntil(lambda: "Sari Wijaya" in window.timeline.header.people.text())


def test_ctrl_shift_n_opens_quick_capture_for_the_selected_client(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    from PySide6.QtWidgets import QDialog

    select(window, sample["kopi"])
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(QDialog, "quickCapture")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog is not None
    text = dialog.findChild(QPlainTextEdit, "quickCaptureText")
    assert text is not None
    qtbot.waitUntil(text.hasFocus)  # the cursor is in the text, ready to type
    text.setPlainText("Demo went well\n- [ ] kirim proposal besok")
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.timeline.model.entry_count() == 2)
    qtbot.waitUntil(
        lambda: "kirim proposal" in " ".join(window.followups.section_titles("upcoming"))
    )
    window.stack.undo()  # one undo takes the whole capture back
    qtbot.waitUntil(lambda: window.timeline.model.entry_count() == 1)
    qtbot.waitUntil(  # the follow-up pane follows once the timeline has painted
        lambda: "kirim proposal" not in " ".join(window.followups.section_titles("upcoming"))
    )


def test_reminders_wait_while_locked(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, sample: dict[str, str]
) -> None:
    window.lock()
    assert window.lock_screen.is_locked
    clock.advance(timedelta(minutes=31))
    window.reminders.check()
    assert not window.banner.isVisible()  # no client data while locked
    window.lock_screen.unlock()
    qtbot.waitUntil(window.banner.isVisible)
    assert "Call Budi back" in window.banner.label.text()


def test_recovery_banner_offered_once(
    qtbot: QtBot, store: Store, settings: Settings, sample: dict[str, str]
) -> None:
    first = MainWindow(store, settings)
    qtbot.addWidget(first)
    first.show()
    assert first.recovery_banner is not None and first.recovery_banner.isVisible()
    first.recovery_banner.later_button.click()
    assert settings.recovery_offered is True
    first.close()
    second = MainWindow(store, settings)
    qtbot.addWidget(second)
    assert second.recovery_banner is None
    second.close()


def test_deal_dialog_moves_the_stage_in_one_undo_step(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    from models import services
    from ui.dialogs import DealDialog

    with window.store.write() as uow:
        deal = services.create_deal(uow, sample["acme"], "Renewal", amount_minor=10**9)
    dialog = DealDialog(window.store, window.stack, deal_id=deal, parent=window)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Renewal 2027")
    dialog.stage.setCurrentIndex(dialog.stage.findData("proposal"))
    dialog._save()
    row = client_queries.deal(window.store, deal)
    assert row is not None and (row.title, row.stage) == ("Renewal 2027", "proposal")
    window.stack.undo()
    row = client_queries.deal(window.store, deal)
    assert row is not None and (row.title, row.stage) == ("Renewal", "lead")


def test_followups_rebuild_only_for_their_own_changes(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import services
    from ui.commands import DeleteCommand

    with window.store.write() as uow:
        quiet = services.create_account(uow, "Quiet Client")
    qtbot.waitUntil(lambda: window.clients.model.row_of(quiet) >= 0)
    select(window, quiet)
    model = window.followups.model
    queries = model.queries
    window.record_actions.save_note("note", "a note on a client with no follow-ups")
    qtbot.waitUntil(lambda: window.timeline.model.entry_count() == 1)
    assert model.queries == queries  # a note elsewhere does not read the follow-ups again
    window.run(DeleteCommand(window.store, "Delete", [("account", sample["globex"])]))
    qtbot.waitUntil(lambda: model.queries != queries)
    assert "Quarterly review" not in window.followups.section_titles("upcoming")
