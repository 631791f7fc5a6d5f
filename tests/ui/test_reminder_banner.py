"""The reminder banner: Done (undoable, the pane's action), Snooze (the pane's menu),
and the "Pick a date…" dialog (labelled, calendar, tomorrow 09:00, no past times)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.queries import followups as followup_queries
from tests.ui.user import Script, button, click
from ui.followup_actions import SnoozeDialog
from ui.followups import snooze_choices
from ui.main_window import MainWindow
from ui.qtime import qdatetime


def fire(window: MainWindow, qtbot: QtBot, clock: FixedClock) -> None:
    clock.advance(timedelta(minutes=31))
    window.reminders.check()
    qtbot.waitUntil(window.banner.isVisible)


def test_banner_offers_open_done_snooze_and_dismiss(
    window: MainWindow, qtbot: QtBot, clock: FixedClock
) -> None:
    fire(window, qtbot, clock)
    shown = [
        b.text()
        for b in (
            window.banner.open_button,
            window.banner.done_button,
            window.banner.snooze_button,
            window.banner.dismiss_button,
        )
        if b.isVisible()
    ]
    assert shown == ["Open client", "Done", "Snooze", "Dismiss"]


def test_banner_done_completes_and_undo_reopens(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, sample: dict[str, str]
) -> None:
    fire(window, qtbot, clock)
    qtbot.mouseClick(window.banner.done_button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    row = followup_queries.followup(window.store, sample["soon"])
    assert row is not None and row.done_at == clock.now()
    assert window.stack.undoText() == "Complete “Call Budi back”"
    qtbot.waitUntil(lambda: sample["soon"] in window.followups.section_ids("done"))
    window.stack.undo()
    row = followup_queries.followup(window.store, sample["soon"])
    assert row is not None and row.done_at is None
    qtbot.waitUntil(lambda: sample["soon"] not in window.followups.section_ids("done"))


def test_banner_snooze_uses_the_panes_menu(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, sample: dict[str, str]
) -> None:
    fire(window, qtbot, clock)
    script = Script().menu("Tomorrow morning")
    with script:
        qtbot.mouseClick(window.banner.snooze_button, Qt.MouseButton.LeftButton)
    assert script.done and script.unexpected == []
    assert script.seen == [
        "Later today (3 hours)\nTomorrow morning\nNext week (Monday)\nPick a date…"
    ]
    row = followup_queries.followup(window.store, sample["soon"])
    assert row is not None and row.snoozed_until == snooze_choices(clock.now())["tomorrow"]
    assert window.stack.undoText() == "Snooze “Call Budi back”"
    assert not window.banner.isVisible()


def test_banner_snooze_pick_a_date_opens_the_picker(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, sample: dict[str, str]
) -> None:
    fire(window, qtbot, clock)
    tomorrow = snooze_choices(clock.now())["tomorrow"]

    def two_days_later(dialog: QWidget) -> None:
        assert isinstance(dialog, SnoozeDialog)
        dialog.edit.setDateTime(dialog.edit.dateTime().addDays(2))
        click("OK")(dialog)

    script = Script().menu("Pick a date…").dialog(two_days_later)
    with script:
        qtbot.mouseClick(window.banner.snooze_button, Qt.MouseButton.LeftButton)
    assert script.done and script.unexpected == []
    assert "Snooze until" in script.seen[1] and "Remind me again on:" in script.seen[1]
    row = followup_queries.followup(window.store, sample["soon"])
    assert row is not None and row.snoozed_until == tomorrow + timedelta(days=2)


def test_snooze_dialog_is_labelled_preset_and_refuses_the_past(
    qtbot: QtBot, clock: FixedClock
) -> None:
    dialog = SnoozeDialog(clock.now)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.findChild(QDateTimeEdit)
    assert edit is dialog.edit and edit.calendarPopup()
    labels = [label for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert [label.buddy() for label in labels] == [edit]
    assert edit.dateTime() == qdatetime(snooze_choices(clock.now())["tomorrow"])
    assert dialog.until() == snooze_choices(clock.now())["tomorrow"]
    assert edit.displayFormat()  # a readable date and time, not a bare number field
    assert edit.width() >= 200
    edit.setDateTime(qdatetime(clock.now() - timedelta(hours=1)))
    button(dialog, "OK").click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible() and "already passed" in dialog.error.text()
    edit.setDateTime(qdatetime(clock.now() + timedelta(hours=2)))
    assert not dialog.error.isVisible()
    button(dialog, "OK").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.until() == (clock.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
