"""The quick-capture dialog driven as a user would: type, check the preview, fix a
date, save with Ctrl+Enter, undo it all; fuzzy client, new client, templates, drafts,
and the ``capture`` subcommand."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

import main
from models import services
from models.capture import drafts
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.queries import timeline as timeline_queries
from models.store import Store, open_store
from ui.capture_app import run_capture
from ui.capture_templates import TemplatesDialog
from ui.quick_capture import QuickCaptureDialog

DESIGN_LINES = [
    "Acme Corp — met Budi and Sari, demo went well, budget ~ Rp 500 jt",
    "- kirim proposal besok",
    "- [ ] call Sari next Tuesday about pricing",
    "TODO: invite to webinar in 2 weeks",
]


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def acme(store: Store) -> str:
    with store.write() as uow:
        acme_id = services.create_account(uow, "Acme Corp")
        services.create_contact(uow, "Budi Santoso", account_id=acme_id)
        services.create_contact(uow, "Sari Wijaya", account_id=acme_id)
        services.create_account(uow, "Acme Logistics")
        services.create_account(uow, "PT Bank Mandiri (Persero) Tbk")
    return acme_id


Opener = Callable[[str | None], QuickCaptureDialog]


def forget_text(dialog: QWidget) -> None:
    """Closing after a test asks nothing (a failed test must not hang on the question)."""
    if isinstance(dialog, QuickCaptureDialog) and not dialog.isHidden():
        dialog.editor.blockSignals(True)
        dialog.editor.clear()


@pytest.fixture
def open_dialog(qtbot: QtBot, store: Store, stack: QUndoStack) -> Opener:
    def opener(account_id: str | None) -> QuickCaptureDialog:
        dialog = QuickCaptureDialog(store, stack, account_id)
        qtbot.addWidget(dialog, before_close_func=forget_text)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.template_combo.count() > 1)  # the database was read
        return dialog

    return opener


def local_day(store: Store, day: date) -> datetime:
    """Midnight of ``day`` in the local zone, as stored (UTC)."""
    tz = store.clock.now().astimezone().tzinfo
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def type_text(qtbot: QtBot, dialog: QuickCaptureDialog, text: str) -> None:
    """Type ``text`` key by key; a non-ASCII character ("—") arrives as an input method
    would send it (QTest can only synthesise keys for ASCII)."""
    run = ""
    for ch in text + "\0":
        if ch.isascii() and ch != "\0":
            run += ch
            continue
        if run:
            qtbot.keyClicks(dialog.editor, run)
            run = ""
        if ch != "\0":
            dialog.editor.insertPlainText(ch)


def type_lines(qtbot: QtBot, dialog: QuickCaptureDialog, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
        type_text(qtbot, dialog, line)


def due_dates(dialog: QuickCaptureDialog) -> list[date]:
    return [e.date().toPython() for e in dialog.preview.followups.editors]  # type: ignore[misc]


def wait_followups(qtbot: QtBot, dialog: QuickCaptureDialog, count: int) -> None:
    qtbot.waitUntil(lambda: len(dialog.preview.followups.items()) == count)


def answer_box(qtbot: QtBot, button_name: str) -> None:
    """Click ``button_name`` in the keep-draft question as soon as it is shown."""

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                button: QAbstractButton | None = widget.findChild(QPushButton, button_name)
                if button is None:  # the standard Cancel button has no objectName
                    button = widget.button(QMessageBox.StandardButton.Cancel)
                assert button is not None
                button.click()
                return
        QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


# -- opening ------------------------------------------------------------------------------


def test_opens_with_the_cursor_in_the_text(open_dialog: Opener, acme: str) -> None:
    dialog = open_dialog(acme)
    assert dialog.objectName() == "quickCapture"
    assert dialog.editor.objectName() == "quickCaptureText"
    assert QApplication.focusWidget() is dialog.editor
    combo = dialog.preview.client_combo
    assert combo.isVisibleTo(dialog) and combo.isEditable() and combo.isEnabled()
    assert (combo.currentText(), combo.currentData()) == ("Acme Corp", acme)
    assert not dialog.preview.client_warning.isVisibleTo(dialog)
    assert not dialog.banner.isVisibleTo(dialog)


# -- the design example, end to end -------------------------------------------------------


def test_design_example_preview_save_undo_redo(
    qtbot: QtBot, open_dialog: Opener, store: Store, stack: QUndoStack, acme: str
) -> None:
    dialog = open_dialog(acme)
    type_lines(qtbot, dialog, DESIGN_LINES)
    wait_followups(qtbot, dialog, 3)
    preview = dialog.preview
    assert [t.text() for t in preview.followups.titles] == [
        "kirim proposal",
        "call Sari about pricing",
        "invite to webinar",
    ]
    # Tuesday 24 Nov 2026: besok = Wed 25, next Tuesday = 1 Dec, in 2 weeks = 8 Dec.
    assert due_dates(dialog) == [date(2026, 11, 25), date(2026, 12, 1), date(2026, 12, 8)]
    assert not any(w.isVisibleTo(dialog) for w in preview.followups.warnings)
    assert preview.kind() == "meeting"
    assert preview.contacts.text() == "Budi Santoso, Sari Wijaya"
    assert "500" in preview.amount.text() and preview.deal_check.isVisibleTo(dialog)

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [acme]
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert stack.count() == 1

    entries, _ = timeline_queries.timeline_page(store, acme)
    assert [e.subject for e in entries] == [DESIGN_LINES[0]]
    assert set(entries[0].contact_names) == {"Budi Santoso", "Sari Wijaya"}
    upcoming = followup_queries.followups(store, account_id=acme).upcoming
    assert sorted((f.due_at, f.title) for f in upcoming) == [
        (local_day(store, date(2026, 11, 25)), "kirim proposal"),
        (local_day(store, date(2026, 12, 1)), "call Sari about pricing"),
        (local_day(store, date(2026, 12, 8)), "invite to webinar"),
    ]
    assert {f.interaction_id for f in upcoming} == {entries[0].id}
    assert drafts.load_draft(store) is None

    stack.undo()
    assert timeline_queries.timeline_page(store, acme)[0] == []
    assert followup_queries.followups(store, account_id=acme).upcoming == ()
    stack.redo()
    assert len(timeline_queries.timeline_page(store, acme)[0]) == 1
    assert len(followup_queries.followups(store, account_id=acme).upcoming) == 3


def test_save_button_and_a_deal(
    qtbot: QtBot, open_dialog: Opener, store: Store, stack: QUndoStack, acme: str
) -> None:
    dialog = open_dialog(acme)
    dialog.editor.setPlainText("Budget Rp 500 jt agreed\n- send contract besok")
    wait_followups(qtbot, dialog, 1)
    dialog.preview.deal_check.setChecked(True)
    assert dialog.preview.deal_title.isVisibleTo(dialog)
    assert dialog.preview.deal_title.text() == ""  # "Budget" says nothing about what is sold
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "title" in dialog.preview.error.text()
    qtbot.keyClicks(dialog.preview.deal_title, "Annual licence")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    detail = client_queries.account_detail(store, acme)
    assert detail is not None
    assert [(d.title, d.amount_minor, d.currency) for d in detail.open_deals] == [
        ("Annual licence", 500_000_000, "IDR")
    ]
    stack.undo()
    detail = client_queries.account_detail(store, acme)
    assert detail is not None and detail.open_deals == ()
    assert timeline_queries.timeline_page(store, acme)[0] == []


def test_kind_chosen_by_the_user_is_kept_and_saved(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    dialog = open_dialog(acme)
    qtbot.keyClicks(dialog.editor, "Demo of the dashboard")
    qtbot.waitUntil(lambda: dialog.preview.kind() == "demo")
    combo = dialog.preview.kind_combo
    combo.setCurrentIndex(combo.findData("call"))
    combo.activated.emit(combo.currentIndex())
    qtbot.keyClicks(dialog.editor, ", they liked it")
    dialog.reparse()
    assert dialog.preview.kind() == "call"
    assert dialog.save()
    (entry,) = timeline_queries.timeline_page(store, acme)[0]
    assert entry.kind == "call"


# -- the client from the first line -------------------------------------------------------


def test_a_typo_offers_create_new_first_then_the_close_spelling(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    dialog = open_dialog(None)
    type_lines(qtbot, dialog, ["Acme Crop — quick call with Budi", "- send deck besok"])
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.count() > 1)
    assert combo.isVisibleTo(dialog)
    # Nothing matches well: "Create new client" comes first; the close spelling follows.
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Create new client “Acme Crop”",
        "Acme Corp",
    ]
    assert combo.currentData() == ""
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    qtbot.waitUntil(lambda: dialog.preview.contacts.text() == "Budi Santoso")
    assert dialog.save()
    (entry,) = timeline_queries.timeline_page(store, acme)[0]
    assert entry.kind == "call" and entry.contact_names == ("Budi Santoso",)


def test_picking_another_candidate_is_kept(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    dialog = open_dialog(None)
    type_text(qtbot, dialog, "Acme — visit")
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.count() == 2)
    assert combo.currentText() == "Acme Corp"  # its name without "Corp"; Logistics next
    logistics = next(i for i in range(combo.count()) if combo.itemText(i) == "Acme Logistics")
    combo.setCurrentIndex(logistics)
    combo.activated.emit(logistics)
    qtbot.keyClicks(dialog.editor, " went well")
    dialog.reparse()
    assert combo.currentText() == "Acme Logistics"
    assert dialog.save()
    (target,) = [i for i, n in client_queries.client_names(store) if n == "Acme Logistics"]
    assert len(timeline_queries.timeline_page(store, target)[0]) == 1
    assert timeline_queries.timeline_page(store, acme)[0] == []


def test_unknown_client_is_offered_and_created_and_undone(
    qtbot: QtBot, open_dialog: Opener, store: Store, stack: QUndoStack, acme: str
) -> None:
    dialog = open_dialog(None)
    type_lines(qtbot, dialog, ["Nusantara Foods — intro meeting", "- send deck Friday"])
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.currentData() is not None)
    assert combo.currentData() == "" and combo.itemText(0) == combo.currentText()
    assert combo.currentText() == "Create new client “Nusantara Foods”"
    assert dialog.preview.client_hint.text() == "A new client will be created."
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    new_id = saved.args[0]
    assert (new_id, "Nusantara Foods") in client_queries.client_names(store)
    assert len(followup_queries.followups(store, account_id=new_id).upcoming) == 1
    stack.undo()
    assert "Nusantara Foods" not in [n for _, n in client_queries.client_names(store)]


def test_no_client_named_refuses_to_save(
    qtbot: QtBot, open_dialog: Opener, store: Store, stack: QUndoStack, acme: str
) -> None:
    dialog = open_dialog(None)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert dialog.preview.error.isVisibleTo(dialog)
    assert "client" in dialog.preview.error.text()
    assert stack.count() == 0


# -- dates --------------------------------------------------------------------------------


def test_edited_due_date_survives_typing_and_is_saved(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    dialog = open_dialog(acme)
    dialog.editor.setPlainText("\n".join(DESIGN_LINES))
    wait_followups(qtbot, dialog, 3)
    first = dialog.preview.followups.editors[0]
    first.setDateTime(QDateTime(QDate(2026, 12, 10), QTime(0, 0)))
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.editor, "- [ ] email Budi lusa")
    wait_followups(qtbot, dialog, 4)
    assert due_dates(dialog) == [
        date(2026, 12, 10),
        date(2026, 12, 1),
        date(2026, 12, 8),
        date(2026, 11, 26),
    ]
    assert dialog.save()
    titles = {
        f.title: f.due_at for f in followup_queries.followups(store, account_id=acme).upcoming
    }
    assert titles["kirim proposal"] == local_day(store, date(2026, 12, 10))
    assert titles["email Budi"] == local_day(store, date(2026, 11, 26))


def test_unsure_dates_are_marked_until_confirmed(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    dialog = open_dialog(acme)
    dialog.editor.setPlainText(
        "Call notes\n- [ ] call Budi\n- send quote 3/4\n- [ ] ask Sari besok"
    )
    wait_followups(qtbot, dialog, 3)
    warnings = dialog.preview.followups.warnings
    shown = [w.isVisibleTo(dialog) for w in warnings]
    assert shown == [True, True, False]
    assert "check date" in warnings[0].text()
    assert "default" in warnings[0].toolTip()
    assert "day/month" in warnings[1].toolTip()
    # Nothing is guessed silently: the default is two working days after Tue 24 Nov.
    assert due_dates(dialog)[0] == date(2026, 11, 26)
    dialog.preview.followups.editors[0].setDate(QDate(2026, 11, 30))
    assert not warnings[0].isVisibleTo(dialog)
    dialog.reparse()
    assert not dialog.preview.followups.warnings[0].isVisibleTo(dialog)


# -- templates ----------------------------------------------------------------------------


def test_template_is_inserted_from_the_combo(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    dialog = open_dialog(acme)
    combo = dialog.template_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[1:4] == ["Discovery call", "Quarterly account review", "Kunjungan klien"]
    index = names.index("Kunjungan klien")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert dialog.editor.toPlainText().startswith("## Peserta\n")
    assert dialog.editor.textCursor().blockNumber() == 0  # ready to type on the first heading
    assert combo.currentIndex() == 0
    dialog.reparse()
    assert dialog.preview.followups.items() == []


def test_template_leaves_the_first_line_for_the_client(open_dialog: Opener, acme: str) -> None:
    dialog = open_dialog(None)
    dialog.insert_template("## Attendees\n\n## Next steps\n- [ ] ")
    assert dialog.editor.toPlainText() == "\n## Attendees\n\n## Next steps\n- [ ] "
    assert dialog.editor.textCursor().position() == 0


def test_edit_templates_dialog(qtbot: QtBot, open_dialog: Opener, store: Store, acme: str) -> None:
    dialog = open_dialog(acme)
    combo = dialog.template_combo
    edit_index = combo.findData("__edit__")
    combo.setCurrentIndex(edit_index)
    combo.activated.emit(edit_index)
    editor = dialog.findChild(TemplatesDialog, "captureTemplates")
    assert isinstance(editor, TemplatesDialog) and editor.isVisible()
    assert editor.list.count() == 3
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.list.count() == 4 and editor.list.currentRow() == 3
    editor.name.setText("Demo debrief")
    editor.body.setPlainText("## What they liked\n")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert [(t.name, t.body) for t in drafts.list_templates(store)][-1] == (
        "Demo debrief",
        "## What they liked\n",
    )
    editor.name.setText("   ")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error.isVisibleTo(editor)
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert "Discovery call" not in [t.name for t in drafts.list_templates(store)]
    editor.reject()
    qtbot.waitUntil(lambda: combo.findText("Demo debrief") > 0)
    assert combo.findText("Discovery call") < 0


# -- drafts -------------------------------------------------------------------------------


def test_draft_is_saved_while_typing_and_offered_back(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    first = open_dialog(acme)
    qtbot.keyClicks(first.editor, "Met Budi, wants a trial")

    def draft_written() -> None:
        draft = drafts.load_draft(store)
        assert draft is not None and draft.text == "Met Budi, wants a trial"

    qtbot.waitUntil(draft_written, timeout=3000)
    assert drafts.load_draft(store).account_id == acme  # type: ignore[union-attr]
    first.hide()  # as if the process died: no close, no question

    second = open_dialog(None)
    qtbot.waitUntil(lambda: second.banner.isVisibleTo(second))
    assert second.banner.label.text().startswith("Restore unsaved note from ")
    qtbot.keyClicks(second.editor, "typed meanwhile")
    qtbot.wait(0)
    second.write_draft()  # an older draft on offer is never overwritten
    assert drafts.load_draft(store).text == "Met Budi, wants a trial"  # type: ignore[union-attr]
    second.editor.clear()
    qtbot.mouseClick(second.banner.restore_button, Qt.MouseButton.LeftButton)
    assert second.editor.toPlainText() == "Met Budi, wants a trial"
    assert second.account_id == acme
    assert not second.banner.isVisibleTo(second)
    assert second.preview.client_combo.currentText() == "Acme Corp"


def test_offered_draft_can_be_discarded(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    drafts.save_draft(store, "old text", None)
    dialog = open_dialog(acme)
    qtbot.waitUntil(lambda: dialog.banner.isVisibleTo(dialog))
    qtbot.mouseClick(dialog.banner.discard_button, Qt.MouseButton.LeftButton)
    assert not dialog.banner.isVisibleTo(dialog)
    assert drafts.load_draft(store) is None
    assert dialog.editor.toPlainText() == ""


@pytest.mark.parametrize(
    ("button", "kept", "open_after"),
    [("keepDraft", True, False), ("discardDraft", False, False), ("cancel", True, True)],
)
def test_closing_with_text_asks_about_the_draft(
    qtbot: QtBot,
    open_dialog: Opener,
    store: Store,
    acme: str,
    button: str,
    kept: bool,
    open_after: bool,
) -> None:
    dialog = open_dialog(acme)
    qtbot.keyClicks(dialog.editor, "Half a thought")
    dialog.write_draft()
    answer_box(qtbot, button)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert dialog.isVisible() == open_after
    draft = drafts.load_draft(store)
    assert (draft is not None and draft.text == "Half a thought") == kept


def test_closing_an_empty_note_asks_nothing(
    qtbot: QtBot, open_dialog: Opener, store: Store, acme: str
) -> None:
    dialog = open_dialog(acme)
    qtbot.keyClicks(dialog.editor, "x")
    dialog.write_draft()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Backspace)
    dialog.reject()
    assert not dialog.isVisible()
    assert drafts.load_draft(store) is None


# -- python main.py capture ---------------------------------------------------------------


def _capture_args(db: Path) -> argparse.Namespace:
    return main.build_parser().parse_args(["--db", str(db), "capture"])


def test_capture_subcommand_saves_and_exits_zero(
    qtbot: QtBot, db_path: Path, clock: object
) -> None:
    store = open_store(db_path)
    with store.write() as uow:
        acme = services.create_account(uow, "Acme Corp")
    store.close()

    def type_and_save() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QuickCaptureDialog) and widget.isVisible():
                widget.editor.setPlainText("Acme Corp — call\n- send deck besok")
                widget.save()
                return
        QTimer.singleShot(10, type_and_save)

    QTimer.singleShot(0, type_and_save)
    assert run_capture(_capture_args(db_path), interactive=False) == 0
    store = open_store(db_path)
    try:
        (entry,) = timeline_queries.timeline_page(store, acme)[0]
        assert entry.kind == "call"
        assert len(followup_queries.followups(store, account_id=acme).upcoming) == 1
    finally:
        store.close()


def test_capture_subcommand_cancel_exits_zero(qtbot: QtBot, db_path: Path) -> None:
    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QuickCaptureDialog) and widget.isVisible():
                widget.reject()
                return
        QTimer.singleShot(10, cancel)

    QTimer.singleShot(0, cancel)
    assert run_capture(_capture_args(db_path), interactive=False) == 0


def test_capture_subcommand_reports_a_bad_database(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_capture(_capture_args(tmp_path / "missing" / "x.db"), interactive=False)
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
