"""The follow-up dialog: a due day or a day and a time, priority, edit (which ends a
snooze), undo, and a refused title."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries import followups as followup_queries
from models.queries.followups import all_day_value
from models.store import Store
from tests.ui.forms.helpers import declared_message, error_under, save, shown, type_into
from ui.commands import UndoStack
from ui.forms.followup import FollowUpDialog
from ui.main_window import MainWindow


def open_titles(store: Store, account_id: str) -> dict[str, str]:
    buckets = followup_queries.followups(store, account_id=account_id)
    rows = [*buckets.overdue, *buckets.today, *buckets.upcoming]
    return {r.title: r.id for r in rows}


def test_create_a_timed_follow_up_and_undo_it(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    store = window.store
    dialog = shown(qtbot, FollowUpDialog(store, window.stack, account_id=sample["globex"]))
    assert dialog.objectName() == "followUpDialog" and dialog.windowTitle() == "New follow-up"
    assert dialog.priority.read() == 1 and not dialog.time.isEnabled()
    type_into(qtbot, dialog.title_edit, "Send the revised quote")
    dialog.date.setDate(QDate(2026, 11, 27))
    dialog.timed.click()
    assert dialog.time.isEnabled()
    dialog.time.setTime(QTime(15, 30))
    dialog.priority.setCurrentIndex(dialog.priority.findData(2))
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    new = open_titles(store, sample["globex"])["Send the revised quote"]
    row = followup_queries.followup(store, new)
    assert row is not None
    local = datetime(2026, 11, 27, 15, 30).astimezone()
    assert (row.due_at, row.all_day, row.priority) == (local.astimezone(UTC), False, 2)
    assert window.stack.undoText() == "New follow-up “Send the revised quote”"

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Send the revised quote" not in open_titles(store, sample["globex"]))


def test_a_follow_up_without_a_time_is_due_all_day(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, FollowUpDialog(store, stack, account_id=sample["kopi"]))
    type_into(qtbot, dialog.title_edit, "Kirim proposal")
    dialog.date.setDate(QDate(2026, 12, 1))
    save(qtbot, dialog)
    row = followup_queries.followup(store, open_titles(store, sample["kopi"])["Kirim proposal"])
    assert row is not None
    assert (row.due_at, row.all_day, row.priority) == (all_day_value(date(2026, 12, 1)), True, 1)


def test_a_follow_up_needs_a_title(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, FollowUpDialog(store, stack, account_id=sample["kopi"]))
    dialog.date.setDate(QDate(2026, 12, 3))
    dialog.priority.setCurrentIndex(dialog.priority.findData(0))
    type_into(qtbot, dialog.title_edit, "  ")
    save(qtbot, dialog)
    assert error_under(dialog, "title") == declared_message("followup", "title")
    assert dialog.date.date() == QDate(2026, 12, 3) and dialog.priority.read() == 0
    assert dialog.isVisible() and stack.count() == 0
    assert set(open_titles(store, sample["kopi"])) == {"Call Budi back"}


def test_edit_a_follow_up_ends_its_snooze_and_undo_brings_it_back(
    qtbot: QtBot, store: Store, stack: UndoStack, clock: FixedClock, sample: dict[str, str]
) -> None:
    snoozed = clock.now() + timedelta(days=1)
    with store.write() as uow:
        services.snooze_followup(uow, sample["soon"], snoozed)
    before = followup_queries.followup(store, sample["soon"])
    assert before is not None
    dialog = shown(qtbot, FollowUpDialog(store, stack, followup_id=sample["soon"]))
    assert dialog.windowTitle() == "Edit follow-up"
    assert dialog.title_edit.text() == "Call Budi back" and dialog.timed.isChecked()
    assert dialog.due() == (before.due_at, False)
    type_into(qtbot, dialog.title_edit, "Call Budi about pricing")
    dialog.timed.click()  # the whole day instead
    save(qtbot, dialog)
    row = followup_queries.followup(store, sample["soon"])
    assert row is not None
    day = before.due_at.astimezone().date()
    assert (row.title, row.due_at, row.all_day, row.snoozed_until) == (
        "Call Budi about pricing",
        all_day_value(day),
        True,
        None,
    )
    assert stack.undoText() == "Edit follow-up “Call Budi about pricing”"
    stack.undo()
    assert followup_queries.followup(store, sample["soon"]) == before
