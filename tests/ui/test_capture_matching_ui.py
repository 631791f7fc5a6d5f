"""Quick capture as notes are really written: the company named in the note beats the
client selected in the window (said in the preview, asked before saving), the picker is
always editable, "Create new client" first when nothing matches well, people matched
to contacts (namesakes picked, unknown people added), unsure dates confirmed before
saving, and the saved note shown as written on the timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from models import services
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.queries import timeline as timeline_queries
from models.store import Store
from tests.ui.test_main_window import select
from tests.ui.test_quick_capture import forget_text
from ui.main_window import MainWindow
from ui.quick_capture import QuickCaptureDialog
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.timeline_delegate import TimelineDelegate, title_and_body

PROSE = (
    "Ketemu Pak Budi di kantor PT Maju Jaya. Mereka tertarik paket enterprise Rp 500 jt.\n"
    "- [ ] kirim proposal besok"
)


@pytest.fixture
def maju(store: Store) -> dict[str, str]:
    with store.write() as uow:
        ids = {
            name: services.create_account(uow, name)
            for name in ("PT Maju Jaya", "PT Maju Indah", "CV Maju Harapan Pangan")
        }
        ids["budi"] = services.create_contact(uow, "Budi Santoso", account_id=ids["PT Maju Jaya"])
        ids["budiman"] = services.create_contact(uow, "Budiman", account_id=ids["PT Maju Jaya"])
    return ids


Opener = Callable[[str | None], QuickCaptureDialog]


@pytest.fixture
def open_dialog(qtbot: QtBot, store: Store) -> Opener:
    def opener(account_id: str | None) -> QuickCaptureDialog:
        dialog = QuickCaptureDialog(store, QUndoStack(), account_id, default_working_days=2)
        qtbot.addWidget(dialog, before_close_func=forget_text)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.template_combo.count() > 1)
        return dialog

    return opener


def answer(qtbot: QtBot, button_name: str, seen: list[str]) -> None:
    """Click ``button_name`` in the next message box, noting its text in ``seen``."""

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                button = widget.findChild(QPushButton, button_name)
                assert button is not None
                button.click()
                return
        QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def items(dialog: QuickCaptureDialog) -> list[str]:
    combo = dialog.preview.client_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_named_client_beats_the_selected_one_with_a_warning_and_a_question(
    qtbot: QtBot, open_dialog: Opener, store: Store, maju: dict[str, str]
) -> None:
    dialog = open_dialog(maju["PT Maju Indah"])
    dialog.editor.setPlainText(PROSE)
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.currentText() == "PT Maju Jaya")
    assert combo.isEditable() and combo.isEnabled()
    assert items(dialog)[:2] == ["PT Maju Jaya", "PT Maju Indah"]  # then the selected one
    assert "CV Maju Harapan Pangan" not in items(dialog)  # a near miss is not offered
    warning = dialog.preview.client_warning
    assert warning.isVisibleTo(dialog)
    assert "PT Maju Jaya" in warning.text() and "PT Maju Indah" in warning.text()
    assert dialog.preview.contacts.text() == "Budi Santoso"  # the named client's people

    seen: list[str] = []
    answer(qtbot, "captureConflictBack", seen)
    assert not dialog.save()  # went back to pick
    assert seen and "PT Maju Jaya" in seen[0]
    assert timeline_queries.timeline_page(store, maju["PT Maju Jaya"])[0] == []

    answer(qtbot, "captureConflictSave", seen)
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    assert saved.args == [maju["PT Maju Jaya"]]
    (entry,) = timeline_queries.timeline_page(store, maju["PT Maju Jaya"])[0]
    assert entry.contact_names == ("Budi Santoso",)
    assert entry.body == PROSE  # as written: line breaks and the next-step line


def test_picking_the_selected_client_silences_the_question(
    qtbot: QtBot, open_dialog: Opener, store: Store, maju: dict[str, str]
) -> None:
    dialog = open_dialog(maju["PT Maju Indah"])
    dialog.editor.setPlainText(PROSE)
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.currentText() == "PT Maju Jaya")
    index = combo.findText("PT Maju Indah")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert not dialog.preview.client_warning.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.editor, " Lagi.")  # the pick is kept while typing
    dialog.reparse()
    assert combo.currentText() == "PT Maju Indah"
    assert dialog.save()  # no question: the user chose
    assert len(timeline_queries.timeline_page(store, maju["PT Maju Indah"])[0]) == 1


def test_create_new_first_named_from_the_mention(
    qtbot: QtBot, open_dialog: Opener, store: Store
) -> None:
    with store.write() as uow:
        for name in ("PT Maju Indah", "CV Maju Harapan Pangan", "Globe Express"):
            services.create_account(uow, name)
    dialog = open_dialog(None)
    dialog.editor.setPlainText(PROSE)
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.currentData() == "")
    assert items(dialog) == ["Create new client “PT Maju Jaya”"]  # never the sentence
    assert dialog.preview.client_hint.text() == "A new client will be created."
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    names = dict(client_queries.client_names(store))
    assert names[saved.args[0]] == "PT Maju Jaya"


def test_a_client_typed_into_the_picker(
    qtbot: QtBot, open_dialog: Opener, store: Store, maju: dict[str, str]
) -> None:
    dialog = open_dialog(None)
    dialog.editor.setPlainText("Rapat anggaran, belum ada keputusan")
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.count() == 1)
    assert combo.currentData() is None  # "Choose a client…"
    assert not dialog.save()
    assert "client" in dialog.preview.error.text(), dialog.preview.error.text()
    line = combo.lineEdit()
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "maju indah")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert combo.currentData() == maju["PT Maju Indah"]
    assert (
        dialog.isVisible() and timeline_queries.timeline_page(store, maju["PT Maju Indah"])[0] == []
    )
    line.selectAll()
    qtbot.keyClicks(line, "Koperasi Sumber Rejeki")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert combo.currentText() == "Create new client “Koperasi Sumber Rejeki”"
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save(), (dialog.preview.error.text(), dialog.preview.chosen_client())
    assert dict(client_queries.client_names(store))[saved.args[0]] == "Koperasi Sumber Rejeki"


def test_unknown_person_added_as_a_contact_and_undone(
    qtbot: QtBot, store: Store, maju: dict[str, str]
) -> None:
    stack = QUndoStack()
    dialog = QuickCaptureDialog(store, stack, None, default_working_days=2)
    qtbot.addWidget(dialog, before_close_func=forget_text)
    dialog.show()
    dialog.editor.setPlainText("Ketemu Bu Rina dan Pak Budi di PT Maju Jaya. Budiman absen.")
    qtbot.waitUntil(lambda: dialog.preview.people.checks != [])
    assert dialog.preview.contacts.text() == "Budi Santoso, Budiman"  # whole names only
    (check,) = dialog.preview.people.checks
    assert check.objectName().startswith("personAdd") and "Rina" in check.text()
    check.setChecked(True)
    assert "Rina (new)" in dialog.preview.contacts.text()
    assert dialog.save()
    detail = client_queries.account_detail(store, maju["PT Maju Jaya"])
    assert detail is not None and "Rina" in [c.name for c in detail.contacts]
    (entry,) = timeline_queries.timeline_page(store, maju["PT Maju Jaya"])[0]
    assert set(entry.contact_names) == {"Rina", "Budi Santoso", "Budiman"}
    stack.undo()
    detail = client_queries.account_detail(store, maju["PT Maju Jaya"])
    assert detail is not None and "Rina" not in [c.name for c in detail.contacts]


def test_two_budis_must_be_picked(
    qtbot: QtBot, open_dialog: Opener, store: Store, maju: dict[str, str]
) -> None:
    with store.write() as uow:
        other = services.create_contact(uow, "Budi Hartono", account_id=maju["PT Maju Jaya"])
    dialog = open_dialog(maju["PT Maju Jaya"])
    dialog.editor.setPlainText("Call with Pak Budi about the renewal")
    qtbot.waitUntil(lambda: dialog.preview.people.combos != [])
    assert dialog.preview.contacts.text() == "Pak Budi?"
    (combo,) = dialog.preview.people.combos
    index = combo.findData(other)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: dialog.preview.contacts.text() == "Budi Hartono")
    assert dialog.save()
    (entry,) = timeline_queries.timeline_page(store, maju["PT Maju Jaya"])[0]
    assert entry.contact_names == ("Budi Hartono",)


def test_unsure_dates_must_be_confirmed_before_saving(
    qtbot: QtBot, store: Store, maju: dict[str, str]
) -> None:
    dialog = QuickCaptureDialog(store, QUndoStack(), maju["PT Maju Jaya"], default_working_days=5)
    qtbot.addWidget(dialog, before_close_func=forget_text)
    dialog.show()
    dialog.editor.setPlainText("Visit\n- [ ] kirim brosur\n- [ ] call Budi besok")
    rows = dialog.preview.followups
    qtbot.waitUntil(lambda: len(rows.items()) == 2)
    # No date: the user's default, five working days from Tuesday 24 Nov 2026.
    assert rows.editors[0].date().toPython() == date(2026, 12, 1)
    assert rows.confirms[0].isVisibleTo(dialog) and not rows.confirms[1].isVisibleTo(dialog)
    assert not dialog.save()
    assert "dates" in dialog.preview.error.text()
    assert followup_queries.followups(store, account_id=maju["PT Maju Jaya"]).upcoming == ()
    qtbot.mouseClick(rows.confirms[0], Qt.MouseButton.LeftButton)
    assert not rows.warnings[0].isVisibleTo(dialog)
    dialog.reparse()  # the confirmation survives a reparse
    assert rows.unconfirmed() == []
    assert dialog.save()
    titles = sorted(
        f.title for f in followup_queries.followups(store, account_id=maju["PT Maju Jaya"]).upcoming
    )
    assert titles == ["call Budi", "kirim brosur"]


def test_deal_title_from_what_was_discussed(
    qtbot: QtBot, open_dialog: Opener, store: Store, maju: dict[str, str]
) -> None:
    dialog = open_dialog(maju["PT Maju Jaya"])
    dialog.editor.setPlainText(PROSE)
    qtbot.waitUntil(lambda: dialog.preview.deal_check.isVisibleTo(dialog))
    dialog.preview.deal_check.setChecked(True)
    assert dialog.preview.deal_title.text() == "Paket enterprise"
    assert dialog.save()
    detail = client_queries.account_detail(store, maju["PT Maju Jaya"])
    assert detail is not None and [d.title for d in detail.open_deals] == ["Paket enterprise"]


def test_default_due_setting(qtbot: QtBot, tmp_path: object) -> None:
    settings = Settings(QSettings(f"{tmp_path}/s.ini", QSettings.Format.IniFormat))
    assert settings.capture_default_days == 2
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.default_days.objectName() == "settingsDefaultDueDays"
    dialog.default_days.setValue(4)
    dialog.accept()
    assert settings.capture_default_days == 4
    settings.capture_default_days = 99
    assert settings.capture_default_days == 30


def test_window_ctrl_shift_n_with_another_client_named(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    select(window, sample["kopi"])
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(QuickCaptureDialog, "quickCapture")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog is not None
    combo = dialog.preview.client_combo
    qtbot.waitUntil(lambda: combo.currentText() == "PT Kopi Nusantara")
    assert combo.isEditable()  # also when a client is selected
    dialog.editor.setPlainText("Demo di Globex berjalan lancar\n- [ ] kirim proposal besok")
    qtbot.waitUntil(lambda: combo.currentText() == "Globex Inc")
    assert dialog.preview.client_warning.isVisibleTo(dialog)
    seen: list[str] = []
    answer(qtbot, "captureConflictSave", seen)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Globex" in seen[0] and "PT Kopi Nusantara" in seen[0]
    qtbot.waitUntil(lambda: window.current_client == sample["globex"])
    qtbot.waitUntil(lambda: window.timeline.model.entry_count() == 1)


def test_timeline_shows_the_note_as_written_without_the_subject_twice(
    qtbot: QtBot, store: Store, maju: dict[str, str]
) -> None:
    subject = "Ketemu Pak Budi di kantor PT Maju Jaya."
    assert title_and_body(subject, PROSE) == (subject, PROSE[len(subject) + 1 :])
    assert title_and_body("Ketemu Pak…", PROSE) == ("", PROSE)  # cut short: body in full
    assert title_and_body("Kick-off", "**Budget** agreed") == ("Kick-off", "**Budget** agreed")
    with store.write() as uow:
        services.add_interaction(
            uow, maju["PT Maju Jaya"], subject=subject, body=PROSE, body_format="plain"
        )
    (row,) = timeline_queries.timeline_page(store, maju["PT Maju Jaya"])[0]
    delegate = TimelineDelegate()
    doc = delegate._doc(row, 400, QFont())
    shown = doc.toPlainText()
    assert "\n- [ ] kirim proposal besok" in shown  # line breaks kept
    assert subject not in shown
    option = QStyleOptionViewItem()
    assert delegate.sizeHint(option, _Index(row)).height() > 0


class _Index:
    """Just enough of a model index for the delegate's size hint."""

    def __init__(self, row: object) -> None:
        self.row = row

    def data(self, _role: int) -> object:
        return self.row
